import type { SubscribeTemplateKind } from '../../../shared';

/**
 * Template ids of the fake WeChat's mini-program (fake mode). In real mode the ids come from the
 * mini-program's console (订阅消息 → 我的模板) through WECHAT_TEMPLATE_ORDER_PAID / _ORDER_SHIPPED /
 * _REFUND_RESULT.
 */
export const FAKE_SUBSCRIBE_TEMPLATE_IDS: Record<SubscribeTemplateKind, string> = {
  order_paid: 'fake-tmpl-order-paid-0000000000000000000000',
  order_shipped: 'fake-tmpl-order-shipped-000000000000000000',
  refund_result: 'fake-tmpl-refund-result-000000000000000000',
};

export const SUBSCRIBE_TEMPLATE_ENV: Record<SubscribeTemplateKind, string> = {
  order_paid: 'WECHAT_TEMPLATE_ORDER_PAID',
  order_shipped: 'WECHAT_TEMPLATE_ORDER_SHIPPED',
  refund_result: 'WECHAT_TEMPLATE_REFUND_RESULT',
};
