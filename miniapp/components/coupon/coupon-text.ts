import type { CouponCenterItem, CouponType, MyCoupon } from '@shared/api/coupons';
import { payPercentToFold } from '@shared/discount-fold';
import { compactYuan, type Fen } from '@shared/money';
import { monthDay } from '@/format/date-time';

/** The money terms of a coupon, as both the coupon center and 我的优惠券 carry them. */
export type CouponTerms = Pick<CouponCenterItem, 'type' | 'thresholdFen' | 'amountOffFen' | 'payPercent' | 'maxDiscountFen'>;

/** The big figure on the left of a coupon card: ¥30 or 8.8折. */
export type CouponFace = { kind: 'amount'; value: string } | { kind: 'percent'; value: string };

export function couponFace(terms: CouponTerms): CouponFace {
  if (terms.type === 'percent_off' && terms.payPercent !== null) return { kind: 'percent', value: payPercentToFold(terms.payPercent) };
  return { kind: 'amount', value: compactYuan(terms.amountOffFen ?? 0) };
}

/** The face of a discount already worked out in fen (a checkout's coupon option). */
export function amountFace(fen: Fen): CouponFace {
  return { kind: 'amount', value: compactYuan(fen) };
}

/** Under the figure: 满200可用 or 无门槛. */
export function couponCondition(terms: Pick<CouponTerms, 'thresholdFen'>): string {
  return terms.thresholdFen > 0 ? `满${compactYuan(terms.thresholdFen)}可用` : '无门槛';
}

/** The cap of a percent coupon (最多减50); null for the others. */
export function couponCap(terms: CouponTerms): string | null {
  return terms.type === 'percent_off' && terms.maxDiscountFen !== null ? `最多减${compactYuan(terms.maxDiscountFen)}` : null;
}

const TYPE_BADGES: Record<CouponType, string> = {
  amount_off: '满减',
  percent_off: '折扣',
  // The condition under the figure already says 无门槛.
  no_threshold: '立减',
  newcomer: '新人',
};

export function couponTypeBadge(type: CouponType): string {
  return TYPE_BADGES[type];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Unused coupons this close to their end are flagged 即将过期. */
export const EXPIRING_SOON_MS = 3 * DAY_MS;

/** The validity line of a coupon the member holds, by its status and today. */
export function myCouponValidity(coupon: Pick<MyCoupon, 'status' | 'validFrom' | 'validTo' | 'usedAt'>, now: Date): string {
  if (coupon.status === 'used') return coupon.usedAt ? `${monthDay(coupon.usedAt, now)}已使用` : '已使用';
  if (coupon.status === 'expired') return `已于${monthDay(coupon.validTo, now)}过期`;
  if (new Date(coupon.validFrom).getTime() > now.getTime()) {
    return `${monthDay(coupon.validFrom, now)}起可用，有效期至${monthDay(coupon.validTo, now)}`;
  }
  return `有效期至${monthDay(coupon.validTo, now)}`;
}

/** An unused coupon that ends within EXPIRING_SOON_MS. */
export function isExpiringSoon(coupon: Pick<MyCoupon, 'status' | 'validTo'>, now: Date): boolean {
  if (coupon.status !== 'unused') return false;
  const left = new Date(coupon.validTo).getTime() - now.getTime();
  return left > 0 && left <= EXPIRING_SOON_MS;
}

/** An unused coupon whose window has not started. */
export function isNotYetValid(coupon: Pick<MyCoupon, 'status' | 'validFrom'>, now: Date): boolean {
  return coupon.status === 'unused' && new Date(coupon.validFrom).getTime() > now.getTime();
}
