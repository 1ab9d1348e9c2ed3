import { chinaTime } from './repeat-purchase.fixture';
import { averageDaysBetween, median, summarizePurchases, type PaidOrderFact } from './purchase-history';

const order = (orderId: number, paidAt: string, netPaidFen: number): PaidOrderFact => ({ orderId, memberId: 1, paidAt: chinaTime(paidAt), paidDay: paidAt.slice(0, 10), netPaidFen });

describe('summarizePurchases', () => {
  it('expects a repeat buyer back after their own average interval', () => {
    // 01-10 → 05-01 = 21 + 28 + 31 + 30 + 1 = 111 days over 3 intervals = 37.0; 05-01 + 37 days = 06-07.
    const summary = summarizePurchases(
      [order(4, '2025-05-01 07:00', 4000), order(1, '2025-01-10 10:00', 3000), order(3, '2025-03-20 10:00', 3000), order(2, '2025-03-05 10:00', 5000)],
      16,
    );
    expect(summary).toEqual({
      paidOrderCount: 4,
      purchaseDayCount: 4,
      totalNetPaidFen: 15000,
      firstPaidAt: chinaTime('2025-01-10 10:00'),
      // 01-10 → 03-05 = 21 + 28 + 5.
      firstToSecondDays: 54,
      lastPaidAt: chinaTime('2025-05-01 07:00'),
      expectedIntervalDays: 37,
      expectedNextBasis: 'own_average',
      expectedNextDate: '2025-06-07',
    });
  });

  it('counts days on China dates: 04-01 00:30 → 05-10 is 39 days (40 in UTC)', () => {
    const summary = summarizePurchases([order(1, '2025-04-01 00:30', 6000), order(2, '2025-05-10 12:00', 5000)], 16)!;
    expect(summary.expectedIntervalDays).toBe(39);
    // 05-10 + 39 days = 05-31 + 18 = 06-18.
    expect(summary.expectedNextDate).toBe('2025-06-18');
  });

  it('rounds the average to one decimal, then to whole days for the expected date', () => {
    // 03-01, 03-03, 03-06: (6 − 1) / 2 = 2.5 → 3 days after 03-06 = 03-09.
    const summary = summarizePurchases([order(1, '2025-03-01 10:00', 100), order(2, '2025-03-03 10:00', 100), order(3, '2025-03-06 10:00', 100)], 16)!;
    expect(averageDaysBetween(summary.firstPaidAt, summary.lastPaidAt, summary.paidOrderCount)).toBe(2.5);
    expect(summary.expectedNextDate).toBe('2025-03-09');
  });

  it("expects a one-order member back after the shop's interval", () => {
    // 03-15 + 16 days = 03-31.
    expect(summarizePurchases([order(1, '2025-03-15 20:00', 1000)], 16)).toMatchObject({
      paidOrderCount: 1,
      firstToSecondDays: null,
      expectedIntervalDays: 16,
      expectedNextBasis: 'shop_median',
      expectedNextDate: '2025-03-31',
    });
    expect(averageDaysBetween(chinaTime('2025-03-15 20:00'), chinaTime('2025-03-15 20:00'), 1)).toBeNull();
  });

  it('takes orders on one China day for one purchase: no 0-day interval, the shop interval until a later day', () => {
    // Two orders a minute apart on 03-15: one purchase day, so no second purchase and no own average.
    const sameDay = summarizePurchases([order(1, '2025-03-15 20:00', 1000), order(2, '2025-03-15 20:01', 500)], 16)!;
    expect(sameDay).toMatchObject({
      paidOrderCount: 2,
      purchaseDayCount: 1,
      totalNetPaidFen: 1500,
      firstToSecondDays: null,
      expectedIntervalDays: 16,
      expectedNextBasis: 'shop_median',
      expectedNextDate: '2025-03-31',
    });
    expect(averageDaysBetween(sameDay.firstPaidAt, sameDay.lastPaidAt, sameDay.purchaseDayCount)).toBeNull();
    // 23:59 and 00:01 the next day are two days: 1 day apart.
    expect(summarizePurchases([order(1, '2025-03-15 23:59', 100), order(2, '2025-03-16 00:01', 100)], 16)).toMatchObject({ purchaseDayCount: 2, firstToSecondDays: 1 });
    // 03-01 twice, then 03-11: the second purchase is 03-11 (10 days); the average is over 2 days, not 3 orders.
    const later = summarizePurchases([order(1, '2025-03-01 09:00', 100), order(2, '2025-03-01 09:01', 100), order(3, '2025-03-11 09:00', 100)], 16)!;
    expect(later).toMatchObject({ paidOrderCount: 3, purchaseDayCount: 2, firstToSecondDays: 10, expectedIntervalDays: 10, expectedNextBasis: 'own_average', expectedNextDate: '2025-03-21' });
  });

  it('has nothing to say about a member without paid orders', () => {
    expect(summarizePurchases([], 16)).toBeNull();
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([54, 2, 16])).toBe(16);
    expect(median([54, 10, 2, 16])).toBe(13);
    expect(median([])).toBeNull();
  });
});
