import type { MemberLevel, MembershipCard, PointsLedgerEntry, PointsRule } from '@shared/api/loyalty';
import { POINTS_REASON_LABELS } from '@shared/api/loyalty';
import { roundYuan, type Fen } from '@shared/money';

/** The member price as Chinese shops say it: 95 → 95折, 90 → 9折, 5 → 0.5折; 100 (no discount) → null. */
export function discountText(percent: number): string | null {
  if (percent >= 100) return null;
  if (percent % 10 === 0) return `${percent / 10}折`;
  return percent < 10 ? `0.${percent}折` : `${percent}折`;
}

/** A level's free-shipping benefit: 满99包邮, or 全场包邮 for a zero threshold; null when the level has none. */
export function freeShippingText(thresholdFen: Fen | null): string | null {
  if (thresholdFen === null) return null;
  return thresholdFen === 0 ? '全场包邮' : `满${roundYuan(thresholdFen).slice(1)}包邮`;
}

/** What a level gives, as short tags; an entry level without benefits still earns points. */
export function levelBenefits(level: Pick<MemberLevel, 'memberPricePercent' | 'freeShippingThresholdFen'>): string[] {
  const benefits: string[] = [];
  const discount = discountText(level.memberPricePercent);
  if (discount) benefits.push(`会员价 ${discount}`);
  const shipping = freeShippingText(level.freeShippingThresholdFen);
  if (shipping) benefits.push(shipping);
  return benefits.length ? benefits : ['消费累积积分'];
}

/** How to reach a level: 注册即享 for the entry level, otherwise the net paid it needs. */
export function levelRequirement(level: Pick<MemberLevel, 'minPaidFen'>, windowDays: number): string {
  return level.minPaidFen === 0 ? '注册即享' : `近${windowDays}天消费满${roundYuan(level.minPaidFen)}`;
}

/**
 * The progress bar's fill (0–100, whole percent): how far the net paid has come from this level's threshold
 * towards the next one. Full at the top level.
 */
export function levelProgressPercent(card: Pick<MembershipCard, 'level' | 'nextLevel' | 'netPaidFen'>): number {
  if (!card.nextLevel) return 100;
  const span = card.nextLevel.minPaidFen - card.level.minPaidFen;
  if (span <= 0) return 100;
  const done = card.netPaidFen - card.level.minPaidFen;
  return Math.min(100, Math.max(0, Math.floor((done * 100) / span)));
}

/** The line under the progress bar: 再消费 ¥x 升级为金卡, or the top-level message. */
export function upgradeHint(card: Pick<MembershipCard, 'level' | 'nextLevel' | 'fenToNextLevel'>): string {
  if (!card.nextLevel) return `您已是最高等级「${card.level.name}」，尊享全部会员权益`;
  return `再消费 ${roundYuan(card.fenToNextLevel)} 升级为${card.nextLevel.name}`;
}

/** What points are worth at checkout, rounded down to the fen (100 points at 100 per yuan = ¥1.00). */
export function pointsWorthFen(points: number, pointsPerYuan: number): Fen {
  if (points <= 0 || pointsPerYuan <= 0) return 0;
  return Math.floor((points * 100) / pointsPerYuan);
}

/** The points rule in plain sentences for the member center. */
export function pointsRuleLines(rule: PointsRule): string[] {
  return [
    rule.pointsEarnedPerYuan > 0
      ? `订单完成后，实付每 1 元得 ${rule.pointsEarnedPerYuan} 积分`
      : '当前暂不发放购物积分',
    rule.pointsMaxSharePercent > 0
      ? `下单时 ${rule.pointsPerYuan} 积分抵 1 元，最多抵扣商品金额的 ${rule.pointsMaxSharePercent}%`
      : '当前暂不支持积分抵扣',
    `积分自获得起 ${rule.pointsExpiryMonths} 个月内有效，过期自动清零`,
  ];
}

/** A ledger amount with its sign: +120 / -50. */
export function pointsDeltaText(delta: number): string {
  return delta > 0 ? `+${delta}` : String(delta);
}

/** A ledger row's title; a reason newer than this build of the storefront still reads sensibly. */
export function ledgerTitle(entry: Pick<PointsLedgerEntry, 'reason'>): string {
  return POINTS_REASON_LABELS[entry.reason] ?? '积分变动';
}

/** Card colours by rank (普通 slate, 银卡 silver, 金卡 gold, 黑金 black-gold); ranks above keep the top colour. */
export function levelTierClass(rank: number): string {
  return `level-tier--${Math.min(Math.max(rank, 0), 3)}`;
}
