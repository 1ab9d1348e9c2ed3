import type {
  AdminOrderDetail,
  AdminOrderListQuery,
  AdminOrderRow,
  BatchShipResult,
  OrderStatusCounts,
  PaidOrdersSince,
  ShipOrderRequest,
  StaffCancelOrderRequest,
} from '@shared/api/admin-orders';
import type { RefundPreview, RefundPreviewRequest } from '@shared/api/after-sales';
import type { Paginated } from '@shared/api/common';
import type { RefundRecord } from '@shared/api/payments';
import { http, requestFile } from '@/api/client';

const orderPath = (orderNo: string) => `/orders/${encodeURIComponent(orderNo)}`;

export function fetchOrders(query: AdminOrderListQuery): Promise<Paginated<AdminOrderRow>> {
  return http.get<Paginated<AdminOrderRow>>('/orders', { ...query });
}

/** How many orders of each status the filters (status aside) match: the list's tab counts. */
export function fetchOrderStatusCounts(filters: Omit<AdminOrderListQuery, 'page' | 'pageSize' | 'status'>): Promise<OrderStatusCounts> {
  return http.get<OrderStatusCounts>('/orders/status-counts', { ...filters });
}

/** Orders paid since the last poll's `until` (none given: just the moment to start from). */
export function fetchPaidSince(after: string | null): Promise<PaidOrdersSince> {
  return http.get<PaidOrdersSince>('/orders/paid-since', after ? { after } : {});
}

/** The CSV of every order matching the filters (the server caps it at 10 000 rows). */
export function exportOrders(filters: Omit<AdminOrderListQuery, 'page' | 'pageSize'>) {
  return requestFile('/orders/export', { ...filters });
}

export function fetchOrder(orderNo: string): Promise<AdminOrderDetail> {
  return http.get<AdminOrderDetail>(orderPath(orderNo));
}

export function shipOrder(orderNo: string, body: ShipOrderRequest): Promise<AdminOrderDetail> {
  return http.post<AdminOrderDetail>(`${orderPath(orderNo)}/ship`, body);
}

export function cancelOrder(orderNo: string, body: StaffCancelOrderRequest): Promise<AdminOrderDetail> {
  return http.post<AdminOrderDetail>(`${orderPath(orderNo)}/cancel`, body);
}

export function shipBatch(file: File): Promise<BatchShipResult> {
  const form = new FormData();
  form.append('file', file);
  return http.post<BatchShipResult>('/orders/ship-batch', form);
}

/** What refunding these units (none given: all that is left) would give back (商家退款). */
export function previewStaffRefund(orderNo: string, body: RefundPreviewRequest): Promise<RefundPreview> {
  return http.post<RefundPreview>(`${orderPath(orderNo)}/refunds/preview`, body);
}

/** 商家退款: refunds units of a paid, shipped or completed order without an after-sale case. */
export function startStaffRefund(orderNo: string, body: RefundPreviewRequest & { reason: string }): Promise<RefundRecord> {
  return http.post<RefundRecord>(`${orderPath(orderNo)}/refunds`, body);
}
