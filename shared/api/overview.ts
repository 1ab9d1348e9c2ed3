import type { Fen } from '../money';

/*
 * 经营概览: the owner's figures for a period, beside the period before it, and the last 30 days day by day.
 * Days are China days (UTC+8). Definitions (the console shows them beside the figures):
 *
 * - 付款订单 (paidOrders): orders whose payment arrived (paidAt) in the period, whatever happened to them later.
 * - 付款会员 (payingMembers): distinct members among those orders.
 * - 付款金额 (paidFen): Σ payableFen of those orders.
 * - 退款 (refunds / refundFen): refunds that succeeded in the period (any order's, however old), count and amount.
 * - 净成交额 GMV (gmvFen) = 付款金额 − 退款金额 of the same period (so days add up to weeks; may be below 0
 *   on a day with refunds and no sales).
 * - 客单价 (averageOrderFen) = 付款金额 ÷ 付款订单, rounded down to the fen; null without paid orders.
 * - 新会员 (newMembers): members who first logged in (created) in the period.
 */
export const OVERVIEW_PERIODS = ['today', 'yesterday', '7d'] as const;
export type OverviewPeriod = (typeof OVERVIEW_PERIODS)[number];

export const OVERVIEW_PERIOD_LABELS: Record<OverviewPeriod, string> = {
  today: '今日',
  yesterday: '昨日',
  '7d': '近 7 天',
};

/** What each period is compared with. */
export const OVERVIEW_PREVIOUS_LABELS: Record<OverviewPeriod, string> = {
  today: '昨日全天',
  yesterday: '前日',
  '7d': '前 7 天',
};

/** Days of the trend chart, ending today. */
export const OVERVIEW_TREND_DAYS = 30;

export interface OverviewFigures {
  paidOrders: number;
  payingMembers: number;
  paidFen: Fen;
  refunds: number;
  refundFen: Fen;
  gmvFen: Fen;
  averageOrderFen: Fen | null;
  newMembers: number;
}

/** A span of China days, both ends included (YYYY-MM-DD). */
export interface OverviewSpan {
  from: string;
  to: string;
  figures: OverviewFigures;
}

export interface OverviewTrendDay {
  day: string;
  paidOrders: number;
  payingMembers: number;
  gmvFen: Fen;
  refundFen: Fen;
  newMembers: number;
}

/**
 * `GET /api/v1/admin/overview?period=today|yesterday|7d` (OVERVIEW_ROLES) → StoreOverview.
 * 今日 is today so far, compared with the whole of yesterday; 昨日 with the day before; 近 7 天 (today and the
 * 6 days before it) with the 7 days before those. 400 VALIDATION_FAILED for another period.
 */
export interface StoreOverview {
  period: OverviewPeriod;
  current: OverviewSpan;
  previous: OverviewSpan;
  /** The last OVERVIEW_TREND_DAYS China days, oldest first, today last (so far). */
  trend: OverviewTrendDay[];
  /** When the figures were read (ISO). */
  asOf: string;
}

/** The 待办 strip's counters (each links to the filtered list in the console). */
export const OVERVIEW_TODO_KEYS = ['awaitingShipment', 'shipReminders', 'afterSalesAwaitingStaff', 'returnsAwaitingGoods', 'returnsAwaitingRefund'] as const;
export type OverviewTodoKey = (typeof OVERVIEW_TODO_KEYS)[number];

/**
 * `GET /api/v1/admin/overview/todos` (OVERVIEW_ROLES) → OverviewTodos.
 * awaitingShipment: orders paid and not shipped (status paid); shipReminders: those of them whose buyer tapped
 * 提醒发货; afterSalesAwaitingStaff: after-sale cases
 * applied and not yet handled; returnsAwaitingGoods: approved 退货退款 cases waiting for the goods to come back;
 * returnsAwaitingRefund: 退货退款 cases whose goods staff received, waiting for the refund.
 */
export interface OverviewTodos {
  counts: { key: OverviewTodoKey; count: number }[];
}
