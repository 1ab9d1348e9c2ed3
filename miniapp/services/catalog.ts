import type { Paginated } from '@shared/api/common';
import type {
  CategoryTreeResponse,
  HomeResponse,
  HotWordsResponse,
  ProductDetail,
  ProductListQuery,
  ProductSummary,
} from '@shared/api/catalog';
import { request } from './request';

// Pages show catalog errors in place with a retry button, so these calls do not toast.

export function fetchHome(): Promise<HomeResponse> {
  return request<HomeResponse>('/home', { toast: false });
}

export function fetchCategoryTree(): Promise<CategoryTreeResponse> {
  return request<CategoryTreeResponse>('/categories', { toast: false });
}

export function listProducts(query: ProductListQuery): Promise<Paginated<ProductSummary>> {
  return request<Paginated<ProductSummary>>('/products', { query: { ...query }, toast: false });
}

export function fetchProduct(id: number): Promise<ProductDetail> {
  return request<ProductDetail>(`/products/${id}`, { toast: false });
}

export function fetchHotWords(): Promise<HotWordsResponse> {
  return request<HotWordsResponse>('/catalog/hot-words', { toast: false });
}

/** 为你推荐 where a search found nothing: the best sellers that can be bought. */
export async function fetchBestSellers(count: number): Promise<ProductSummary[]> {
  const page = await listProducts({ sort: 'sales', page: 1, pageSize: count * 2 });
  return page.items.filter((product) => product.inStock).slice(0, count);
}
