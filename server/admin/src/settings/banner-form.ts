import type { AdminBanner, SaveBannerRequest } from '@shared/api/banners';
import { BANNER_LINK_TYPE_LABELS, type BannerLinkType } from '@shared/api/catalog';
import { isStorefrontPageKey, STOREFRONT_PAGES, type StorefrontPageKey } from '@shared/storefront-pages';

/** The banner dialog: one target field per link type, so switching the type keeps what was chosen for each. */
export interface BannerFormValues {
  title: string;
  imageUrl: string;
  linkType: BannerLinkType;
  productId: number | null;
  categoryId: number | null;
  page: StorefrontPageKey | null;
  enabled: boolean;
}

export function newBannerFormValues(): BannerFormValues {
  return { title: '', imageUrl: '', linkType: 'product', productId: null, categoryId: null, page: null, enabled: true };
}

export function bannerToForm(banner: AdminBanner): BannerFormValues {
  const id = Number(banner.linkTarget);
  return {
    title: banner.title,
    imageUrl: banner.imageUrl,
    linkType: banner.linkType,
    productId: banner.linkType === 'product' ? id : null,
    categoryId: banner.linkType === 'category' ? id : null,
    page: banner.linkType === 'page' && isStorefrontPageKey(banner.linkTarget) ? banner.linkTarget : null,
    enabled: banner.enabled,
  };
}

/** The target of the chosen link type as the API holds it (ids as decimal text), or null. */
export function formLinkTarget(values: Pick<BannerFormValues, 'linkType' | 'productId' | 'categoryId' | 'page'>): string | null {
  switch (values.linkType) {
    case 'product':
      return values.productId ? String(values.productId) : null;
    case 'category':
      return values.categoryId ? String(values.categoryId) : null;
    case 'page':
      return values.page;
    default:
      return null;
  }
}

export function formToBannerRequest(values: BannerFormValues): SaveBannerRequest {
  return { title: values.title.trim(), imageUrl: values.imageUrl, linkType: values.linkType, linkTarget: formLinkTarget(values), enabled: values.enabled };
}

/** What a saved banner does when tapped, in words: 商品：西湖龙井 / 店铺页面：领券中心 / 不跳转. */
export function bannerLinkText(banner: Pick<AdminBanner, 'linkType' | 'linkTarget' | 'linkLabel'>): string {
  if (banner.linkType === 'none') return BANNER_LINK_TYPE_LABELS.none;
  const label = banner.linkLabel ?? (banner.linkType === 'page' ? null : `ID ${banner.linkTarget}（已不存在）`);
  return `${BANNER_LINK_TYPE_LABELS[banner.linkType]}：${label ?? banner.linkTarget}`;
}

/** The ids with the banner at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function movedIds(ids: number[], index: number, step: -1 | 1): number[] {
  const target = index + step;
  if (target < 0 || target >= ids.length) return ids;
  const next = [...ids];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

export const STOREFRONT_PAGE_OPTIONS = (Object.keys(STOREFRONT_PAGES) as StorefrontPageKey[]).map((key) => ({ value: key, label: STOREFRONT_PAGES[key] }));
