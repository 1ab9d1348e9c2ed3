import { PICKING_LIST_MAX_ORDERS, type PickingListOrder } from '@shared/api/admin-orders';

/** The print page of these orders (the page reads them back from its URL, so it can be reloaded or bookmarked). */
export function pickingListPath(orderNos: string[]): string {
  return `/picking-list?orderNos=${encodeURIComponent(orderNos.join(','))}`;
}

/** The order numbers in the page's query: distinct, in order; at most PICKING_LIST_MAX_ORDERS. */
export function orderNosFromQuery(search: string): string[] {
  const raw = new URLSearchParams(search).get('orderNos') ?? '';
  return [...new Set(raw.split(',').map((part) => part.trim()).filter(Boolean))].slice(0, PICKING_LIST_MAX_ORDERS);
}

/** Why these selected orders cannot be printed together, or null. */
export function pickingSelectionProblem(count: number): string | null {
  if (count === 0) return '请先勾选要打印的订单';
  return count > PICKING_LIST_MAX_ORDERS ? `一次最多打印 ${PICKING_LIST_MAX_ORDERS} 个订单` : null;
}

/** Pieces per SKU code over all the orders: what the picker takes from the shelves in one round. */
export function pickingTotals(orders: PickingListOrder[]): { skuCode: string; title: string; specText: string; quantity: number }[] {
  const totals = new Map<string, { skuCode: string; title: string; specText: string; quantity: number }>();
  for (const line of orders.flatMap((order) => order.lines)) {
    const specText = line.specValues.join(' / ');
    const key = line.skuCode || `${line.title}|${specText}`;
    const total = totals.get(key) ?? { skuCode: line.skuCode, title: line.title, specText, quantity: 0 };
    total.quantity += line.quantity;
    totals.set(key, total);
  }
  return [...totals.values()].sort((a, b) => a.skuCode.localeCompare(b.skuCode));
}
