import type { Banner } from '@shared/api/catalog';
import { isStorefrontPageKey, type StorefrontPageKey } from '@shared/storefront-pages';
import { orderListUrl, productDetailUrl, routes } from '@/routes';

/** Where a tapped banner goes: a page to open, a tab to switch to, the 分类 tab on a category, or nowhere. */
export type BannerDestination =
  | { kind: 'page'; url: string }
  | { kind: 'tab'; url: string }
  | { kind: 'category'; categoryId: number }
  | null;

/** The storefront page behind each key the console offers (shared/storefront-pages.ts). */
const STOREFRONT_PAGE_DESTINATIONS: Record<StorefrontPageKey, NonNullable<BannerDestination>> = {
  coupon_center: { kind: 'page', url: routes.couponCenter },
  member_center: { kind: 'page', url: routes.memberCenter },
  my_coupons: { kind: 'page', url: routes.myCoupons },
  points: { kind: 'page', url: routes.pointsLedger },
  orders: { kind: 'page', url: orderListUrl() },
  category: { kind: 'tab', url: routes.category },
  cart: { kind: 'tab', url: routes.cart },
};

export function bannerDestination(banner: Pick<Banner, 'linkType' | 'linkTarget'>): BannerDestination {
  const id = Number(banner.linkTarget);
  switch (banner.linkType) {
    case 'product':
      return Number.isInteger(id) && id > 0 ? { kind: 'page', url: productDetailUrl(id) } : null;
    case 'category':
      return Number.isInteger(id) && id > 0 ? { kind: 'category', categoryId: id } : null;
    case 'page':
      // A page this build does not know (a newer console) goes nowhere rather than somewhere wrong.
      return isStorefrontPageKey(banner.linkTarget) ? STOREFRONT_PAGE_DESTINATIONS[banner.linkTarget] : null;
    default:
      return null;
  }
}
