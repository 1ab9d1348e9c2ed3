import Taro from '@tarojs/taro';
import { ATTRIBUTION_HEADERS } from '@shared/api/common';

type AttributionField = keyof typeof ATTRIBUTION_HEADERS;
type Attribution = Partial<Record<AttributionField, string>>;

const STORAGE_KEY = 'storefront.attribution';
const FIELDS = Object.keys(ATTRIBUTION_HEADERS) as AttributionField[];

/**
 * Remembers who brought the shopper here. A share link or channel code opens the app with
 * `?referrer=…&channel=…&liveRoom=…`; the values are kept in storage so every later request carries them,
 * and a newer link replaces an older one field by field.
 */
export function captureAttribution(query: Record<string, string | undefined> | undefined): void {
  if (!query) return;
  const incoming: Attribution = {};
  for (const field of FIELDS) {
    const value = query[field]?.trim();
    if (value) incoming[field] = decodeURIComponent(value).slice(0, 64);
  }
  if (Object.keys(incoming).length === 0) return;
  Taro.setStorageSync(STORAGE_KEY, { ...readAttribution(), ...incoming });
}

function readAttribution(): Attribution {
  const stored = Taro.getStorageSync(STORAGE_KEY);
  return stored && typeof stored === 'object' ? (stored as Attribution) : {};
}

/** The attribution headers for a request (only the fields we know). */
export function attributionHeaders(): Record<string, string> {
  const attribution = readAttribution();
  const headers: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = attribution[field];
    if (value) headers[ATTRIBUTION_HEADERS[field]] = value;
  }
  return headers;
}
