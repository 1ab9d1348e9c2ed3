import type { ExpectedNextBasis } from '../../../shared';
import { addDays, chinaDay, daysBetween } from '../../../shared/china-time';

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
  purchaseDayCount: number;
  totalNetPaidFen: number;
  firstPaidAt: Date;
  firstToSecondDays: number | null;
  lastPaidAt: Date;
  expectedIntervalDays: number;
  expectedNextBasis: ExpectedNextBasis;
  expectedNextDate: string;
}

/**
 * The member's repeat purchase: their first paid order on a LATER China day than their first order. Orders
 * on the first day (a forgotten item, a split cart) are one purchase occasion, not a repeat. `history` is
 * oldest first; undefined while the member has bought on one day only.
 */
export function secondPurchase(history: PaidOrderFact[]): PaidOrderFact | undefined {
  const firstDay = history[0]?.paidDay;
  return history.find((order) => order.paidDay > firstDay);
}

/**
 * Condenses one member's paid orders; null when there are none. A member who bought on two or more China
 * days is expected back after their own average interval; a member who bought on one day only (one order
 * or several that day) after the shop's median first-to-second interval (`shopIntervalDays`).
 */
export function summarizePurchases(orders: PaidOrderFact[], shopIntervalDays: number): MemberPurchaseSummary | null {
  if (orders.length === 0) return null;
  const sorted = [...orders].sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime() || a.orderId - b.orderId);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const second = secondPurchase(sorted);
  const purchaseDayCount = new Set(sorted.map((order) => order.paidDay)).size;
  const average = averageDaysBetween(first.paidAt, last.paidAt, purchaseDayCount);
  const basis: ExpectedNextBasis = average === null ? 'shop_median' : 'own_average';
  const interval = average === null ? shopIntervalDays : Math.round(average);
  return {
    paidOrderCount: sorted.length,
    purchaseDayCount,
    totalNetPaidFen: sorted.reduce((sum, order) => sum + order.netPaidFen, 0),
    firstPaidAt: first.paidAt,
    firstToSecondDays: second ? daysBetween(first.paidDay, second.paidDay) : null,
    lastPaidAt: last.paidAt,
    expectedIntervalDays: interval,
    expectedNextBasis: basis,
    expectedNextDate: addDays(last.paidDay, interval),
  };
}

/**
 * `summary` with one more paid order that is NEWER than every order it counts (by paid time, then order id): the
 * same as summarizePurchases over the whole history with that order, at the cost of one order.
 */
export function addNewestPaidOrder(summary: MemberPurchaseSummary, order: PaidOrderFact, shopIntervalDays: number): MemberPurchaseSummary {
  const firstDay = chinaDay(summary.firstPaidAt);
  const laterDay = order.paidDay > chinaDay(summary.lastPaidAt);
  const purchaseDayCount = summary.purchaseDayCount + (laterDay ? 1 : 0);
  const average = averageDaysBetween(summary.firstPaidAt, order.paidAt, purchaseDayCount);
  const interval = average === null ? shopIntervalDays : Math.round(average);
  return {
    paidOrderCount: summary.paidOrderCount + 1,
    purchaseDayCount,
    totalNetPaidFen: summary.totalNetPaidFen + order.netPaidFen,
    firstPaidAt: summary.firstPaidAt,
    // The second purchase is the first order on a later day than the first: this one, if none came before it.
    firstToSecondDays: summary.firstToSecondDays ?? (order.paidDay > firstDay ? daysBetween(firstDay, order.paidDay) : null),
    lastPaidAt: order.paidAt,
    expectedIntervalDays: interval,
    expectedNextBasis: average === null ? 'shop_median' : 'own_average',
    expectedNextDate: addDays(order.paidDay, interval),
  };
}

/**
 * The mean of the days between consecutive purchase days (China days with a paid order), one decimal: the
 * gaps add up to last − first, so it is (last date − first date) / (purchase days − 1). Null below two days.
 */
export function averageDaysBetween(firstPaidAt: Date, lastPaidAt: Date, purchaseDayCount: number): number | null {
  if (purchaseDayCount < 2) return null;
  return Math.round((daysBetween(chinaDay(firstPaidAt), chinaDay(lastPaidAt)) / (purchaseDayCount - 1)) * 10) / 10;
}

/** Median of numbers (the mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
