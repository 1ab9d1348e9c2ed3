import type { ExpectedNextBasis } from '../../../shared';
import { addDays, chinaDay, daysBetween } from './china-calendar';

/** A paid order as the repeat-purchase figures see it (see shared/api/analytics.ts for the definitions). */
export interface PaidOrderFact {
  orderId: number;
  memberId: number;
  paidAt: Date;
  /** chinaDay(paidAt), worked out once. */
  paidDay: string;
  /** payableFen minus the order's succeeded refunds, never below 0. */
  netPaidFen: number;
}

/** What member_purchase_stats holds for a member (without the bookkeeping columns). */
export interface MemberPurchaseSummary {
  paidOrderCount: number;
  totalNetPaidFen: number;
  firstPaidAt: Date;
  firstToSecondDays: number | null;
  lastPaidAt: Date;
  expectedIntervalDays: number;
  expectedNextBasis: ExpectedNextBasis;
  expectedNextDate: string;
}

/**
 * Condenses one member's paid orders; null when there are none. A member with two or more orders is
 * expected back after their own average interval; a one-order member after the shop's median
 * first-to-second interval (`shopIntervalDays`).
 */
export function summarizePurchases(orders: PaidOrderFact[], shopIntervalDays: number): MemberPurchaseSummary | null {
  if (orders.length === 0) return null;
  const sorted = [...orders].sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime() || a.orderId - b.orderId);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const average = averageDaysBetween(first.paidAt, last.paidAt, sorted.length);
  const basis: ExpectedNextBasis = average === null ? 'shop_median' : 'own_average';
  const interval = average === null ? shopIntervalDays : Math.round(average);
  return {
    paidOrderCount: sorted.length,
    totalNetPaidFen: sorted.reduce((sum, order) => sum + order.netPaidFen, 0),
    firstPaidAt: first.paidAt,
    firstToSecondDays: sorted.length >= 2 ? daysBetween(first.paidDay, sorted[1].paidDay) : null,
    lastPaidAt: last.paidAt,
    expectedIntervalDays: interval,
    expectedNextBasis: basis,
    expectedNextDate: addDays(last.paidDay, interval),
  };
}

/**
 * The mean of the days between consecutive paid orders, one decimal: the consecutive gaps add up to
 * last − first, so it is (last date − first date) / (count − 1). Null below two orders.
 */
export function averageDaysBetween(firstPaidAt: Date, lastPaidAt: Date, paidOrderCount: number): number | null {
  if (paidOrderCount < 2) return null;
  return Math.round((daysBetween(chinaDay(firstPaidAt), chinaDay(lastPaidAt)) / (paidOrderCount - 1)) * 10) / 10;
}

/** Median of numbers (the mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
