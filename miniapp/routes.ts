import Taro from '@tarojs/taro';
import type { OrderItemInput, OrderTab } from '@shared/api/orders';
import type { GroupBuyCheckout } from '@shared/api/group-buy';
import { encodeCheckoutItems, encodeGroupBuy } from '@/services/checkout-items';

/** Page paths in one place. Secondary pages live in subpackages (goods/, account/, member/, address/, checkout/, orders/, coupons/, legal/, promoter/, invite/, pages/group-buy/, pages/live/). */
export const routes = {
  home: '/pages/home/index',
  category: '/pages/category/index',
  mine: '/pages/mine/index',
  search: '/goods/search/index',
  productDetail: '/goods/detail/index',
  profileEdit: '/account/profile/index',
  memberCenter: '/member/center/index',
  pointsLedger: '/member/points/index',
  cart: '/pages/cart/index',
  addressList: '/address/list/index',
  addressEdit: '/address/edit/index',
  checkout: '/checkout/index',
  orderList: '/orders/list/index',
  orderDetail: '/orders/detail/index',
  afterSale: '/orders/after-sale/index',
  couponCenter: '/coupons/center/index',
  myCoupons: '/coupons/mine/index',
  promoterWithdrawals: '/promoter/withdrawals/index',
  settings: '/account/settings/index',
  userAgreement: '/legal/agreement/index',
  privacyPolicy: '/legal/privacy/index',
  promoterCenter: '/promoter/center/index',
  promoterTeam: '/promoter/team/index',
  promoterCommissions: '/promoter/commissions/index',
  promoterLedger: '/promoter/ledger/index',
  invite: '/invite/index',
  groupBuyZone: '/pages/group-buy/index',
  groupBuyTeam: '/pages/group-buy/team/index',
  myGroupBuyTeams: '/pages/group-buy/mine/index',
  liveChannel: '/pages/live/index',
  liveSession: '/pages/live/session/index',
} as const;

export function productDetailUrl(productId: number): string {
  return `${routes.productDetail}?id=${productId}`;
}

export function searchUrl(keyword?: string): string {
  return keyword ? `${routes.search}?keyword=${encodeURIComponent(keyword)}` : routes.search;
}

// Tab pages cannot take query parameters (switchTab drops them), so the category to open waits here.
let requestedCategoryId: number | null = null;

/** Opens the 分类 tab on a given top-level category. */
export function openCategoryTab(categoryId: number) {
  requestedCategoryId = categoryId;
  Taro.switchTab({ url: routes.category });
}

/** The category another page asked the 分类 tab to open, once. */
export function takeRequestedCategoryId(): number | null {
  const categoryId = requestedCategoryId;
  requestedCategoryId = null;
  return categoryId;
}

export function orderDetailUrl(orderNo: string): string {
  return `${routes.orderDetail}?orderNo=${encodeURIComponent(orderNo)}`;
}

export function orderListUrl(tab: OrderTab = 'all'): string {
  return `${routes.orderList}?tab=${tab}`;
}

/** Checkout for these SKUs; `fromCart` makes the ordered SKUs leave the cart when the order is placed. */
export function checkoutUrl(items: OrderItemInput[], fromCart: boolean): string {
  return `${routes.checkout}?items=${encodeCheckoutItems(items)}${fromCart ? '&from=cart' : ''}`;
}

/** Checkout of one SKU at the 拼团 price: opening a team (teamId null) or joining one. */
export function groupBuyCheckoutUrl(item: OrderItemInput, groupBuy: GroupBuyCheckout): string {
  return `${checkoutUrl([item], false)}&groupBuy=${encodeGroupBuy(groupBuy)}`;
}

export function groupBuyTeamUrl(teamId: number): string {
  return `${routes.groupBuyTeam}?id=${teamId}`;
}

export function liveSessionUrl(sessionId: number): string {
  return `${routes.liveSession}?id=${sessionId}`;
}
