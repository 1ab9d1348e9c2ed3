import type {
  AdminProductDetail,
  AdminProductRow,
  BulkProductAction,
  BulkProductResult,
  SaveProductRequest,
  SetShelfRequest,
  StockAdjustmentRequest,
  StockAdjustmentResponse,
} from '@shared/api/admin';
import type { Paginated } from '@shared/api/common';
import type { StockMovement } from '@shared/api/inventory';
import { http } from '@/api/client';
import type { SearchOption } from '@/coupons/RemoteSearchSelect';

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

/** The SKU's latest stock movements, newest first. */
export function fetchStockMovements(skuId: number): Promise<StockMovement[]> {
  return http.get<StockMovement[]>(`/skus/${skuId}/stock-movements`, { limit: 100 });
}

/** Products matching a keyword as select options (the first 20; blank: the newest). */
export async function searchProductOptions(keyword: string): Promise<SearchOption[]> {
  const page = await fetchProducts({ keyword: keyword || undefined, page: 1, pageSize: 20 });
  return page.items.map((product) => ({ value: product.id, label: `${product.title}（ID ${product.id}）` }));
}

/** 上架 / 下架 / 删除 for the selected products; each one succeeds or fails on its own. */
export function bulkProducts(action: BulkProductAction, ids: number[]): Promise<BulkProductResult> {
  return http.post<BulkProductResult>('/products/bulk', { action, ids });
}
