import type { Fen } from '../money';
import type { PageQuery } from './common';

/*
 * Repeat-purchase tracking (复购). Definitions used by every figure below:
 *
 * - A *paid order* is an order with `paidAt` set whose status is not `refunded` (a fully refunded order
 *   does not count; a partly refunded one does). Its moment is `paidAt`.
 * - Its *net paid* is `payableFen` minus the order's succeeded refunds (never below 0).
 * - Days and months are China time (UTC+8). "Days between" two orders is the difference of their paid
 *   dates in China (paid 23:50 on the 1st and 00:10 on the 2nd = 1 day).
 * - Dates are `YYYY-MM-DD` (China date); months are `YYYY-MM`; timestamps are ISO 8601 (UTC).
 * - A *repeat purchase* is a paid order on a LATER China day than the member's first paid order. Orders on
 *   one day (a forgotten item, a split cart) are one purchase occasion: the member's *second purchase* is
 *   their first paid order on a later day, so first → second is never 0 days.
 */

/**
 * `GET /api/v1/admin/members/:id/purchase-stats` (MEMBER_READ_ROLES) → MemberPurchaseStats.
 * 404 MEMBER_NOT_FOUND for an unknown member; a member without paid orders answers paidOrderCount 0 and nulls.
 * The member's order history: `GET /api/v1/admin/orders?memberId=:id&page=&pageSize=` (AdminOrderListQuery.memberId).
 */
export interface MemberPurchaseStats {
  memberId: number;
  /** Number of the member's paid orders. */
  paidOrderCount: number;
  /** China days with a paid order (several orders on one day count once). */
  purchaseDayCount: number;
  /** Sum of the net paid of the member's paid orders. */
  totalNetPaidFen: Fen;
  /** paidAt of the first / last paid order (ISO); null without paid orders. */
  firstPaidAt: string | null;
  lastPaidAt: string | null;
  /**
   * Mean of the days between consecutive purchase days = (last paid date − first paid date) /
   * (purchaseDayCount − 1), rounded to one decimal; null below 2 purchase days.
   */
  averageDaysBetweenOrders: number | null;
  /**
   * China date the next purchase is expected: last paid date + round(averageDaysBetweenOrders) days; for a
   * member who bought on one day only, last paid date + the shop's median days from first to second purchase
   * (over all members who have a second one; 30 days while no member has). Null without paid orders.
   */
  expectedNextPurchaseDate: string | null;
  /** Which interval expectedNextPurchaseDate used; null without paid orders. */
  expectedNextBasis: ExpectedNextBasis | null;
  /** The interval in whole days added to the last paid date; null without paid orders. */
  expectedIntervalDays: number | null;
  /** Today (China) − last paid date, computed when read; null without paid orders. */
  daysSinceLastPurchase: number | null;
  /** When the server last recomputed these figures (ISO); null without paid orders. */
  computedAt: string | null;
}

/** own_average: the member's own average interval; shop_median: the shop's median first→second interval. */
export type ExpectedNextBasis = 'own_average' | 'shop_median';

/** Days the shop assumes between a first and a second purchase while no member has bought twice. */
export const DEFAULT_REPURCHASE_INTERVAL_DAYS = 30;

/**
 * `GET /api/v1/admin/analytics/repeat-purchase?from=YYYY-MM-DD&to=YYYY-MM-DD` (ANALYTICS_ROLES) →
 * RepeatPurchaseMetrics. Both days inclusive, China time, from ≤ to (else 400 ANALYTICS_RANGE_INVALID),
 * at most MAX_ANALYTICS_RANGE_DAYS days (else 400 ANALYTICS_RANGE_TOO_LONG); a malformed or missing day is
 * 400 VALIDATION_FAILED naming the field.
 */
export interface RepeatPurchaseQuery {
  from: string;
  to: string;
}

/** The longest range the metrics endpoint accepts (both days counted). */
export const MAX_ANALYTICS_RANGE_DAYS = 366;

/** How many months after the cohort month the cohort table follows. */
export const COHORT_FOLLOW_MONTHS = 6;

export interface RepeatPurchaseMetrics {
  from: string;
  to: string;
  /** Today in China when computed; cohort cells of months starting after it are null. */
  today: string;
  repeatRate: RepeatRate;
  cohorts: CohortRow[];
  firstToSecond: FirstToSecondInterval;
  /** Top 10, most repurchasing members first. */
  topRepurchasedProducts: RepurchasedProduct[];
  returningGmv: ReturningGmv;
}

/**
 * Members with paid orders on 2+ China days of the range among members with 1+ paid order paid in the range.
 * rate = repeatMembers / purchasingMembers (0..1), null when purchasingMembers is 0.
 */
export interface RepeatRate {
  purchasingMembers: number;
  repeatMembers: number;
  rate: number | null;
}

/**
 * One row per calendar month the range touches (from's month through to's month, whole months): the
 * members whose FIRST paid order ever was paid in that month, and for k = 1..6 how many of them have a
 * paid order paid in month M+k.
 */
export interface CohortRow {
  /** YYYY-MM */
  month: string;
  /** Members whose first paid order ever fell in this month. */
  members: number;
  /** Always COHORT_FOLLOW_MONTHS entries, k = 1..6 in order. */
  followUps: CohortCell[];
}

export interface CohortCell {
  /** 1..6 */
  offset: number;
  /** YYYY-MM of month M+k. */
  month: string;
  /** Cohort members with a paid order in month M+k; null when M+k starts after today (China). */
  returned: number | null;
  /** returned / members (0..1); null when returned is null or the cohort is empty. */
  rate: number | null;
}

/**
 * Over members whose second purchase ever (first paid order on a later China day than the first) was paid
 * in the range: the days between their first and second purchase (≥ 1). Median of an even count is the mean of the two middle values (may end in .5).
 */
export interface FirstToSecondInterval {
  members: number;
  medianDays: number | null;
}

/**
 * A product that one member bought in paid orders on 2+ China days of the range. Ranked by how many such
 * members (ties: product id ascending); title from the order line snapshot of the latest of those orders
 * (the most recently placed).
 */
export interface RepurchasedProduct {
  productId: number;
  title: string;
  /** Members who bought it on 2+ China days of the range. */
  repurchasingMembers: number;
  /** Paid orders in the range containing it, by those members. */
  orders: number;
}

/**
 * GMV = the net paid of the paid orders paid in the range. Returning = repeat purchases: orders paid on a
 * later China day than their member's first paid order ever. share = returningNetPaidFen / totalNetPaidFen (0..1), null when the total is 0.
 */
export interface ReturningGmv {
  totalNetPaidFen: Fen;
  returningNetPaidFen: Fen;
  totalOrders: number;
  returningOrders: number;
  share: number | null;
}

/**
 * `GET /api/v1/admin/analytics/due-for-repurchase?levelId=&minSpentFen=&maxSpentFen=&page=&pageSize=`
 * (REPURCHASE_OUTREACH_ROLES) → Paginated<DueForRepurchaseRow>: members whose expectedNextPurchaseDate is
 * before today (China), most overdue first (ties: member id ascending).
 * `GET /api/v1/admin/analytics/due-for-repurchase.csv` (same filters, no paging) → text/csv, UTF-8 with a BOM,
 * Chinese headers `会员ID,昵称,手机号,会员等级ID,付款订单数,累计实付（元）,最近付款日期,预计复购日期,逾期天数`,
 * at most 10 000 rows.
 * minSpentFen/maxSpentFen: inclusive bounds on totalNetPaidFen (integers ≥ 0, min ≤ max else 400
 * VALIDATION_FAILED); levelId: members.levelId equals it.
 */
export interface DueForRepurchaseQuery extends PageQuery {
  levelId?: number;
  minSpentFen?: Fen;
  maxSpentFen?: Fen;
}

export interface DueForRepurchaseRow {
  memberId: number;
  nickname: string | null;
  /** Full for FULL_PHONE_ROLES, masked (138****0000) for the others; null when the member has none. */
  phone: string | null;
  /** members.levelId; names come from `GET /api/v1/admin/member-levels`. */
  levelId: number | null;
  paidOrderCount: number;
  totalNetPaidFen: Fen;
  /** ISO */
  lastPaidAt: string;
  /** China date */
  expectedNextPurchaseDate: string;
  expectedNextBasis: ExpectedNextBasis;
  /** Today (China) − expectedNextPurchaseDate, ≥ 1. */
  daysOverdue: number;
}
