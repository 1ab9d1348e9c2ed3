const storage = new Map<string, unknown>();
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => storage.set(key, value),
    removeStorageSync: (key: string) => storage.delete(key),
  },
}));

import { ATTRIBUTION_HEADERS } from '@shared/api/common';
import { DEVICE_ID_PATTERN } from '@shared/api/attribution';
import { encodeShortId } from '@shared/scene';
import {
  activeAttribution,
  attributionFromQuery,
  attributionHeaders,
  attributionToHeaders,
  captureAttribution,
  isRepeat,
  loginAttribution,
  setAttributionTtlDays,
} from './attribution';
import { deviceId, newDeviceId } from './device-id';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 6, 12);
const LINK = encodeShortId(4242);

describe('attribution from launch options', () => {
  it('reads ?s= of a share path and the URL-encoded scene of a scanned code', () => {
    expect(attributionFromQuery({ id: '12', s: LINK }, NOW)).toEqual({ shortId: LINK, capturedAt: NOW });
    expect(attributionFromQuery({ scene: encodeURIComponent(LINK) }, NOW)).toEqual({ shortId: LINK, capturedAt: NOW });
    expect(attributionFromQuery({ scene: encodeURIComponent(`s=${LINK}`) }, NOW)?.shortId).toBe(LINK);
  });

  it('keeps channel and live room codes, decoded, and drops what is not a plausible code', () => {
    expect(attributionFromQuery({ channel: 'store_qr', liveRoom: 'room%3A7' }, NOW)).toEqual({ channel: 'store_qr', liveRoom: 'room:7', capturedAt: NOW });
    expect(attributionFromQuery({ channel: '%E6%9C%8B%E5%8F%8B%E5%9C%88', liveRoom: 'x'.repeat(65), s: 'forged!' }, NOW)).toBeNull();
    expect(attributionFromQuery({ channel: '100%' }, NOW)).toBeNull();
  });

  it('answers null when the launch carries no attribution', () => {
    expect(attributionFromQuery(undefined, NOW)).toBeNull();
    expect(attributionFromQuery({ id: '12', scene: '1001' }, NOW)).toBeNull();
  });
});

describe('attribution expiry', () => {
  const stored = { shortId: LINK, capturedAt: NOW };

  it('lasts the configured number of days, no longer', () => {
    expect(activeAttribution(stored, NOW + 7 * DAY - 1, 7)).toEqual(stored);
    expect(activeAttribution(stored, NOW + 7 * DAY, 7)).toBeNull();
    expect(activeAttribution(stored, NOW + 2 * DAY, 1)).toBeNull();
    expect(activeAttribution(stored, NOW + 20 * DAY, 30)).toEqual(stored);
  });

  it('ignores what is not a stored attribution, or one from the future', () => {
    for (const value of ['', null, 'text', { shortId: LINK }]) expect(activeAttribution(value, NOW, 7)).toBeNull();
    expect(activeAttribution(stored, NOW - DAY, 7)).toBeNull();
  });

  it('is dropped from storage once expired: no headers, nothing sent at login', () => {
    storage.clear();
    setAttributionTtlDays(3);
    storage.set('storefront.attribution', { shortId: LINK, channel: 'poster', capturedAt: Date.now() - 4 * DAY });
    expect(attributionHeaders()).toEqual({});
    expect(storage.has('storefront.attribution')).toBe(false);
    expect(loginAttribution()).toEqual({ deviceId: expect.stringMatching(DEVICE_ID_PATTERN) });
    setAttributionTtlDays(7);
  });
});

describe('capturing and sending', () => {
  beforeEach(() => storage.clear());

  it('keeps the newest link as a whole and sends it with requests and the login', () => {
    expect(captureAttribution({ s: LINK, channel: 'chat' })).toEqual(expect.objectContaining({ shortId: LINK, channel: 'chat' }));
    expect(attributionHeaders()).toEqual({ [ATTRIBUTION_HEADERS.shareLink]: LINK, [ATTRIBUTION_HEADERS.channel]: 'chat' });
    const other = encodeShortId(99);
    captureAttribution({ scene: other });
    expect(attributionHeaders()).toEqual({ [ATTRIBUTION_HEADERS.shareLink]: other });
    expect(loginAttribution()).toEqual({ deviceId: deviceId(), shortId: other });
  });

  it('reports the launch and the show of one cold start as one touch', () => {
    expect(captureAttribution({ s: LINK })).not.toBeNull();
    expect(captureAttribution({ s: LINK })).toBeNull();
    expect(isRepeat({ shortId: LINK, capturedAt: NOW }, { shortId: LINK, capturedAt: NOW + 61_000 })).toBe(false);
    expect(isRepeat({ shortId: LINK, capturedAt: NOW }, { shortId: LINK, channel: 'chat', capturedAt: NOW + 1 })).toBe(false);
    expect(captureAttribution({ id: '3' })).toBeNull();
  });

  it('turns an attribution into the shared headers', () => {
    expect(attributionToHeaders({ shortId: 'a8K', liveRoom: '7', capturedAt: NOW })).toEqual({
      [ATTRIBUTION_HEADERS.shareLink]: 'a8K',
      [ATTRIBUTION_HEADERS.liveRoom]: '7',
    });
    expect(attributionToHeaders(null)).toEqual({});
  });
});

describe('device id', () => {
  beforeEach(() => storage.clear());

  it('is made once and kept', () => {
    const id = deviceId();
    expect(id).toMatch(DEVICE_ID_PATTERN);
    expect(deviceId()).toBe(id);
    storage.set('storefront.deviceId', 'bad id');
    expect(deviceId()).not.toBe('bad id');
  });

  it('uses the whole alphabet evenly enough to tell devices apart', () => {
    expect(newDeviceId(() => 0)).toBe('0'.repeat(22));
    expect(newDeviceId(() => 0.9999)).toBe('z'.repeat(22));
    expect(new Set(Array.from({ length: 1000 }, () => newDeviceId())).size).toBe(1000);
  });
});
