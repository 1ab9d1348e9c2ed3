import type { OverviewFigures, OverviewTodoKey } from '@shared/api/overview';
import { formatYuan } from '@shared/money';

/** One figure of 经营概览: its name, how it is worked out (shown in a tooltip) and how it reads. */
export interface FigureSpec {
  key: keyof OverviewFigures;
  title: string;
  definition: string;
  format: (value: number | null) => string;
  /** More is worse (refunds): the comparison arrow turns red when it goes up. */
  lowerIsBetter?: boolean;
  /** A second figure beside the value (the number of refunds beside their amount). */
  detail?: (figures: OverviewFigures) => string;
}

const count = (unit: string) => (value: number | null) => (value === null ? '—' : `${value} ${unit}`);
const money = (value: number | null) => (value === null ? '—' : formatYuan(value));

export const FIGURES: FigureSpec[] = [
  { key: 'gmvFen', title: '净成交额（GMV）', definition: '付款金额 − 退款金额：期间内付款的订单实付合计，减去期间内退款成功的金额', format: money },
  { key: 'paidOrders', title: '付款订单', definition: '期间内完成付款的订单数（之后退款的也计入，退款另计）', format: count('单') },
  { key: 'payingMembers', title: '付款会员', definition: '期间内有付款订单的会员人数（一人多单计一人）', format: count('人') },
  { key: 'averageOrderFen', title: '客单价', definition: '付款金额 ÷ 付款订单数，向下取整到分', format: money },
  {
    key: 'refundFen',
    title: '退款',
    definition: '期间内退款成功的金额与笔数（不论订单何时付款）',
    format: money,
    lowerIsBetter: true,
    detail: (figures) => `${figures.refunds} 笔`,
  },
  { key: 'newMembers', title: '新会员', definition: '期间内首次登录注册的会员人数', format: count('人') },
];

export type Trend = { direction: 'up' | 'down' | 'flat'; text: string } | null;

/**
 * The change against the period before, as staff read it: "+12.5%", "−3.0%", "持平"; "新增" when the period before
 * had none; null when neither period had any (nothing to compare).
 */
export function changeAgainst(current: number | null, previous: number | null): Trend {
  if (current === null && previous === null) return null;
  const now = current ?? 0;
  const before = previous ?? 0;
  if (now === before) return now === 0 ? null : { direction: 'flat', text: '持平' };
  if (before === 0) return { direction: now > 0 ? 'up' : 'down', text: now > 0 ? '新增' : '减少' };
  const percent = Math.round(((now - before) / Math.abs(before)) * 1000) / 10;
  return { direction: percent > 0 ? 'up' : 'down', text: `${percent > 0 ? '+' : '−'}${Math.abs(percent).toFixed(1)}%` };
}

/** A period's days as the page names them: "2026-12-06" or "2026-11-30 至 2026-12-06". */
export function spanText(from: string, to: string): string {
  return from === to ? from : `${from} 至 ${to}`;
}

/** The 待办 strip: what each counter is called and which filtered list it opens. Adding a to-do is one entry here. */
export const TODOS: { key: OverviewTodoKey; label: string; hint: string; link: string }[] = [
  { key: 'awaitingShipment', label: '待发货', hint: '已付款未发货的订单', link: '/orders?status=paid' },
  { key: 'shipReminders', label: '提醒发货', hint: '买家已提醒、仍待发货的订单', link: '/orders?reminded=true' },
  { key: 'afterSalesAwaitingStaff', label: '售后待处理', hint: '买家已申请、等待处理的售后', link: '/after-sales?status=applied' },
  { key: 'returnsAwaitingGoods', label: '退货待收货', hint: '已同意退货退款、等待买家寄回的售后', link: '/after-sales?status=approved&type=return_refund' },
  { key: 'returnsAwaitingRefund', label: '退货待退款', hint: '已收到退货、等待退款的售后', link: '/after-sales?status=return_received' },
];
