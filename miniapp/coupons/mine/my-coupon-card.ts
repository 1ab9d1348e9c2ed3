import type { MyCoupon, MyCouponStatus } from '@shared/api/coupons';
import { isExpiringSoon, isNotYetValid, myCouponValidity } from '@/components/coupon/coupon-text';

/** What the card of a held coupon says besides its terms: validity, a flag, a stamp, and whether it can be used now. */
export interface HeldCouponLook {
  validity: string;
  flag?: string;
  stamp?: string;
  muted: boolean;
  /** 去使用 is offered: unused and already valid. */
  usableNow: boolean;
}

const STAMPS: Partial<Record<MyCouponStatus, string>> = { used: '已使用', expired: '已过期' };

export function heldCouponLook(coupon: MyCoupon, now: Date): HeldCouponLook {
  const notYet = isNotYetValid(coupon, now);
  return {
    validity: myCouponValidity(coupon, now),
    flag: notYet ? '未生效' : isExpiringSoon(coupon, now) ? '即将过期' : undefined,
    stamp: STAMPS[coupon.status],
    muted: coupon.status !== 'unused',
    usableNow: coupon.status === 'unused' && !notYet,
  };
}

const EMPTY_TEXTS: Record<MyCouponStatus, string> = {
  unused: '暂无可用优惠券，去领券中心看看',
  used: '还没有用过优惠券',
  expired: '没有过期的优惠券',
};

export function emptyText(status: MyCouponStatus): string {
  return EMPTY_TEXTS[status];
}
