import { CART_MAX_QUANTITY } from '@shared/api/cart';
import type { OrderItemInput } from '@shared/api/orders';

/**
 * The SKUs a checkout page is opened with travel in its URL (`items=12x2,15x1`), so an H5 reload or a
 * return from the cashier still knows them.
 */
export function encodeCheckoutItems(items: OrderItemInput[]): string {
  return items.map((item) => `${item.skuId}x${item.quantity}`).join(',');
}

/** Reads `items` back; null when any part is malformed (the page then says the link is broken). */
export function parseCheckoutItems(text: string | undefined): OrderItemInput[] | null {
  if (!text) return null;
  const items: OrderItemInput[] = [];
  for (const part of decodeURIComponent(text).split(',')) {
    const match = /^(\d+)x(\d+)$/.exec(part);
    if (!match) return null;
    const skuId = Number(match[1]);
    const quantity = Number(match[2]);
    if (skuId <= 0 || quantity < 1 || quantity > CART_MAX_QUANTITY) return null;
    items.push({ skuId, quantity });
  }
  return items;
}
