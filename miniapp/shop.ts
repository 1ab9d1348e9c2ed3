/**
 * The shop's name before `GET /shop/profile` answers (first paint, or when it fails); copy then uses the
 * profile's name (useShopProfile). The weapp navigation bar title in app.config.ts and the H5 page title in
 * index.html are fixed at build time and stay this name.
 */
export const SHOP_NAME = '山野茶事';
