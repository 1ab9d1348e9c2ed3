import type { Fen } from '../money';

/**
 * `POST /api/v1/orders/:orderNo/payment` → StartPaymentResponse: places (or re-uses) the WeChat Pay JSAPI
 * order for a pending_payment order and returns what `Taro.requestPayment` takes. 409 PAYMENT_NOT_ALLOWED
 * when the order is not awaiting payment (already paid, cancelled, or past its pay deadline).
 * The order becomes paid only when WeChat Pay's signed notification (or the reconciliation query) says so,
 * never because the client reports success.
 */
export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  /** "prepay_id=…" */
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface StartPaymentResponse {
  orderNo: string;
  payableFen: Fen;
  prepayId: string;
  params: RequestPaymentParams;
}

/** A payment as WeChat Pay reported it (one per transaction id). Shown in the admin order detail. */
export interface PaymentRecord {
  transactionId: string;
  amountFen: Fen;
  payerOpenid: string;
  successAt: string;
  /** 'matched' normally; 'amount_mismatch' is flagged for staff and never marks the order paid;
   * 'refunded_late' when the payment arrived for an order that was already cancelled and was refunded. */
  outcome: 'matched' | 'amount_mismatch' | 'refunded_late';
}

/**
 * Why a refund was made: a shopper's after-sale case, a payment that arrived after the order was cancelled, a
 * group-buy team that failed, or staff refunding (part of) an order themselves.
 */
export const REFUND_KINDS = ['after_sale', 'late_payment', 'group_failed', 'group_quit', 'staff'] as const;
export type RefundKind = (typeof REFUND_KINDS)[number];

export const REFUND_KIND_LABELS: Record<RefundKind, string> = {
  after_sale: '售后退款',
  late_payment: '取消后到账退款',
  group_failed: '拼团失败退款',
  group_quit: '取消拼团退款',
  staff: '商家退款',
};

/** Units of one order line refunded, with their part of the refund. */
export interface RefundedLineRecord {
  lineId: number;
  skuId: number;
  title: string;
  specValues: string[];
  quantity: number;
  amountFen: Fen;
}

/** A refund sent to WeChat Pay for an order (after-sale, late payment, failed team or staff). */
export interface RefundRecord {
  outRefundNo: string;
  kind: RefundKind;
  amountFen: Fen;
  reason: string;
  /** The staff member who started it (staff refunds); null otherwise. */
  staff: { id: number; displayName: string } | null;
  /** The units refunded; empty when the refund is not of goods (a late payment) or predates kept lines (a whole order). */
  lines: RefundedLineRecord[];
  /** The order's shipping fee given back with its last goods; 0 otherwise. */
  shippingFen: Fen;
  status: 'processing' | 'succeeded' | 'failed';
  createdAt: string;
  succeededAt: string | null;
}

/**
 * Subscribe-message templates the shop uses. The shopper is asked at payment (at most three per ask, WeChat's
 * limit): an ordinary order asks for the first three; a 拼团 order for the team's success and failure and shipping;
 * 预约 on a live session page for live_reminder.
 */
export const SUBSCRIBE_TEMPLATE_KINDS = ['order_paid', 'order_shipped', 'refund_result', 'group_buy_succeeded', 'group_buy_failed', 'live_reminder'] as const;
export type SubscribeTemplateKind = (typeof SUBSCRIBE_TEMPLATE_KINDS)[number];

export const SUBSCRIBE_TEMPLATE_LABELS: Record<SubscribeTemplateKind, string> = {
  order_paid: '支付成功通知',
  order_shipped: '订单发货通知',
  refund_result: '退款结果通知',
  group_buy_succeeded: '拼团成功通知',
  group_buy_failed: '拼团失败通知',
  live_reminder: '直播开播提醒',
};

/** `GET /api/v1/subscribe-templates` → SubscribeTemplate[] (the template ids configured for this mini-program). */
export interface SubscribeTemplate {
  kind: SubscribeTemplateKind;
  templateId: string;
  title: string;
}

/**
 * `POST /api/v1/me/subscriptions`: what the shopper answered in `Taro.requestSubscribeMessage`. Each accepted
 * template adds one to the member's one-time quota for it; a message sent uses one.
 * 400 SUBSCRIBE_TEMPLATE_UNKNOWN for a template id the shop does not use.
 */
export interface SubscribeAnswersRequest {
  answers: { templateId: string; accepted: boolean }[];
}
