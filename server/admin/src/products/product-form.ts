import type { AdminProductDetail, SaveProductRequest } from '@shared/api/admin';
import type { CategoryNode, DetailBlock } from '@shared/api/catalog';
import type { FieldError } from '@shared/errors';
import { specKey } from '@shared/sku-matrix';
import { fenToYuanText, yuanTextToFen } from '@/common/money-text';
import { findCategoryPath } from '@/categories/category-tree';
import { effectiveSpecs, mergeSkuRows, type SkuRowValues, type SpecDraft } from './sku-rows';

/** What the product edit form holds: money as typed yuan text, the category as its cascader path. */
export interface ProductFormValues {
  categoryPath: number[];
  title: string;
  subtitle: string;
  tags: string[];
  images: string[];
  detail: DetailBlock[];
  sortOrder: number;
  onShelf: boolean;
  /** 参与会员价: member levels' percentage applies to this product. */
  memberPriceEnabled: boolean;
  /** 基础销量: the owner's starting figure, apart from real sales. */
  baseSalesCount: number;
  specs: SpecDraft[];
  skus: SkuRowValues[];
}

export function newProductFormValues(): ProductFormValues {
  return {
    categoryPath: [],
    title: '',
    subtitle: '',
    tags: [],
    images: [],
    detail: [],
    sortOrder: 0,
    onShelf: false,
    memberPriceEnabled: true,
    baseSalesCount: 0,
    specs: [],
    skus: mergeSkuRows([], []),
  };
}

export function productToFormValues(product: AdminProductDetail, categories: CategoryNode[]): ProductFormValues {
  return {
    categoryPath: findCategoryPath(categories, product.categoryId) ?? [product.categoryId],
    title: product.title,
    subtitle: product.subtitle ?? '',
    tags: product.tags ?? [],
    images: product.images,
    detail: product.detail ?? [],
    sortOrder: product.sortOrder,
    onShelf: product.onShelf,
    memberPriceEnabled: product.memberPriceEnabled,
    baseSalesCount: product.baseSalesCount,
    specs: product.specs,
    skus: product.skus.map((sku) => ({
      key: specKey(sku.specValues),
      id: sku.id,
      specValues: sku.specValues,
      price: fenToYuanText(sku.priceFen),
      originalPrice: fenToYuanText(sku.originalPriceFen),
      stock: sku.stock,
      stockBefore: sku.stock,
      skuCode: sku.skuCode,
    })),
  };
}

/** The request body for the form's values; the form rules have already rejected malformed amounts. */
export function formValuesToRequest(values: ProductFormValues): SaveProductRequest {
  const specs = effectiveSpecs(values.specs);
  return {
    categoryId: values.categoryPath[values.categoryPath.length - 1],
    title: values.title.trim(),
    subtitle: values.subtitle.trim(),
    images: values.images,
    detail: values.detail
      .map((block): DetailBlock => (block.type === 'text' ? { type: 'text', text: block.text.trim() } : block))
      .filter((block) => (block.type === 'text' ? block.text !== '' : block.url !== '')),
    tags: values.tags.map((tag) => tag.trim()).filter(Boolean),
    onShelf: values.onShelf,
    sortOrder: values.sortOrder,
    memberPriceEnabled: values.memberPriceEnabled,
    baseSalesCount: values.baseSalesCount ?? 0,
    specs,
    // Rebuilt from the specs so the request always carries exactly their combinations.
    skus: mergeSkuRows(specs, values.skus).map((row) => ({
      ...(row.id !== undefined ? { id: row.id } : {}),
      specValues: row.specValues,
      priceFen: yuanTextToFen(row.price) ?? 0,
      originalPriceFen: yuanTextToFen(row.originalPrice),
      stock: row.stock ?? 0,
      ...(row.id !== undefined && row.stockBefore !== undefined ? { stockBefore: row.stockBefore } : {}),
      ...(row.skuCode.trim() ? { skuCode: row.skuCode.trim() } : {}),
    })),
  };
}

/** Request fields whose form field has another name. */
const FORM_FIELD_NAMES: Record<string, string> = {
  categoryId: 'categoryPath',
  priceFen: 'price',
  originalPriceFen: 'originalPrice',
};

/** The form field for a server error's dotted path: `skus.0.priceFen` → ['skus', 0, 'price']. */
export function formFieldForServerField(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : (FORM_FIELD_NAMES[part] ?? part)));
}

export interface PlacedFieldErrors {
  /** Errors shown beside their form field. */
  onFields: { name: (string | number)[]; errors: string[] }[];
  /** Errors about fields the form does not show one by one; shown in one message. */
  unplaced: FieldError[];
}

/** Sorts the server's field errors into those the form can show beside a field and the rest. */
export function placeServerFieldErrors(errors: FieldError[], formHasField: (name: (string | number)[]) => boolean): PlacedFieldErrors {
  const placed: PlacedFieldErrors = { onFields: [], unplaced: [] };
  for (const error of errors) {
    const name = formFieldForServerField(error.field);
    if (formHasField(name)) placed.onFields.push({ name, errors: [error.message] });
    else placed.unplaced.push(error);
  }
  return placed;
}
