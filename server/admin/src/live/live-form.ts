import type { AdminProductDetail } from '@shared/api/admin';
import {
  LIVE_CHANNELS_ID_MAX_LENGTH,
  LIVE_FEATURED_PRODUCTS_MAX,
  LIVE_FINDER_USER_NAME_MAX_LENGTH,
  LIVE_TITLE_MAX_LENGTH,
  type LiveProvider,
  type LiveSession,
  type LiveSessionInput,
  type LiveSessionProduct,
  type LiveSettings,
  type LiveSkuPriceView,
} from '@shared/api/live';
import { chinaRfc3339 } from '@shared/china-time';
import { formatYuan, parseYuanToFen, type Fen } from '@shared/money';
import type { Dayjs } from 'dayjs';
import { fenToYuanText, yuanTextToFen } from '@/common/money-text';
import { fromChinaWallClock, toChinaWallClock } from '@/group-buy/group-buy-form';
import { numberProblem, type NumberBounds } from '@/referral/referral-settings-form';

/** The largest unit quota the server takes (LiveSkuPriceDto); 0 = 不限. */
export const LIVE_UNIT_QUOTA_BOUNDS: NumberBounds = { label: '限量', min: 0, max: 1_000_000, decimals: 0, unit: ' 件' };
/** 小程序直播 room ids are positive integers (the server's MAX_ID bound). */
const ROOM_ID_MAX = 2_147_483_647;
/** Channels ids are opaque tokens WeChat hands out (the server's CHANNELS_ID pattern). */
const CHANNELS_ID = /^[A-Za-z0-9_\-=+/.@]+$/;
const CHANNELS_ID_MESSAGE = '只能包含字母、数字和 _-=+/.@';

/** One SKU of a featured product: its list price and the 直播专享价 typed for it (blank: sold at the usual price). */
export interface LiveSkuRow {
  skuId: number;
  /** "绿色 · 100g"; blank for a product without specs. */
  specText: string;
  listPriceFen: Fen;
  livePrice: string;
  /** 0 = 不限 (stock is the only limit). */
  unitQuota: number | null;
  /** Units already sold at the live price (the quota may not go below them). */
  unitsTaken: number;
}

/** A featured product in display order, with its SKUs; `missing` when the catalog no longer has it. */
export interface LiveProductRow {
  productId: number;
  title: string;
  image: string | null;
  missing: boolean;
  skus: LiveSkuRow[];
}

/** What the session form holds: provider fields as typed text, prices as yuan text, the schedule as China wall-clock times. */
export interface LiveFormValues {
  title: string;
  /** An uploaded image URL; blank: none. */
  coverUrl: string;
  provider: LiveProvider;
  finderUserName: string;
  feedId: string;
  noticeId: string;
  roomId: number | null;
  /** China wall-clock times (the picker shows them as they are, whatever the browser's time zone). */
  window: [Dayjs, Dayjs] | null;
  products: LiveProductRow[];
  couponTemplateId: number | null;
}

/** A new session: Channels, from the next full hour (China time) for two hours, nothing featured yet. */
export function newLiveFormValues(now: Date = new Date()): LiveFormValues {
  const start = toChinaWallClock(now.toISOString()).add(1, 'hour').startOf('hour');
  return {
    title: '',
    coverUrl: '',
    provider: 'channels',
    finderUserName: '',
    feedId: '',
    noticeId: '',
    roomId: null,
    window: [start, start.add(2, 'hour')],
    products: [],
    couponTemplateId: null,
  };
}

/**
 * A featured product as a form row: every SKU of the product with its list price, and the session's saved live
 * price and quota where it has one. `detail` null: the product is gone from the catalog (its row says so).
 */
export function productRowFor(face: Pick<LiveSessionProduct, 'productId' | 'title' | 'image'>, detail: Pick<AdminProductDetail, 'skus'> | null, saved: LiveSkuPriceView[] = []): LiveProductRow {
  const prices = new Map(saved.map((price) => [price.skuId, price]));
  return {
    productId: face.productId,
    title: face.title,
    image: face.image,
    missing: detail === null,
    skus: (detail?.skus ?? []).map((sku) => {
      const price = prices.get(sku.id);
      return {
        skuId: sku.id,
        specText: sku.specValues.join(' · '),
        listPriceFen: sku.priceFen,
        livePrice: price ? fenToYuanText(price.livePriceFen) : '',
        unitQuota: price ? price.unitQuota : 0,
        unitsTaken: price ? price.unitsTaken : 0,
      };
    }),
  };
}

/** A saved session as form values; `details` holds each featured product's catalog entry (null: deleted). */
export function sessionToFormValues(session: LiveSession, details: Map<number, AdminProductDetail | null>): LiveFormValues {
  return {
    title: session.title,
    coverUrl: session.coverUrl ?? '',
    provider: session.provider,
    finderUserName: session.finderUserName ?? '',
    feedId: session.feedId ?? '',
    noticeId: session.noticeId ?? '',
    roomId: session.roomId,
    window: [toChinaWallClock(session.plannedStartAt), toChinaWallClock(session.plannedEndAt)],
    products: [...session.products]
      .sort((a, b) => a.position - b.position)
      .map((product) => productRowFor(product, details.get(product.productId) ?? null, session.prices.filter((price) => price.productId === product.productId))),
    couponTemplateId: session.couponTemplateId,
  };
}

/** A China wall-clock time as RFC 3339 with its zone: 2026-12-06T20:00:00+08:00. */
export function liveTimeOf(value: Dayjs): string {
  return chinaRfc3339(new Date(fromChinaWallClock(value)));
}

/** Why a SKU's typed 直播专享价 is refused (the server's rule: at least 1 fen, below the list price), or null; blank is fine. */
export function livePriceProblem(row: Pick<LiveSkuRow, 'livePrice' | 'listPriceFen'>): string | null {
  if (!row.livePrice || !row.livePrice.trim()) return null;
  const fen = parseYuanToFen(row.livePrice);
  if (fen === null) return '请输入金额，最多两位小数，例如 19.90';
  if (fen === 0) return '直播价必须大于 0';
  return fen < row.listPriceFen ? null : `直播价须低于售价 ${formatYuan(row.listPriceFen)}`;
}

/** Why a SKU's unit quota is refused (0–1,000,000 whole units, not below what already sold at the live price), or null. */
export function unitQuotaProblem(row: Pick<LiveSkuRow, 'livePrice' | 'unitQuota' | 'unitsTaken'>): string | null {
  if (!row.livePrice || !row.livePrice.trim()) return null;
  if (row.unitQuota === null || row.unitQuota === undefined) return '请填写限量，0 为不限';
  const problem = numberProblem(row.unitQuota, LIVE_UNIT_QUOTA_BOUNDS);
  if (problem) return problem;
  return row.unitQuota > 0 && row.unitQuota < row.unitsTaken ? `已按直播价售出 ${row.unitsTaken} 件，限量不能少于它` : null;
}

/** The fields liveFieldProblem checks beside them before saving. */
export type LiveCheckedField = 'title' | 'finderUserName' | 'feedId' | 'noticeId' | 'roomId' | 'window' | 'products';

const channelsIdProblem = (text: string, label: string, maxLength: number): string | null => {
  if (text.length > maxLength) return `${label}最多 ${maxLength} 个字符`;
  return CHANNELS_ID.test(text) ? null : `${label}${CHANNELS_ID_MESSAGE}`;
};

/** Why a field's value is refused given the others, or null: the server's rules, checked beside the field. */
export function liveFieldProblem(field: LiveCheckedField, values: LiveFormValues, now: Date = new Date()): string | null {
  const channels = values.provider === 'channels';
  switch (field) {
    case 'title': {
      const title = (values.title ?? '').trim();
      if (!title) return '请输入直播标题';
      return title.length > LIVE_TITLE_MAX_LENGTH ? `直播标题最多 ${LIVE_TITLE_MAX_LENGTH} 个字` : null;
    }
    case 'finderUserName': {
      if (!channels) return null;
      const text = (values.finderUserName ?? '').trim();
      if (!text) return '请填写视频号 ID（sph 开头）';
      if (!text.startsWith('sph')) return '视频号 ID 以 sph 开头，可在视频号助手「帐号设置」中查看';
      return channelsIdProblem(text, '视频号 ID ', LIVE_FINDER_USER_NAME_MAX_LENGTH);
    }
    case 'feedId':
    case 'noticeId': {
      const text = (values[field] ?? '').trim();
      if (!channels || !text) return null;
      return channelsIdProblem(text, field === 'feedId' ? '直播 feedId ' : '预告 ID ', LIVE_CHANNELS_ID_MAX_LENGTH);
    }
    case 'roomId': {
      if (channels) return null;
      const room = values.roomId;
      if (room === null || room === undefined) return '请填写小程序直播的直播间号';
      return Number.isInteger(room) && room >= 1 && room <= ROOM_ID_MAX ? null : '直播间号应为正整数';
    }
    case 'window': {
      if (!values.window) return '请选择计划开播和结束时间';
      const [start, end] = values.window;
      if (!end.isAfter(start)) return '结束时间必须晚于开始时间';
      return new Date(fromChinaWallClock(end)).getTime() > now.getTime() ? null : '结束时间必须晚于现在';
    }
    case 'products':
      return values.products.length > LIVE_FEATURED_PRODUCTS_MAX ? `最多推荐 ${LIVE_FEATURED_PRODUCTS_MAX} 个商品` : null;
  }
}

/**
 * The request for the form's values (the checks have passed, so prices parse): the other provider's fields null,
 * blank optional ids null, products in their order, a live price for each SKU that has one typed.
 */
export function formValuesToInput(values: LiveFormValues): LiveSessionInput {
  const channels = values.provider === 'channels';
  const optional = (text: string) => (channels && text.trim() ? text.trim() : null);
  return {
    title: values.title.trim(),
    coverUrl: values.coverUrl ? values.coverUrl : null,
    provider: values.provider,
    finderUserName: optional(values.finderUserName),
    feedId: optional(values.feedId),
    noticeId: optional(values.noticeId),
    roomId: channels ? null : values.roomId,
    plannedStartAt: liveTimeOf(values.window![0]),
    plannedEndAt: liveTimeOf(values.window![1]),
    productIds: values.products.map((product) => product.productId),
    prices: values.products.flatMap((product) =>
      product.skus
        .filter((sku) => sku.livePrice.trim())
        .map((sku) => ({ skuId: sku.skuId, livePriceFen: yuanTextToFen(sku.livePrice)!, unitQuota: sku.unitQuota ?? 0 })),
    ),
    couponTemplateId: values.couponTemplateId ?? null,
  };
}

/** Where a SKU sits in the form: ['products', product row, 'skus', SKU row, column]. */
function skuField(values: LiveFormValues, skuId: number | undefined, column: 'livePrice' | 'unitQuota'): (string | number)[] | null {
  for (const [productIndex, product] of values.products.entries()) {
    const skuIndex = product.skus.findIndex((sku) => sku.skuId === skuId);
    if (skuIndex >= 0) return ['products', productIndex, 'skus', skuIndex, column];
  }
  return null;
}

/**
 * The form field a server field error names: `prices.1.livePriceFen` (the request's second live price) → that SKU's
 * row; `productIds.*` → the products; the planned times → the schedule; other names are the form's own.
 */
export function formFieldForServerField(field: string, values: LiveFormValues): (string | number)[] {
  const price = /^prices(?:\.(\d+)(?:\.(\w+))?)?$/.exec(field);
  if (price) {
    if (price[1] === undefined) return ['products'];
    const skuId = formValuesToInput(values).prices[Number(price[1])]?.skuId;
    return skuField(values, skuId, price[2] === 'unitQuota' ? 'unitQuota' : 'livePrice') ?? ['products'];
  }
  if (field.startsWith('productIds')) return ['products'];
  if (field === 'plannedStartAt' || field === 'plannedEndAt') return ['window'];
  return [field];
}

/**
 * The form field a LIVE_SESSION_INVALID message without field details is about (规格 12 的直播价… → that SKU's
 * price; 商品 7 不存在… → the products; 优惠券 3 不存在 → the coupon), or null when it names none.
 */
export function formFieldForServerMessage(message: string, values: LiveFormValues): (string | number)[] | null {
  const sku = /^规格 (\d+)/.exec(message);
  if (sku) return skuField(values, Number(sku[1]), 'livePrice') ?? ['products'];
  if (/^商品 \d+/.test(message) || message.includes('推荐商品')) return ['products'];
  if (/^优惠券/.test(message)) return ['couponTemplateId'];
  return null;
}

/** 直播设置 bounds (the contract's LiveSettings). */
export const ATTRIBUTION_WINDOW_BOUNDS: NumberBounds = { label: '归因窗口', min: 1, max: 168, decimals: 0, unit: ' 小时' };
export const REMINDER_LEAD_BOUNDS: NumberBounds = { label: '提前提醒', min: 1, max: 1440, decimals: 0, unit: ' 分钟' };

/** The live settings in force, in words, above the form. */
export function liveSettingsRuleText(settings: LiveSettings): string {
  return `会员点击直播入口或从直播间进店后 ${settings.attributionWindowHours} 小时内的付款订单归到该场直播（推断）；开播前 ${settings.reminderLeadMinutes} 分钟给已预约并同意提醒的会员发一次开播提醒`;
}
