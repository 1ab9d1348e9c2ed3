/**
 * 直播 (livestream links). Server: server/src/live/. Console: 直播管理 (to come).
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
