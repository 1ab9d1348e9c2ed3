import { describe, expect, it } from 'vitest';
import { couponNameFigures, couponNameMismatches, ruleFromFormValues, suggestedCouponName, type CouponRule } from './coupon-name';

const amountOff = (thresholdFen: number, amountOffFen: number): CouponRule => ({ type: 'amount_off', thresholdFen, amountOffFen, payPercent: null, maxDiscountFen: null });
const percentOff = (thresholdFen: number, payPercent: number, maxDiscountFen: number): CouponRule => ({ type: 'percent_off', thresholdFen, amountOffFen: null, payPercent, maxDiscountFen });

describe('couponNameFigures', () => {
  it('reads 满 / 减 / 元券 / 折 / 最高减 the way shoppers read them', () => {
    expect(couponNameFigures('双十一满200减30')).toEqual({ thresholdFen: 20000, amountOffFen: 3000 });
    expect(couponNameFigures('满 99.9 元立减 10 元')).toEqual({ thresholdFen: 9990, amountOffFen: 1000 });
    expect(couponNameFigures('满100-20')).toEqual({ thresholdFen: 10000, amountOffFen: 2000 });
    expect(couponNameFigures('新人专享10元券')).toEqual({ amountOffFen: 1000 });
    expect(couponNameFigures('无门槛5元券')).toEqual({ amountOffFen: 500, noThreshold: true });
    expect(couponNameFigures('全场8.8折')).toEqual({ payPercent: 88 });
    expect(couponNameFigures('会员95折')).toEqual({ payPercent: 95 });
    expect(couponNameFigures('春茶8折券')).toEqual({ payPercent: 80 });
    expect(couponNameFigures('八五折')).toEqual({ payPercent: 85 });
    expect(couponNameFigures('八点八折')).toEqual({ payPercent: 88 });
    expect(couponNameFigures('满200享8折最高减50')).toEqual({ thresholdFen: 20000, payPercent: 80, maxDiscountFen: 5000 });
    expect(couponNameFigures('老客回馈券')).toEqual({});
  });
});

describe('couponNameMismatches', () => {
  it('warns when the name promises other figures than the rule gives', () => {
    expect(couponNameMismatches('满100减200', amountOff(10000, 2000))).toEqual(['名称写减 200 元，规则减 20 元']);
    expect(couponNameMismatches('满200减20', amountOff(10000, 2000))).toEqual(['名称写「满200」，规则的使用门槛是满 100 元']);
    expect(couponNameMismatches('全场8折', percentOff(0, 88, 5000))).toEqual(['名称写「8折」，规则是 8.8 折']);
    expect(couponNameMismatches('88折', percentOff(0, 80, 5000))).toEqual(['名称写「8.8折」，规则是 8 折']);
    expect(couponNameMismatches('8折券', amountOff(10000, 2000))).toEqual(['名称写「8折」，规则是减固定金额，不是折扣券']);
    expect(couponNameMismatches('立减20', percentOff(0, 80, 2000))).toEqual(['名称写减 20 元，规则是折扣券，不是减固定金额']);
    expect(couponNameMismatches('无门槛10元券', { ...amountOff(5000, 1000), type: 'newcomer' })).toEqual(['名称写「无门槛」，规则要求满 50 元才能用']);
    expect(couponNameMismatches('满100减10', { type: 'no_threshold', thresholdFen: 0, amountOffFen: 1000, payPercent: null, maxDiscountFen: null })).toEqual([
      '名称写「满100」，规则没有使用门槛',
    ]);
    expect(couponNameMismatches('满200享8折最高减30', percentOff(20000, 80, 5000))).toEqual(['名称写最高减 30 元，规则最高减 50 元']);
  });

  it('is quiet when the name agrees with the rule or states no figures', () => {
    expect(couponNameMismatches('双十一满100减20', amountOff(10000, 2000))).toEqual([]);
    expect(couponNameMismatches('满99.9减10', amountOff(9990, 1000))).toEqual([]);
    expect(couponNameMismatches('会员8.8折', percentOff(0, 88, 5000))).toEqual([]);
    expect(couponNameMismatches('老客回馈券', amountOff(10000, 2000))).toEqual([]);
  });
});

describe('suggestedCouponName', () => {
  it('names each type by its rule, and the suggestion never contradicts the rule', () => {
    const rules: [CouponRule, string][] = [
      [amountOff(10000, 2000), '满100减20'],
      [amountOff(9990, 1050), '满99.9减10.5'],
      [percentOff(20000, 88, 5000), '满200享8.8折 最高减50'],
      [percentOff(0, 80, 3000), '8折券 最高减30'],
      [{ type: 'no_threshold', thresholdFen: 0, amountOffFen: 500, payPercent: null, maxDiscountFen: null }, '无门槛5元券'],
      [{ type: 'newcomer', thresholdFen: 0, amountOffFen: 1000, payPercent: null, maxDiscountFen: null }, '新人专享10元券'],
      [{ type: 'newcomer', thresholdFen: 5000, amountOffFen: 1000, payPercent: null, maxDiscountFen: null }, '新人专享满50减10'],
    ];
    for (const [rule, name] of rules) {
      expect(suggestedCouponName(rule)).toBe(name);
      expect(couponNameMismatches(name, rule)).toEqual([]);
    }
  });
});

describe('ruleFromFormValues', () => {
  it('reads the rule from the form, or nothing while an amount is missing', () => {
    expect(ruleFromFormValues({ type: 'amount_off', threshold: '100', amountOff: '20', fold: '', maxDiscount: '' })).toEqual(amountOff(10000, 2000));
    expect(ruleFromFormValues({ type: 'percent_off', threshold: '', amountOff: '5', fold: '8.8', maxDiscount: '50' })).toEqual(percentOff(0, 88, 5000));
    expect(ruleFromFormValues({ type: 'amount_off', threshold: '100', amountOff: '', fold: '', maxDiscount: '' })).toBeNull();
    expect(ruleFromFormValues({ type: 'percent_off', threshold: '', amountOff: '', fold: '12', maxDiscount: '' })).toBeNull();
  });
});
