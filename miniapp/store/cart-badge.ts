import Taro, { useDidShow } from '@tarojs/taro';
import { cartBadgeText } from './cart-badge-text';

/** Position of the 购物车 tab in app.config.ts's tabBar list. */
const CART_TAB_INDEX = 2;

let count = 0;

function apply() {
  const text = cartBadgeText(count);
  // The tab bar is missing on some pages (e.g. when opened from a share card); a failed badge call is harmless.
  const call = text
    ? Taro.setTabBarBadge({ index: CART_TAB_INDEX, text })
    : Taro.removeTabBarBadge({ index: CART_TAB_INDEX });
  Promise.resolve(call).catch(() => {});
}

/** The unit count on the 购物车 tab: set from every cart answer, cleared on sign-out, re-applied when a tab shows. */
export const cartBadge = {
  set(next: number) {
    count = next;
    apply();
  },
  apply,
};

/** Tab pages re-apply the badge when they show (weapp keeps a badge per tab bar instance). */
export function useCartBadge() {
  useDidShow(() => cartBadge.apply());
}
