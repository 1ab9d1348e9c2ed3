/**
 * Storefront pages a banner may open, by a stable key (the storefront maps each key to its route, so the
 * admin console and the server never hold page paths).
 */
export const STOREFRONT_PAGES = {
  coupon_center: '领券中心',
  member_center: '会员中心',
  my_coupons: '我的优惠券',
  points: '我的积分',
  orders: '我的订单',
  category: '全部分类',
  cart: '购物车',
} as const;
export type StorefrontPageKey = keyof typeof STOREFRONT_PAGES;

export const STOREFRONT_PAGE_KEYS = Object.keys(STOREFRONT_PAGES) as StorefrontPageKey[];

export function isStorefrontPageKey(value: unknown): value is StorefrontPageKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(STOREFRONT_PAGES, value);
}
