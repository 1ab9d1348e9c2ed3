/**
 * Every page of the mini-program (no leading `/`), as miniapp/app.config.ts registers them (a storefront unit
 * test keeps the two equal). getwxacodeunlimit's `page` must be one of them while `check_path` is on; the fake
 * WeChat answers 41030 for any other, as WeChat does for a page the released version lacks.
 */
export const MINIPROGRAM_PAGES = [
  'pages/home/index',
  'pages/category/index',
  'pages/cart/index',
  'pages/mine/index',
  'goods/search/index',
  'goods/detail/index',
  'account/profile/index',
  'account/settings/index',
  'member/center/index',
  'member/points/index',
  'address/list/index',
  'address/edit/index',
  'checkout/index',
  'orders/list/index',
  'orders/detail/index',
  'orders/after-sale/index',
  'coupons/center/index',
  'coupons/mine/index',
  'legal/agreement/index',
  'legal/privacy/index',
  'promoter/center/index',
  'promoter/team/index',
  'promoter/commissions/index',
  'promoter/ledger/index',
  'promoter/withdrawals/index',
  'invite/index',
  'pages/group-buy/index',
  'pages/group-buy/team/index',
  'pages/group-buy/mine/index',
  'pages/live/index',
  'pages/live/session/index',
] as const;

/** The mini-program's home page: getwxacodeunlimit's default `page`. */
export const MINIPROGRAM_HOME_PAGE = MINIPROGRAM_PAGES[0];
