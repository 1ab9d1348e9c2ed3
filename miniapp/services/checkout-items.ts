import { CART_MAX_QUANTITY } from '@shared/api/cart';
import type { GroupBuyCheckout } from '@shared/api/group-buy';
import type { OrderItemInput } from '@shared/api/orders';

/**
 * The SKUs a checkout page is opened with travel in its URL (`items=12x2,15x1`), so an H5 reload or a
 * return from the cashier still knows them.
 */
export function encodeCheckoutItems(items: OrderItemInput[]): string {
  return items.map((item) => `${item.skuId}x${item.quantity}`).join(',');
}

export type ParsedCheckoutItems = { items: OrderItemInput[] } | { problem: string };

/**
 * Reads `items` back, or says in the shopper's words why the page cannot check out (the pages that open
 * checkout cap quantities first, so this only meets edited or stale links).
 */
export function parseCheckoutItems(text: string | undefined): ParsedCheckoutItems {
  if (!text) return { problem: '没有要结算的商品' };
  const items: OrderItemInput[] = [];
  for (const part of decodeURIComponent(text).split(',')) {
    const match = /^(\d+)x(\d+)$/.exec(part);
    const skuId = Number(match?.[1]);
    const quantity = Number(match?.[2]);
    if (!match || skuId <= 0 || quantity < 1) return { problem: '商品链接有误，请返回重新选择' };
    if (quantity > CART_MAX_QUANTITY) return { problem: `每单限购 ${CART_MAX_QUANTITY} 件，请返回修改数量` };
    items.push({ skuId, quantity });
  }
  return { items };
}

/** A 拼团 checkout travels in the URL too: `groupBuy=<campaignId>:<teamId>`, or `<campaignId>:new` to open a team. */
export function encodeGroupBuy(groupBuy: GroupBuyCheckout): string {
  return `${groupBuy.campaignId}:${groupBuy.teamId ?? 'new'}`;
}

/** Reads `groupBuy` back; undefined when absent or malformed (the checkout is then an ordinary one). */
export function parseGroupBuy(text: string | undefined): GroupBuyCheckout | undefined {
  const match = /^(\d+):(\d+|new)$/.exec(decodeURIComponent(text ?? ''));
  if (!match) return undefined;
  return { campaignId: Number(match[1]), teamId: match[2] === 'new' ? null : Number(match[2]) };
}
