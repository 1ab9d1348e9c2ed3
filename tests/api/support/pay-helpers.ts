import { createPrivateKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { chinaRfc3339, type OrderDetail, type StartPaymentResponse } from '../../../shared';
import {
  encryptResource,
  newNonce,
  responseSigningMessage,
  SIGNATURE_TYPE,
  signSha256WithRsa,
  unixSeconds,
} from '../../../server/src/wechat/pay/wechat-pay-crypto';
import { API, bearer, type TestApp } from './test-app';

export const NOTIFY_PATH = `${API}/payments/wechat-pay/notify`;

/** Starts paying an order as the storefront does. */
export async function startPayment(t: TestApp, token: string, orderNo: string): Promise<StartPaymentResponse> {
  return (await t.api().post(`${API}/orders/${orderNo}/payment`).set(bearer(token)).expect(200)).body;
}

/** Pays through the fake's tester endpoint (the cashier's 确认支付); the fake then notifies the app. */
export async function payAtFake(t: TestApp, prepayId: string): Promise<{ transactionId: string }> {
  const response = await fetch(`${t.fake.url}/fake/pay/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ prepayId }),
  });
  if (!response.ok) throw new Error(`fake confirm failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { transactionId: string };
}

/** Polls until the check passes (notifications arrive asynchronously), or fails with the last value. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not reached; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function orderStatus(t: TestApp, token: string, orderNo: string): Promise<OrderDetail> {
  return (await t.api().get(`${API}/orders/${orderNo}`).set(bearer(token)).expect(200)).body;
}

/**
 * A TRANSACTION.SUCCESS notification built and signed exactly as WeChat Pay (and the fake) does, with the
 * test merchant's platform key and APIv3 key, so tests can deliver it at will, or tamper with it.
 */
export function transactionNotification(
  t: TestApp,
  input: { orderNo: string; amountFen: number; openid?: string; transactionId?: string; appid?: string },
): string {
  const merchant = t.config.wechatPay.fake!.merchant;
  const transaction = {
    appid: input.appid ?? t.config.wechat.appid,
    mchid: merchant.mchid,
    out_trade_no: input.orderNo,
    transaction_id: input.transactionId ?? `4200${Date.now()}${Math.floor(Math.random() * 1e9)}`.slice(0, 28),
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    success_time: chinaRfc3339(new Date()),
    payer: { openid: input.openid ?? 'o-test-payer' },
    amount: { total: input.amountFen, payer_total: input.amountFen, currency: 'CNY', payer_currency: 'CNY' },
  };
  return JSON.stringify({
    id: randomUUID(),
    create_time: chinaRfc3339(new Date()),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: {
      original_type: 'transaction',
      ...encryptResource(JSON.stringify(transaction), Buffer.from(merchant.apiV3Key, 'utf8'), 'transaction'),
    },
  });
}

/** The Wechatpay-* headers for a body; `key` and `timestampMs` let a test forge a bad signature or a stale one. */
export function signedHeaders(
  t: TestApp,
  body: string,
  options: { key?: 'platform' | 'stranger'; timestampMs?: number } = {},
): Record<string, string> {
  const merchant = t.config.wechatPay.fake!.merchant;
  const key =
    options.key === 'stranger'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
      : createPrivateKey(merchant.platformPrivateKeyPem);
  const timestamp = unixSeconds(options.timestampMs ?? Date.now());
  const nonce = newNonce();
  return {
    'content-type': 'application/json',
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-serial': merchant.platformSerial,
    'wechatpay-signature-type': SIGNATURE_TYPE,
    'wechatpay-signature': signSha256WithRsa(responseSigningMessage(timestamp, nonce, body), key),
  };
}

/** Posts a notification body with the given headers to the app, as WeChat Pay would. */
export function deliver(t: TestApp, body: string, headers: Record<string, string>) {
  return t.api().post(NOTIFY_PATH).set(headers).send(body);
}
