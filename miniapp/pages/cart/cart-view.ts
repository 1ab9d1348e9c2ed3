import type { CartItem, CartResponse, ShippingRule } from '@shared/api/cart';
import type { OrderItemInput } from '@shared/api/orders';
import { formatYuan, type Fen } from '@shared/money';

/** 全选 is ticked when every line that can be bought is selected (unavailable lines cannot be). */
export function isAllSelected(items: CartItem[]): boolean {
  const available = items.filter((item) => item.unavailableReason === null);
  return available.length > 0 && available.every((item) => item.selected);
}

/** Whether any line can be bought at all (every one off the shelf or sold out: 全选 has nothing to select). */
export function hasBuyableLine(items: CartItem[]): boolean {
  return items.some((item) => item.unavailableReason === null);
}

/** What 去结算 orders: the selected lines that can be bought. */
export function checkoutItems(items: CartItem[]): OrderItemInput[] {
  return items
    .filter((item) => item.selected && item.unavailableReason === null)
    .map((item) => ({ skuId: item.skuId, quantity: item.quantity }));
}

export function checkoutButtonText(cart: Pick<CartResponse, 'selectedQuantity'>): string {
  return cart.selectedQuantity > 0 ? `去结算(${cart.selectedQuantity})` : '去结算';
}

/** The free-shipping hint under the total; null when nothing is selected, or the shop has no threshold or ships free anyway. */
export function shippingHint(selectedSubtotalFen: Fen, rule: ShippingRule): string | null {
  if (selectedSubtotalFen === 0 || rule.shippingFeeFen === 0 || rule.freeShippingThresholdFen === null) return null;
  if (selectedSubtotalFen >= rule.freeShippingThresholdFen) return '已满足包邮';
  return `再买 ${formatYuan(rule.freeShippingThresholdFen - selectedSubtotalFen)} 包邮`;
}

/** The price note of a line whose price moved since it was added, e.g. 比加入时降 ¥2.00. */
export function priceChangeNote(item: Pick<CartItem, 'priceFen' | 'addedPriceFen'>): string | null {
  const delta = item.priceFen - item.addedPriceFen;
  if (delta === 0) return null;
  return delta < 0 ? `比加入时降 ${formatYuan(-delta)}` : `比加入时涨 ${formatYuan(delta)}`;
}
