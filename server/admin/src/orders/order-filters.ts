import type { AdminOrderListQuery } from '@shared/api/admin-orders';
import { ORDER_STATUSES, type OrderStatus } from '@shared/api/orders';

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
