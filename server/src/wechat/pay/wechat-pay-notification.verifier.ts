import { createPublicKey, type KeyObject } from 'node:crypto';
import { decryptResource } from './wechat-pay-crypto';
import { WechatPayNotificationRejected } from './wechat-pay-errors';
import { checkWechatpaySignature, type HeaderSource } from './wechat-pay-signature';
import type { WechatPayRefundNotice, WechatPayTransaction } from './wechat-pay.types';
import { isTransferState, type WechatTransferNotice } from './wechat-transfer.types';

export interface WechatPayNotificationVerifierOptions {
  apiV3Key: string;
  /** Wechatpay-Serial → platform public key. */
  platformPublicKeys: Record<string, KeyObject | string>;
  now?: () => number;
}

interface NotificationEnvelope {
  /** Notification id, the same on every redelivery: the key for deduplication. */
  id: string;
  eventType: string;
  createTime: string;
  summary: string;
}

export type VerifiedNotification =
  | (NotificationEnvelope & { kind: 'transaction'; transaction: WechatPayTransaction })
  | (NotificationEnvelope & { kind: 'refund'; refund: WechatPayRefundNotice });

/**
 * A verified, decrypted transfer notification. Verified means "WeChat sent it", not "it is about our withdrawal as
 * we recorded it": the step that applies it must find the withdrawal by out_bill_no and compare transfer_amount and
 * openid (and mchid) with what it asked for before changing any state or money; a mismatch is an alarm, not a state.
 */
export type VerifiedTransferNotification = NotificationEnvelope & { transfer: WechatTransferNotice };

/**
 * Turns a notification POST (raw body bytes + headers) into its verified, decrypted content, or throws
 * WechatPayNotificationRejected, which the notify endpoint answers with its httpStatus and toResponseBody().
 * Payments/refunds and transfers go through the same checks; each endpoint accepts only its own events.
 */
export class WechatPayNotificationVerifier {
  private readonly apiV3Key: Buffer;
  private readonly platformKeys: ReadonlyMap<string, KeyObject>;
  private readonly now: () => number;

  constructor(options: WechatPayNotificationVerifierOptions) {
    this.apiV3Key = Buffer.from(options.apiV3Key, 'utf8');
    if (this.apiV3Key.length !== 32) throw new Error('the APIv3 key must be 32 bytes');
    this.platformKeys = new Map(
      Object.entries(options.platformPublicKeys).map(([serial, key]) => [serial, typeof key === 'string' ? createPublicKey(key) : key]),
    );
    this.now = options.now ?? Date.now;
  }

  /** A payment or refund notification (the payments notify endpoint). */
  verify(rawBody: Buffer, headers: HeaderSource): VerifiedNotification {
    const { envelope, content } = this.open(rawBody, headers);
    if (envelope.eventType.startsWith('TRANSACTION.')) {
      return { ...envelope, kind: 'transaction', transaction: content as unknown as WechatPayTransaction };
    }
    if (envelope.eventType.startsWith('REFUND.')) {
      return { ...envelope, kind: 'refund', refund: content as unknown as WechatPayRefundNotice };
    }
    throw new WechatPayNotificationRejected('MALFORMED_BODY', `未知的通知类型 ${envelope.eventType}`);
  }

  /**
   * A 商家转账 MCHTRANSFER.BILL.FINISHED notification (the transfers notify endpoint): same checks, same decryption.
   * The caller compares amount and openid with its withdrawal before applying it (see VerifiedTransferNotification).
   */
  verifyTransfer(rawBody: Buffer, headers: HeaderSource): VerifiedTransferNotification {
    const { envelope, content } = this.open(rawBody, headers);
    if (envelope.eventType !== 'MCHTRANSFER.BILL.FINISHED') {
      throw new WechatPayNotificationRejected('MALFORMED_BODY', `不是转账通知：${envelope.eventType}`);
    }
    if (typeof content.out_bill_no !== 'string' || typeof content.transfer_bill_no !== 'string' || !isTransferState(content.state)) {
      throw new WechatPayNotificationRejected('MALFORMED_BODY', '转账通知内容不完整');
    }
    return { ...envelope, transfer: content as unknown as WechatTransferNotice };
  }

  /** Signature over the raw bytes, then the envelope, then AEAD_AES_256_GCM decryption of the resource. */
  private open(rawBody: Buffer, headers: HeaderSource): { envelope: NotificationEnvelope; content: Record<string, unknown> } {
    const check = checkWechatpaySignature(rawBody, headers, this.platformKeys, this.now());
    if (!check.ok) throw new WechatPayNotificationRejected(check.reason, check.message);

    const body = parseObject(rawBody);
    const resource = body?.resource as Record<string, unknown> | undefined;
    if (
      !body ||
      typeof body.id !== 'string' ||
      typeof body.event_type !== 'string' ||
      !resource ||
      resource.algorithm !== 'AEAD_AES_256_GCM' ||
      typeof resource.ciphertext !== 'string' ||
      typeof resource.nonce !== 'string'
    ) {
      throw new WechatPayNotificationRejected('MALFORMED_BODY', '通知格式不正确');
    }

    let plaintext: string;
    try {
      plaintext = decryptResource(
        { ciphertext: resource.ciphertext, nonce: resource.nonce, associated_data: String(resource.associated_data ?? '') },
        this.apiV3Key,
      );
    } catch {
      throw new WechatPayNotificationRejected('DECRYPTION_FAILED', '通知解密失败');
    }
    const content = parseObject(Buffer.from(plaintext));
    if (!content) throw new WechatPayNotificationRejected('MALFORMED_BODY', '通知内容不是 JSON');

    const envelope: NotificationEnvelope = {
      id: body.id,
      eventType: body.event_type,
      createTime: String(body.create_time ?? ''),
      summary: String(body.summary ?? ''),
    };
    return { envelope, content };
  }
}

function parseObject(raw: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
