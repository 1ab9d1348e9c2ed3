import type { AfterSaleType } from '@shared/api/after-sales';
import type { OrderStatus } from '@shared/api/orders';

/**
 * Which after-sale a shopper may apply for: 仅退款 while the goods have not left (paid), 退货退款 once shipped
 * or received. null for every other state (unpaid, cancelled, or a case already open).
 */
export function afterSaleTypeFor(status: OrderStatus): AfterSaleType | null {
  if (status === 'paid') return 'refund_only';
  if (status === 'shipped' || status === 'completed') return 'return_refund';
  return null;
}

export type OrderAction = 'cancel' | 'pay' | 'confirmReceipt' | 'afterSale';

/** The buttons an order offers its shopper, in the order they show. */
export function orderActions(status: OrderStatus): OrderAction[] {
  const actions: OrderAction[] = [];
  if (status === 'pending_payment') actions.push('cancel', 'pay');
  if (afterSaleTypeFor(status)) actions.push('afterSale');
  if (status === 'shipped') actions.push('confirmReceipt');
  return actions;
}

export const ORDER_ACTION_LABELS: Record<OrderAction, string> = {
  cancel: '取消订单',
  pay: '去支付',
  confirmReceipt: '确认收货',
  afterSale: '申请售后',
};

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
