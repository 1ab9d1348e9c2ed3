import type { KeyObject } from 'node:crypto';
import { isTimestampFresh, responseSigningMessage, verifySha256WithRsa } from './wechat-pay-crypto';

/** Header lookup over Node/Fastify (lowercase keys) or fetch Headers. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'MISSING_HEADERS' | 'UNKNOWN_SERIAL' | 'STALE_TIMESTAMP' | 'BAD_SIGNATURE'; message: string };

/**
 * Checks the Wechatpay-* headers of a response or notification against the RAW body: the key chosen by
 * Wechatpay-Serial, the timestamp within ±300 s, the SHA256withRSA signature.
 */
export function checkWechatpaySignature(
  body: Buffer,
  headers: HeaderSource,
  platformKeys: ReadonlyMap<string, KeyObject>,
  nowMs: number,
): SignatureCheck {
  const timestamp = headerValue(headers, 'Wechatpay-Timestamp');
  const nonce = headerValue(headers, 'Wechatpay-Nonce');
  const signature = headerValue(headers, 'Wechatpay-Signature');
  const serial = headerValue(headers, 'Wechatpay-Serial');
  if (!timestamp || !nonce || !signature || !serial) {
    return { ok: false, reason: 'MISSING_HEADERS', message: '缺少微信支付签名头' };
  }
  const key = platformKeys.get(serial);
  if (!key) return { ok: false, reason: 'UNKNOWN_SERIAL', message: `未知的微信支付公钥序列号 ${serial}` };
  if (!isTimestampFresh(timestamp, nowMs)) return { ok: false, reason: 'STALE_TIMESTAMP', message: '签名时间戳超出 5 分钟' };
  if (!verifySha256WithRsa(responseSigningMessage(timestamp, nonce, body), signature, key)) {
    return { ok: false, reason: 'BAD_SIGNATURE', message: '微信支付签名验证失败' };
  }
  return { ok: true };
}
