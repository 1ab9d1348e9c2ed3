import { addMonths, planDebit, pointsEarned } from './points-lots';

describe('planDebit', () => {
  // Lots in expiry order: 30 left of lot 1 (expires first), 50 of lot 2, 200 of lot 3.
  const lots = [
    { id: 1, remaining: 30 },
    { id: 2, remaining: 50 },
    { id: 3, remaining: 200 },
  ];

  it('takes the lot expiring first first: 100 = 30 + 50 + 20', () => {
    expect(planDebit(lots, 100)).toEqual([
      { lotId: 1, take: 30 },
      { lotId: 2, take: 50 },
      { lotId: 3, take: 20 },
    ]);
  });

  it('stops at the lot that covers the rest: 30 = lot 1 exactly, 31 = 30 + 1', () => {
    expect(planDebit(lots, 30)).toEqual([{ lotId: 1, take: 30 }]);
    expect(planDebit(lots, 31)).toEqual([
      { lotId: 1, take: 30 },
      { lotId: 2, take: 1 },
    ]);
  });

  it('takes a preferred lot (the refunded order own points) first: 220 from lot 3 = 200 + 20 of lot 1', () => {
    expect(planDebit(lots, 220, 3)).toEqual([
      { lotId: 3, take: 200 },
      { lotId: 1, take: 20 },
    ]);
  });

  it('skips empty lots and refuses more than the lots hold (280)', () => {
    expect(planDebit([{ id: 9, remaining: 0 }, ...lots], 10)).toEqual([{ lotId: 1, take: 10 }]);
    expect(() => planDebit(lots, 281)).toThrow('hold 280 of the 281');
  });

  it('a debit of 0 takes nothing', () => {
    expect(planDebit(lots, 0)).toEqual([]);
  });
});

describe('pointsEarned', () => {
  it('counts whole 元 of goods paid, shipping excluded, rounded down', () => {
    // 128.50 元 paid incl. 8 元 shipping → 120.50 元 of goods → 120 points at 1 per 元.
    expect(pointsEarned(12_850, 800, 1)).toBe(120);
    // 120.50 元 at 3 per 元 = 361.5 → 361.
    expect(pointsEarned(12_850, 800, 3)).toBe(361);
    // 0.99 元 of goods → 0.
    expect(pointsEarned(899, 800, 1)).toBe(0);
    // 9.99 元 of goods → 9.
    expect(pointsEarned(1_799, 800, 1)).toBe(9);
    // Earning switched off.
    expect(pointsEarned(12_850, 800, 0)).toBe(0);
    // Never negative, even if shipping were all that was paid.
    expect(pointsEarned(500, 800, 1)).toBe(0);
  });
});

describe('addMonths', () => {
  it('keeps the day and time', () => {
    expect(addMonths(new Date('2026-03-15T10:20:30.000Z'), 12).toISOString()).toBe('2027-03-15T10:20:30.000Z');
    expect(addMonths(new Date('2026-11-30T00:00:00.000Z'), 3).toISOString()).toBe('2027-02-28T00:00:00.000Z');
  });

  it('a day the target month lacks becomes its last day', () => {
    expect(addMonths(new Date('2026-01-31T08:00:00.000Z'), 1).toISOString()).toBe('2026-02-28T08:00:00.000Z');
    expect(addMonths(new Date('2027-01-31T08:00:00.000Z'), 1).toISOString()).toBe('2027-02-28T08:00:00.000Z');
    expect(addMonths(new Date('2028-01-31T08:00:00.000Z'), 1).toISOString()).toBe('2028-02-29T08:00:00.000Z');
  });
});
