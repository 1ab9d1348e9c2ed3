import { useEffect, useState } from 'react';
import type { ShopProfile } from '@shared/api/shop';
import { SHOP_NAME } from '@/shop';
import { oncePerLaunch } from './once-per-launch';
import { request } from './request';

/** The shop's public profile (name, service, the home page's announcement), read now. */
export function readShopProfile(): Promise<ShopProfile> {
  return request<ShopProfile>('/shop/profile', { toast: false });
}

/** The same, asked once per launch: the name and customer service in copy. */
export const fetchShopProfile = oncePerLaunch(readShopProfile);

/** The profile once loaded, null before (and after a failed load); `shopName` is never empty. */
export function useShopProfile(): { profile: ShopProfile | null; shopName: string } {
  const [profile, setProfile] = useState<ShopProfile | null>(null);
  useEffect(() => {
    let alive = true;
    fetchShopProfile()
      .then((loaded) => alive && setProfile(loaded))
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, []);
  // The built-in name paints first; copy switches to the shop's own name once it arrives.
  return { profile, shopName: profile?.shopName || SHOP_NAME };
}
