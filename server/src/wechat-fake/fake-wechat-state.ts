import { createHash, randomBytes } from 'node:crypto';
import { generateTestMerchant } from '../wechat/pay/test-merchant';
import { FAKE_SUBSCRIBE_TEMPLATE_IDS } from '../subscribe-messages/subscribe-templates';
import { FakeLiveRooms } from './live/fake-live-rooms';
import { FakeWechatPay, type FakeWechatPayOptions } from './pay/fake-wechat-pay';
import { SingleUseCodes } from './single-use-codes';

export interface FakeWechatOptions {
  appid: string;
  secret: string;
  /** Injectable clock (ms) so tests can expire codes and tokens. */
  now?: () => number;
  /** WeChat Pay merchant bound to this mini-program; a freshly generated test merchant when omitted. */
  pay?: FakeWechatPayOptions;
}

/** A shipment reported through upload_shipping_info. */
export interface FakeShippingReport {
  outTradeNo: string;
  body: Record<string, unknown>;
}

/** A subscribe message sent through message/subscribe/send. */
export interface FakeSubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

/** A call the fake answered, kept so tests can count what the server asked WeChat (e.g. order queries). */
export interface FakeCallRecord {
  method: string;
  path: string;
  /** When it arrived (the fake's clock). */
  at: number;
}

/** The call log keeps the latest calls only, so a long-running demo server's fake does not grow without end. */
const CALL_LOG_MAX = 10_000;

export interface LoginIdentity {
  identity: string;
  withUnionid: boolean;
}

const TOKEN_TTL_S = 7200;
/** WeChat hands out a fresh stable token when the current one has less than this left. */
const TOKEN_RENEW_BEFORE_S = 300;

/** Everything the fake remembers: the one mini-program it knows, issued codes and access tokens. */
export class FakeWechatState {
  readonly appid: string;
  readonly secret: string;
  readonly now: () => number;
  readonly loginCodes: SingleUseCodes<LoginIdentity>;
  readonly phoneCodes: SingleUseCodes<string>;
  readonly pay: FakeWechatPay;
  /** The mini-program's subscribe-message templates (我的模板). */
  readonly subscribeTemplateIds = new Set(Object.values(FAKE_SUBSCRIBE_TEMPLATE_IDS));
  readonly shippingReports: FakeShippingReport[] = [];
  readonly subscribeMessages: FakeSubscribeMessage[] = [];
  readonly calls: FakeCallRecord[] = [];
  /** 小程序直播 rooms (getliveinfo). */
  readonly liveRooms = new FakeLiveRooms();
  private readonly issuedOpenids = new Set<string>();
  private readonly tokens = new Map<string, number>();
  private currentToken: { token: string; expiresAt: number } | null = null;

  constructor(options: FakeWechatOptions) {
    this.appid = options.appid;
    this.secret = options.secret;
    this.now = options.now ?? Date.now;
    this.loginCodes = new SingleUseCodes(this.now);
    this.phoneCodes = new SingleUseCodes(this.now);
    this.pay = new FakeWechatPay(this.appid, options.pay ?? { merchant: generateTestMerchant() }, this.now);
  }

  recordCall(method: string, path: string): void {
    this.calls.push({ method, path, at: this.now() });
    if (this.calls.length > CALL_LOG_MAX) this.calls.splice(0, this.calls.length - CALL_LOG_MAX);
  }

  /** The same identity always gets the same openid under this appid (28 chars, like WeChat's). */
  openidFor(identity: string): string {
    const openid = `o${hash(`${this.appid}:${identity}`).slice(0, 27)}`;
    this.issuedOpenids.add(openid);
    return openid;
  }

  /** True for an openid this mini-program handed out (WeChat answers 40003 for others). */
  knowsOpenid(openid: string): boolean {
    return this.issuedOpenids.has(openid);
  }

  /** unionid is per Open Platform account, not per app, so it does not depend on the appid. */
  unionidFor(identity: string): string {
    return `u${hash(`union:${identity}`).slice(0, 27)}`;
  }

  /** stable_token semantics: the same token while it has time left; forceRefresh replaces it. */
  stableToken(forceRefresh: boolean): { token: string; expiresIn: number } {
    const now = this.now();
    const current = this.currentToken;
    if (!forceRefresh && current && current.expiresAt - now > TOKEN_RENEW_BEFORE_S * 1000) {
      return { token: current.token, expiresIn: Math.floor((current.expiresAt - now) / 1000) };
    }
    if (forceRefresh && current) this.tokens.delete(current.token);
    const token = randomBytes(48).toString('base64url');
    const expiresAt = now + TOKEN_TTL_S * 1000;
    this.tokens.set(token, expiresAt);
    this.currentToken = { token, expiresAt };
    return { token, expiresIn: TOKEN_TTL_S };
  }

  /** 0 when valid, else the errcode WeChat answers: 40001 unknown, 42001 expired. */
  checkAccessToken(token: string | null): 0 | 40001 | 42001 {
    const expiresAt = token ? this.tokens.get(token) : undefined;
    if (expiresAt === undefined) return 40001;
    return expiresAt > this.now() ? 0 : 42001;
  }

  /** Revokes every token, as when the AppSecret is reset; callers then see 40001. */
  revokeAccessTokens(): void {
    this.tokens.clear();
    this.currentToken = null;
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').replace(/[-_]/g, 'x');
}
