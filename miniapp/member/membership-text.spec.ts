import type { MemberLevel } from '@shared/api/loyalty';
import {
  discountText,
  freeShippingText,
  ledgerTitle,
  levelBenefits,
  levelProgressPercent,
  levelRequirement,
  levelTierClass,
  pointsDeltaText,
  pointsRuleLines,
  pointsWorthFen,
  upgradeHint,
} from './membership-text';

function level(rank: number, name: string, minPaidFen: number, memberPricePercent = 100, freeShippingThresholdFen: number | null = null): MemberLevel {
  return { id: rank + 1, rank, name, minPaidFen, memberPricePercent, freeShippingThresholdFen };
}

const silver = level(1, '银卡', 100_000, 98);
const gold = level(2, '金卡', 300_000, 95, 9900);
const black = level(3, '黑金', 1_000_000, 88, 0);

describe('level benefits', () => {
  it('says the member price the way Chinese shops do', () => {
    expect(discountText(95)).toBe('95折');
    expect(discountText(90)).toBe('9折');
    expect(discountText(88)).toBe('88折');
    expect(discountText(5)).toBe('0.5折');
    expect(discountText(100)).toBeNull();
  });

  it('says the free-shipping threshold, zero meaning free shipping on everything', () => {
    expect(freeShippingText(9900)).toBe('满99包邮');
    expect(freeShippingText(4950)).toBe('满49.50包邮');
    expect(freeShippingText(0)).toBe('全场包邮');
    expect(freeShippingText(null)).toBeNull();
  });

  it('lists member price then shipping, and gives a level without either the points line', () => {
    expect(levelBenefits(gold)).toEqual(['会员价 95折', '满99包邮']);
    expect(levelBenefits(black)).toEqual(['会员价 88折', '全场包邮']);
    expect(levelBenefits(level(0, '普通会员', 0))).toEqual(['消费累积积分']);
  });

  it('colours ranks beyond the fourth like the top one', () => {
    expect([0, 1, 2, 3, 5].map(levelTierClass)).toEqual(['level-tier--0', 'level-tier--1', 'level-tier--2', 'level-tier--3', 'level-tier--3']);
  });

  it('states what a level takes over the window', () => {
    expect(levelRequirement(level(0, '普通会员', 0), 365)).toBe('注册即享');
    expect(levelRequirement(gold, 365)).toBe('近365天消费满¥3000');
  });
});

describe('level progress', () => {
  it('fills from this level towards the next, rounding down to a whole percent', () => {
    // Silver from ¥1000 to gold at ¥3000: ¥1999.99 paid is 999.99 of 2000 yuan = 49.9995% → 49.
    expect(levelProgressPercent({ level: silver, nextLevel: gold, netPaidFen: 199_999 })).toBe(49);
    expect(levelProgressPercent({ level: silver, nextLevel: gold, netPaidFen: 100_000 })).toBe(0);
  });

  it('stays within 0–100 when the paid amount is outside the span (a refund just landed)', () => {
    expect(levelProgressPercent({ level: silver, nextLevel: gold, netPaidFen: 50_000 })).toBe(0);
    expect(levelProgressPercent({ level: silver, nextLevel: gold, netPaidFen: 400_000 })).toBe(100);
  });

  it('is full at the top level', () => {
    expect(levelProgressPercent({ level: black, nextLevel: null, netPaidFen: 2_000_000 })).toBe(100);
  });

  it('tells how much more to pay, or that the member is at the top', () => {
    expect(upgradeHint({ level: silver, nextLevel: gold, fenToNextLevel: 120_050 })).toBe('再消费 ¥1200.50 升级为金卡');
    expect(upgradeHint({ level: black, nextLevel: null, fenToNextLevel: 0 })).toBe('您已是最高等级「黑金」，尊享全部会员权益');
  });
});

describe('points', () => {
  it('values points at the redemption rate, rounding down to the fen', () => {
    expect(pointsWorthFen(1234, 100)).toBe(1234); // ¥12.34
    expect(pointsWorthFen(999, 300)).toBe(333); // 3.33 yuan exactly
    expect(pointsWorthFen(1000, 300)).toBe(333); // 3.333… yuan → ¥3.33
    expect(pointsWorthFen(0, 100)).toBe(0);
  });

  it('explains the rule, including switched-off earning and redemption', () => {
    expect(pointsRuleLines({ pointsEarnedPerYuan: 1, pointsPerYuan: 100, pointsMaxSharePercent: 50, pointsExpiryMonths: 12 })).toEqual([
      '订单完成后，实付每 1 元得 1 积分',
      '下单时 100 积分抵 1 元，最多抵扣商品金额的 50%',
      '积分自获得起 12 个月内有效，过期自动清零',
    ]);
    const off = pointsRuleLines({ pointsEarnedPerYuan: 0, pointsPerYuan: 100, pointsMaxSharePercent: 0, pointsExpiryMonths: 24 });
    expect(off.slice(0, 2)).toEqual(['当前暂不发放购物积分', '当前暂不支持积分抵扣']);
  });

  it('signs ledger amounts and labels their reasons', () => {
    expect(pointsDeltaText(120)).toBe('+120');
    expect(pointsDeltaText(-50)).toBe('-50');
    expect(ledgerTitle({ reason: 'order_redeemed' })).toBe('下单抵扣');
    expect(ledgerTitle({ reason: 'mystery' as never })).toBe('积分变动');
  });
});
