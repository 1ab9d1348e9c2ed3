import type { CouponOption } from '@shared/api/coupons';
import { couponCellText } from './coupon-cell';

const coupon = (memberCouponId: number, usable: boolean, discountFen: number): CouponOption => ({
  memberCouponId,
  templateId: 1,
  name: '满100减10',
  ruleText: '满100减10',
  type: 'amount_off',
  thresholdFen: 10000,
  amountOffFen: 1000,
  payPercent: null,
  maxDiscountFen: null,
  discountFen,
  usable,
  reason: usable ? null : 'below_threshold',
  validFrom: '2026-11-01T00:00:00.000Z',
  validTo: '2026-12-01T00:00:00.000Z',
});

describe('couponCellText', () => {
  it("shows the selected coupon's saving", () => {
    expect(couponCellText({ coupons: [coupon(7, true, 1000)], selectedMemberCouponId: 7 })).toBe('-¥10.00');
  });

  it('counts the usable coupons when the shopper chose none', () => {
    expect(couponCellText({ coupons: [coupon(7, true, 1000), coupon(8, true, 500), coupon(9, false, 0)], selectedMemberCouponId: null })).toBe(
      '2 张可用，未使用',
    );
  });

  it('tells apart holding only unusable coupons and holding none', () => {
    expect(couponCellText({ coupons: [coupon(9, false, 0)], selectedMemberCouponId: null })).toBe('暂无可用');
    expect(couponCellText({ coupons: [], selectedMemberCouponId: null })).toBe('暂无优惠券');
  });
});
