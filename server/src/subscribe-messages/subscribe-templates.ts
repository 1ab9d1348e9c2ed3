import type { SubscribeTemplateKind } from '../../../shared';

/**
 * Template ids of the fake WeChat's mini-program (fake mode). In real mode the ids come from the
 * mini-program's console (订阅消息 → 我的模板) through WECHAT_TEMPLATE_ORDER_PAID / _ORDER_SHIPPED /
 * _REFUND_RESULT / _GROUP_BUY_SUCCEEDED / _GROUP_BUY_FAILED / _LIVE_REMINDER.
 */
export const FAKE_SUBSCRIBE_TEMPLATE_IDS: Record<SubscribeTemplateKind, string> = {
  order_paid: 'fake-tmpl-order-paid-0000000000000000000000',
  order_shipped: 'fake-tmpl-order-shipped-000000000000000000',
  refund_result: 'fake-tmpl-refund-result-000000000000000000',
  group_buy_succeeded: 'fake-tmpl-group-buy-succeeded-000000000000',
  group_buy_failed: 'fake-tmpl-group-buy-failed-000000000000000',
  live_reminder: 'fake-tmpl-live-reminder-000000000000000000',
};

export const SUBSCRIBE_TEMPLATE_ENV: Record<SubscribeTemplateKind, string> = {
  order_paid: 'WECHAT_TEMPLATE_ORDER_PAID',
  order_shipped: 'WECHAT_TEMPLATE_ORDER_SHIPPED',
  refund_result: 'WECHAT_TEMPLATE_REFUND_RESULT',
  group_buy_succeeded: 'WECHAT_TEMPLATE_GROUP_BUY_SUCCEEDED',
  group_buy_failed: 'WECHAT_TEMPLATE_GROUP_BUY_FAILED',
  live_reminder: 'WECHAT_TEMPLATE_LIVE_REMINDER',
};
