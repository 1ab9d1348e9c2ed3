import {
  COHORT_FOLLOW_MONTHS,
  type CohortRow,
  type RepeatPurchaseMetrics,
  type RepurchasedProduct,
} from '../../../shared';
import { addMonths, chinaDay, daysBetween, monthOf, monthsThrough, startOfChinaDay } from '../../../shared/china-time';
import type { RepurchasePair } from './purchase-facts';
import { median, secondPurchase, type PaidOrderFact } from './purchase-history';

const TOP_PRODUCTS = 10;

export interface MetricsInput {
  /** The range, China days, both included. */
  from: string;
  to: string;
  /** Today in China: cohort months that start after it are not known yet. */
  today: string;
  /** Every paid order paid before factsNeededBefore(to), in any order. */
  orders: PaidOrderFact[];
}

/** The orders the metrics of a range ending `to` need are those paid before this instant: the cohort
 * table follows the range's last month for COHORT_FOLLOW_MONTHS more. */
export function factsNeededBefore(to: string): Date {
  return startOfChinaDay(`${addMonths(monthOf(to), COHORT_FOLLOW_MONTHS + 1)}-01`);
}

/**
 * The store's repeat-purchase figures for a range (definitions in shared/api/analytics.ts), but for the
 * most repurchased products, which the database counts (rankRepurchasedProducts ranks them).
 */
export function computeRepeatPurchaseMetrics({ from, to, today, orders }: MetricsInput): Omit<RepeatPurchaseMetrics, 'topRepurchasedProducts'> {
  const histories = byMember(orders);
  const inRange = (order: PaidOrderFact) => order.paidDay >= from && order.paidDay <= to;

  let purchasingMembers = 0;
  let repeatMembers = 0;
  const intervals: number[] = [];
  const gmv = { totalNetPaidFen: 0, returningNetPaidFen: 0, totalOrders: 0, returningOrders: 0 };
  for (const history of histories.values()) {
    const firstDay = history[0].paidDay;
    const ordersInRange = history.filter(inRange);
    if (ordersInRange.length >= 1) purchasingMembers++;
    // Repeat buyers bought on two or more China days of the range: same-day orders are one purchase.
    if (new Set(ordersInRange.map((order) => order.paidDay)).size >= 2) repeatMembers++;
    const second = secondPurchase(history);
    if (second && inRange(second)) intervals.push(daysBetween(firstDay, second.paidDay));
    for (const order of ordersInRange) {
      // Orders on the member's first purchase day are all first-purchase GMV.
      const returning = order.paidDay > firstDay;
      gmv.totalOrders++;
      gmv.totalNetPaidFen += order.netPaidFen;
      if (returning) {
        gmv.returningOrders++;
        gmv.returningNetPaidFen += order.netPaidFen;
      }
    }
  }

  return {
    from,
    to,
    today,
    repeatRate: { purchasingMembers, repeatMembers, rate: ratio(repeatMembers, purchasingMembers) },
    cohorts: cohortTable(histories, monthsThrough(monthOf(from), monthOf(to)), monthOf(today)),
    firstToSecond: { members: intervals.length, medianDays: median(intervals) },
    returningGmv: { ...gmv, share: ratio(gmv.returningNetPaidFen, gmv.totalNetPaidFen) },
  };
}

/** Each member's paid orders, oldest first. */
function byMember(orders: PaidOrderFact[]): Map<number, PaidOrderFact[]> {
  const histories = new Map<number, PaidOrderFact[]>();
  for (const order of orders) {
    const history = histories.get(order.memberId);
    if (history) history.push(order);
    else histories.set(order.memberId, [order]);
  }
  for (const history of histories.values()) history.sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime() || a.orderId - b.orderId);
  return histories;
}

function cohortTable(histories: Map<number, PaidOrderFact[]>, months: string[], currentMonth: string): CohortRow[] {
  const rows = new Map(months.map((month) => [month, { members: 0, returned: new Array<number>(COHORT_FOLLOW_MONTHS).fill(0) }]));
  for (const history of histories.values()) {
    const firstMonth = monthOf(history[0].paidDay);
    const cohort = rows.get(firstMonth);
    if (!cohort) continue;
    cohort.members++;
    const boughtIn = new Set(history.map((order) => monthOf(order.paidDay)));
    for (let offset = 1; offset <= COHORT_FOLLOW_MONTHS; offset++) {
      if (boughtIn.has(addMonths(firstMonth, offset))) cohort.returned[offset - 1]++;
    }
  }
  return months.map((month) => {
    const { members, returned } = rows.get(month)!;
    return {
      month,
      members,
      followUps: returned.map((count, index) => {
        const followed = addMonths(month, index + 1);
        const known = followed <= currentMonth;
        return { offset: index + 1, month: followed, returned: known ? count : null, rate: known ? ratio(count, members) : null };
      }),
    };
  });
}

/** A most repurchased product before its title is read: the title of latestLineId names it. */
export type RankedProduct = Omit<RepurchasedProduct, 'title'> & { latestLineId: number };

/**
 * The top products by how many members repurchased them (ties: lower product id first). A member
 * repurchased a product when they bought it on two or more China days of the range; orders of one day
 * are one purchase, so a pair whose orders all fall on one day does not count.
 */
export function rankRepurchasedProducts(pairs: RepurchasePair[]): RankedProduct[] {
  const products = new Map<number, RankedProduct>();
  for (const pair of pairs) {
    if (chinaDay(pair.firstPaidAt) === chinaDay(pair.lastPaidAt)) continue;
    const product = products.get(pair.productId) ?? { productId: pair.productId, repurchasingMembers: 0, orders: 0, latestLineId: 0 };
    product.repurchasingMembers++;
    product.orders += pair.orders;
    product.latestLineId = Math.max(product.latestLineId, pair.latestLineId);
    products.set(pair.productId, product);
  }
  return [...products.values()]
    .sort((a, b) => b.repurchasingMembers - a.repurchasingMembers || a.productId - b.productId)
    .slice(0, TOP_PRODUCTS);
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
