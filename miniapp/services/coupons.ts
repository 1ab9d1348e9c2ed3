import type { Paginated } from '@shared/api/common';
import type { CouponCenterItem, MyCoupon, MyCouponQuery } from '@shared/api/coupons';
import { request } from './request';

// Lists show their errors in place with a retry button, so they do not toast; a refused claim toasts the server's reason.

export function fetchCouponCenter(): Promise<CouponCenterItem[]> {
  return request<CouponCenterItem[]>('/coupons/center', { toast: false });
}

/** The public coupons whose scope covers this product. */
export function fetchProductCoupons(productId: number): Promise<CouponCenterItem[]> {
  return request<CouponCenterItem[]>(`/products/${productId}/coupons`, { toast: false });
}

export function claimCoupon(templateId: number): Promise<MyCoupon> {
  return request<MyCoupon>(`/coupons/${templateId}/claim`, { method: 'POST' });
}

export function listMyCoupons(query: MyCouponQuery): Promise<Paginated<MyCoupon>> {
  return request<Paginated<MyCoupon>>('/me/coupons', { query: { ...query }, toast: false });
}
