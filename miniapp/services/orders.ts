import type { Paginated } from '@shared/api/common';
import type { ApplyAfterSaleRequest, RefundPreview, RefundPreviewRequest, ReturnShipmentRequest } from '@shared/api/after-sales';
import type {
  CheckoutPreview,
  CheckoutPreviewRequest,
  CreateOrderRequest,
  OrderDetail,
  OrderListQuery,
  OrderSummary,
  ReorderResult,
} from '@shared/api/orders';
import type { StartPaymentResponse } from '@shared/api/payments';
import type { UploadResponse } from '@shared/api/admin';
import { request, uploadFile } from './request';

export function previewCheckout(body: CheckoutPreviewRequest): Promise<CheckoutPreview> {
  return request<CheckoutPreview>('/checkout/preview', { method: 'POST', body, toast: false });
}

export function createOrder(body: CreateOrderRequest): Promise<OrderDetail> {
  return request<OrderDetail>('/orders', { method: 'POST', body });
}

export function listOrders(query: OrderListQuery): Promise<Paginated<OrderSummary>> {
  return request<Paginated<OrderSummary>>('/orders', { query: { ...query }, toast: false });
}

export function fetchOrder(orderNo: string): Promise<OrderDetail> {
  return request<OrderDetail>(`/orders/${encodeURIComponent(orderNo)}`, { toast: false });
}

export function cancelOrder(orderNo: string): Promise<OrderDetail> {
  return request<OrderDetail>(`/orders/${encodeURIComponent(orderNo)}/cancel`, { method: 'POST' });
}

export function confirmReceipt(orderNo: string): Promise<OrderDetail> {
  return request<OrderDetail>(`/orders/${encodeURIComponent(orderNo)}/confirm-receipt`, { method: 'POST' });
}

export function startPayment(orderNo: string): Promise<StartPaymentResponse> {
  return request<StartPaymentResponse>(`/orders/${encodeURIComponent(orderNo)}/payment`, { method: 'POST' });
}

export function applyAfterSale(orderNo: string, body: ApplyAfterSaleRequest): Promise<OrderDetail> {
  return request<OrderDetail>(`/orders/${encodeURIComponent(orderNo)}/after-sales`, { method: 'POST', body });
}

/** What a case for these units would refund (the page shows the error in place). */
export function previewAfterSale(orderNo: string, body: RefundPreviewRequest): Promise<RefundPreview> {
  return request<RefundPreview>(`/orders/${encodeURIComponent(orderNo)}/after-sales/preview`, { method: 'POST', body, toast: false });
}

/** The parcel of an approved 退货退款 back to the shop (changeable until the shop confirms receipt). */
export function setReturnShipment(orderNo: string, body: ReturnShipmentRequest): Promise<OrderDetail> {
  return request<OrderDetail>(`/orders/${encodeURIComponent(orderNo)}/return-shipment`, { method: 'PUT', body });
}

/** 提醒发货: at most once a day per order (the server answers when it may be tried again). */
export function remindToShip(orderNo: string): Promise<OrderDetail> {
  return request<OrderDetail>(`/orders/${encodeURIComponent(orderNo)}/ship-reminder`, { method: 'POST' });
}

/** 再来一单: the order's lines that can still be bought go into the cart. */
export function reorder(orderNo: string): Promise<ReorderResult> {
  return request<ReorderResult>(`/orders/${encodeURIComponent(orderNo)}/reorder`, { method: 'POST' });
}

/** Uploads a photo for an after-sale case; answers the URL to send in `images`. */
export function uploadImage(filePath: string): Promise<UploadResponse> {
  return uploadFile<UploadResponse>('/me/uploads', filePath);
}
