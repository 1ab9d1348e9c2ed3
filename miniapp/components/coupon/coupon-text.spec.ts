import {
  couponCap,
  couponCondition,
  couponFace,
  isExpiringSoon,
  isNotYetValid,
  myCouponValidity,
} from './coupon-text';
import { foldToPayPercent, payPercentToFold } from '@shared/discount-fold';

const amountOff = { type: 'amount_off' as const, thresholdFen: 20000, amountOffFen: 3000, payPercent: null, maxDiscountFen: null };
const percentOff = { type: 'percent_off' as const, thresholdFen: 0, amountOffFen: null, payPercent: 88, maxDiscountFen: 5000 };

// A fixed "now" in local time, so month and day do not depend on the machine's time zone.
const now = new Date(2026, 10, 22, 10, 0, 0);
const local = (month: number, day: number, hour = 0, minute = 0, year = 2026) => new Date(year, month - 1, day, hour, minute).toISOString();

describe('coupon face and rule', () => {
  it('prints the share paid as 折', () => {
    expect([88, 80, 95, 5, 99].map(payPercentToFold)).toEqual(['8.8', '8', '9.5', '0.5', '9.9']);
  });

  it('reads a typed 折 back as the percent paid, refusing what is not between 0.1 and 9.9', () => {
    expect(['8.8', '8', ' 9.5 ', '0.5'].map(foldToPayPercent)).toEqual([88, 80, 95, 5]);
    expect(['0', '10', '8.85', '-1', '八折', ''].map(foldToPayPercent)).toEqual([null, null, null, null, null, null]);
  });

  it('shows an amount coupon as ¥ and a percent coupon as 折', () => {
    expect(couponFace(amountOff)).toEqual({ kind: 'amount', value: '30' });
    expect(couponFace(percentOff)).toEqual({ kind: 'percent', value: '8.8' });
    expect(couponFace({ ...amountOff, type: 'no_threshold', thresholdFen: 0, amountOffFen: 1050 })).toEqual({ kind: 'amount', value: '10.5' });
  });

  it('states the threshold, or 无门槛, and the cap of a percent coupon', () => {
    expect(couponCondition(amountOff)).toBe('满200可用');
    expect(couponCondition(percentOff)).toBe('无门槛');
    expect(couponCap(percentOff)).toBe('最多减50');
    expect(couponCap(amountOff)).toBeNull();
  });
});

describe('validity of a held coupon', () => {
  it('says until when an unused coupon is good, and from when one not yet valid starts', () => {
    const unused = { status: 'unused' as const, validFrom: local(11, 1), validTo: local(11, 30, 23, 59), usedAt: null };
    expect(myCouponValidity(unused, now)).toBe('有效期至11月30日');
    expect(isNotYetValid(unused, now)).toBe(false);

    const later = { ...unused, validFrom: local(12, 1), validTo: local(12, 31, 23, 59) };
    expect(myCouponValidity(later, now)).toBe('12月1日起可用，有效期至12月31日');
    expect(isNotYetValid(later, now)).toBe(true);
  });

  it('says when a coupon was used or expired', () => {
    expect(myCouponValidity({ status: 'used', validFrom: local(11, 1), validTo: local(11, 30), usedAt: local(11, 20, 9) }, now)).toBe('11月20日已使用');
    expect(myCouponValidity({ status: 'expired', validFrom: local(10, 1), validTo: local(10, 31, 23, 59), usedAt: null }, now)).toBe('已于10月31日过期');
  });

  it('flags unused coupons ending within three days', () => {
    expect(isExpiringSoon({ status: 'unused', validTo: local(11, 25, 9, 59) }, now)).toBe(true);
    expect(isExpiringSoon({ status: 'unused', validTo: local(11, 25, 10, 1) }, now)).toBe(false);
    expect(isExpiringSoon({ status: 'expired', validTo: local(11, 23) }, now)).toBe(false);
  });
});
