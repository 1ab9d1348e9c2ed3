import { chinaTime, FIXTURE_ORDERS, type FixtureOrder } from './repeat-purchase.fixture';
import { computeRepeatPurchaseMetrics, factsNeededBefore, rankRepurchasedProducts } from './repeat-purchase-metrics';
import type { PaidOrderFact } from './purchase-history';

const FROM = '2025-03-01';
const TO = '2025-04-30';
const TODAY = '2025-06-15';

/** What PurchaseFacts reads from the database for the fixture: paid, not fully refunded; net of succeeded refunds. */
const counted = FIXTURE_ORDERS.map((order, index) => ({ order, orderId: index + 1 })).filter(({ order }) => order.paidAt !== null && order.status !== 'refunded');
const memberId = (order: FixtureOrder) => Number(order.member.slice(1));
const orders: PaidOrderFact[] = counted.map(({ order, orderId }) => ({
  orderId,
  memberId: memberId(order),
  paidAt: chinaTime(order.paidAt!),
  paidDay: order.paidAt!.slice(0, 10),
  netPaidFen: order.payableFen - (order.refunds ?? []).filter((refund) => refund.status === 'succeeded').reduce((sum, refund) => sum + refund.amountFen, 0),
}));
const metrics = computeRepeatPurchaseMetrics({ from: FROM, to: TO, today: TODAY, orders });

describe('repeat-purchase metrics on the fixture (2025-03-01 … 2025-04-30, today 2025-06-15)', () => {
  it('repeat rate: members who bought on 2+ China days of the range among members with 1+ paid order', () => {
    // Paid orders in the range (China dates):
    //   M1: 03-05, 03-20 (01-10 before; 05-01 07:00 China is after, though 04-30 in UTC) → 2 days
    //   M2: 03-03, 03-13, 04-22 → 3 days
    //   M3: 04-01 00:30 and 00:31 → 2 orders on 1 day       M4: 03-15 20:00 and 20:05 (the cancelled one is unpaid) → 1 day
    //   M5: 04-10, 04-12 (04-11 fully refunded) → 2 days    M6: 03-08 → 1        M7: 03-10 → 1
    // 7 members bought, 3 of them (M1, M2, M5) on two days or more: 3 / 7 (M3 and M4 ordered twice, on one day).
    expect(metrics.repeatRate).toEqual({ purchasingMembers: 7, repeatMembers: 3, rate: 3 / 7 });
  });

  it('cohort table: first paid order per month, and who bought in each of the next six months', () => {
    // First paid order ever: M1 2025-01, M6 2025-02 (no cohort in the range);
    //   March: M2 (03-03), M4 (03-15), M7 (03-10) → 3;  April: M3 (04-01 00:30 China), M5 (04-10) → 2.
    // March cohort: April — M2 (04-22) → 1/3; May — nobody → 0/3; June — M2 (06-01) → 1/3;
    //   July, August, September start after today → null.
    // April cohort: May — M3 (05-10) → 1/2; June — nobody → 0/2; July … October → null.
    const cell = (offset: number, month: string, returned: number | null, members: number) => ({
      offset,
      month,
      returned,
      rate: returned === null ? null : returned / members,
    });
    expect(metrics.cohorts).toEqual([
      {
        month: '2025-03',
        members: 3,
        followUps: [cell(1, '2025-04', 1, 3), cell(2, '2025-05', 0, 3), cell(3, '2025-06', 1, 3), cell(4, '2025-07', null, 3), cell(5, '2025-08', null, 3), cell(6, '2025-09', null, 3)],
      },
      {
        month: '2025-04',
        members: 2,
        followUps: [cell(1, '2025-05', 1, 2), cell(2, '2025-06', 0, 2), cell(3, '2025-07', null, 2), cell(4, '2025-08', null, 2), cell(5, '2025-09', null, 2), cell(6, '2025-10', null, 2)],
      },
    ]);
  });

  it('median days from first to second purchase (first paid order on a later day), over members whose second is in the range', () => {
    // M1: 01-10 → 03-05 = 21 (rest of January) + 28 (February) + 5 = 54
    // M2: 03-03 → 03-13 = 10;  M5: 04-10 → 04-12 = 2 (the refunded 04-11 is not an order);  M6: 02-20 → 03-08 = 8 + 8 = 16
    // M3's 04-01 00:31 order is the same day as its first, so its second purchase is 05-10, after the range (not 0 days);
    // M4's 20:05 order is the same day as its first: no second purchase; M7 has none.
    // Sorted 2, 10, 16, 54: median (10 + 16) / 2 = 13.
    expect(metrics.firstToSecond).toEqual({ members: 4, medianDays: 13 });
  });

  it('most repurchased products: ranked by members who bought them on two or more China days', () => {
    // What the database answers for the fixture's range (product, member, distinct paid orders, newest line, first/last payment):
    //   西湖龙井 (101): M1 (03-05, 03-20), M2 (03-03, 04-22), M5 (04-10, 04-12) → 3 members, 6 orders.
    //   桂花乌龙 (102): M2 (03-03 with two lines of it = one order, 03-13) → 1 member, 2 orders; M7 bought it once.
    //   白毫银针 (103): M4 in two orders, both on 03-15 (20:00, 20:05) → one purchase, not a repurchase;
    //     M1, M5, M6 once each (M5's refunded and M4's cancelled orders do not count).
    //   M3's 西湖龙井 of 04-01 00:31 is its only one in the range (the next is 05-10).
    const pair = (productId: number, memberId: number, latestLineId: number, first: string, last: string) => ({
      productId,
      memberId,
      orders: 2,
      latestLineId,
      firstPaidAt: chinaTime(first),
      lastPaidAt: chinaTime(last),
    });
    const fixturePairs = [
      pair(101, 1, 14, '2025-03-05 10:00', '2025-03-20 10:00'),
      pair(101, 2, 17, '2025-03-03 09:00', '2025-04-22 09:00'),
      pair(102, 2, 16, '2025-03-03 09:00', '2025-03-13 09:00'),
      pair(103, 4, 24, '2025-03-15 20:00', '2025-03-15 20:05'),
      pair(101, 5, 25, '2025-04-10 15:00', '2025-04-12 15:00'),
    ];
    expect(rankRepurchasedProducts(fixturePairs)).toEqual([
      { productId: 101, repurchasingMembers: 3, orders: 6, latestLineId: 25 },
      { productId: 102, repurchasingMembers: 1, orders: 2, latestLineId: 16 },
    ]);
    // Twelve products with one repurchasing member each and one with two: that one first, then by product id, ten in all.
    const twoDays = { firstPaidAt: chinaTime('2025-03-01 10:00'), lastPaidAt: chinaTime('2025-03-02 10:00') };
    const many = Array.from({ length: 12 }, (_, index) => ({ productId: 300 - index, memberId: 1, orders: 2, latestLineId: index + 1, ...twoDays }));
    const ranked = rankRepurchasedProducts([
      ...many,
      { productId: 250, memberId: 2, orders: 3, latestLineId: 99, ...twoDays },
      { productId: 250, memberId: 3, orders: 2, latestLineId: 98, ...twoDays },
    ]);
    expect(ranked.map((product) => product.productId)).toEqual([250, 289, 290, 291, 292, 293, 294, 295, 296, 297]);
    expect(ranked[0]).toEqual({ productId: 250, repurchasingMembers: 2, orders: 5, latestLineId: 99 });
  });

  it("share of GMV (net paid) from repeat purchases: orders on a later day than the member's first paid order", () => {
    // In the range, net paid (payable − succeeded refunds):
    //   first-day orders: M2 03-03 8000, M3 04-01 00:30 6000 + 00:31 500, M4 03-15 20:00 1000 + 20:05 500, M5 04-10 2500,
    //                     M7 03-10 10000 − 3000 = 7000 → 25500 (7 orders)
    //   returning ones:   M1 03-05 5000 + 03-20 3000, M2 03-13 2000 (the 700 refund is still processing) + 04-22 4000,
    //                     M5 04-12 1500, M6 03-08 9000 → 24500 (6 orders)
    // Total 50000 in 13 orders; share 24500 / 50000 = 0.49.
    expect(metrics.returningGmv).toEqual({ totalNetPaidFen: 50000, returningNetPaidFen: 24500, totalOrders: 13, returningOrders: 6, share: 0.49 });
  });

  it('answers nulls, not divisions by zero, for a range without orders', () => {
    const empty = computeRepeatPurchaseMetrics({ from: '2024-01-01', to: '2024-01-31', today: TODAY, orders });
    expect(empty.repeatRate).toEqual({ purchasingMembers: 0, repeatMembers: 0, rate: null });
    expect(empty.cohorts).toEqual([{ month: '2024-01', members: 0, followUps: expect.any(Array) }]);
    expect(empty.cohorts[0].followUps.every((cell) => cell.returned === 0 && cell.rate === null)).toBe(true);
    expect(empty.firstToSecond).toEqual({ members: 0, medianDays: null });
    expect(empty.returningGmv.share).toBeNull();
  });

  it('reads orders up to the end of the sixth month after the range', () => {
    // A range ending 2025-04-30 follows April's cohort through October: orders before 2025-11-01 00:00 China.
    expect(factsNeededBefore('2025-04-30')).toEqual(new Date('2025-10-31T16:00:00Z'));
  });
});
