import type { EntityManager } from 'typeorm';
import { LiveSessionPriceRow } from './live-session-price.entity';

/** A live price of a session that is live now. */
export type LivePriceRow = Pick<LiveSessionPriceRow, 'sessionId' | 'skuId' | 'productId' | 'livePriceFen' | 'unitQuota' | 'unitsTaken'>;

/** A SKU's live price in a session that is live now, with units still left for `quantity`. */
export interface LivePriceOffer {
  sessionId: number;
  livePriceFen: number;
}

/**
 * Every live price of the sessions that are live now (status, kept by staff and the sync sweep): one query that
 * finds the live sessions by their (status, plannedStartAt) index and their prices by the primary key (sessionId,
 * skuId). A shop has a session or two live at a time, so this is a handful of rows; none live, none read.
 */
export function livePricesNow(manager: EntityManager): Promise<LivePriceRow[]> {
  return manager
    .getRepository(LiveSessionPriceRow)
    .createQueryBuilder('p')
    .innerJoin('live_sessions', 's', 's.id = p.sessionId')
    .select(['p.sessionId', 'p.skuId', 'p.productId', 'p.livePriceFen', 'p.unitQuota', 'p.unitsTaken'])
    .where("s.status = 'live'")
    .getMany();
}

/**
 * The SKU's lowest live price among `prices` with enough of the quota left for `quantity` (of two equal prices, the
 * older session's); null when none. The price source names its session on the line (LinePrice.offerRef), so the
 * quota participant takes the units from the session that priced it.
 */
export function bestLiveOffer(prices: LivePriceRow[], line: { skuId: number; productId: number; quantity: number }): LivePriceOffer | null {
  let best: LivePriceRow | null = null;
  for (const price of prices) {
    if (price.skuId !== line.skuId || price.productId !== line.productId) continue;
    if (price.unitQuota !== 0 && price.unitsTaken + line.quantity > price.unitQuota) continue;
    if (!best || price.livePriceFen < best.livePriceFen || (price.livePriceFen === best.livePriceFen && price.sessionId < best.sessionId)) best = price;
  }
  return best ? { sessionId: best.sessionId, livePriceFen: best.livePriceFen } : null;
}
