import {
  OVERVIEW_TREND_DAYS,
  type OverviewFigures,
  type OverviewPeriod,
  type OverviewSpan,
  type OverviewTrendDay,
  type StoreOverview,
} from '../../../../shared';
import { addDays, chinaDay } from '../../../../shared/china-time';

/** The facts the overview is worked out from, read for the trend's days (which hold every period compared). */
export interface OverviewFacts {
  /** Orders paid in the window: when, by whom, how much. */
  payments: { paidAt: Date; memberId: number; payableFen: number }[];
  /** Refunds that succeeded in the window. */
  refunds: { succeededAt: Date; amountFen: number }[];
  /** When each member created in the window joined. */
  newMembers: Date[];
}

/** The first day of the trend window, for `today` (China). */
export function trendStart(today: string): string {
  return addDays(today, -(OVERVIEW_TREND_DAYS - 1));
}

/** The days of a period and of the one it is compared with, both ends included. */
export function periodSpans(period: OverviewPeriod, today: string): { current: [string, string]; previous: [string, string] } {
  switch (period) {
    case 'today':
      return { current: [today, today], previous: [addDays(today, -1), addDays(today, -1)] };
    case 'yesterday':
      return { current: [addDays(today, -1), addDays(today, -1)], previous: [addDays(today, -2), addDays(today, -2)] };
    case '7d':
      return { current: [addDays(today, -6), today], previous: [addDays(today, -13), addDays(today, -7)] };
  }
}

/** The overview of `period` as of `today` (China), from the facts of the trend window. Definitions: shared/api/overview.ts. */
export function storeOverview(period: OverviewPeriod, today: string, facts: OverviewFacts, asOf: Date): StoreOverview {
  const payments = facts.payments.map((payment) => ({ ...payment, day: chinaDay(payment.paidAt) }));
  const refunds = facts.refunds.map((refund) => ({ ...refund, day: chinaDay(refund.succeededAt) }));
  const joins = facts.newMembers.map(chinaDay);

  const figuresOf = (from: string, to: string): OverviewFigures => {
    const inSpan = (day: string) => day >= from && day <= to;
    const paid = payments.filter((payment) => inSpan(payment.day));
    const refunded = refunds.filter((refund) => inSpan(refund.day));
    const paidFen = sum(paid.map((payment) => payment.payableFen));
    const refundFen = sum(refunded.map((refund) => refund.amountFen));
    return {
      paidOrders: paid.length,
      payingMembers: new Set(paid.map((payment) => payment.memberId)).size,
      paidFen,
      refunds: refunded.length,
      refundFen,
      gmvFen: paidFen - refundFen,
      averageOrderFen: paid.length > 0 ? Math.floor(paidFen / paid.length) : null,
      newMembers: joins.filter(inSpan).length,
    };
  };
  const span = ([from, to]: [string, string]): OverviewSpan => ({ from, to, figures: figuresOf(from, to) });

  const spans = periodSpans(period, today);
  const trend: OverviewTrendDay[] = [];
  for (let day = trendStart(today); day <= today; day = addDays(day, 1)) {
    const { paidOrders, payingMembers, gmvFen, refundFen, newMembers } = figuresOf(day, day);
    trend.push({ day, paidOrders, payingMembers, gmvFen, refundFen, newMembers });
  }
  return { period, current: span(spans.current), previous: span(spans.previous), trend, asOf: asOf.toISOString() };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
