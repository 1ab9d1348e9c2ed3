import { ATTRIBUTION_HEADERS } from '../../../shared';
import type { OrderAttributionHeaders } from '../attribution/attribution.service';

/** Codes the storefront passes along from share links, channel codes and live rooms. */
const ATTRIBUTION_VALUE = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * The storefront's attribution headers of an order request. A value that is not a plausible code is dropped
 * (null): attribution must never block a purchase. The share link is resolved by AttributionService.orderSource.
 */
export function orderAttributionHeaders(headers: Record<string, string | string[] | undefined>): OrderAttributionHeaders {
  const read = (name: string): string | null => {
    const value = headers[name];
    const text = Array.isArray(value) ? value[0] : value;
    return text !== undefined && ATTRIBUTION_VALUE.test(text) ? text : null;
  };
  return {
    shortId: read(ATTRIBUTION_HEADERS.shareLink),
    channelCode: read(ATTRIBUTION_HEADERS.channel),
    liveRoomId: read(ATTRIBUTION_HEADERS.liveRoom),
  };
}
