import type { ShopSettings } from '@shared/api/orders';
import { http } from '@/api/client';

export function fetchShopSettings(): Promise<ShopSettings> {
  return http.get<ShopSettings>('/settings/shop');
}

export function saveShopSettings(settings: ShopSettings): Promise<ShopSettings> {
  return http.put<ShopSettings>('/settings/shop', settings);
}
