/**
 * 直播专享价 per SKU before checkout (no Taro here): the SKU picker shows it in place of the list price, a cart line
 * carries a note. Checkout alone applies it (the server prices every order), so these only tell the shopper what
 * checkout will charge while the session is live.
 */
import type { LiveFeaturedProduct } from '@shared/api/live';
import { formatYuan, type Fen } from '@shared/money';

/** A product's SKUs at a live price, by SKU id: only while its session is live (GET /live/featured's skuLivePrices). */
export function liveSkuPrices(featured: ReadonlyMap<number, LiveFeaturedProduct> | null, productId: number): ReadonlyMap<number, Fen> {
  const entry = featured?.get(productId);
  if (!entry || entry.status !== 'live') return new Map();
  return new Map(entry.skuLivePrices.map((price) => [price.skuId, price.livePriceFen]));
}

/** The price a SKU is shown at: its 直播专享价 with the list price struck through (`listFen`), when that is lower; else the list price. */
export function skuPriceShown(sku: { id: number; priceFen: Fen }, livePrices: ReadonlyMap<number, Fen> | undefined): { fen: Fen; listFen: Fen | null } {
  const livePriceFen = livePrices?.get(sku.id);
  if (livePriceFen !== undefined && livePriceFen < sku.priceFen) return { fen: livePriceFen, listFen: sku.priceFen };
  return { fen: sku.priceFen, listFen: null };
}

/**
 * The note of a cart line whose SKU sells at a live price now, e.g. 直播专享价 ¥89.00，结算时生效; null otherwise and for
 * lines that cannot be bought. The cart's own prices and totals stay list prices: only checkout applies the live price.
 */
export function cartLiveNote(
  featured: ReadonlyMap<number, LiveFeaturedProduct> | null,
  item: { productId: number; skuId: number; priceFen: Fen; unavailableReason: string | null },
): string | null {
  if (item.unavailableReason !== null) return null;
  const shown = skuPriceShown({ id: item.skuId, priceFen: item.priceFen }, liveSkuPrices(featured, item.productId));
  return shown.listFen === null ? null : `直播专享价 ${formatYuan(shown.fen)}，结算时生效`;
}
