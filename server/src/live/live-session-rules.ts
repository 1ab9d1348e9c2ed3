import { HttpStatus } from '@nestjs/common';
import { formatFen, type CouponChannel, type CouponType, type LiveSessionInput } from '../../../shared';
import { ApiException, fieldError } from '../platform/errors/api-exception';

export const sessionInvalid = (message: string) => new ApiException('LIVE_SESSION_INVALID', HttpStatus.BAD_REQUEST, message);

/** A SKU as the rules need it: its product and list price. */
export interface CatalogSku {
  id: number;
  productId: number;
  priceFen: number;
}

/**
 * The rules between a session's fields and against the catalog, checked when staff save it (after the DTO's
 * per-field bounds): the provider's own fields set and the other provider's left empty, the schedule's order and
 * an end still ahead, every featured product existing, every live-priced SKU one of a featured product's with a
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

/**
 * The live coupon is claimed only on the session page while it is live: its template must be one staff hand out
 * (channel staff: a public one is also claimable in 领券中心 before the live) and not a newcomer coupon (granted
 * at registration, never claimable).
 */
export function checkLiveCoupon(templateId: number, template: { type: CouponType; channel: CouponChannel } | null): void {
  const refuse = (message: string, detail: string) => new ApiException('LIVE_SESSION_INVALID', HttpStatus.BAD_REQUEST, message, [{ field: 'couponTemplateId', message: detail }]);
  if (!template) throw refuse(`优惠券 ${templateId} 不存在`, '优惠券不存在');
  if (template.type === 'newcomer' || template.channel !== 'staff') throw refuse('直播券须为仅员工发放的券（非新人券）', '直播券须为仅员工发放的券（非新人券）');
}
