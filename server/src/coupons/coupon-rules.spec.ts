import { coversProduct, discountOn, judgeCoupon, ruleText, validityOnReceipt, type CouponLine, type CouponRule } from './coupon-rules';

const amountOff = (thresholdFen: number, amountOffFen: number, extra: Partial<CouponRule> = {}): CouponRule => ({
  type: 'amount_off', thresholdFen, amountOffFen, payPercent: null, maxDiscountFen: null, scope: 'all', scopeIds: [], ...extra,
});
const percentOff = (payPercent: number, maxDiscountFen: number, thresholdFen = 0, extra: Partial<CouponRule> = {}): CouponRule => ({
  type: 'percent_off', thresholdFen, amountOffFen: null, payPercent, maxDiscountFen, scope: 'all', scopeIds: [], ...extra,
});

// Category 10 is top-level with children 11 and 12; 20 is another top-level category.
const parents = new Map([[11, 10], [12, 10]]);
const window = { validFrom: new Date('2026-11-01T00:00:00Z'), validTo: new Date('2026-11-30T00:00:00Z') };
const inWindow = new Date('2026-11-15T00:00:00Z');
const line = (productId: number, categoryId: number, amountFen: number): CouponLine => ({ productId, categoryId, amountFen });

describe('discountOn', () => {
  it('takes an amount off, never more than the eligible amount', () => {
    expect(discountOn(amountOff(0, 1000), 5000)).toBe(1000);
    expect(discountOn(amountOff(0, 1000), 600)).toBe(600); // 无门槛10元 on a 6元 line: 6元, not −4
    expect(discountOn(amountOff(0, 1000), 0)).toBe(0);
  });

  it('rounds a percent discount down to the fen', () => {
    // 8.8折 on 10.01元: 1001 × 12% = 120.12 → 120
    expect(discountOn(percentOff(88, 100_000), 1001)).toBe(120);
    // 9.9折 on 0.99元: 99 × 1% = 0.99 → 0
    expect(discountOn(percentOff(99, 100_000), 99)).toBe(0);
    // 8折 on 123.45元: 12345 × 20% = 2469 exactly
    expect(discountOn(percentOff(80, 100_000), 12345)).toBe(2469);
  });

  it('caps a percent discount by its maximum', () => {
    // 8折 on 500元 would be 100元; capped at 50元
    expect(discountOn(percentOff(80, 5000), 50000)).toBe(5000);
    // just under the cap: 8折 on 249.99元 = 49.998 → 49.99
    expect(discountOn(percentOff(80, 5000), 24999)).toBe(4999);
  });
});

describe('judgeCoupon', () => {
  it('treats the threshold as inclusive', () => {
    const rule = amountOff(20000, 3000);
    expect(judgeCoupon(rule, window, [line(1, 11, 20000)], parents, inWindow)).toEqual({ usable: true, reason: null, discountFen: 3000 });
    expect(judgeCoupon(rule, window, [line(1, 11, 19999)], parents, inWindow)).toEqual({ usable: false, reason: 'below_threshold', discountFen: 0 });
  });

  it('measures the threshold on the lines in scope only', () => {
    // 满100减20 on category 10: 60元 in category 11 (child of 10) + 50元 in category 20 → eligible 60元 < 100元
    const rule = amountOff(10000, 2000, { scope: 'categories', scopeIds: [10] });
    const lines = [line(1, 11, 6000), line(2, 20, 5000)];
    expect(judgeCoupon(rule, window, lines, parents, inWindow).reason).toBe('below_threshold');
    // + 40元 more in category 12 (also a child of 10) → eligible 100元, usable, 20元 off
    expect(judgeCoupon(rule, window, [...lines, line(3, 12, 4000)], parents, inWindow)).toEqual({ usable: true, reason: null, discountFen: 2000 });
  });

  it('applies a percent coupon to the eligible lines only', () => {
    // 9折 max 100元 on product 7 only: lines 7 → 88.88元 and 8 → 300元; 10% of 8888 = 888.8 → 888
    const rule = percentOff(90, 10000, 0, { scope: 'products', scopeIds: [7] });
    expect(judgeCoupon(rule, window, [line(7, 20, 8888), line(8, 20, 30000)], parents, inWindow).discountFen).toBe(888);
  });

  it('says out_of_scope when no line is covered', () => {
    const rule = amountOff(0, 500, { scope: 'categories', scopeIds: [11] });
    // category 12 is a sibling of 11, not covered; a subcategory in the scope does not cover its parent either
    expect(judgeCoupon(rule, window, [line(1, 12, 9900), line(2, 10, 9900)], parents, inWindow).reason).toBe('out_of_scope');
  });

  it('judges validity at the moment given, bounds inclusive', () => {
    const rule = amountOff(0, 500);
    const lines = [line(1, 20, 1000)];
    expect(judgeCoupon(rule, window, lines, parents, new Date('2026-10-31T23:59:59Z')).reason).toBe('not_yet_valid');
    expect(judgeCoupon(rule, window, lines, parents, window.validFrom).usable).toBe(true);
    expect(judgeCoupon(rule, window, lines, parents, window.validTo).usable).toBe(true);
    expect(judgeCoupon(rule, window, lines, parents, new Date('2026-11-30T00:00:01Z')).reason).toBe('expired');
  });
});

describe('coversProduct', () => {
  it('covers a subcategory through its top-level category', () => {
    const rule = { scope: 'categories' as const, scopeIds: [10] };
    expect(coversProduct(rule, 1, 10, parents)).toBe(true);
    expect(coversProduct(rule, 1, 12, parents)).toBe(true);
    expect(coversProduct(rule, 1, 20, parents)).toBe(false);
  });
});

describe('texts', () => {
  it('writes rules as a shopper reads them', () => {
    expect(ruleText(amountOff(20000, 3000))).toBe('满200减30');
    expect(ruleText({ ...amountOff(0, 1050), type: 'no_threshold' })).toBe('无门槛减10.5');
    expect(ruleText(percentOff(88, 5000))).toBe('8.8折 最多减50');
    expect(ruleText(percentOff(80, 2000, 10000))).toBe('满100打8折 最多减20');
  });
});

describe('validityOnReceipt', () => {
  it('gives N whole days from the second of receipt, or the fixed window', () => {
    const now = new Date('2026-11-15T08:30:45.678Z');
    expect(validityOnReceipt({ validityKind: 'days_after_claim', validFrom: null, validTo: null, validDays: 7 }, now)).toEqual({
      validFrom: new Date('2026-11-15T08:30:45Z'),
      validTo: new Date('2026-11-22T08:30:45Z'),
    });
    expect(validityOnReceipt({ validityKind: 'fixed', ...window, validDays: null }, now)).toEqual(window);
  });
});
