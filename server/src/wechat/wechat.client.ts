import { Inject, Injectable } from '@nestjs/common';
import { chinaRfc3339 } from '../../../shared';
import { WechatApiError, WechatUnreachableError } from './wechat-errors';

export interface WechatClientOptions {
  appid: string;
  secret: string;
  /** https://api.weixin.qq.com in production; the fake's URL locally and in tests. */
  apiBase: string;
  timeoutMs?: number;
  now?: () => number;
  /** Which version of the mini-program a subscribe message opens: formal (default), trial or developer. */
  miniprogramState?: 'formal' | 'trial' | 'developer';
}

export interface ShippingInfoInput {
  mchid: string;
  /** The order number, which is the WeChat Pay out_trade_no. */
  outTradeNo: string;
  trackingNo: string;
  /** WeChat's delivery company id (EXPRESS_COMPANIES codes). */
  expressCompany: string;
  itemDesc: string;
  /** Masked receiver phone; SF Express requires a contact. */
  receiverContact: string | null;
  payerOpenid: string;
}

export interface SubscribeMessageInput {
  openid: string;
  templateId: string;
  /** The mini-program page the message opens, with its query. */
  page: string;
  /** Template keyword → value, e.g. { character_string1: '2026…' }. */
  data: Record<string, string>;
}

export interface UnlimitedCodeInput {
  /** ≤ 32 characters of SCENE_ALLOWED (shared/scene.ts): a share link's short id. */
  scene: string;
  /** The page the code opens, no leading `/` and no query (SHARE_LINK_PAGES). */
  page: string;
  /** 280..1280 px; WeChat's default is 430. */
  width?: number;
}

/** A mini-program code is a few dozen KB; anything far larger is not one. */
const CODE_MAX_BYTES = 2 * 1024 * 1024;
/** Which version a code opens, from the version subscribe messages open (miniprogram_state). */
const CODE_ENV_VERSIONS = { formal: 'release', trial: 'trial', developer: 'develop' } as const;

export const WECHAT_CLIENT_OPTIONS = Symbol('WECHAT_CLIENT_OPTIONS');

/** getliveinfo's errcode for "no room" (none at all, or a start past the last one). */
const NO_LIVE_ROOM = 1;

/** A 小程序直播 room's id and live_status (101–107) as getliveinfo lists it. */
export interface LiveRoomState {
  roomId: number;
  liveStatus: number;
}

export interface LiveRoomsPage {
  total: number;
  rooms: LiveRoomState[];
}

export interface Code2SessionResult {
  openid: string;
  unionid: string | null;
}

export interface PhoneNumberResult {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

/** access_token errcodes after which a fresh token is fetched and the call retried once. */
const STALE_TOKEN_ERRORS = new Set([40001, 42001, 40014]);
/** Renew this long before WeChat's expiry, as WeChat itself rotates 5 minutes early. */
const TOKEN_SAFETY_MARGIN_S = 300;

/** The mini-program's server-side WeChat API: login, access token, phone number. */
@Injectable()
export class WechatClient {
  private token: { value: string; expiresAt: number } | null = null;
  private tokenRequest: Promise<string> | null = null;
  private readonly now: () => number;

  constructor(@Inject(WECHAT_CLIENT_OPTIONS) private readonly options: WechatClientOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Redeems a wx.login code. session_key stays on the server (it is not even kept: nothing needs it yet). */
  async code2Session(code: string): Promise<Code2SessionResult> {
    const query = new URLSearchParams({
      appid: this.options.appid,
      secret: this.options.secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    const body = await this.call('jscode2session', `/sns/jscode2session?${query}`);
    if (typeof body.openid !== 'string' || !body.openid) throw new WechatUnreachableError('jscode2session without openid');
    return { openid: body.openid, unionid: typeof body.unionid === 'string' && body.unionid ? body.unionid : null };
  }

  /** Redeems a getPhoneNumber button code. */
  async getPhoneNumber(code: string): Promise<PhoneNumberResult> {
    const body = await this.withAccessToken((token) =>
      this.call('getuserphonenumber', `/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`, {
        code,
      }),
    );
    const info = body.phone_info as Record<string, unknown> | undefined;
    if (!info || typeof info.purePhoneNumber !== 'string') {
      throw new WechatUnreachableError('getuserphonenumber without phone_info');
    }
    return {
      phoneNumber: String(info.phoneNumber),
      purePhoneNumber: info.purePhoneNumber,
      countryCode: String(info.countryCode),
    };
  }

  /**
   * Reports a shipment to WeChat's order-shipping management (发货信息录入). WeChat may freeze the
   * payments of a mini-program whose paid orders are never reported.
   */
  async uploadShippingInfo(input: ShippingInfoInput): Promise<void> {
    await this.withAccessToken((token) =>
      this.call('upload_shipping_info', `/wxa/sec/order/upload_shipping_info?access_token=${encodeURIComponent(token)}`, {
        order_key: { order_number_type: 1, mchid: input.mchid, out_trade_no: input.outTradeNo },
        logistics_type: 1,
        delivery_mode: 1,
        shipping_list: [
          {
            tracking_no: input.trackingNo,
            express_company: input.expressCompany,
            item_desc: input.itemDesc.slice(0, 120),
            ...(input.receiverContact ? { contact: { receiver_contact: input.receiverContact } } : {}),
          },
        ],
        // RFC 3339 with milliseconds, as upload_shipping_info's documentation writes it.
        upload_time: chinaRfc3339(new Date(this.now()), true),
        payer: { openid: input.payerOpenid },
      }),
    );
  }

  /** Sends a one-time subscribe message; 43101 means the user has no quota for the template. */
  async sendSubscribeMessage(input: SubscribeMessageInput): Promise<void> {
    await this.withAccessToken((token) =>
      this.call('subscribe_send', `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
        touser: input.openid,
        template_id: input.templateId,
        page: input.page,
        miniprogram_state: this.options.miniprogramState ?? 'formal',
        lang: 'zh_CN',
        data: Object.fromEntries(Object.entries(input.data).map(([key, value]) => [key, { value }])),
      }),
    );
  }

  /**
   * A mini-program code (wxacode.getUnlimited): PNG or JPEG bytes, permanent and unlimited in number, so
   * callers may cache it by (page, scene) forever. The released version's pages are checked (check_path) only
   * for codes that open the released version; a trial or developer build may have pages not yet released.
   */
  async getUnlimitedCode(input: UnlimitedCodeInput): Promise<Buffer> {
    const envVersion = CODE_ENV_VERSIONS[this.options.miniprogramState ?? 'formal'];
    return this.withAccessToken(async (token) => {
      const response = await this.send('getwxacodeunlimit', `/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`, {
        scene: input.scene,
        page: input.page,
        width: input.width ?? 430,
        check_path: envVersion === 'release',
        env_version: envVersion,
      });
      // Success is the image itself; a failure is WeChat's JSON errcode body.
      if (!(response.headers.get('content-type') ?? '').startsWith('image/')) {
        await this.readJson('getwxacodeunlimit', response);
        throw new WechatUnreachableError('getwxacodeunlimit: neither an image nor an errcode');
      }
      const declared = Number(response.headers.get('content-length') ?? 0);
      if (declared > CODE_MAX_BYTES) throw new WechatUnreachableError(`getwxacodeunlimit: ${declared} bytes is not a code`);
      const image = Buffer.from(await response.arrayBuffer());
      if (image.length === 0 || image.length > CODE_MAX_BYTES) throw new WechatUnreachableError(`getwxacodeunlimit: ${image.length} bytes is not a code`);
      return image;
    });
  }

  /**
   * One page of the mini-program's 小程序直播 rooms (getliveinfo), newest start first. errcode 1 ("no room",
   * also past the last page) is an empty page, not an error.
   */
  async getLiveRooms(start: number, limit: number): Promise<LiveRoomsPage> {
    return this.withAccessToken(async (token) => {
      try {
        const body = await this.call('getliveinfo', `/wxa/business/getliveinfo?access_token=${encodeURIComponent(token)}`, { start, limit });
        const rooms = Array.isArray(body.room_info) ? (body.room_info as Record<string, unknown>[]) : [];
        return {
          total: Number(body.total) || 0,
          rooms: rooms.map((room) => ({ roomId: Number(room.roomid), liveStatus: Number(room.live_status) })).filter((room) => Number.isInteger(room.roomId)),
        };
      } catch (error) {
        if (error instanceof WechatApiError && error.errcode === NO_LIVE_ROOM) return { total: 0, rooms: [] };
        throw error;
      }
    });
  }

  /** Runs an API call with the cached access token; on a stale-token errcode, drops it and retries once. */
  private async withAccessToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.accessToken();
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof WechatApiError) || !STALE_TOKEN_ERRORS.has(error.errcode)) throw error;
      if (this.token?.value === token) this.token = null;
      return call(await this.accessToken());
    }
  }

  private accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > this.now()) return Promise.resolve(this.token.value);
    // Concurrent callers share one stable_token request.
    this.tokenRequest ??= this.fetchAccessToken().finally(() => {
      this.tokenRequest = null;
    });
    return this.tokenRequest;
  }

  private async fetchAccessToken(): Promise<string> {
    const body = await this.call('stable_token', '/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: this.options.appid,
      secret: this.options.secret,
      force_refresh: false,
    });
    const value = body.access_token;
    const expiresIn = Number(body.expires_in);
    if (typeof value !== 'string' || !Number.isFinite(expiresIn)) {
      throw new WechatUnreachableError('stable_token without access_token');
    }
    this.token = { value, expiresAt: this.now() + Math.max(0, expiresIn - TOKEN_SAFETY_MARGIN_S) * 1000 };
    return value;
  }

  /** GET (no body) or POST JSON; throws WechatApiError on a non-zero errcode. */
  private async call(api: string, pathAndQuery: string, json?: unknown): Promise<Record<string, unknown>> {
    return this.readJson(api, await this.send(api, pathAndQuery, json));
  }

  /**
   * One request, bounded by the timeout (which also covers reading the body). Node's fetch keeps connections
   * to api.weixin.qq.com alive and reuses them (its global pool), so calls after the first skip the handshake.
   */
  private async send(api: string, pathAndQuery: string, json?: unknown): Promise<Response> {
    try {
      return await fetch(`${this.options.apiBase}${pathAndQuery}`, {
        method: json === undefined ? 'GET' : 'POST',
        headers: json === undefined ? undefined : { 'content-type': 'application/json' },
        body: json === undefined ? undefined : JSON.stringify(json),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch (error) {
      throw new WechatUnreachableError(`${api}: ${(error as Error).message}`);
    }
  }

  private async readJson(api: string, response: Response): Promise<Record<string, unknown>> {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new WechatUnreachableError(`${api}: HTTP ${response.status} without JSON`);
    }
    if (!body || typeof body !== 'object') throw new WechatUnreachableError(`${api}: unexpected body`);
    const record = body as Record<string, unknown>;
    const errcode = Number(record.errcode ?? 0);
    if (errcode !== 0) throw new WechatApiError(api, errcode, String(record.errmsg ?? ''));
    if (!response.ok) throw new WechatUnreachableError(`${api}: HTTP ${response.status}`);
    return record;
  }
}
