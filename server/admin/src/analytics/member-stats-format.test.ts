import { describe, expect, it } from 'vitest';
import { daysOverdue, expectedNextText } from './member-stats-format';

describe('expectedNextText', () => {
  it('names the date and the interval it came from', () => {
    expect(expectedNextText({ expectedNextPurchaseDate: '2026-12-01', expectedNextBasis: 'own_average', expectedIntervalDays: 21 })).toBe(
      '2026-12-01（按本人平均复购间隔 21 天）',
    );
    expect(expectedNextText({ expectedNextPurchaseDate: '2026-12-10', expectedNextBasis: 'shop_median', expectedIntervalDays: 30 })).toBe(
      '2026-12-10（按全店首购到二购中位天数 30 天）',
    );
  });

  it('shows a dash for a member without paid orders', () => {
    expect(expectedNextText({ expectedNextPurchaseDate: null, expectedNextBasis: null, expectedIntervalDays: null })).toBe('—');
  });
});

describe('daysOverdue', () => {
  it('counts the days past the expected interval', () => {
    expect(daysOverdue({ daysSinceLastPurchase: 45, expectedIntervalDays: 30 })).toBe(15);
  });

  it('is zero on the expected day, before it and without paid orders', () => {
    expect(daysOverdue({ daysSinceLastPurchase: 30, expectedIntervalDays: 30 })).toBe(0);
    expect(daysOverdue({ daysSinceLastPurchase: 3, expectedIntervalDays: 30 })).toBe(0);
    expect(daysOverdue({ daysSinceLastPurchase: null, expectedIntervalDays: null })).toBe(0);
  });
});
