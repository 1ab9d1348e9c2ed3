import type { Paginated } from '@shared/api/common';
import type {
  CategoryTreeResponse,
  HomeResponse,
  ProductDetail,
  ProductListQuery,
  ProductSummary,
} from '@shared/api/catalog';
import type { ShopProfile } from '@shared/api/shop';
import { request } from './request';

// Pages show catalog errors in place with a retry button, so these calls do not toast.

export function fetchHome(): Promise<HomeResponse> {
  return request<HomeResponse>('/home', { toast: false });
}

/** The shop's public profile (name, service, the home page's announcement). */
export function fetchShopProfile(): Promise<ShopProfile> {
  return request<ShopProfile>('/shop/profile', { toast: false });
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
