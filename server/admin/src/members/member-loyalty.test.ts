import type { MemberLevel } from '@shared/api/loyalty';
import { describe, expect, it } from 'vitest';
import { levelChangeReasonLabel, levelProgress, levelProgressText, pointsAdjustmentProblem, signedPoints } from './member-loyalty';

const levels: MemberLevel[] = [
  { id: 1, rank: 0, name: '普通会员', minPaidFen: 0, memberPricePercent: 100, freeShippingThresholdFen: null },
  { id: 2, rank: 1, name: '银卡', minPaidFen: 100_000, memberPricePercent: 98, freeShippingThresholdFen: 19_900 },
  { id: 3, rank: 2, name: '金卡', minPaidFen: 300_000, memberPricePercent: 95, freeShippingThresholdFen: 9_900 },
  { id: 4, rank: 3, name: '黑金', minPaidFen: 1_000_000, memberPricePercent: 88, freeShippingThresholdFen: 0 },
];
const [entry, silver, gold, black] = levels;

describe('levelProgress', () => {
  it('measures from the current threshold to the next, rounding the percent down', () => {
    // Silver (¥1000) → gold (¥3000) with ¥2499.99 paid: 1499.99 of 2000 = 74.9995% → 74; ¥500.01 to go.
    const progress = levelProgress(levels, silver, 249_999);
    expect(progress).toEqual({ nextLevel: gold, fenToNext: 50_001, percent: 74 });
    expect(levelProgressText(progress, silver)).toBe('再消费 ¥500.01 升级为「金卡」');
  });

  it('finds the next tier by rank whatever order the list comes in', () => {
    expect(levelProgress([...levels].reverse(), entry, 0).nextLevel).toBe(silver);
  });

  it('stays within 0–100 when a refund left the net paid under the current threshold', () => {
    expect(levelProgress(levels, gold, 250_000)).toEqual({ nextLevel: black, fenToNext: 750_000, percent: 0 });
  });

  it('is full at the top level', () => {
    const progress = levelProgress(levels, black, 5_000_000);
    expect(progress).toEqual({ nextLevel: null, fenToNext: 0, percent: 100 });
    expect(levelProgressText(progress, black)).toBe('已是最高等级「黑金」');
  });
});

describe('labels', () => {
  it('names level change causes and signs points', () => {
    expect(levelChangeReasonLabel('order_refunded')).toBe('订单退款');
    expect(levelChangeReasonLabel('levels_changed')).toBe('等级重算');
    expect(signedPoints(30)).toBe('+30');
    expect(signedPoints(-30)).toBe('-30');
  });
});

describe('pointsAdjustmentProblem', () => {
  it('accepts credits and debits up to the balance', () => {
    expect(pointsAdjustmentProblem(500, 0)).toBeNull();
    expect(pointsAdjustmentProblem(-120, 120)).toBeNull();
  });

  it('refuses zero, fractions, blanks, absurd amounts and debits beyond the balance', () => {
    expect(pointsAdjustmentProblem(0, 100)).toBe('调整积分不能为 0');
    expect(pointsAdjustmentProblem(1.5, 100)).toBe('请输入整数积分');
    expect(pointsAdjustmentProblem(null, 100)).toBe('请输入整数积分');
    expect(pointsAdjustmentProblem(1_000_001, 100)).toBe('单次调整不超过 1000000 积分');
    expect(pointsAdjustmentProblem(-121, 120)).toBe('扣减不能超过当前余额 120 积分');
  });
});
