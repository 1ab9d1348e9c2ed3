import type { MemberLevel } from '@shared/api/loyalty';
import { describe, expect, it } from 'vitest';
import {
  levelChangeReasonLabel,
  levelProgress,
  levelProgressText,
  pointsAdjustmentConfirmText,
  pointsAdjustmentProblem,
  pointsValueFen,
  signedPoints,
} from './member-loyalty';

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

  it("keeps within the role's per-adjustment limit", () => {
    expect(pointsAdjustmentProblem(2000, 0, 2000)).toBeNull();
    expect(pointsAdjustmentProblem(-2000, 5000, 2000)).toBeNull();
    expect(pointsAdjustmentProblem(2001, 0, 2000)).toBe('单次调整不能超过 ±2000 积分，更大的调整请由运营或店主操作');
    expect(pointsAdjustmentProblem(-2001, 5000, 2000)).toBe('单次调整不能超过 ±2000 积分，更大的调整请由运营或店主操作');
    expect(pointsAdjustmentProblem(50_000, 0, null)).toBeNull();
  });
});

describe('points in 元', () => {
  it('values points at the rule, rounded down to the fen, and says so before adjusting', () => {
    expect(pointsValueFen(2000, 100)).toBe(2000);
    expect(pointsValueFen(-150, 100)).toBe(150);
    expect(pointsValueFen(1, 3)).toBe(33);
    expect(pointsAdjustmentConfirmText(2000, 300, 100)).toBe('确认给会员增加 2000 积分（价值 ¥20.00，按 100 积分 = 1 元）？调整后余额 2300 积分。');
    expect(pointsAdjustmentConfirmText(-50, 300, 100)).toBe('确认给会员扣减 50 积分（价值 ¥0.50，按 100 积分 = 1 元）？调整后余额 250 积分。');
  });
});
