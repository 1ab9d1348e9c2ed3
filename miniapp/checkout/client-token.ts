/**
 * The idempotency token of one checkout page (CreateOrderRequest.clientToken: 8..64 of [A-Za-z0-9_-]).
 * Made once per page, so a retried 提交订单 (e.g. after a lost answer) finds the order already placed.
 */
export function newClientToken(now = Date.now(), random = Math.random): string {
  let suffix = '';
  while (suffix.length < 16) suffix += random().toString(36).slice(2);
  return `${now.toString(36)}-${suffix.slice(0, 16)}`;
}
