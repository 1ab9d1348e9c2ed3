import type {
  AdminProductDetail,
  AdminProductRow,
  SaveProductRequest,
  SetShelfRequest,
  StockAdjustmentRequest,
  StockAdjustmentResponse,
} from '@shared/api/admin';
import type { Paginated } from '@shared/api/common';
import { http } from '@/api/client';

export interface AdminProductListQuery {
  keyword?: string;
  categoryId?: number;
  onShelf?: boolean;
  page: number;
  pageSize: number;
}

export function fetchProducts(query: AdminProductListQuery): Promise<Paginated<AdminProductRow>> {
  return http.get<Paginated<AdminProductRow>>('/products', { ...query });
}

export function fetchProduct(id: number): Promise<AdminProductDetail> {
  return http.get<AdminProductDetail>(`/products/${id}`);
}

export function createProduct(body: SaveProductRequest): Promise<AdminProductDetail> {
  return http.post<AdminProductDetail>('/products', body);
}

export function updateProduct(id: number, body: SaveProductRequest): Promise<AdminProductDetail> {
  return http.put<AdminProductDetail>(`/products/${id}`, body);
}

export function setShelf(id: number, onShelf: boolean): Promise<AdminProductDetail> {
  return http.patch<AdminProductDetail>(`/products/${id}/shelf`, { onShelf } satisfies SetShelfRequest);
}

export function deleteProduct(id: number): Promise<void> {
  return http.delete<void>(`/products/${id}`);
}

export function adjustStock(skuId: number, body: StockAdjustmentRequest): Promise<StockAdjustmentResponse> {
  return http.post<StockAdjustmentResponse>(`/skus/${skuId}/stock-adjustments`, body);
}
