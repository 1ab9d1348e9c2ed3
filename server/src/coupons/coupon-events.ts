import type { Fen } from '../../../shared';

/** Domain events of coupons (recorded with the change; see src/platform/events/). */
export const CouponEvents = {
  /** A member's coupon was spent on an order (in the order's transaction). */
  redeemed: 'coupon.redeemed',
} as const;

export interface CouponRedeemedPayload {
  memberCouponId: number;
  templateId: number;
  memberId: number;
  orderId: number;
  discountFen: Fen;
}
