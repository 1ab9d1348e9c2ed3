import type {
  AdminProductDetail,
  Banner as BannerView,
  CategoryNode,
  ProductDetail,
  ProductSummary,
  Sku as SkuView,
} from '../../../shared';
import type { BannerRow } from './banner.entity';
import type { CategoryRow } from './category.entity';
import type { ProductRow } from './product.entity';
import type { SkuRow } from './sku.entity';
import { priceHeadline } from './price-headline';

/** Entities → API shapes of shared/api. */

const byOrder = (a: CategoryRow, b: CategoryRow) => a.sortOrder - b.sortOrder || a.id - b.id;

/** Top-level categories with their ordered children. */
export function categoryTree(categories: CategoryRow[]): CategoryNode[] {
  const node = (category: CategoryRow): CategoryNode => ({
    id: category.id,
    parentId: category.parentId,
    name: category.name,
    icon: category.icon,
    sortOrder: category.sortOrder,
    children: [],
  });
  const sorted = [...categories].sort(byOrder);
  const roots = new Map(sorted.filter((c) => c.parentId === null).map((c) => [c.id, node(c)]));
  for (const category of sorted) {
    if (category.parentId !== null) roots.get(category.parentId)?.children.push(node(category));
  }
  return [...roots.values()];
}

export function toBannerView(banner: BannerRow): BannerView {
  return {
    id: banner.id,
    title: banner.title,
    imageUrl: banner.imageUrl,
    linkType: banner.linkType,
    linkTarget: banner.linkTarget,
  };
}

/** 已售 as shoppers see it: the owner's 基础销量 plus real sales (server/README.md, 销量). */
export function shownSalesCount(product: Pick<ProductRow, 'baseSalesCount' | 'salesCount'>): number {
  return product.baseSalesCount + product.salesCount;
}

/** The product as a card shows it; its price comes from its SKUs' current stock (priceHeadline). */
export function toProductSummary(product: ProductRow, skus: SkuRow[]): ProductSummary {
  return {
    id: product.id,
    title: product.title,
    subtitle: product.subtitle,
    coverUrl: product.images[0] ?? '',
    ...priceHeadline(skus),
    salesCount: shownSalesCount(product),
    tags: product.tags,
  };
}

export function toSkuView(sku: SkuRow): SkuView {
  return {
    id: sku.id,
    specValues: sku.specValues,
    priceFen: sku.priceFen,
    originalPriceFen: sku.originalPriceFen,
    stock: sku.stock,
    skuCode: sku.skuCode,
  };
}

export function toProductDetail(product: ProductRow, skus: SkuRow[]): ProductDetail {
  return {
    ...toProductSummary(product, skus),
    categoryId: product.categoryId,
    images: product.images,
    detail: product.detail,
    specs: product.specs,
    skus: skus.map(toSkuView),
  };
}

export function toAdminProductDetail(product: ProductRow, skus: SkuRow[]): AdminProductDetail {
  return {
    id: product.id,
    categoryId: product.categoryId,
    title: product.title,
    subtitle: product.subtitle,
    images: product.images,
    detail: product.detail,
    tags: product.tags,
    onShelf: product.onShelf,
    sortOrder: product.sortOrder,
    memberPriceEnabled: product.memberPriceEnabled,
    salesCount: product.salesCount,
    baseSalesCount: product.baseSalesCount,
    specs: product.specs,
    skus: skus.map(toSkuView),
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}
