import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { chinaRfc3339 } from '../../../../shared';
import {
  encryptSensitiveField,
  formatAuthorization,
  newNonce,
  paySignMessage,
  requestSigningMessage,
  signSha256WithRsa,
  unixSeconds,
} from './wechat-pay-crypto';
import { WechatPayApiError, WechatPayResponseRejected, WechatPayUnreachableError } from './wechat-pay-errors';
import { checkWechatpaySignature } from './wechat-pay-signature';
import type { RequestPaymentParams, WechatPayRefund, WechatPayTransaction } from './wechat-pay.types';

export interface WechatPayClientOptions {
  /** https://api.mch.weixin.qq.com in production; the fake's URL locally and in tests. */
  apiBase: string;
  /** The mini-program the payer's openid belongs to. */
  appid: string;
  mchid: string;
  merchantSerial: string;
  merchantPrivateKey: KeyObject | string;
  /** Wechatpay-Serial → platform public key; configure old and new together during a rotation. */
  platformPublicKeys: Record<string, KeyObject | string>;
  timeoutMs?: number;
  now?: () => number;
}

export const WECHAT_PAY_CLIENT_OPTIONS = Symbol('WECHAT_PAY_CLIENT_OPTIONS');

export interface JsapiOrderInput {
  outTradeNo: string;
  /** Shown in the payer's WeChat bill (≤127 chars). */
  description: string;
  amountFen: number;
  payerOpenid: string;
  notifyUrl: string;
  /** Last moment the payer can pay; WeChat does not close the order by itself at this time. */
  timeExpire: Date;
  /** Echoed in query and notification (≤128 chars). */
  attach?: string;
}

export interface RefundInput {
  outTradeNo: string;
  /** Retrying a failed refund must reuse the same out_refund_no. */
  outRefundNo: string;
  refundFen: number;
  /** The original order's total, which WeChat checks. */
  totalFen: number;
  reason?: string;
  notifyUrl?: string;
}

/**
 * WeChat Pay API v3 for JSAPI (mini-program) payments. Every request is signed with the merchant key;
 * every response must carry a valid platform signature over its raw body, or nothing in it is used.
 */
export class WechatPayClient {
  private readonly merchantKey: KeyObject;
  private readonly platformKeys: ReadonlyMap<string, KeyObject>;
  private readonly now: () => number;

  constructor(private readonly options: WechatPayClientOptions) {
    this.merchantKey = typeof options.merchantPrivateKey === 'string' ? createPrivateKey(options.merchantPrivateKey) : options.merchantPrivateKey;
    this.platformKeys = new Map(
      Object.entries(options.platformPublicKeys).map(([serial, key]) => [serial, typeof key === 'string' ? createPublicKey(key) : key]),
    );
    this.now = options.now ?? Date.now;
  }

  /** The mini-program and merchant this client pays for (a notification must name the same). */
  get appid(): string {
    return this.options.appid;
  }

  get mchid(): string {
    return this.options.mchid;
  }

  /** POST /v3/pay/transactions/jsapi → prepay_id (valid 2 hours). */
  async createJsapiOrder(input: JsapiOrderInput): Promise<{ prepayId: string }> {
    const body = await this.call<{ prepay_id?: unknown }>('jsapi', 'POST', '/v3/pay/transactions/jsapi', {
      appid: this.options.appid,
      mchid: this.options.mchid,
      description: input.description,
      out_trade_no: input.outTradeNo,
      time_expire: chinaRfc3339(input.timeExpire),
      ...(input.attach === undefined ? {} : { attach: input.attach }),
      notify_url: input.notifyUrl,
      amount: { total: input.amountFen, currency: 'CNY' },
      payer: { openid: input.payerOpenid },
    });
    if (typeof body?.prepay_id !== 'string') throw new WechatPayUnreachableError('jsapi: answer without prepay_id');
    return { prepayId: body.prepay_id };
  }

  /** Parameters for wx.requestPayment, signed with the merchant key (signType RSA). */
  requestPaymentParams(prepayId: string): RequestPaymentParams {
    const timeStamp = unixSeconds(this.now());
    const nonceStr = newNonce();
    const packageValue = `prepay_id=${prepayId}`;
    const paySign = signSha256WithRsa(paySignMessage(this.options.appid, timeStamp, nonceStr, packageValue), this.merchantKey);
    return { appId: this.options.appid, timeStamp, nonceStr, package: packageValue, signType: 'RSA', paySign };
  }

  /** GET /v3/pay/transactions/out-trade-no/{no}; WeChat answers 404 ORDER_NOT_EXIST for an unknown order. */
  async queryOrder(outTradeNo: string): Promise<WechatPayTransaction> {
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(this.options.mchid)}`;
    return this.requireBody(await this.call<WechatPayTransaction>('query', 'GET', path), 'query');
  }

  /** POST …/close → 204. After this the order cannot be paid. */
  async closeOrder(outTradeNo: string): Promise<void> {
    await this.call('close', 'POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, {
      mchid: this.options.mchid,
    });
  }

  /** POST /v3/refund/domestic/refunds; the answer means "accepted" (usually PROCESSING), the result comes by notification. */
  async createRefund(input: RefundInput): Promise<WechatPayRefund> {
    const body = await this.call<WechatPayRefund>('refund', 'POST', '/v3/refund/domestic/refunds', {
      out_trade_no: input.outTradeNo,
      out_refund_no: input.outRefundNo,
      ...(input.reason === undefined ? {} : { reason: input.reason }),
      ...(input.notifyUrl === undefined ? {} : { notify_url: input.notifyUrl }),
      amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
    });
    return this.requireBody(body, 'refund');
  }

  /** GET /v3/refund/domestic/refunds/{out_refund_no}. */
  async queryRefund(outRefundNo: string): Promise<WechatPayRefund> {
    const body = await this.call<WechatPayRefund>('refund query', 'GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`);
    return this.requireBody(body, 'refund query');
  }

  private requireBody<T>(body: T | null, api: string): T {
    if (body === null) throw new WechatPayUnreachableError(`${api}: empty answer`);
    return body;
  }

  /**
   * A sensitive request field encrypted with the WeChat Pay public key (the first one configured), and the
   * serial the request must name in its Wechatpay-Serial header.
   */
  encryptSensitive(plaintext: string): { serial: string; ciphertext: string } {
    const [serial, key] = this.platformKeys.entries().next().value!;
    return { serial, ciphertext: encryptSensitiveField(plaintext, key) };
  }

  /**
   * Signs, sends, verifies; returns the parsed body (null for 204) or throws a typed error. Shared by the
   * merchant's other API clients (transfers: wechat-transfer.client.ts), so every call is signed and checked alike.
   */
  async call<T>(api: string, method: 'GET' | 'POST', pathAndQuery: string, json?: unknown, extraHeaders?: Record<string, string>): Promise<T | null> {
    // Serialized once: the signature covers exactly the bytes sent.
    const requestBody = json === undefined ? '' : JSON.stringify(json);
    const timestamp = unixSeconds(this.now());
    const nonce = newNonce();
    const signature = signSha256WithRsa(requestSigningMessage(method, pathAndQuery, timestamp, nonce, requestBody), this.merchantKey);
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: formatAuthorization({
        mchid: this.options.mchid,
        nonce_str: nonce,
        signature,
        timestamp,
        serial_no: this.options.merchantSerial,
      }),
    };
    if (json !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, extraHeaders);

    let response: Response;
    let raw: Buffer;
    try {
      response = await fetch(`${this.options.apiBase}${pathAndQuery}`, {
        method,
        headers,
        body: json === undefined ? undefined : requestBody,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      raw = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw new WechatPayUnreachableError(`${api}: ${(error as Error).message}`);
    }

    const check = checkWechatpaySignature(raw, response.headers, this.platformKeys, this.now());
    if (!check.ok) throw new WechatPayResponseRejected(`${api}: HTTP ${response.status}, ${check.reason} ${check.message}`);

    const parsed = raw.length === 0 ? null : parseJson(raw);
    if (!response.ok) {
      const error = parsed as { code?: unknown; message?: unknown } | null;
      if (typeof error?.code !== 'string') throw new WechatPayUnreachableError(`${api}: HTTP ${response.status} without an error code`);
      throw new WechatPayApiError(api, response.status, error.code, String(error.message ?? ''));
    }
    if (raw.length > 0 && parsed === null) throw new WechatPayUnreachableError(`${api}: HTTP ${response.status} without JSON`);
    return parsed as T | null;
  }
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
}
