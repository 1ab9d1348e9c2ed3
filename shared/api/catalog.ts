import type { Fen } from '../money';

/** A category node; top-level nodes carry their ordered children (two levels at most). */
export interface CategoryNode {
  id: number;
  parentId: number | null;
  name: string;
  icon: string | null;
  sortOrder: number;
  children: CategoryNode[];
}

/** `GET /api/v1/categories`: the whole tree, top-level categories in order, each with its ordered children. */
export type CategoryTreeResponse = CategoryNode[];

/** Where a tapped banner goes: nowhere, a product, a (sub)category, or a storefront page (STOREFRONT_PAGES). */
export const BANNER_LINK_TYPES = ['none', 'product', 'category', 'page'] as const;
export type BannerLinkType = (typeof BANNER_LINK_TYPES)[number];

export const BANNER_LINK_TYPE_LABELS: Record<BannerLinkType, string> = {
  none: '不跳转',
  product: '商品',
  category: '分类',
  page: '店铺页面',
};

export interface Banner {
  id: number;
  title: string;
  imageUrl: string;
  linkType: BannerLinkType;
  /** product: the product id; category: the category id (both as decimal text); page: a StorefrontPageKey; none: null. */
  linkTarget: string | null;
}

/** `GET /api/v1/home`: banners are the enabled ones in their order, without those whose product is off shelf or deleted. */
export interface HomeResponse {
  banners: Banner[];
  /** Top-level categories for the entry grid. */
  categories: CategoryNode[];
}

export const PRODUCT_SORTS = ['default', 'sales', 'price_asc', 'price_desc', 'newest'] as const;
/** 综合 / 销量 / 价格↑ / 价格↓ / 新品 */
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** `GET /api/v1/products?categoryId=&keyword=&sort=&page=&pageSize=` → Paginated<ProductSummary>.
 * A top-level categoryId includes its children's products. */
export interface ProductListQuery {
  categoryId?: number;
  keyword?: string;
  sort?: ProductSort;
  page?: number;
  pageSize?: number;
}

export interface ProductSummary {
  id: number;
  title: string;
  subtitle: string;
  coverUrl: string;
  /** Lowest price among the SKUs that can be bought (stock > 0); when none can, the lowest SKU price. */
  minPriceFen: Fen;
  /** Original (crossed-out) price of that cheapest SKU, when it has one. */
  originalPriceFen: Fen | null;
  /** The SKUs that can be bought differ in price: the price shows as "¥x 起". */
  priceVaries: boolean;
  /** 已售: the owner's 基础销量 plus units paid in this shop and not refunded (see server/README.md). */
  salesCount: number;
  tags: string[];
  /** False when every SKU is out of stock (已售罄: nothing can be added or bought). */
  inStock: boolean;
}

/** `GET /api/v1/catalog/hot-words`: 热门搜索, the tags most sold on shelf, best first. */
export interface HotWordsResponse {
  words: string[];
}

/** One spec dimension, e.g. { name: '规格', values: ['100g', '250g'] }. */
export interface SpecDimension {
  name: string;
  values: string[];
}

export interface Sku {
  id: number;
  /** One value per spec dimension, in the product's spec order. */
  specValues: string[];
  priceFen: Fen;
  originalPriceFen: Fen | null;
  stock: number;
  skuCode: string;
}

/** `GET /api/v1/products/:id` (404 PRODUCT_NOT_FOUND when off shelf). */
export interface ProductDetail extends ProductSummary {
  categoryId: number;
  images: string[];
  /** Detail content: paragraphs of text and images, in order. */
  detail: DetailBlock[];
  specs: SpecDimension[];
  skus: Sku[];
}

export type DetailBlock = { type: 'text'; text: string } | { type: 'image'; url: string };
