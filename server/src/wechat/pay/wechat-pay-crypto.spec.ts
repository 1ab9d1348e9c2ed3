import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  decryptResource,
  decryptSensitiveField,
  encryptResource,
  encryptSensitiveField,
  formatAuthorization,
  isTimestampFresh,
  parseAuthorization,
  paySignMessage,
  requestSigningMessage,
  responseSigningMessage,
  signSha256WithRsa,
  verifySha256WithRsa,
} from './wechat-pay-crypto';
import { checkWechatpaySignature } from './wechat-pay-signature';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });

describe('signing strings', () => {
  it('builds the documented worked example for a GET (empty body line)', () => {
    expect(requestSigningMessage('GET', '/v3/certificates', '1554208460', '593BEC0C930BF1AFEB40B4A08C8FB242').toString()).toBe(
      'GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n',
    );
  });

  it('covers path, query and the exact body bytes of a POST', () => {
    const body = '{"mchid":"1900000109","description":"山野茶事"}';
    expect(requestSigningMessage('POST', '/v3/pay/transactions/jsapi?x=1', '1', 'N', body).toString()).toBe(
      `POST\n/v3/pay/transactions/jsapi?x=1\n1\nN\n${body}\n`,
    );
  });

  it('builds the response string over raw bytes, and a 204 as an empty last line', () => {
    expect(responseSigningMessage('1554209980', 'c5ac7061fccab6bf3e254dcf98995b8c', '{"a":1}').toString()).toBe(
      '1554209980\nc5ac7061fccab6bf3e254dcf98995b8c\n{"a":1}\n',
    );
    expect(responseSigningMessage('1', 'N', '').toString()).toBe('1\nN\n\n');
    const bytes = Buffer.from([0x7b, 0xe4, 0xb8, 0x7d]); // not valid UTF-8: must stay byte-exact
    expect(responseSigningMessage('1', 'N', bytes).subarray(4, 8)).toEqual(bytes);
  });

  it('builds the four-line paySign string, and the signature verifies only with the matching public key', () => {
    const message = paySignMessage('wx8888888888888888', '1414561699', '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', 'prepay_id=wx201410272009395522657a690389285100');
    expect(message.toString()).toBe(
      'wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n',
    );
    const signature = signSha256WithRsa(message, privateKey);
    expect(verifySha256WithRsa(message, signature, publicKey)).toBe(true);
    expect(verifySha256WithRsa(Buffer.concat([message, Buffer.from('x')]), signature, publicKey)).toBe(false);
    expect(verifySha256WithRsa(message, signature, other.publicKey)).toBe(false);
    expect(verifySha256WithRsa(message, 'not base64 at all', publicKey)).toBe(false);
  });
});

describe('Authorization header', () => {
  const parts = { mchid: '1900009191', nonce_str: '593BEC0C930BF1AFEB40B4A08C8FB242', signature: 'c2ln+/=', timestamp: '1554208460', serial_no: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C' };

  it('formats as documented and parses back, with the items in any order', () => {
    const header = formatAuthorization(parts);
    expect(header).toBe(
      'WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature="c2ln+/=",timestamp="1554208460",serial_no="1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C"',
    );
    expect(parseAuthorization(header)).toEqual(parts);
    const reordered = 'WECHATPAY2-SHA256-RSA2048 serial_no="1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C", timestamp="1554208460",signature="c2ln+/=",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",mchid="1900009191"';
    expect(parseAuthorization(reordered)).toEqual(parts);
  });

  it('refuses another scheme or a missing item', () => {
    expect(parseAuthorization(undefined)).toBeNull();
    expect(parseAuthorization(formatAuthorization(parts).replace('WECHATPAY2-SHA256-RSA2048', 'Bearer'))).toBeNull();
    expect(parseAuthorization(formatAuthorization(parts).replace(/,serial_no="[^"]*"/, ''))).toBeNull();
    expect(parseAuthorization(formatAuthorization({ ...parts, nonce_str: '' }))).toBeNull();
  });
});

describe('timestamp window', () => {
  const now = 1_700_000_000_000;
  it('accepts 299 s either way and rejects 300 s', () => {
    expect(isTimestampFresh(String(now / 1000 - 299), now)).toBe(true);
    expect(isTimestampFresh(String(now / 1000 + 299), now)).toBe(true);
    expect(isTimestampFresh(String(now / 1000 - 300), now)).toBe(false);
    expect(isTimestampFresh(String(now / 1000 + 300), now)).toBe(false);
    expect(isTimestampFresh('17e8', now)).toBe(false);
    expect(isTimestampFresh('', now)).toBe(false);
  });
});

describe('AEAD_AES_256_GCM resources', () => {
  const key = Buffer.from(randomBytes(16).toString('hex'));
  const plaintext = JSON.stringify({ out_trade_no: 'T20260101000001', amount: { total: 1990 } });

  it('round-trips with a 12-character nonce and the tag as the last 16 bytes', () => {
    const resource = encryptResource(plaintext, key, 'transaction');
    expect(resource.nonce).toHaveLength(12);
    expect(Buffer.from(resource.ciphertext, 'base64')).toHaveLength(Buffer.byteLength(plaintext) + 16);
    expect(decryptResource(resource, key)).toBe(plaintext);
  });

  it('fails on a flipped tag bit, ciphertext bit, another AAD or another key', () => {
    const resource = encryptResource(plaintext, key, 'transaction');
    const flip = (index: number) => {
      const bytes = Buffer.from(resource.ciphertext, 'base64');
      bytes[index < 0 ? bytes.length + index : index] ^= 1;
      return { ...resource, ciphertext: bytes.toString('base64') };
    };
    expect(() => decryptResource(flip(-1), key)).toThrow();
    expect(() => decryptResource(flip(0), key)).toThrow();
    expect(() => decryptResource({ ...resource, associated_data: 'refund' }, key)).toThrow();
    expect(() => decryptResource(resource, Buffer.from(randomBytes(16).toString('hex')))).toThrow();
    expect(() => decryptResource({ ...resource, ciphertext: 'AAAA' }, key)).toThrow('shorter');
  });
});

describe('sensitive fields (RSAES-OAEP)', () => {
  it('encrypts with the public key so only the private key reads it, a fresh ciphertext each time', () => {
    const first = encryptSensitiveField('张三', publicKey);
    expect(decryptSensitiveField(first, privateKey)).toBe('张三');
    expect(encryptSensitiveField('张三', publicKey)).not.toBe(first);
    expect(() => decryptSensitiveField(first, other.privateKey)).toThrow();
  });
});

describe('checkWechatpaySignature', () => {
  const now = 1_700_000_000_000;
  const keys = new Map([['PUB_KEY_ID_1', createPublicKey(privateKey)]]);
  const body = Buffer.from('{"prepay_id":"wx1"}');
  const signedHeaders = (overrides: Record<string, string> = {}, signWith = privateKey) => {
    const timestamp = overrides.timestamp ?? String(now / 1000);
    return {
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': 'NONCE',
      'wechatpay-serial': overrides.serial ?? 'PUB_KEY_ID_1',
      'wechatpay-signature': signSha256WithRsa(responseSigningMessage(timestamp, 'NONCE', body), signWith),
    };
  };

  it('accepts a valid signature, from plain lowercase headers or fetch Headers', () => {
    expect(checkWechatpaySignature(body, signedHeaders(), keys, now)).toEqual({ ok: true });
    expect(checkWechatpaySignature(body, new Headers(signedHeaders()), keys, now)).toEqual({ ok: true });
  });

  it.each([
    ['MISSING_HEADERS', () => ({ ...signedHeaders(), 'wechatpay-signature': '' }), body],
    ['UNKNOWN_SERIAL', () => signedHeaders({ serial: 'PUB_KEY_ID_2' }), body],
    ['STALE_TIMESTAMP', () => signedHeaders({ timestamp: String(now / 1000 - 300) }), body],
    ['BAD_SIGNATURE', () => signedHeaders({}, other.privateKey), body],
    ['BAD_SIGNATURE', () => signedHeaders(), Buffer.from('{"prepay_id":"wx2"}')],
  ])('refuses %s', (reason, headers, rawBody) => {
    expect(checkWechatpaySignature(rawBody, headers(), keys, now)).toMatchObject({ ok: false, reason });
  });
});
