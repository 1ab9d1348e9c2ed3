import { HttpStatus } from '@nestjs/common';
import {
  formatFen,
  LIVE_SESSION_ACTION_LABELS,
  specLabel,
  type CouponChannel,
  type CouponType,
  type LiveSessionAction,
  type LiveSessionInput,
  type LiveSessionStatus,
} from '../../../shared';
import { ApiException, fieldError } from '../platform/errors/api-exception';

/** 400 LIVE_SESSION_INVALID; with `field`, the field it concerns (details, as the console marks fields). */
export const sessionInvalid = (message: string, field?: string) =>
  new ApiException('LIVE_SESSION_INVALID', HttpStatus.BAD_REQUEST, message, field ? [{ field, message }] : undefined);

const DAY_MS = 86_400_000;
/** A plan further ahead than this is a typo, not a plan. */
export const LIVE_PLAN_AHEAD_MAX_DAYS = 365;
/** A session longer than this is a typo (a Channels live runs hours; a replay is not a session). */
export const LIVE_SESSION_MAX_DAYS = 7;

/** A SKU as the rules need it: its product and list price. */
export interface CatalogSku {
  id: number;
  productId: number;
  priceFen: number;
}

/**
 * The rules between a session's fields and against the catalog, checked when staff save it (after the DTO's
 * per-field bounds): the provider's own fields set and the other provider's left empty, the schedule's order, an end
 * still ahead, a start within a year and at most 7 days long, every featured product existing, every live-priced SKU one of a featured product's with a
 * price of at least 1 fen below its list price, at most one price per SKU.
 */
export function checkSessionRules(input: LiveSessionInput, existingProductIds: Set<number>, skus: CatalogSku[], now: Date): void {
  if (input.provider === 'channels') {
    if (!input.finderUserName) throw fieldError('finderUserName', '视频号直播请填写视频号 ID（sph 开头）');
    if (input.roomId !== null) throw fieldError('roomId', '视频号直播不填直播间号');
  } else {
    if (input.roomId === null) throw fieldError('roomId', '小程序直播请填写直播间号');
    for (const field of ['finderUserName', 'feedId', 'noticeId'] as const) {
      if (input[field] !== null) throw fieldError(field, '小程序直播不填视频号信息');
    }
  }
  const startsAt = new Date(input.plannedStartAt).getTime();
  const endsAt = new Date(input.plannedEndAt).getTime();
  if (startsAt >= endsAt) throw fieldError('plannedEndAt', '结束时间必须晚于开始时间');
  if (endsAt <= now.getTime()) throw fieldError('plannedEndAt', '结束时间必须晚于现在');
  if (startsAt > now.getTime() + LIVE_PLAN_AHEAD_MAX_DAYS * DAY_MS) throw fieldError('plannedStartAt', `开始时间最多安排在 ${LIVE_PLAN_AHEAD_MAX_DAYS} 天以内`);
  if (endsAt - startsAt > LIVE_SESSION_MAX_DAYS * DAY_MS) throw fieldError('plannedEndAt', `一场直播最长 ${LIVE_SESSION_MAX_DAYS} 天，请缩短计划时间`);

  const missing = input.productIds.find((id) => !existingProductIds.has(id));
  if (missing !== undefined) throw sessionInvalid(`商品 ${missing} 不存在或已删除`);
  const featured = new Set(input.productIds);
  const byId = new Map(skus.map((sku) => [sku.id, sku]));
  const seen = new Set<number>();
  for (const price of input.prices) {
    if (seen.has(price.skuId)) throw sessionInvalid(`规格 ${price.skuId} 重复设置了直播价`);
    seen.add(price.skuId);
    const sku = byId.get(price.skuId);
    if (!sku || !featured.has(sku.productId)) throw sessionInvalid(`规格 ${price.skuId} 不属于本场直播的推荐商品`);
    if (price.livePriceFen >= sku.priceFen) {
      throw sessionInvalid(`规格 ${price.skuId} 的直播价 ¥${formatFen(price.livePriceFen)} 必须低于售价 ¥${formatFen(sku.priceFen)}`);
    }
  }
}

/** A session's status as the start of a sentence about it. */
const STATUS_PHRASES: Record<LiveSessionStatus, string> = {
  upcoming: '这场直播还没开播',
  live: '这场直播已在直播中',
  ended: '这场直播已结束',
  cancelled: '这场直播已取消',
};

/** Why staff's 开播 / 结束 / 取消 was refused in the status the session is in, e.g. 「这场直播已在直播中，无需再开播」. */
export function actionRefusal(status: LiveSessionStatus, action: LiveSessionAction, target: LiveSessionStatus): string {
  const label = LIVE_SESSION_ACTION_LABELS[action];
  return `${STATUS_PHRASES[status]}，${status === target ? '无需再' : '不能'}${label}`;
}

/** A live-priced SKU as staff know it: 「龙井」规格「250g / 礼盒」. */
export function skuName(productTitle: string, specValues: string[]): string {
  return `「${productTitle}」规格「${specLabel(specValues)}」`;
}

/**
 * THE live coupon rule, at save, claim and read: the coupon is claimed only on the session page while it is live, so
 * its template must be one staff hand out (channel staff: a public one is also claimable in 领券中心 before the live)
 * and not a newcomer coupon (granted at registration, never claimable). Staff may change the template's channel
 * after saving the session: claim and read apply the rule again.
 */
export function isLiveCouponTemplate(template: { type: CouponType; channel: CouponChannel }): boolean {
  return template.type !== 'newcomer' && template.channel === 'staff';
}

export function checkLiveCoupon(templateId: number, template: { type: CouponType; channel: CouponChannel } | null): void {
  if (!template) throw sessionInvalid(`优惠券 ${templateId} 不存在`, 'couponTemplateId');
  if (!isLiveCouponTemplate(template)) throw sessionInvalid('直播券须为仅员工发放的券（非新人券）', 'couponTemplateId');
}
