import { CART_MAX_QUANTITY } from '@shared/api/cart';
import type { Sku, SpecDimension } from '@shared/api/catalog';
import { specLabel } from '@shared/sku-matrix';

/** The value chosen in each spec dimension, in spec order; null where the shopper has not chosen yet. */
export type Selection = (string | null)[];

function matches(sku: Sku, selection: Selection, ignoreDimension = -1): boolean {
  return selection.every((value, dimension) => dimension === ignoreDimension || value === null || sku.specValues[dimension] === value);
}

/**
 * Whether a chip can be chosen: some SKU in stock has this value and agrees with what is chosen in the
 * other dimensions. A chip that cannot is shown disabled and marked 售罄.
 */
export function isOptionAvailable(skus: Sku[], selection: Selection, dimension: number, value: string): boolean {
  return skus.some((sku) => sku.stock > 0 && sku.specValues[dimension] === value && matches(sku, selection, dimension));
}

/** Tapping a chip chooses it; tapping the chosen chip again clears that dimension. */
export function toggleOption(selection: Selection, dimension: number, value: string): Selection {
  return selection.map((chosen, index) => (index === dimension ? (chosen === value ? null : value) : chosen));
}

/** Starts on the first SKU in stock so price and stock show at once; nothing chosen when all are sold out. */
export function initialSelection(specs: SpecDimension[], skus: Sku[]): Selection {
  const firstInStock = skus.find((sku) => sku.stock > 0);
  return specs.map((_, dimension) => firstInStock?.specValues[dimension] ?? null);
}

/** The SKU of a complete selection (a product without specs has exactly one). */
export function chosenSku(skus: Sku[], selection: Selection): Sku | null {
  if (selection.some((value) => value === null)) return null;
  return skus.find((sku) => matches(sku, selection)) ?? null;
}

/** Names of the dimensions still to choose, for the "请选择 规格 / 口味" prompt. */
export function missingDimensions(specs: SpecDimension[], selection: Selection): string[] {
  return specs.filter((_, dimension) => selection[dimension] === null).map((spec) => spec.name);
}

/** A cap of the offer being bought (拼团: units per member), with the words that explain it. */
export interface PerMemberCap {
  max: number;
  reason: string;
}

/**
 * The most of a SKU one order line (and one cart line) may hold: its stock, and never more than the server's
 * per-line limit CART_MAX_QUANTITY (an order asking for more is refused). `reason` says which one caps it.
 */
export function quantityLimit(stock: number, perMemberCap?: PerMemberCap): { max: number; reason: string } {
  if (perMemberCap && perMemberCap.max > 0 && perMemberCap.max < Math.min(stock, CART_MAX_QUANTITY)) {
    return { max: perMemberCap.max, reason: perMemberCap.reason };
  }
  if (stock <= CART_MAX_QUANTITY) return { max: Math.max(stock, 1), reason: `库存仅剩 ${stock} 件` };
  return { max: CART_MAX_QUANTITY, reason: `每单限购 ${CART_MAX_QUANTITY} 件` };
}

/** The quantity kept between 1 and the SKU's limit (stock, per-order limit, the offer's per-member cap). */
export function clampQuantity(quantity: number, stock: number, perMemberCap?: PerMemberCap): number {
  if (stock < 1 || !Number.isFinite(quantity)) return 1;
  return Math.min(Math.max(1, Math.floor(quantity)), quantityLimit(stock, perMemberCap).max);
}

/** "250g / 蜂蜜 ×2", the line a confirmed choice leaves on the page. */
export function choiceSummary(sku: Sku, quantity: number): string {
  return `${specLabel(sku.specValues)} ×${quantity}`;
}
