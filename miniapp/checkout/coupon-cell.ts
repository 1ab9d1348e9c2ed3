import type { CheckoutPreview } from '@shared/api/orders';
import { formatYuan } from '@shared/money';

/** The 优惠券 row's text: the saving of the selected coupon, or how many could be used, or none. */
export function couponCellText(preview: Pick<CheckoutPreview, 'coupons' | 'selectedMemberCouponId'>): string {
  const selected = preview.coupons.find((coupon) => coupon.memberCouponId === preview.selectedMemberCouponId);
  if (selected) return `-${formatYuan(selected.discountFen)}`;
  const usable = preview.coupons.filter((coupon) => coupon.usable).length;
  if (usable > 0) return `${usable} 张可用，未使用`;
  return preview.coupons.length > 0 ? '暂无可用' : '暂无优惠券';
}
