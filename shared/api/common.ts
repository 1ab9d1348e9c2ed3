/** Query of every list endpoint: `?page=&pageSize=` (page starts at 1, pageSize 1..100, default 20). */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export interface Paginated<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `GET /api/v1/health` */
export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: 'ok' | 'down';
  time: string;
}

/** `GET /api/v1/platform`: what the storefront needs to know about how WeChat is reached. */
export interface PlatformInfo {
  wechatMode: 'fake' | 'real';
  /** The fake WeChat server's base URL (fake mode only): the H5 storefront gets login and phone codes there. */
  fakeWechatBaseUrl?: string;
  /** Days the storefront keeps a share link or channel it was opened with (ATTRIBUTION_TTL_DAYS, default 7). */
  attributionTtlDays: number;
}

/**
 * Attribution headers the storefront sends with every request (filled from share links, live rooms, channel
 * codes). The share link is resolved by the server; channel and live room are plain codes.
 */
export const ATTRIBUTION_HEADERS = {
  shareLink: 'x-share-link',
  channel: 'x-channel-code',
  liveRoom: 'x-live-room-id',
} as const;
