import type { Fen } from '../money';

/** Why a coupon the member holds cannot be used on this checkout. */
export const COUPON_UNUSABLE_REASONS = ['below_threshold', 'out_of_scope', 'expired', 'not_yet_valid'] as const;
export type CouponUnusableReason = (typeof COUPON_UNUSABLE_REASONS)[number];

export const COUPON_UNUSABLE_REASON_LABELS: Record<CouponUnusableReason, string> = {
  below_threshold: '未达到使用门槛',
  out_of_scope: '所选商品不在适用范围',
  expired: '已过期',
  not_yet_valid: '未到使用时间',
};

/** One of the member's unused coupons, judged against a checkout's lines. */
export interface CouponOption {
  /** The member's coupon (what checkout sends back as memberCouponId). */
  memberCouponId: number;
  templateId: number;
  name: string;
  /** A short rule text, e.g. 满200减30 / 8.8折 最多减50 / 无门槛减10. */
  ruleText: string;
  /** What it takes off these lines (0 when unusable). */
  discountFen: Fen;
  usable: boolean;
  reason: CouponUnusableReason | null;
  validFrom: string;
  validTo: string;
}
