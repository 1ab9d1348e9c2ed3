/** The shop's name in copy (also the navigation bar title in app.config.ts and the H5 page title in index.html). */
export const SHOP_NAME = '山野茶事';
