import type { MyCoupon } from '@shared/api/coupons';
import { heldCouponLook } from './my-coupon-card';

const now = new Date(2026, 10, 22, 10, 0, 0);
const local = (month: number, day: number, hour = 0) => new Date(2026, month - 1, day, hour).toISOString();

const coupon: MyCoupon = {
  id: 7,
  templateId: 3,
  name: '双十一满减券',
  type: 'amount_off',
  ruleText: '满200减30',
  scopeText: '全部商品可用',
  thresholdFen: 20000,
  amountOffFen: 3000,
  payPercent: null,
  maxDiscountFen: null,
  source: 'claim',
  status: 'unused',
  validFrom: local(11, 1),
  validTo: local(11, 30, 23),
  receivedAt: local(11, 2),
  usedAt: null,
  orderNo: null,
};

describe('held coupon look', () => {
  it('offers 去使用 on a valid unused coupon and flags one about to expire', () => {
    expect(heldCouponLook(coupon, now)).toEqual({ validity: '有效期至11月30日', flag: undefined, stamp: undefined, muted: false, usableNow: true });
    expect(heldCouponLook({ ...coupon, validTo: local(11, 24) }, now)).toMatchObject({ flag: '即将过期', usableNow: true });
  });

  it('marks a coupon whose window has not started as 未生效, not usable yet', () => {
    expect(heldCouponLook({ ...coupon, validFrom: local(12, 1), validTo: local(12, 31) }, now)).toMatchObject({
      flag: '未生效',
      usableNow: false,
      muted: false,
    });
  });

  it('stamps used and expired coupons and greys them out', () => {
    expect(heldCouponLook({ ...coupon, status: 'used', usedAt: local(11, 20, 9), orderNo: 'X1' }, now)).toMatchObject({
      validity: '11月20日已使用',
      stamp: '已使用',
      muted: true,
      usableNow: false,
    });
    expect(heldCouponLook({ ...coupon, status: 'expired', validTo: local(11, 10, 23) }, now)).toMatchObject({
      validity: '已于11月10日过期',
      stamp: '已过期',
      muted: true,
    });
  });
});
