/**
 * Attribution and identity: share links (what a share path's `?s=` and a mini-program code's `scene` carry,
 * see shared/scene.ts), the first and last touch of each visitor, and the identities of a member.
 * This only RECORDS where shoppers came from; nothing here rewards the act of sharing (WeChat 运营规范 §5.1).
 */

/** What a share link opens: a product, a storefront page (the home page), a group-buy team, a live session. */
export const SHARE_LINK_KINDS = ['product', 'page', 'team', 'live'] as const;
export type ShareLinkKind = (typeof SHARE_LINK_KINDS)[number];

/**
 * The mini-program page (no leading `/`) each kind opens: the `page` of getwxacodeunlimit, the path of a share.
 * A product link carries `id=<productId>`, a group-buy team link `id=<teamId>` (the team page), a live link
 * `id=<sessionId>` (the session page).
 */
export const SHARE_LINK_PAGES: Record<ShareLinkKind, string> = {
  product: 'goods/detail/index',
  page: 'pages/home/index',
  team: 'pages/group-buy/team/index',
  live: 'pages/live/session/index',
};

/** Channel codes: letters, digits and `_.:-`, at most 32 (e.g. `poster`, `moments`, `store_qr`). */
export const CHANNEL_CODE_PATTERN = /^[A-Za-z0-9_.:-]{1,32}$/;
/** Device ids the storefront generates (random, kept in storage): 16..64 of [A-Za-z0-9_-]. */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
/** Days a captured attribution is kept when the server does not say otherwise. */
export const DEFAULT_ATTRIBUTION_TTL_DAYS = 7;

/**
 * `POST /api/v1/share-links` (member) → 200 ShareLink. The same member sharing the same target on the same
 * channel (and live session) always gets the same link, also when the requests race.
 * 404 PRODUCT_NOT_FOUND for a product that does not exist, 404 GROUP_BUY_TEAM_NOT_FOUND for a team that does not
 * exist (or is still waiting for its leader's payment and the sharer is not its leader), 404 LIVE_SESSION_NOT_FOUND
 * for a live session that does not exist or was cancelled.
 */
export interface CreateShareLinkRequest {
  kind: ShareLinkKind;
  /** Product id (kind product), group-buy team id (team), live session id (live); omitted for page. */
  targetId?: number;
  /** Channel code (CHANNEL_CODE_PATTERN), e.g. `chat`, `moments`, `poster`. */
  channel?: string;
  /** The live session the share happened in, if any (kind product from a live room). */
  liveSessionId?: number;
}

/** `GET /api/v1/share-links/:shortId` (public) → ShareLink; 404 SHARE_LINK_NOT_FOUND for an unknown id. */
export interface ShareLink {
  shortId: string;
  kind: ShareLinkKind;
  targetId: number | null;
  channel: string | null;
  liveSessionId: number | null;
  /** The page to open, no leading `/` (getwxacodeunlimit's `page`). */
  page: string;
  /** The share path for onShareAppMessage: `/` + page + query + `s=<shortId>`. */
  path: string;
  /** The mini-program code's scene (≤ 32 allowed characters): the short id. */
  scene: string;
  createdAt: string;
}

/**
 * `POST /api/v1/touches` (public) → 204: a visitor opened the storefront from a share link or a channel.
 * Recorded as the device's first touch (if it has none) and last touch; an unknown or malformed short id is
 * ignored (nothing recorded, still 204) so a stale link never shows the shopper an error.
 */
export interface RecordTouchRequest {
  deviceId: string;
  shortId?: string;
  channel?: string;
}

/** What the storefront sends with the login (`WechatLoginRequest.attribution`). */
export interface LoginAttribution {
  deviceId?: string;
  shortId?: string;
  channel?: string;
}

/** Kinds of member identities (`member_identities`). */
export const MEMBER_IDENTITY_KINDS = ['openid', 'unionid', 'phone', 'device'] as const;
export type MemberIdentityKind = (typeof MEMBER_IDENTITY_KINDS)[number];
