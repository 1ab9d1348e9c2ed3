import type { OrderStatus } from '../../../shared';

/**
 * A fixed shop history for the repeat-purchase tests (the metrics unit test and the API test seed the
 * same one, so the figures worked out by hand in them are about the same orders). Times are China time.
 *
 * The range the tests ask about is 2025-03-01 … 2025-04-30. Orders that must NOT count: M4's cancelled
 * unpaid order, M5's fully refunded one; M2's processing refund and M7's succeeded partial refund show
 * that only succeeded refunds lower net paid. The last two orders are SAME-DAY orders (M3 a minute after
 * its first order, M4 five minutes after its one): they add GMV but never make a repeat purchase.
 */
export interface FixtureOrder {
  member: FixtureMember;
  /** 'YYYY-MM-DD HH:mm' China time; null for an unpaid order. */
  paidAt: string | null;
  /** For an unpaid order: when it was placed. */
  placedAt?: string;
  status: OrderStatus;
  payableFen: number;
  refunds?: { amountFen: number; status: 'processing' | 'succeeded' }[];
  lines: { productId: number; title: string }[];
}

export type FixtureMember = 'M1' | 'M2' | 'M3' | 'M4' | 'M5' | 'M6' | 'M7';
export const FIXTURE_MEMBERS: FixtureMember[] = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7'];

export const LONGJING = { productId: 101, title: '西湖龙井' };
const OSMANTHUS_OLD = { productId: 102, title: '桂花乌龙（旧包装）' };
export const OSMANTHUS = { productId: 102, title: '桂花乌龙' };
const SILVER_NEEDLE = { productId: 103, title: '白毫银针' };

export const FIXTURE_ORDERS: FixtureOrder[] = [
  // M1: first order before the range; the May order is 2025-04-30 23:00 UTC but May 1 in China.
  { member: 'M1', paidAt: '2025-01-10 10:00', status: 'completed', payableFen: 3000, lines: [SILVER_NEEDLE] },
  { member: 'M1', paidAt: '2025-03-05 10:00', status: 'completed', payableFen: 5000, lines: [LONGJING] },
  { member: 'M1', paidAt: '2025-03-20 10:00', status: 'completed', payableFen: 3000, lines: [LONGJING, SILVER_NEEDLE] },
  { member: 'M1', paidAt: '2025-05-01 07:00', status: 'completed', payableFen: 4000, lines: [OSMANTHUS] },
  // M2: first order in March; two lines of the same product in one order are one order.
  { member: 'M2', paidAt: '2025-03-03 09:00', status: 'completed', payableFen: 8000, lines: [LONGJING, OSMANTHUS_OLD, OSMANTHUS_OLD] },
  { member: 'M2', paidAt: '2025-03-13 09:00', status: 'completed', payableFen: 2000, refunds: [{ amountFen: 700, status: 'processing' }], lines: [OSMANTHUS] },
  { member: 'M2', paidAt: '2025-04-22 09:00', status: 'completed', payableFen: 4000, lines: [LONGJING] },
  { member: 'M2', paidAt: '2025-06-01 09:00', status: 'paid', payableFen: 3000, lines: [LONGJING] },
  // M3: first order 2025-04-01 00:30 in China (still March 31 in UTC).
  { member: 'M3', paidAt: '2025-04-01 00:30', status: 'completed', payableFen: 6000, lines: [SILVER_NEEDLE] },
  { member: 'M3', paidAt: '2025-05-10 12:00', status: 'shipped', payableFen: 5000, lines: [LONGJING] },
  // M4: one paid order; the cancelled unpaid one does not count.
  { member: 'M4', paidAt: '2025-03-15 20:00', status: 'completed', payableFen: 1000, lines: [SILVER_NEEDLE] },
  { member: 'M4', paidAt: null, placedAt: '2025-03-20 20:00', status: 'cancelled', payableFen: 1000, lines: [SILVER_NEEDLE] },
  // M5: the fully refunded order between the two paid ones does not count.
  { member: 'M5', paidAt: '2025-04-10 15:00', status: 'completed', payableFen: 2500, lines: [LONGJING, SILVER_NEEDLE] },
  { member: 'M5', paidAt: '2025-04-11 15:00', status: 'refunded', payableFen: 3000, refunds: [{ amountFen: 3000, status: 'succeeded' }], lines: [SILVER_NEEDLE] },
  { member: 'M5', paidAt: '2025-04-12 15:00', status: 'completed', payableFen: 1500, lines: [LONGJING] },
  // M6: first order in February, second in the range.
  { member: 'M6', paidAt: '2025-02-20 11:00', status: 'completed', payableFen: 2000, lines: [OSMANTHUS] },
  { member: 'M6', paidAt: '2025-03-08 11:00', status: 'completed', payableFen: 9000, lines: [SILVER_NEEDLE] },
  // M7: one order, partly refunded (10000 − 3000 = 7000 net).
  { member: 'M7', paidAt: '2025-03-10 16:00', status: 'completed', payableFen: 10000, refunds: [{ amountFen: 3000, status: 'succeeded' }], lines: [OSMANTHUS] },
  // Same-day orders (appended last so the ids above stay as they were): not repeat purchases.
  // M3: a minute after its first order (2025-04-01 00:30); its second purchase is still 05-10.
  { member: 'M3', paidAt: '2025-04-01 00:31', status: 'completed', payableFen: 500, lines: [LONGJING] },
  // M4: the same product again five minutes after its only other paid order.
  { member: 'M4', paidAt: '2025-03-15 20:05', status: 'completed', payableFen: 500, lines: [SILVER_NEEDLE] },
];

/** 'YYYY-MM-DD HH:mm' in China → the instant. */
export function chinaTime(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}:00+08:00`);
}
