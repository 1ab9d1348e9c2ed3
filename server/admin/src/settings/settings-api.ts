import type { AdminBanner, SaveBannerRequest } from '@shared/api/banners';
import type { ShopSettings } from '@shared/api/orders';
import type { AdminShopProfile } from '@shared/api/shop';
import { http } from '@/api/client';

export function fetchShopSettings(): Promise<ShopSettings> {
  return http.get<ShopSettings>('/settings/shop');
}

export function saveShopSettings(settings: ShopSettings): Promise<ShopSettings> {
  return http.put<ShopSettings>('/settings/shop', settings);
}

export function fetchShopProfile(): Promise<AdminShopProfile> {
  return http.get<AdminShopProfile>('/settings/profile');
}

export function saveShopProfile(profile: AdminShopProfile): Promise<AdminShopProfile> {
  return http.put<AdminShopProfile>('/settings/profile', profile);
}

export function fetchBanners(): Promise<AdminBanner[]> {
  return http.get<AdminBanner[]>('/banners');
}

export function createBanner(body: SaveBannerRequest): Promise<AdminBanner> {
  return http.post<AdminBanner>('/banners', body);
}

export function updateBanner(id: number, body: SaveBannerRequest): Promise<AdminBanner> {
  return http.put<AdminBanner>(`/banners/${id}`, body);
}

export function deleteBanner(id: number): Promise<void> {
  return http.delete<void>(`/banners/${id}`);
}

/** Every banner id in the new order. */
export function reorderBanners(ids: number[]): Promise<AdminBanner[]> {
  return http.put<AdminBanner[]>('/banners/order', { ids });
}
