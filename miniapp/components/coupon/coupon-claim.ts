import type { CouponCenterItem } from '@shared/api/coupons';
import { ErrorCode } from '@shared/errors';

export interface ClaimButtonState {
  text: string;
  /** False when the tap can do nothing (already at the limit, or none left). */
  enabled: boolean;
}

/** 立即领取 / 再领一张 while the shopper can claim; 已领取 at the per-member limit; 已抢光 when none are left. */
export function claimButtonState(item: CouponCenterItem): ClaimButtonState {
  if (item.canClaim) return { text: item.claimedByMe > 0 ? '再领一张' : '立即领取', enabled: true };
  if (item.claimedByMe > 0) return { text: '已领取', enabled: false };
  return { text: item.blockedBy === 'limit_reached' ? '已领取' : '已抢光', enabled: false };
}

/** The item after the shopper's claim went through (the server's counters moved the same way). */
export function afterClaim(item: CouponCenterItem): CouponCenterItem {
  const claimedByMe = item.claimedByMe + 1;
  const remaining = Math.max(0, item.remaining - 1);
  const blockedBy = claimedByMe >= item.perMemberLimit ? 'limit_reached' : remaining === 0 ? 'sold_out' : null;
  return { ...item, claimedByMe, remaining, canClaim: blockedBy === null, blockedBy };
}

/**
 * The item after the server refused a claim: at the limit, or sold out, stop offering it. Any other refusal
 * (paused or ended meanwhile) leaves it as it was; the page reloads the list.
 */
export function afterClaimRefused(item: CouponCenterItem, code: string): CouponCenterItem {
  if (code === ErrorCode.COUPON_LIMIT_REACHED) {
    return { ...item, canClaim: false, blockedBy: 'limit_reached', claimedByMe: Math.max(item.claimedByMe, 1) };
  }
  if (code === ErrorCode.COUPON_SOLD_OUT) return { ...item, canClaim: false, blockedBy: 'sold_out', remaining: 0 };
  return item;
}

/**
 * The order of the coupon center: what the shopper can still claim first, then what they hold already, then the
 * sold-out ones; the server's order (newest first) within each group.
 */
export function sortForCenter(items: CouponCenterItem[]): CouponCenterItem[] {
  const rank = (item: CouponCenterItem) => (item.canClaim ? 0 : item.claimedByMe > 0 ? 1 : 2);
  return items.map((item, index) => ({ item, index })).sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index).map(({ item }) => item);
}

/** The product page's popup: 可领优惠券 and 已领优惠券; sold-out coupons the shopper never got are left out. */
export function groupForProduct(items: CouponCenterItem[]): { claimable: CouponCenterItem[]; claimed: CouponCenterItem[] } {
  return {
    claimable: items.filter((item) => item.canClaim),
    claimed: items.filter((item) => !item.canClaim && item.claimedByMe > 0),
  };
}
