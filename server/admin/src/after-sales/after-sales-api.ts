import type { AfterSale, AfterSaleStatus, AfterSaleType, RejectAfterSaleRequest } from '@shared/api/after-sales';
import type { Paginated } from '@shared/api/common';
import { http } from '@/api/client';

export function fetchAfterSales(query: { status?: AfterSaleStatus; type?: AfterSaleType; page: number; pageSize: number }): Promise<Paginated<AfterSale>> {
  return http.get<Paginated<AfterSale>>('/after-sales', query);
}

export function approveAfterSale(id: number): Promise<AfterSale> {
  return http.post<AfterSale>(`/after-sales/${id}/approve`);
}

export function rejectAfterSale(id: number, body: RejectAfterSaleRequest): Promise<AfterSale> {
  return http.post<AfterSale>(`/after-sales/${id}/reject`, body);
}

/** For 退货退款: the returned goods arrived. */
export function receiveAfterSale(id: number): Promise<AfterSale> {
  return http.post<AfterSale>(`/after-sales/${id}/receive`);
}

/** For 退货退款 once the goods came back. */
export function refundAfterSale(id: number): Promise<AfterSale> {
  return http.post<AfterSale>(`/after-sales/${id}/refund`);
}
