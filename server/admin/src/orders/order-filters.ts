import type { AdminOrderListQuery, OrderStatusCounts } from '@shared/api/admin-orders';
import { ORDER_STATUS_LABELS, ORDER_STATUSES, type OrderStatus } from '@shared/api/orders';

/** The order list's filter form as ProTable hands it over (the date range arrives as YYYY-MM-DD strings). */
export interface OrderFilterValues {
  status?: string;
  createdRange?: [string, string] | string[];
  orderNo?: string;
  phone?: string;
  product?: string;
  /** 'true': only paid orders whose buyer pressed 提醒发货 (the 待办 link opens the list with ?reminded=true). */
  reminded?: string;
}

/** Full 11-digit mobile number or its last 4 digits: what the server accepts for the phone filter. */
export const PHONE_FILTER_PATTERN = /^(\d{4}|1\d{10})$/;

/**
 * The server's filters for what the form holds: text trimmed, blanks and unknown statuses left out, so the list
 * and the CSV export of the same form ask for exactly the same orders.
 */
export function orderListFilters(values: OrderFilterValues): Omit<AdminOrderListQuery, 'page' | 'pageSize'> {
  const query: Omit<AdminOrderListQuery, 'page' | 'pageSize'> = {};
  if (values.status && (ORDER_STATUSES as readonly string[]).includes(values.status)) {
    query.status = values.status as OrderStatus;
  }
  const [from, to] = values.createdRange ?? [];
  if (from) query.from = from;
  if (to) query.to = to;
  const orderNo = values.orderNo?.trim();
  if (orderNo) query.orderNo = orderNo;
  const phone = values.phone?.trim();
  if (phone) query.phone = phone;
  const product = values.product?.trim();
  if (product) query.product = product;
  if (values.reminded === 'true') query.reminded = true;
  return query;
}

/** Name of the exported CSV when the server does not name it: 订单导出-<today>.csv. */
export function exportFilename(today: string): string {
  return `订单导出-${today}.csv`;
}

/** The order list's tabs: 全部, then one per status in the order staff work through them, 已取消 last. */
export type OrderListTab = OrderStatus | 'all';
export const ORDER_LIST_TABS: OrderListTab[] = ['all', 'pending_payment', 'paid', 'shipped', 'completed', 'after_sale', 'refunding', 'refunded', 'cancelled'];

/** The tab the address asks for (?status=paid); 全部 for none or an unknown one. */
export function tabFromQuery(status: string | null): OrderListTab {
  return status && (ORDER_STATUSES as readonly string[]).includes(status) ? (status as OrderStatus) : 'all';
}

/** 待发货（3）: the tab's name and how many orders it holds under the other filters; the bare name until counted. */
export function tabLabel(tab: OrderListTab, counts: OrderStatusCounts | null): string {
  const name = tab === 'all' ? '全部' : ORDER_STATUS_LABELS[tab];
  if (!counts) return name;
  return `${name}（${tab === 'all' ? counts.total : (counts.byStatus[tab] ?? 0)}）`;
}
