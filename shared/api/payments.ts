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

/** A refund sent to WeChat Pay for an order (after-sale or a late payment on a cancelled order). */
export interface RefundRecord {
  outRefundNo: string;
  amountFen: Fen;
  reason: string;
  status: 'processing' | 'succeeded' | 'failed';
  createdAt: string;
  succeededAt: string | null;
}

/** Subscribe-message templates the shop uses; the shopper is asked once at payment for all three. */
export const SUBSCRIBE_TEMPLATE_KINDS = ['order_paid', 'order_shipped', 'refund_result'] as const;
export type SubscribeTemplateKind = (typeof SUBSCRIBE_TEMPLATE_KINDS)[number];

export const SUBSCRIBE_TEMPLATE_LABELS: Record<SubscribeTemplateKind, string> = {
  order_paid: '支付成功通知',
  order_shipped: '订单发货通知',
  refund_result: '退款结果通知',
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
