import type { SpecDimension } from '@shared/api/catalog';
import { specCombinations, specKey } from '@shared/sku-matrix';

/** One row of the SKU matrix editor as the form holds it: money as the typed yuan text. */
export interface SkuRowValues {
  /** specKey of the combination: matches a row to its combination when the specs change. */
  key: string;
  /** The saved SKU's id, so the server updates it instead of creating a new one. */
  id?: number;
  specValues: string[];
  price: string;
  originalPrice: string;
  stock: number | null;
  /** The saved SKU's stock when the form loaded: unchanged stock is left to what orders made of it since. */
  stockBefore?: number;
  skuCode: string;
}

/** A spec dimension while being typed: the name or values may still be missing. */
export interface SpecDraft {
  name?: string;
  values?: string[];
}

/**
 * The dimensions that already generate combinations. A dimension still without values is left out,
 * so adding one does not empty the table while the person types its values.
 */
export function effectiveSpecs(drafts: (SpecDraft | undefined)[] | undefined): SpecDimension[] {
  return (drafts ?? [])
    .map((draft) => ({ name: (draft?.name ?? '').trim(), values: uniqueTrimmed(draft?.values ?? []) }))
    .filter((spec) => spec.values.length > 0);
}

function uniqueTrimmed(values: string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}

export function emptySkuRow(specValues: string[]): SkuRowValues {
  return { key: specKey(specValues), specValues, price: '', originalPrice: '', stock: null, skuCode: '' };
}

/**
 * The rows for every combination of the specs, in combination order. A combination that already had a row
 * keeps it (id, prices, stock, code as typed); new combinations start empty; rows of vanished combinations go.
 */
export function mergeSkuRows(specs: SpecDimension[], previous: SkuRowValues[]): SkuRowValues[] {
  const byKey = new Map(previous.map((row) => [row.key, row]));
  return specCombinations(specs).map((combo) => byKey.get(specKey(combo)) ?? emptySkuRow(combo));
}

export interface BulkSkuValues {
  price?: string;
  originalPrice?: string;
  stock?: number | null;
}

/** Fills the given fields into every row; blank fields leave the rows' own values alone. */
export function applyBulkValues(rows: SkuRowValues[], bulk: BulkSkuValues): SkuRowValues[] {
  const price = bulk.price?.trim();
  const originalPrice = bulk.originalPrice?.trim();
  const hasStock = bulk.stock !== undefined && bulk.stock !== null;
  return rows.map((row) => ({
    ...row,
    ...(price ? { price } : {}),
    ...(originalPrice ? { originalPrice } : {}),
    ...(hasStock ? { stock: bulk.stock as number } : {}),
  }));
}
