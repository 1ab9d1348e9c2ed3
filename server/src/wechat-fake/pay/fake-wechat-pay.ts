import { createPrivateKey, createPublicKey, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { chinaRfc3339 } from '../../../../shared';
import {
  encryptResource,
  isTimestampFresh,
  MAX_CLOCK_SKEW_S,
  newNonce,
  parseAuthorization,
  requestSigningMessage,
  responseSigningMessage,
  SIGNATURE_TYPE,
  signSha256WithRsa,
  unixSeconds,
  verifySha256WithRsa,
} from '../../wechat/pay/wechat-pay-crypto';
import type { TestMerchant } from '../../wechat/pay/test-merchant';
import type { TradeState, WechatPayRefund, WechatPayRefundNotice, WechatPayTransaction } from '../../wechat/pay/wechat-pay.types';
import type { FakeRequest, FakeResponse } from '../fake-router';
import { FakeTransfers } from './fake-transfers';
import { formatCompactTime, payError } from './pay-answers';
import { NotificationSender } from './notification-sender';

export interface FakeWechatPayOptions {
  merchant: TestMerchant;
  /** Multiplies WeChat's notification retry delays; 1 = real schedule, tests use e.g. 0.0001. */
  notifyRetryFactor?: number;
  /** How long a refund stays PROCESSING before it succeeds and REFUND.SUCCESS is sent. */
  refundSettleMs?: number;
  /** How long a transfer stays TRANSFERING (after the payee confirms) or CANCELING before it ends; 3 s by default. */
  transferSettleMs?: number;
  /** How long the transfer API holds an answer when a tester asked for a timeout; 15 s by default (the shop's client gives up at 10 s). */
  transferTimeoutDelayMs?: number;
}

export interface FakePayOrder {
  appid: string;
  mchid: string;
  outTradeNo: string;
  description: string;
  amountFen: number;
  payerOpenid: string;
  notifyUrl: string;
  timeExpire: string | null;
  attach: string | null;
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED';
  transactionId: string | null;
  successTime: string | null;
  /** The TRANSACTION.SUCCESS sent when it was paid, kept for redelivery. */
  notification: Record<string, unknown> | null;
}

interface FakeRefund {
  refund: WechatPayRefund;
  notifyUrl: string;
  notification: Record<string, unknown> | null;
}

/** A prepay_id is valid 2 hours. */
const PREPAY_TTL_MS = 2 * 3600 * 1000;


const TRADE_STATE_DESC: Record<TradeState, string> = {
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  NOTPAY: '订单未支付',
  CLOSED: '订单已关闭',
  REVOKED: '已撤销',
  USERPAYING: '用户支付中',
  PAYERROR: '支付失败',
  ACCEPT: '已接收，等待扣款',
};

/**
 * The fake's WeChat Pay: one merchant (mchid) bound to the fake's mini-program. Holds orders, prepay ids
 * and refunds in memory, checks merchant signatures, signs answers and notifications with the platform key.
 */
export class FakeWechatPay {
  readonly merchant: TestMerchant;
  readonly notifications: NotificationSender;
  /** 商家转账 bills of this merchant. */
  readonly transfers: FakeTransfers;
  private readonly merchantPublicKey: KeyObject;
  /** Signs answers and notifications; also decrypts sensitive request fields (user_name) as WeChat does. */
  readonly platformPrivateKey: KeyObject;
  private readonly apiV3Key: Buffer;
  private readonly orders = new Map<string, FakePayOrder>();
  private readonly prepays = new Map<string, { outTradeNo: string; expiresAt: number }>();
  private readonly refunds = new Map<string, FakeRefund>();
  /** Nonces seen within the replay window; a second request with one is refused. */
  private readonly seenNonces = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly refundSettleMs: number;

  constructor(
    readonly appid: string,
    options: FakeWechatPayOptions,
    readonly now: () => number,
  ) {
    this.merchant = options.merchant;
    this.merchantPublicKey = createPublicKey(createPrivateKey(options.merchant.merchantPrivateKeyPem));
    this.platformPrivateKey = createPrivateKey(options.merchant.platformPrivateKeyPem);
    this.apiV3Key = Buffer.from(options.merchant.apiV3Key, 'utf8');
    this.refundSettleMs = options.refundSettleMs ?? 3000;
    this.notifications = new NotificationSender((body) => this.signatureHeaders(body), options.notifyRetryFactor ?? 1);
    this.transfers = new FakeTransfers(this, { settleMs: options.transferSettleMs ?? 3000, timeoutDelayMs: options.transferTimeoutDelayMs ?? 15_000 });
  }

  /** null when the Authorization header is valid; otherwise the 401 answer WeChat gives. */
  authenticate(request: FakeRequest): FakeResponse | null {
    const header = request.raw.headers.authorization;
    const parts = parseAuthorization(header);
    if (!parts) return this.signed(payError(401, 'SIGN_ERROR', `Authorization 缺失或格式错误，应为 ${SIGNATURE_TYPE} …`));
    if (parts.mchid !== this.merchant.mchid) return this.signed(payError(401, 'SIGN_ERROR', '商户号与签名信息不匹配'));
    if (parts.serial_no !== this.merchant.merchantSerial) return this.signed(payError(401, 'SIGN_ERROR', '商户证书序列号有误'));
    if (!isTimestampFresh(parts.timestamp, this.now())) return this.signed(payError(401, 'SIGN_ERROR', '请求时间戳与当前时间相差超过 5 分钟'));
    const message = requestSigningMessage(request.method, request.pathAndQuery, parts.timestamp, parts.nonce_str, request.rawBody);
    if (!verifySha256WithRsa(message, parts.signature, this.merchantPublicKey)) return this.signed(payError(401, 'SIGN_ERROR', '签名错误'));
    this.forgetOldNonces();
    if (this.seenNonces.has(parts.nonce_str)) return this.signed(payError(401, 'SIGN_ERROR', '请求随机串重复，疑似重放'));
    this.seenNonces.set(parts.nonce_str, this.now());
    return null;
  }

  /** Serializes the answer once and adds the platform signature headers over exactly those bytes. */
  signed(response: { status?: number; body?: unknown }): FakeResponse {
    const text = response.body === undefined ? '' : JSON.stringify(response.body);
    return { status: response.status ?? 200, text, headers: { ...this.signatureHeaders(text), 'request-id': randomUUID() } };
  }

  // ---- orders ----

  order(outTradeNo: string): FakePayOrder | undefined {
    return this.orders.get(outTradeNo);
  }

  /** Creates the order, or for a repeated out_trade_no with the same content, issues a new prepay id. */
  placeOrder(input: Omit<FakePayOrder, 'state' | 'transactionId' | 'successTime' | 'notification'>): FakeResponse {
    const existing = this.orders.get(input.outTradeNo);
    if (existing) {
      if (existing.state === 'SUCCESS') return this.signed(payError(400, 'ORDERPAID', '该订单已支付'));
      if (existing.state === 'CLOSED') return this.signed(payError(400, 'ORDER_CLOSED', '该订单已关闭'));
      if (existing.amountFen !== input.amountFen || existing.payerOpenid !== input.payerOpenid || existing.description !== input.description) {
        return this.signed(payError(400, 'INVALID_REQUEST', '请求重入时，参数与首次请求时不一致'));
      }
    } else {
      this.orders.set(input.outTradeNo, { ...input, state: 'NOTPAY', transactionId: null, successTime: null, notification: null });
    }
    const prepayId = `wx${formatCompactTime(this.now())}${randomBytes(12).toString('hex')}`;
    this.prepays.set(prepayId, { outTradeNo: input.outTradeNo, expiresAt: this.now() + PREPAY_TTL_MS });
    return this.signed({ body: { prepay_id: prepayId } });
  }

  /** The order a prepay id was issued for, while the prepay id is valid. */
  orderForPrepay(prepayId: string): { ok: true; order: FakePayOrder } | { ok: false; message: string } {
    const prepay = this.prepays.get(prepayId);
    if (!prepay) return { ok: false, message: '未知的 prepay_id' };
    if (prepay.expiresAt <= this.now()) return { ok: false, message: 'prepay_id 已过期（有效期 2 小时）' };
    return { ok: true, order: this.orders.get(prepay.outTradeNo)! };
  }

  /** The payer confirms in the cashier: the order becomes SUCCESS and TRANSACTION.SUCCESS goes to notify_url. */
  pay(prepayId: string): { ok: true; order: FakePayOrder } | { ok: false; message: string } {
    const found = this.orderForPrepay(prepayId);
    if (!found.ok) return found;
    const { order } = found;
    if (order.state === 'SUCCESS') return { ok: false, message: '该订单已支付' };
    if (order.state === 'CLOSED') return { ok: false, message: '该订单已关闭，无法支付' };
    if (order.timeExpire && Date.parse(order.timeExpire) <= this.now()) return { ok: false, message: '订单已超过支付截止时间' };
    order.state = 'SUCCESS';
    // 28 digits like WeChat's: 4200, the date, a random tail.
    order.transactionId = `4200${formatCompactTime(this.now()).slice(0, 8)}${randomBytes(8).readBigUInt64BE().toString().padStart(20, '0').slice(0, 16)}`;
    order.successTime = chinaRfc3339(new Date(this.now()));
    order.notification = this.notification('TRANSACTION.SUCCESS', '支付成功', 'transaction', this.transaction(order));
    this.notifications.send(order.notifyUrl, order.notification as { id: string; event_type: string });
    return { ok: true, order };
  }

  /** As query answers it: REFUND once any refund was applied for. */
  transaction(order: FakePayOrder): WechatPayTransaction {
    const refunded = order.state === 'SUCCESS' && [...this.refunds.values()].some((r) => r.refund.out_trade_no === order.outTradeNo);
    const state: TradeState = refunded ? 'REFUND' : order.state;
    const paid = order.state === 'SUCCESS';
    return {
      appid: order.appid,
      mchid: order.mchid,
      out_trade_no: order.outTradeNo,
      ...(paid ? { transaction_id: order.transactionId!, trade_type: 'JSAPI', bank_type: 'OTHERS', success_time: order.successTime! } : {}),
      trade_state: state,
      trade_state_desc: TRADE_STATE_DESC[state],
      ...(order.attach === null ? {} : { attach: order.attach }),
      payer: { openid: order.payerOpenid },
      amount: paid
        ? { total: order.amountFen, payer_total: order.amountFen, currency: 'CNY', payer_currency: 'CNY' }
        : { total: order.amountFen, currency: 'CNY' },
    };
  }

  close(outTradeNo: string): FakeResponse {
    const order = this.orders.get(outTradeNo);
    if (!order) return this.signed(payError(404, 'ORDER_NOT_EXIST', '订单不存在'));
    if (order.state === 'SUCCESS') return this.signed(payError(400, 'ORDERPAID', '订单已支付，不能关闭'));
    order.state = 'CLOSED';
    return this.signed({ status: 204 });
  }

  /** Sends the order's TRANSACTION.SUCCESS again (same id, fresh signature), as WeChat does on a resend. */
  redeliverPayment(outTradeNo: string): boolean {
    const order = this.orders.get(outTradeNo);
    if (!order?.notification) return false;
    this.notifications.send(order.notifyUrl, order.notification as { id: string; event_type: string });
    return true;
  }

  // ---- refunds ----

  /** Applies for a refund: PROCESSING now, SUCCESS and REFUND.SUCCESS after refundSettleMs. Same out_refund_no → the same refund. */
  refund(input: { outTradeNo: string; outRefundNo: string; refundFen: number; totalFen: number; notifyUrl: string | null }): FakeResponse {
    const order = this.orders.get(input.outTradeNo);
    if (!order) return this.signed(payError(404, 'RESOURCE_NOT_EXISTS', '订单不存在'));
    const existing = this.refunds.get(input.outRefundNo);
    if (existing) {
      if (existing.refund.out_trade_no !== input.outTradeNo || existing.refund.amount.refund !== input.refundFen) {
        return this.signed(payError(400, 'INVALID_REQUEST', '退款单号已存在，参数与首次请求不一致'));
      }
      return this.signed({ body: existing.refund });
    }
    if (order.state !== 'SUCCESS') return this.signed(payError(400, 'INVALID_REQUEST', '订单未支付，不能退款'));
    if (input.totalFen !== order.amountFen) return this.signed(payError(400, 'PARAM_ERROR', '订单金额与原订单不一致'));
    const refunded = [...this.refunds.values()]
      .filter((r) => r.refund.out_trade_no === input.outTradeNo && r.refund.status !== 'CLOSED')
      .reduce((sum, r) => sum + r.refund.amount.refund, 0);
    if (input.refundFen > order.amountFen - refunded) return this.signed(payError(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额'));

    const refund: WechatPayRefund = {
      refund_id: `50${formatCompactTime(this.now())}${randomBytes(6).toString('hex')}`,
      out_refund_no: input.outRefundNo,
      transaction_id: order.transactionId!,
      out_trade_no: order.outTradeNo,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      create_time: chinaRfc3339(new Date(this.now())),
      status: 'PROCESSING',
      amount: { total: order.amountFen, refund: input.refundFen, payer_total: order.amountFen, payer_refund: input.refundFen, currency: 'CNY' },
    };
    const record: FakeRefund = { refund, notifyUrl: input.notifyUrl ?? order.notifyUrl, notification: null };
    this.refunds.set(input.outRefundNo, record);
    this.later(this.refundSettleMs, () => this.settleRefund(record));
    return this.signed({ body: refund });
  }

  /** The refunds applied for on one payment, as WeChat Pay holds them (tests count them). */
  refundsOf(outTradeNo: string): WechatPayRefund[] {
    return [...this.refunds.values()].filter((record) => record.refund.out_trade_no === outTradeNo).map((record) => record.refund);
  }

  queryRefund(outRefundNo: string): FakeResponse {
    const record = this.refunds.get(outRefundNo);
    if (!record) return this.signed(payError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在'));
    return this.signed({ body: record.refund });
  }

  redeliverRefund(outRefundNo: string): boolean {
    const record = this.refunds.get(outRefundNo);
    if (!record?.notification) return false;
    this.notifications.send(record.notifyUrl, record.notification as { id: string; event_type: string });
    return true;
  }

  /** Runs `task` after `ms` (WeChat finishing something on its side); stop() cancels what has not run. */
  later(ms: number, task: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.transfers.stop();
    this.notifications.stop();
  }

  private settleRefund(record: FakeRefund): void {
    const { refund } = record;
    refund.status = 'SUCCESS';
    refund.success_time = chinaRfc3339(new Date(this.now()));
    const notice: WechatPayRefundNotice = {
      mchid: this.merchant.mchid,
      transaction_id: refund.transaction_id,
      out_trade_no: refund.out_trade_no,
      refund_id: refund.refund_id,
      out_refund_no: refund.out_refund_no,
      refund_status: 'SUCCESS',
      success_time: refund.success_time,
      user_received_account: refund.user_received_account,
      amount: { total: refund.amount.total, refund: refund.amount.refund, payer_total: refund.amount.payer_total, payer_refund: refund.amount.payer_refund },
    };
    record.notification = this.notification('REFUND.SUCCESS', '退款成功', 'refund', notice);
    this.notifications.send(record.notifyUrl, record.notification as { id: string; event_type: string });
  }

  /** A notification body as WeChat sends it: the resource encrypted with the APIv3 key (AAD = original_type unless given). */
  notification(eventType: string, summary: string, originalType: string, plaintext: object, associatedData = originalType): Record<string, unknown> {
    return {
      id: randomUUID(),
      create_time: chinaRfc3339(new Date(this.now())),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: { original_type: originalType, ...encryptResource(JSON.stringify(plaintext), this.apiV3Key, associatedData) },
    };
  }

  private signatureHeaders(body: string): Record<string, string> {
    const timestamp = unixSeconds(this.now());
    const nonce = newNonce();
    return {
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
      'wechatpay-serial': this.merchant.platformSerial,
      'wechatpay-signature-type': SIGNATURE_TYPE,
      'wechatpay-signature': signSha256WithRsa(responseSigningMessage(timestamp, nonce, body), this.platformPrivateKey),
    };
  }

  private forgetOldNonces(): void {
    const cutoff = this.now() - 2 * MAX_CLOCK_SKEW_S * 1000;
    for (const [nonce, seenAt] of this.seenNonces) if (seenAt < cutoff) this.seenNonces.delete(nonce);
  }
}
