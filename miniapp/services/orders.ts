import type { Paginated } from '@shared/api/common';
import type { ApplyAfterSaleRequest } from '@shared/api/after-sales';
import type {
  CheckoutPreview,
  CheckoutPreviewRequest,
  CreateOrderRequest,
  OrderDetail,
  OrderListQuery,
  OrderSummary,
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

/** Uploads a photo for an after-sale case; answers the URL to send in `images`. */
export function uploadImage(filePath: string): Promise<UploadResponse> {
  return uploadFile<UploadResponse>('/me/uploads', filePath);
}
