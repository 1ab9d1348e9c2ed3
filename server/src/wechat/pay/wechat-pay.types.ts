/** Shapes of WeChat Pay API v3 as sent and received (snake_case, amounts in fen). */

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR' | 'ACCEPT';

export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

/** An order as query answers it and as TRANSACTION.SUCCESS carries it. */
export interface WechatPayTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type?: string;
  trade_state: TradeState;
  trade_state_desc: string;
  bank_type?: string;
  attach?: string;
  success_time?: string;
  payer?: { openid: string };
  amount?: { total: number; payer_total?: number; currency: string; payer_currency?: string };
}

/** A refund as the apply and query APIs answer it. */
export interface WechatPayRefund {
  refund_id: string;
  out_refund_no: string;
  transaction_id: string;
  out_trade_no: string;
  channel: string;
  user_received_account: string;
  success_time?: string;
  create_time: string;
  status: RefundStatus;
  amount: { total: number; refund: number; payer_total: number; payer_refund: number; currency: string };
}

/** The decrypted resource of REFUND.SUCCESS / REFUND.ABNORMAL / REFUND.CLOSED. */
export interface WechatPayRefundNotice {
  mchid: string;
  transaction_id: string;
  out_trade_no: string;
  refund_id: string;
  out_refund_no: string;
  refund_status: RefundStatus;
  success_time?: string;
  user_received_account: string;
  amount: { total: number; refund: number; payer_total: number; payer_refund: number };
}

/** Parameters for wx.requestPayment / Taro.requestPayment (appId is signed but not passed to the API). */
export interface RequestPaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

/** Error body of a v3 API: {code, message} (plus detail on PARAM_ERROR). */
export interface WechatPayErrorBody {
  code: string;
  message: string;
  detail?: unknown;
}
