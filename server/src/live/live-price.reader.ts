import type { EntityManager } from 'typeorm';
import { LiveSessionPriceRow } from './live-session-price.entity';

/** A SKU's live price in a session that is live now, with units still left for `quantity`. */
export interface LivePriceOffer {
  sessionId: number;
  livePriceFen: number;
}

/**
 * The lowest live price of the SKU among sessions that are live (status, kept by staff and the sync sweep) with
 * enough of the quota left; null when none. The price source names the session on the line it prices
 * (LinePrice.offerRef), so the quota participant takes the units from the session that priced it.
 */
export async function livePriceOffer(manager: EntityManager, skuId: number, productId: number, quantity: number): Promise<LivePriceOffer | null> {
  const found = await manager
    .getRepository(LiveSessionPriceRow)
    .createQueryBuilder('p')
    .innerJoin('live_sessions', 's', 's.id = p.sessionId')
    .select(['p.sessionId', 'p.livePriceFen'])
    .where("p.skuId = :skuId AND p.productId = :productId AND s.status = 'live'", { skuId, productId })
    .andWhere('(p.unitQuota = 0 OR p.unitsTaken + :quantity <= p.unitQuota)', { quantity })
    .orderBy('p.livePriceFen', 'ASC')
    .addOrderBy('p.sessionId', 'ASC')
    .getOne();
  return found ? { sessionId: found.sessionId, livePriceFen: found.livePriceFen } : null;
}
