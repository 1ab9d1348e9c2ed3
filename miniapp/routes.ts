import Taro from '@tarojs/taro';

/** Page paths in one place. Secondary pages live in the goods/ and account/ subpackages. */
export const routes = {
  home: '/pages/home/index',
  category: '/pages/category/index',
  mine: '/pages/mine/index',
  search: '/goods/search/index',
  productDetail: '/goods/detail/index',
  profileEdit: '/account/profile/index',
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
