/** What the 直播 pages, the home banner and the product badges show, from the API's live types (no Taro here). */
import type {
  LiveCouponUnavailableReason,
  LiveFeaturedProduct,
  LiveReservation,
  LiveSchedule,
  ShopperLiveCoupon,
  ShopperLiveProduct,
  ShopperLiveSessionCard,
} from '@shared/api/live';
import type { Fen } from '@shared/money';
import { formatYuan } from '@shared/money';
import { formatDateTime } from '@/format/date-time';

/** The 直播 page's tabs, in order. */
export const SCHEDULE_TABS = ['live', 'upcoming', 'past'] as const;
export type ScheduleTab = (typeof SCHEDULE_TABS)[number];

export const SCHEDULE_TAB_LABELS: Record<ScheduleTab, string> = {
  live: '正在直播',
  upcoming: '直播预告',
  past: '往期回顾',
};

const SCHEDULE_EMPTY_TEXTS: Record<ScheduleTab, string> = {
  live: '现在没有正在进行的直播',
  upcoming: '暂时没有直播预告，过几天再来看看',
  past: '还没有往期直播',
};

export interface ScheduleSection {
  tab: ScheduleTab;
  title: string;
  /** The title with the count, e.g. 直播预告 (2). */
  label: string;
  emptyText: string;
  sessions: ShopperLiveSessionCard[];
}

/** The schedule as the page's tabs: 正在直播, 直播预告 (soonest first), 往期回顾 (newest first), as the server orders them. */
export function scheduleSections(schedule: LiveSchedule): ScheduleSection[] {
  return SCHEDULE_TABS.map((tab) => ({
    tab,
    title: SCHEDULE_TAB_LABELS[tab],
    label: schedule[tab].length > 0 ? `${SCHEDULE_TAB_LABELS[tab]} (${schedule[tab].length})` : SCHEDULE_TAB_LABELS[tab],
    emptyText: SCHEDULE_EMPTY_TEXTS[tab],
    sessions: schedule[tab],
  }));
}

/** The tab the page opens on: what is live, else what is coming, else the past. */
export function defaultScheduleTab(schedule: LiveSchedule): ScheduleTab {
  return SCHEDULE_TABS.find((tab) => schedule[tab].length > 0) ?? 'live';
}

/** The session the home banner points at: the first one live (the server lists them by start), or none. */
export function bannerSession(schedule: LiveSchedule): ShopperLiveSessionCard | null {
  return schedule.live[0] ?? null;
}

/** When a session runs, as the shopper reads it: 开播 / 预计开播 / 已结束 with local times. */
export function sessionTimeText(session: Pick<ShopperLiveSessionCard, 'status' | 'plannedStartAt' | 'plannedEndAt' | 'startedAt' | 'endedAt'>): string {
  if (session.status === 'live') return `${formatDateTime(session.startedAt ?? session.plannedStartAt)} 开播`;
  if (session.status === 'upcoming') return `预计 ${formatDateTime(session.plannedStartAt)} 开播`;
  return `${formatDateTime(session.startedAt ?? session.plannedStartAt)} – ${formatDateTime(session.endedAt ?? session.plannedEndAt)}`;
}

/** A featured product's badge: 直播中 (with the 直播专享价 while the session is live) or 直播预告. */
export interface LiveBadge {
  sessionId: number;
  tone: 'live' | 'upcoming';
  label: '直播中' | '直播预告';
  /** e.g. 直播专享价 ¥89.00; only while live and when the session sells a SKU of it at a live price. */
  priceText: string | null;
}

/** The badge of one product from GET /live/featured (one entry per product), or null when no session features it. */
export function liveBadgeOf(featured: ReadonlyMap<number, LiveFeaturedProduct> | null, productId: number): LiveBadge | null {
  const entry = featured?.get(productId);
  if (!entry) return null;
  if (entry.status === 'live') {
    return { sessionId: entry.sessionId, tone: 'live', label: '直播中', priceText: entry.livePriceFen === null ? null : `直播专享价 ${formatYuan(entry.livePriceFen)}` };
  }
  return { sessionId: entry.sessionId, tone: 'upcoming', label: '直播预告', priceText: null };
}

/** GET /live/featured as a lookup by product (the server already chose one entry per product; a repeat keeps the first). */
export function featuredByProduct(entries: LiveFeaturedProduct[]): Map<number, LiveFeaturedProduct> {
  const byProduct = new Map<number, LiveFeaturedProduct>();
  for (const entry of entries) if (!byProduct.has(entry.productId)) byProduct.set(entry.productId, entry);
  return byProduct;
}

/** A featured product's price on the session page: the 直播专享价 only while the session is live, else its list price. */
export function featuredPrice(product: ShopperLiveProduct, sessionLive: boolean): { fen: Fen; live: boolean } {
  if (sessionLive && product.livePriceFen !== null && product.livePriceFen < product.priceFen) return { fen: product.livePriceFen, live: true };
  return { fen: product.priceFen, live: false };
}

/**
 * Whether the session page offers 观看: not for a Channels live that has not started (WeChat would open the
 * account's previous live instead); a plugin room before its start shows its own countdown and is worth entering.
 */
export function canWatch(session: Pick<ShopperLiveSessionCard, 'status' | 'provider'>): boolean {
  return session.status !== 'upcoming' || session.provider === 'plugin';
}

/** The 观看 button's words for a session. */
export function watchLabel(status: ShopperLiveSessionCard['status']): string {
  if (status === 'live') return '观看直播';
  if (status === 'upcoming') return '进入直播间';
  return '查看回放';
}

/**
 * What the H5 screen behind 观看 says (a browser plays neither a Channels live nor a plugin room): watch the live,
 * its replay, or come back once it starts, each in WeChat.
 */
export function watchInWeChatText(status: ShopperLiveSessionCard['status']): { title: string; text: string } {
  if (status === 'ended') {
    return { title: '请在微信中打开查看回放', text: '网页版无法播放直播回放。请在微信中打开本店小程序，进入「直播」查看这场直播的回放。' };
  }
  if (status === 'upcoming') {
    return { title: '开播后请在微信中观看', text: '这场直播还没开始。开播后请在微信中打开本店小程序，进入「直播」观看。' };
  }
  return { title: '请在微信中打开观看直播', text: '网页版无法播放直播。请在微信中打开本店小程序，进入「直播」观看这场直播。' };
}

/** The line under 直播 on a session's placeholder cover (no cover, or it failed to load). */
export function coverPlaceholderCaption(status: ShopperLiveSessionCard['status']): string {
  if (status === 'live') return '正在直播';
  if (status === 'upcoming') return '即将开播';
  return '往期回顾';
}

/** reserveChannelsLive states that leave the viewer reserved (6 reserved now, 8 reserved before). */
const CHANNELS_RESERVED_STATES = [6, 8];

/**
 * What the shopper is told after 预约: whether a reminder will come. `hasSubscribeSheet` false (H5): WeChat is where
 * reminders are turned on. Nothing is promised in return for reserving (WeChat forbids inducing reservations).
 */
export function reservedToast(hasSubscribeSheet: boolean, subscribeAccepted: boolean, channelsReserveState: number | null): string {
  if (!hasSubscribeSheet) return '已预约，请在微信中开启提醒';
  if (subscribeAccepted) return '已预约，开播前会提醒你';
  if (channelsReserveState !== null && CHANNELS_RESERVED_STATES.includes(channelsReserveState)) return '已预约，视频号会在开播时提醒你';
  return '已预约（未开启开播提醒）';
}

/** The 已预约 line of a reservation: whether the reminder waits, went out, or will not come. */
export function reservationText(reservation: Pick<LiveReservation, 'reminderState' | 'channelsReserved'>): string {
  if (reservation.reminderState === 'waiting') return '已预约 · 开播前会提醒你';
  if (reservation.reminderState === 'sent') return '已预约 · 开播提醒已发送';
  if (reservation.channelsReserved) return '已预约 · 视频号会在开播时提醒你';
  return '已预约';
}

const COUPON_UNAVAILABLE_LABELS: Record<LiveCouponUnavailableReason, string> = {
  not_live: '开播后可领',
  ended: '已结束',
  sold_out: '已抢光',
  unavailable: '暂不可领',
};

/**
 * The live coupon's button: 领取 while it can be claimed, 已领取 once the member holds their limit, else why not as
 * the server says it (开播后可领, 已抢光 only when the quantity is gone, 已结束); 暂不可领 when no reason is given.
 */
export function liveCouponButton(coupon: Pick<ShopperLiveCoupon, 'claimable' | 'claimedUp' | 'unavailableReason'>): { label: string; enabled: boolean } {
  if (coupon.claimedUp) return { label: '已领取', enabled: false };
  if (coupon.claimable) return { label: '领取', enabled: true };
  return { label: coupon.unavailableReason ? COUPON_UNAVAILABLE_LABELS[coupon.unavailableReason] : '暂不可领', enabled: false };
}
