import type { AfterSaleType, RefundItem, ReturnShipmentRequest } from '@shared/api/after-sales';
import { refundableQuantity, REORDER_SKIP_REASON_LABELS, type OrderLine, type OrderStatus, type ReorderResult } from '@shared/api/orders';

/**
 * Which after-sale a shopper may apply for: 仅退款 while the goods have not left (paid), 退货退款 once shipped
 * or received. null for every other state (unpaid, cancelled, or a case already open).
 */
export function afterSaleTypeFor(status: OrderStatus): AfterSaleType | null {
  if (status === 'paid') return 'refund_only';
  if (status === 'shipped' || status === 'completed') return 'return_refund';
  return null;
}

export type OrderAction = 'cancel' | 'pay' | 'confirmReceipt' | 'afterSale' | 'remindShip' | 'reorder';

/**
 * The buttons an order offers its shopper, in the order they show. The detail page adds 再来一单 (any order
 * past payment or cancelled) and 提醒发货 (paid, waiting to ship). An order on hold (its 拼团 still forming)
 * offers neither 申请售后 nor 提醒发货: it may not ship yet, and 取消拼团并退款 is its way out.
 */
export function orderActions(status: OrderStatus, place: 'list' | 'detail' = 'list', onHold = false): OrderAction[] {
  const actions: OrderAction[] = [];
  if (place === 'detail' && status !== 'pending_payment') actions.push('reorder');
  if (status === 'pending_payment') actions.push('cancel', 'pay');
  if (afterSaleTypeFor(status) && !onHold) actions.push('afterSale');
  if (place === 'detail' && status === 'paid' && !onHold) actions.push('remindShip');
  if (status === 'shipped') actions.push('confirmReceipt');
  return actions;
}

export const ORDER_ACTION_LABELS: Record<OrderAction, string> = {
  cancel: '取消订单',
  pay: '去支付',
  confirmReceipt: '确认收货',
  afterSale: '申请售后',
  remindShip: '提醒发货',
  reorder: '再来一单',
};

/** What 再来一单 tells the shopper: a toast when everything went into the cart, else which lines did not and why. */
export function reorderSummary(result: ReorderResult): { toast: string } | { title: string; content: string; toCart: boolean } {
  if (result.skipped.length === 0) return { toast: '已加入购物车' };
  const skipped = result.skipped
    .map((line) => `${line.title}${line.specValues.length ? `（${line.specValues.join(' / ')}）` : ''}：${REORDER_SKIP_REASON_LABELS[line.reason]}`)
    .join('\n');
  if (result.added.length === 0) return { title: '商品暂时买不到了', content: skipped, toCart: false };
  const short = result.added.filter((line) => line.quantity < line.orderedQuantity);
  const shortText = short.map((line) => `\n${line.title}：库存不足，已加入 ${line.quantity} 件`).join('');
  return { title: `已加入 ${result.added.length} 种商品，以下未加入`, content: skipped + shortText, toCart: true };
}

/** Reasons offered in the after-sale form, per type (goods not shipped yet have no damage to report). */
export const AFTER_SALE_REASONS: Record<AfterSaleType, readonly string[]> = {
  refund_only: ['不想要了', '拍错了 / 拍多了', '地址填错了', '商家发货太慢', '其他'],
  return_refund: ['商品破损', '商品与描述不符', '质量问题', '少件 / 错发', '不想要了', '其他'],
};

export const AFTER_SALE_MAX_IMAGES = 6;
export const AFTER_SALE_DESCRIPTION_MAX_LENGTH = 500;

/** The first problem with an after-sale form, or null when it can be sent. */
export function validateAfterSale(form: { reason: string; description: string; images: string[] }): string | null {
  if (!form.reason) return '请选择售后原因';
  if (form.description.length > AFTER_SALE_DESCRIPTION_MAX_LENGTH) return `问题描述最多 ${AFTER_SALE_DESCRIPTION_MAX_LENGTH} 个字`;
  if (form.images.length > AFTER_SALE_MAX_IMAGES) return `最多上传 ${AFTER_SALE_MAX_IMAGES} 张照片`;
  return null;
}

/** Tracking numbers as the server takes them: 5–32 letters or digits. */
export const TRACKING_NO_PATTERN = /^[A-Za-z0-9]{5,32}$/;

/** The first problem with the return parcel form, or null when it can be sent. */
export function validateReturnShipment(form: ReturnShipmentRequest): string | null {
  if (!form.carrierCode) return '请选择快递公司';
  if (!form.trackingNo) return '请填写快递单号';
  if (!TRACKING_NO_PATTERN.test(form.trackingNo)) return '快递单号应为 5–32 位字母或数字';
  return null;
}

/** The units still refundable on each line: the picker starts with all of them. */
export function refundableUnits(lines: OrderLine[]): Record<number, number> {
  return Object.fromEntries(lines.filter((line) => refundableQuantity(line) > 0).map((line) => [line.skuId, refundableQuantity(line)]));
}

/** The request's items: omitted (the rest of the order) when every refundable unit is chosen. */
export function chosenItems(lines: OrderLine[], chosen: Record<number, number>): RefundItem[] | undefined {
  const all = refundableUnits(lines);
  const items = Object.entries(chosen)
    .filter(([, quantity]) => quantity > 0)
    .map(([skuId, quantity]) => ({ skuId: Number(skuId), quantity }));
  const everything = Object.entries(all).every(([skuId, quantity]) => chosen[Number(skuId)] === quantity);
  return everything ? undefined : items;
}
