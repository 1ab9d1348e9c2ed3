import { ATTRIBUTION_HEADERS, type OrderSource } from '../../../shared';

/** Codes the storefront passes along from share links, channel codes and live rooms. */
const ATTRIBUTION_VALUE = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * The order's source from the storefront's attribution headers. A value that is not a plausible code
 * is dropped (null): attribution must never block a purchase. Group-buy teams come with group-buy.
 */
export function orderSourceFromHeaders(headers: Record<string, string | string[] | undefined>): OrderSource {
  const read = (name: string): string | null => {
    const value = headers[name];
    const text = Array.isArray(value) ? value[0] : value;
    return text !== undefined && ATTRIBUTION_VALUE.test(text) ? text : null;
  };
  return {
    channelCode: read(ATTRIBUTION_HEADERS.channel),
    referrerCode: read(ATTRIBUTION_HEADERS.referrer),
    liveRoomId: read(ATTRIBUTION_HEADERS.liveRoom),
    groupBuyTeamId: null,
  };
}
