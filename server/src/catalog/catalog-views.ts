import type {
  AdminProductDetail,
  Banner as BannerView,
  CategoryNode,
  ProductDetail,
  ProductSummary,
  Sku as SkuView,
} from '../../../shared';
import type { Banner } from './banner.entity';
import type { Category } from './category.entity';
import type { Product } from './product.entity';
import type { Sku } from './sku.entity';

/** Entities → API shapes of shared/api. */

const byOrder = (a: Category, b: Category) => a.sortOrder - b.sortOrder || a.id - b.id;

/** Top-level categories with their ordered children. */
export function categoryTree(categories: Category[]): CategoryNode[] {
  const node = (category: Category): CategoryNode => ({
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

export function toBannerView(banner: Banner): BannerView {
  return {
    id: banner.id,
    title: banner.title,
    imageUrl: banner.imageUrl,
    linkType: banner.linkType,
    linkTarget: banner.linkTarget,
  };
}

export function toProductSummary(product: Product): ProductSummary {
  return {
    id: product.id,
    title: product.title,
    subtitle: product.subtitle,
    coverUrl: product.images[0] ?? '',
    minPriceFen: product.minPriceFen,
    originalPriceFen: product.minPriceOriginalFen,
    salesCount: product.salesCount,
    tags: product.tags,
    inStock: product.totalStock > 0,
  };
}

export function toSkuView(sku: Sku): SkuView {
  return {
    id: sku.id,
    specValues: sku.specValues,
    priceFen: sku.priceFen,
    originalPriceFen: sku.originalPriceFen,
    stock: sku.stock,
    skuCode: sku.skuCode,
  };
}

export function toProductDetail(product: Product, skus: Sku[]): ProductDetail {
  return {
    ...toProductSummary(product),
    categoryId: product.categoryId,
    images: product.images,
    detail: product.detail,
    specs: product.specs,
    skus: skus.map(toSkuView),
  };
}

export function toAdminProductDetail(product: Product, skus: Sku[]): AdminProductDetail {
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
    specs: product.specs,
    skus: skus.map(toSkuView),
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}
