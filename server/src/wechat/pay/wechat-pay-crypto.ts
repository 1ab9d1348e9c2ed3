import { constants, createCipheriv, createDecipheriv, createSign, createVerify, privateDecrypt, publicEncrypt, randomBytes, type KeyLike } from 'node:crypto';

/** The only signature scheme of API v3 (Authorization prefix and Wechatpay-Signature-Type). */
export const SIGNATURE_TYPE = 'WECHATPAY2-SHA256-RSA2048';

/** WeChat and its SDKs accept a signed timestamp only while |now − timestamp| < 300 s. */
export const MAX_CLOCK_SKEW_S = 300;

const GCM_TAG_BYTES = 16;

/** Request signing string: method, path+query, timestamp, nonce, body; every line ends with \n. */
export function requestSigningMessage(
  method: string,
  pathAndQuery: string,
  timestamp: string,
  nonce: string,
  body: Buffer | string = '',
): Buffer {
  return Buffer.concat([Buffer.from(`${method}\n${pathAndQuery}\n${timestamp}\n${nonce}\n`), toBuffer(body), Buffer.from('\n')]);
}

/** Response / notification signing string over the RAW body bytes: timestamp, nonce, body. */
export function responseSigningMessage(timestamp: string, nonce: string, body: Buffer | string = ''): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`), toBuffer(body), Buffer.from('\n')]);
}

/** wx.requestPayment signing string: appId, timeStamp, nonceStr, package, each line ending with \n. */
export function paySignMessage(appId: string, timeStamp: string, nonceStr: string, packageValue: string): Buffer {
  return Buffer.from(`${appId}\n${timeStamp}\n${nonceStr}\n${packageValue}\n`);
}

/** SHA256withRSA, base64. */
export function signSha256WithRsa(message: Buffer, privateKey: KeyLike): string {
  return createSign('RSA-SHA256').update(message).sign(privateKey, 'base64');
}

export function verifySha256WithRsa(message: Buffer, signatureBase64: string, publicKey: KeyLike): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(publicKey, signatureBase64, 'base64');
  } catch {
    return false; // a malformed key or signature is simply not a valid signature
  }
}

export interface AuthorizationParts {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

export function formatAuthorization(parts: AuthorizationParts): string {
  return (
    `${SIGNATURE_TYPE} mchid="${parts.mchid}",nonce_str="${parts.nonce_str}",signature="${parts.signature}",` +
    `timestamp="${parts.timestamp}",serial_no="${parts.serial_no}"`
  );
}

/** Parses an Authorization header (items in any order); null when it is not a complete v3 header. */
export function parseAuthorization(header: string | undefined): AuthorizationParts | null {
  if (!header?.startsWith(`${SIGNATURE_TYPE} `)) return null;
  const items = new Map<string, string>();
  for (const match of header.slice(SIGNATURE_TYPE.length + 1).matchAll(/\s*([a-z_]+)="([^"]*)"\s*(?:,|$)/g)) {
    items.set(match[1], match[2]);
  }
  const keys = ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'] as const;
  if (keys.some((key) => !items.get(key))) return null;
  return Object.fromEntries(keys.map((key) => [key, items.get(key)!])) as unknown as AuthorizationParts;
}

/** True when the 10-digit unix timestamp is within WeChat's replay window of now (ms). */
export function isTimestampFresh(timestamp: string, nowMs: number): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) < MAX_CLOCK_SKEW_S;
}

/** 32 uppercase hex characters, the shape WeChat's own examples use for nonce_str. */
export function newNonce(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

export function unixSeconds(nowMs: number): string {
  return String(Math.floor(nowMs / 1000));
}

/** An encrypted `resource` of a notification (and of platform certificates). */
export interface EncryptedResource {
  algorithm: 'AEAD_AES_256_GCM';
  ciphertext: string;
  nonce: string;
  associated_data: string;
  original_type?: string;
}

/** AEAD_AES_256_GCM as WeChat does it: 12-char nonce, AAD = associated_data, base64(ciphertext ‖ 16-byte tag). */
export function encryptResource(plaintext: string, apiV3Key: Buffer, associatedData: string, nonce = randomBytes(6).toString('hex')): EncryptedResource {
  const cipher = createCipheriv('aes-256-gcm', apiV3Key, Buffer.from(nonce));
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: ciphertext.toString('base64'), nonce, associated_data: associatedData };
}

/** Decrypts a resource; throws when the tag does not match (tampered ciphertext, AAD, nonce or a wrong key). */
export function decryptResource(resource: Pick<EncryptedResource, 'ciphertext' | 'nonce' | 'associated_data'>, apiV3Key: Buffer): string {
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length <= GCM_TAG_BYTES) throw new Error('ciphertext shorter than the GCM tag');
  const decipher = createDecipheriv('aes-256-gcm', apiV3Key, Buffer.from(resource.nonce));
  decipher.setAAD(Buffer.from(resource.associated_data ?? ''));
  decipher.setAuthTag(data.subarray(data.length - GCM_TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - GCM_TAG_BYTES)), decipher.final()]).toString('utf8');
}

/**
 * A sensitive request field (e.g. user_name of a transfer) as WeChat Pay wants it: RSAES-OAEP (SHA-1, MGF1)
 * with the WeChat Pay public key, base64. The request then names that key in its Wechatpay-Serial header.
 */
export function encryptSensitiveField(plaintext: string, platformPublicKey: KeyLike): string {
  return publicEncrypt({ key: platformPublicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from(plaintext, 'utf8')).toString('base64');
}

/** WeChat's side of encryptSensitiveField (the fake holds the platform private key); throws on a wrong key. */
export function decryptSensitiveField(ciphertextBase64: string, platformPrivateKey: KeyLike): string {
  return privateDecrypt({ key: platformPrivateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from(ciphertextBase64, 'base64')).toString('utf8');
}

function toBuffer(body: Buffer | string): Buffer {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}
