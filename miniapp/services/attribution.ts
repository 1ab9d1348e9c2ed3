import Taro from '@tarojs/taro';
import { ATTRIBUTION_HEADERS } from '@shared/api/common';

type AttributionField = keyof typeof ATTRIBUTION_HEADERS;
export type Attribution = Partial<Record<AttributionField, string>>;

const STORAGE_KEY = 'storefront.attribution';
const FIELDS = Object.keys(ATTRIBUTION_HEADERS) as AttributionField[];
const MAX_VALUE_LENGTH = 64;

/** The attribution a launch query carries: `?referrer=…&channel=…&liveRoom=…` (other parameters ignored). */
export function attributionFromQuery(query: Record<string, string | undefined> | undefined): Attribution {
  const found: Attribution = {};
  for (const field of FIELDS) {
    const raw = query?.[field]?.trim();
    if (!raw) continue;
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // Not percent-encoded after all: keep it as it came.
    }
    found[field] = value.slice(0, MAX_VALUE_LENGTH);
  }
  return found;
}

/** The request headers for a stored attribution. */
export function attributionToHeaders(attribution: Attribution): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = attribution[field];
    if (value) headers[ATTRIBUTION_HEADERS[field]] = value;
  }
  return headers;
}

function readStored(): Attribution {
  const stored = Taro.getStorageSync(STORAGE_KEY);
  return stored && typeof stored === 'object' ? (stored as Attribution) : {};
}

/**
 * Remembers who brought the shopper here, so every later request carries it. A newer link replaces
 * an older one field by field.
 */
export function captureAttribution(query: Record<string, string | undefined> | undefined): void {
  const incoming = attributionFromQuery(query);
  if (Object.keys(incoming).length === 0) return;
  Taro.setStorageSync(STORAGE_KEY, { ...readStored(), ...incoming });
}

export function attributionHeaders(): Record<string, string> {
  return attributionToHeaders(readStored());
}
