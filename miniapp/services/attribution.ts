import Taro from '@tarojs/taro';
import { ATTRIBUTION_HEADERS } from '@shared/api/common';
import { CHANNEL_CODE_PATTERN, DEFAULT_ATTRIBUTION_TTL_DAYS, type LoginAttribution } from '@shared/api/attribution';
import { shortIdFromQuery } from '@shared/scene';
import { deviceId } from './device-id';

/**
 * Where the shopper came from: the share link (`?s=` of a share path or H5 URL, `scene` of a scanned code),
 * the channel code and the live room the storefront was last opened with, kept for a number of days the
 * server sets (GET /platform `attributionTtlDays`). The server resolves the share link; the storefront only
 * carries its short id.
 */
export interface Attribution {
  shortId?: string;
  channel?: string;
  liveRoom?: string;
  /** When it was captured (ms since epoch): it expires ttlDays later. */
  capturedAt: number;
}

const STORAGE_KEY = 'storefront.attribution';
const LIVE_ROOM_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

let ttlDays = DEFAULT_ATTRIBUTION_TTL_DAYS;

/** The server's setting, once GET /platform answered (until then the default). */
export function setAttributionTtlDays(days: number): void {
  if (Number.isInteger(days) && days > 0) ttlDays = days;
}

function decoded(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value).trim();
  } catch {
    return value.trim();
  }
}

/**
 * The attribution a launch or page query carries: `s` or `scene` (share link), `channel`, `liveRoom`; other
 * parameters and values that are not plausible codes are ignored. Null when there is none.
 */
export function attributionFromQuery(query: Record<string, string | undefined> | undefined, now: number): Attribution | null {
  const shortId = shortIdFromQuery(query) ?? undefined;
  const channel = decoded(query?.channel);
  const liveRoom = decoded(query?.liveRoom);
  const found: Attribution = {
    capturedAt: now,
    ...(shortId ? { shortId } : {}),
    ...(channel && CHANNEL_CODE_PATTERN.test(channel) ? { channel } : {}),
    ...(liveRoom && LIVE_ROOM_PATTERN.test(liveRoom) ? { liveRoom } : {}),
  };
  return found.shortId || found.channel || found.liveRoom ? found : null;
}

/** The stored attribution while it is younger than ttlDays (an expired one is dropped). */
export function activeAttribution(stored: unknown, now: number, days: number): Attribution | null {
  if (!stored || typeof stored !== 'object') return null;
  const attribution = stored as Attribution;
  if (typeof attribution.capturedAt !== 'number' || now - attribution.capturedAt >= days * DAY_MS || now < attribution.capturedAt) return null;
  return attribution;
}

/** The request headers of an attribution. */
export function attributionToHeaders(attribution: Attribution | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (attribution?.shortId) headers[ATTRIBUTION_HEADERS.shareLink] = attribution.shortId;
  if (attribution?.channel) headers[ATTRIBUTION_HEADERS.channel] = attribution.channel;
  if (attribution?.liveRoom) headers[ATTRIBUTION_HEADERS.liveRoom] = attribution.liveRoom;
  return headers;
}

function current(): Attribution | null {
  const attribution = activeAttribution(Taro.getStorageSync(STORAGE_KEY), Date.now(), ttlDays);
  if (!attribution) Taro.removeStorageSync(STORAGE_KEY);
  return attribution;
}

/** A cold start reports its query twice (launch, then show): the same attribution within a minute is one touch. */
const REPEAT_WINDOW_MS = 60_000;

export function isRepeat(previous: Attribution | null, incoming: Attribution): boolean {
  return (
    previous !== null &&
    previous.shortId === incoming.shortId &&
    previous.channel === incoming.channel &&
    previous.liveRoom === incoming.liveRoom &&
    incoming.capturedAt - previous.capturedAt < REPEAT_WINDOW_MS
  );
}

/**
 * Keeps the attribution of a launch or show query (cold start, a share opened from the background, an H5
 * URL); a newer link replaces the older one as a whole. Answers what was captured (to report as a touch), or
 * null when the query carries none or repeats the one just captured.
 */
export function captureAttribution(query: Record<string, string | undefined> | undefined): Attribution | null {
  const incoming = attributionFromQuery(query, Date.now());
  if (!incoming || isRepeat(current(), incoming)) return null;
  Taro.setStorageSync(STORAGE_KEY, incoming);
  return incoming;
}

/** Headers of every API request (orders take their source from them). */
export function attributionHeaders(): Record<string, string> {
  return attributionToHeaders(current());
}

/** Sent with the login: the device id always, the share link and channel while they last. */
export function loginAttribution(): LoginAttribution {
  const attribution = current();
  return {
    deviceId: deviceId(),
    ...(attribution?.shortId ? { shortId: attribution.shortId } : {}),
    ...(attribution?.channel ? { channel: attribution.channel } : {}),
  };
}
