/**
 * 直播 (livestream links). Server: server/src/live/. Console: 直播管理 (server/admin/src/live/). Storefront: pages/live/.
 *
 * A live session points members at a live on one of two providers behind one interface: Channels (视频号 live,
 * identified by the finder user name, the live's feedId when known and the notice id for reservations) and the
 * mini-program live plugin (a room id whose state the server syncs from `wxa/business/getliveinfo`). It features
 * products in order, may sell SKUs at a 直播专享价 (valid only while the session is live, with its own unit quota)
 * and may offer a coupon to claim during the session.
 */
import type { Fen } from '../money';
import type { Paginated } from './common';

export const LIVE_PROVIDERS = ['channels', 'plugin'] as const;
export type LiveProvider = (typeof LIVE_PROVIDERS)[number];

export const LIVE_PROVIDER_LABELS: Record<LiveProvider, string> = {
  channels: '视频号直播',
  plugin: '小程序直播',
};

/**
 * A session's life:
 * - upcoming (未开始): planned, not live yet;
 * - live (直播中): from the provider (plugin rooms), or staff's 开播 / the planned start (Channels);
 * - ended (已结束): from the provider, or staff's 结束 / the planned end;
 * - cancelled (已取消): staff cancelled it before it went live.
 */
export const LIVE_SESSION_STATUSES = ['upcoming', 'live', 'ended', 'cancelled'] as const;
export type LiveSessionStatus = (typeof LIVE_SESSION_STATUSES)[number];

export const LIVE_SESSION_STATUS_LABELS: Record<LiveSessionStatus, string> = {
  upcoming: '未开始',
  live: '直播中',
  ended: '已结束',
  cancelled: '已取消',
};

export const LIVE_TITLE_MAX_LENGTH = 60;
export const LIVE_FEATURED_PRODUCTS_MAX = 50;
/** Channels identifiers as WeChat hands them out: `sph…` user names, feed and notice ids (opaque strings). */
export const LIVE_FINDER_USER_NAME_MAX_LENGTH = 64;
export const LIVE_CHANNELS_ID_MAX_LENGTH = 128;

/** Provider fields: Channels fields are set only for `channels`, `roomId` only for `plugin`. */
export interface LiveProviderFields {
  provider: LiveProvider;
  /** Channels: the 视频号 id (`sph…`); required for channels. */
  finderUserName: string | null;
  /** Channels: the live's feedId when known (from getChannelsLiveInfo). */
  feedId: string | null;
  /** Channels: the live notice id, for 预约 (reserveChannelsLive). */
  noticeId: string | null;
  /** Plugin: the room id of 小程序直播; required for plugin. */
  roomId: number | null;
}

/**
 * A 直播专享价 of one SKU: ≥ 1 fen and below its list price; `unitQuota` 0 = no limit besides stock. Checkout prices
 * the SKU at it (label 直播价, no member price on top, coupons and points stack) only while the session is live and
 * units are left; an order that finds them gone is refused with 409 LIVE_PRICE_UNAVAILABLE.
 */
export interface LiveSkuPrice {
  skuId: number;
  livePriceFen: Fen;
  unitQuota: number;
}

/** `POST /api/v1/admin/live/sessions`, `PUT …/:id` (LIVE_ROLES). */
export interface LiveSessionInput extends LiveProviderFields {
  title: string;
  /** An uploaded image URL (the console's upload); null = none. */
  coverUrl: string | null;
  /** RFC 3339 with zone; plannedStartAt < plannedEndAt. */
  plannedStartAt: string;
  plannedEndAt: string;
  /** Product ids in display order, no repeats; each must exist. */
  productIds: number[];
  /** SKUs of the featured products at a live price (at most one entry per SKU). */
  prices: LiveSkuPrice[];
  /** A coupon template members may claim while the session is live; null = none. */
  couponTemplateId: number | null;
}

export interface LiveSessionProduct {
  productId: number;
  title: string;
  image: string | null;
  position: number;
}

export interface LiveSkuPriceView extends LiveSkuPrice {
  productId: number;
  /** Units sold at the live price so far (counted against unitQuota). */
  unitsTaken: number;
}

export interface LiveSession extends Omit<LiveSessionInput, 'productIds' | 'prices'> {
  id: number;
  status: LiveSessionStatus;
  statusLabel: string;
  /** When it actually went live / ended / was cancelled (null until then). */
  startedAt: string | null;
  endedAt: string | null;
  cancelledAt: string | null;
  /** Plugin rooms: the last live_status read from WeChat (101–107) and when it changed to it; null for Channels. */
  providerStatusCode: number | null;
  providerStatusChangedAt: string | null;
  products: LiveSessionProduct[];
  prices: LiveSkuPriceView[];
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/v1/admin/live/sessions?status=&page=&pageSize=` (LIVE_READ_ROLES). */
export interface LiveSessionQuery {
  status?: LiveSessionStatus;
  page?: number;
  pageSize?: number;
}

export type LiveSessionPage = Paginated<LiveSession>;

/**
 * Staff actions (LIVE_ROLES), each a conditional update on the expected status answering the session (200); 409
 * LIVE_SESSION_STATE_CONFLICT from any other:
 * - `POST …/:id/start` 开播: upcoming → live (Channels only: a plugin room's state comes from WeChat);
 * - `POST …/:id/end` 结束: live → ended (Channels only);
 * - `POST …/:id/cancel` 取消: upcoming → cancelled (either provider).
 */
export const LIVE_SESSION_ACTIONS = ['start', 'end', 'cancel'] as const;
export type LiveSessionAction = (typeof LIVE_SESSION_ACTIONS)[number];

export const LIVE_SESSION_ACTION_LABELS: Record<LiveSessionAction, string> = {
  start: '开播',
  end: '结束',
  cancel: '取消',
};

// ─── Storefront (shoppers) ──────────────────────────────────────────────────────────────────

/** A session as the storefront lists it. */
export interface ShopperLiveSessionCard {
  id: number;
  title: string;
  coverUrl: string | null;
  provider: LiveProvider;
  status: Exclude<LiveSessionStatus, 'cancelled'>;
  statusLabel: string;
  plannedStartAt: string;
  plannedEndAt: string;
  startedAt: string | null;
  endedAt: string | null;
  productCount: number;
}

/**
 * `GET /api/v1/live/sessions` (public) → LiveSchedule: the 直播 page. Cancelled sessions are never shown;
 * `past` holds the latest LIVE_PAST_SESSIONS_SHOWN ended ones (回放 / 往期), newest first.
 */
export interface LiveSchedule {
  live: ShopperLiveSessionCard[];
  /** Soonest first. */
  upcoming: ShopperLiveSessionCard[];
  past: ShopperLiveSessionCard[];
}
export const LIVE_PAST_SESSIONS_SHOWN = 20;

/** A featured product on the session page; `livePriceFen` (its lowest live SKU price) only while the session is live. */
export interface ShopperLiveProduct {
  productId: number;
  title: string;
  image: string | null;
  /** The product's lowest list price. */
  priceFen: Fen;
  livePriceFen: Fen | null;
  /** True when no SKU has stock. */
  soldOut: boolean;
}

/**
 * Why a live coupon cannot be claimed by anyone right now: not_live (the session has not started), ended, sold_out
 * (the template's quantity is gone), unavailable (the shop paused or ended the template, or it expired).
 */
export const LIVE_COUPON_UNAVAILABLE_REASONS = ['not_live', 'ended', 'sold_out', 'unavailable'] as const;
export type LiveCouponUnavailableReason = (typeof LIVE_COUPON_UNAVAILABLE_REASONS)[number];

/** The session's live coupon: claimable only while the session is live (`claimable`), at most the template's per-member limit. */
export interface ShopperLiveCoupon {
  templateId: number;
  name: string;
  /** e.g. 满200减30. */
  ruleText: string;
  claimable: boolean;
  /** The caller already holds as many as the template allows (false when not logged in). */
  claimedUp: boolean;
  /** Set when no one can claim it now (the caller's own limit is `claimedUp`); absent otherwise. */
  unavailableReason?: LiveCouponUnavailableReason;
}

/**
 * `GET /api/v1/live/sessions/:id` (public; a member token adds `reservation` and `coupon.claimedUp`) →
 * ShopperLiveSession; 404 LIVE_SESSION_NOT_FOUND for an unknown or cancelled session.
 */
export interface ShopperLiveSession extends ShopperLiveSessionCard, LiveProviderFields {
  products: ShopperLiveProduct[];
  coupon: ShopperLiveCoupon | null;
  /** The caller's 预约 (null when not logged in or not reserved). */
  reservation: LiveReservation | null;
}

/**
 * `GET /api/v1/live/featured` (public) → LiveFeaturedProduct[]: products featured by a live or upcoming session,
 * for the 直播中 / 直播专享价 badges on product cards and pages (one entry per product: a live session wins over an
 * upcoming one, then the earliest start). `livePriceFen` only while that session is live.
 */
export interface LiveFeaturedProduct {
  productId: number;
  /**
   * While live: the session whose live price checkout charges (of two live sessions pricing the product, the cheaper
   * offer); otherwise the live or upcoming session chosen above.
   */
  sessionId: number;
  status: 'live' | 'upcoming';
  livePriceFen: Fen | null;
  /**
   * While live: each SKU's live price as checkout would charge it for one unit now (the lowest offer of any live
   * session with units left, below the list price), for the SKU picker and the cart; empty otherwise.
   */
  skuLivePrices: { skuId: number; livePriceFen: Fen }[];
}

/** Where a shopper tapped a live entry (recorded as a live touch). */
export const LIVE_ENTRIES = ['banner', 'live_page', 'session', 'product'] as const;
export type LiveEntry = (typeof LIVE_ENTRIES)[number];
export const LIVE_ENTRY_LABELS: Record<LiveEntry, string> = {
  banner: '首页直播横幅',
  live_page: '直播频道页',
  session: '直播详情页观看',
  product: '商品页直播标识',
};

/**
 * `POST /api/v1/live/sessions/:id/clicks` (public; a member token names the member) → 204: a tap on a live entry
 * (before the jump to Channels / the plugin room, or the H5 explanation screen). Recorded as a live touch of the
 * session; 404 LIVE_SESSION_NOT_FOUND for an unknown or cancelled session. Never rewarded.
 */
export interface LiveClickRequest {
  deviceId: string;
  entry: LiveEntry;
}

/** Launch scenes of a mini-program opened from Channels (视频号): live room, product card, showcase, profile. */
export const CHANNELS_LAUNCH_SCENES = [1177, 1184, 1195, 1208] as const;

/**
 * `POST /api/v1/live/inbound` (public; a member token names the member) → LiveInboundResult: a launch from a live.
 * - plugin room: `sessionId` from the room's `custom_params` (a plugin session only; and `shortId`, the sharer's share link,
 *   when it carries one); either session counts only while live or ended within the attribution window;
 * - Channels scene (CHANNELS_LAUNCH_SCENES): `sharerOpenId` / `promoterId` from `getChannelsShareKey` when the
 *   platform gave them; the session is the Channels session live at that moment (else the latest one started
 *   within the attribution window); none → nothing recorded.
 * Recorded as an inbound live touch. Malformed input → 400 VALIDATION_FAILED; a launch that matches no session → 200
 * with `sessionId: null` (a launch is never an error for the shopper).
 */
export interface LiveInboundRequest {
  deviceId: string;
  scene: number;
  sessionId?: number;
  shortId?: string;
  sharerOpenId?: string;
  promoterId?: string;
}
export interface LiveInboundResult {
  sessionId: number | null;
}

/**
 * `POST /api/v1/live/sessions/:id/reservations` (member) → LiveReservation: 预约 on the session page, for an upcoming
 * or live session (else 409 LIVE_SESSION_STATE_CONFLICT). `subscribeAccepted`: the member accepted the
 * `live_reminder` template in requestSubscribeMessage just now (the storefront also reports it to
 * `/me/subscriptions`); `channelsReserveState`: what `reserveChannelsLive` answered (protocols §4.2), if called.
 * Idempotent per member and session: a second call only adds what is new. Never rewarded (WeChat forbids inducing
 * reservations).
 */
export interface LiveReservationRequest {
  subscribeAccepted: boolean;
  channelsReserveState?: number;
}

/**
 * A member's 预约 of a session. The reminder (a one-time subscribe message, sent by the sweep `live.send-reminders`
 * LiveSettings.reminderLeadMinutes before the planned start, or at once when staff started the session earlier, as
 * 直播已开始) is `waiting` only when the member accepted the template;
 * it is sent once, never for a cancelled session, and `not_sent` when the member's quota was gone or WeChat refused.
 */
export const LIVE_REMINDER_STATES = ['none', 'waiting', 'sent', 'not_sent'] as const;
export type LiveReminderState = (typeof LIVE_REMINDER_STATES)[number];
export interface LiveReservation {
  sessionId: number;
  reminderState: LiveReminderState;
  channelsReserved: boolean;
  createdAt: string;
}

/**
 * `POST /api/v1/live/sessions/:id/coupon` (member) → the claimed coupon (as the coupon center answers a claim): the
 * session's live coupon, only while the session is live (409 LIVE_COUPON_UNAVAILABLE otherwise, or when the session
 * has none); the template's own limits apply (its quantity and per-member limit, by conditional update).
 */

// ─── Attribution and report (staff) ─────────────────────────────────────────────────────────

/**
 * How an order is tied to a live session (OrderSource.liveSessionId / liveAttribution), first match wins:
 * - live_price: a line was priced at the session's 直播专享价 (always its session);
 * - inbound: the buyer's latest live touch within the window was a launch from the live (plugin room, Channels scene);
 * - assisted: the buyer's latest live touch within the window was a tap on one of our live entries.
 * A Channels live cannot send viewers into our checkout, so inbound and assisted are likely, never certain.
 */
export const LIVE_ATTRIBUTIONS = ['live_price', 'inbound', 'assisted'] as const;
export type LiveAttribution = (typeof LIVE_ATTRIBUTIONS)[number];
export const LIVE_ATTRIBUTION_LABELS: Record<LiveAttribution, string> = {
  live_price: '直播专享价下单',
  inbound: '直播间进店（推断）',
  assisted: '直播助攻（推断）',
};

/** `GET|PUT /api/v1/admin/live/settings` (read LIVE_READ_ROLES, write LIVE_ROLES). */
export interface LiveSettings {
  /** Hours after a live touch within which an order is attributed to the session: 1..168, default 24. */
  attributionWindowHours: number;
  /** Minutes before the planned start the reminder is sent: 1..1440, default 10. */
  reminderLeadMinutes: number;
}
export const DEFAULT_LIVE_SETTINGS: LiveSettings = { attributionWindowHours: 24, reminderLeadMinutes: 10 };

/** Orders and GMV of one attribution kind: paid orders only; GMV = their payable amount (refunds shown apart). */
export interface LiveOrderFigures {
  orders: number;
  gmvFen: Fen;
  refundedFen: Fen;
}

/** One session's figures (a row of the list and the head of the report). */
export interface LiveSessionReportRow {
  sessionId: number;
  title: string;
  provider: LiveProvider;
  status: LiveSessionStatus;
  plannedStartAt: string;
  startedAt: string | null;
  endedAt: string | null;
  /** Taps on our live entries, and distinct visitors (devices / members) who tapped. */
  clicks: number;
  clickVisitors: number;
  /** Launches from the live (plugin room or Channels scene), and those carrying a sharer. */
  inboundLaunches: number;
  inboundWithSharer: number;
  reservations: number;
  remindersSent: number;
  byAttribution: Record<LiveAttribution, LiveOrderFigures>;
  /** Members registered within the window after their first touch of this session. */
  newMembers: number;
  /** Buyers of the session's paid orders who had paid an order before their first touch of it. */
  returningBuyers: number;
}

/** `GET /api/v1/admin/live/report?from=&to=&page=&pageSize=` (LIVE_READ_ROLES): sessions planned in the range, newest first. */
export type LiveReportPage = Paginated<LiveSessionReportRow>;

export interface LiveTopProduct {
  productId: number;
  title: string;
  units: number;
  /** The lines' amount at their unit prices, before order-level coupons and points (the console's 商品金额). */
  gmvFen: Fen;
}

/** One bucket of the session's timeline (from an hour before the planned start to the window's end after it ended). */
export interface LiveTimelinePoint {
  at: string;
  clicks: number;
  inboundLaunches: number;
  orders: number;
  gmvFen: Fen;
  /**
   * Only on a leading point, present when something came before the chart's start (an hour before the plan or the
   * actual start): everything earlier summed, `at` = the chart's start; the console labels it 「开播前」.
   */
  beforeStart?: true;
}

/**
 * `GET /api/v1/admin/live/sessions/:id/report` (LIVE_READ_ROLES) → LiveSessionReport. `GET /api/v1/admin/live/report.csv`
 * (same query as the list) → CSV of the list's columns, every session in the range.
 */
export interface LiveSessionReport extends LiveSessionReportRow {
  attributionWindowHours: number;
  /** Featured products by units sold in the session's paid orders (all attributions). */
  topProducts: LiveTopProduct[];
  timeline: LiveTimelinePoint[];
  /** Minutes per timeline bucket. */
  bucketMinutes: number;
}
