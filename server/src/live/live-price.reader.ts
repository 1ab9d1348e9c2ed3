import type { EntityManager } from 'typeorm';
import { LiveSessionPriceRow } from './live-session-price.entity';

/** A SKU's live price in a session that is live now, with units still left for `quantity`. */
export interface LivePriceOffer {
  sessionId: number;
  livePriceFen: number;
}

/** One live price of a live session with at least one unit left, as the storefront shows it. */
export interface LiveSkuOffer extends LivePriceOffer {
  skuId: number;
  productId: number;
  /** The SKU's list price now (checkout caps the live price at it). */
  listPriceFen: number;
  /** Units left in the quota; null: no limit. */
  unitsLeft: number | null;
}

/** Live prices of sessions that are live (status, kept by staff and the sync sweep), best offer first. */
function liveOffers(manager: EntityManager) {
  return manager
    .getRepository(LiveSessionPriceRow)
    .createQueryBuilder('p')
    .innerJoin('live_sessions', 's', "s.id = p.sessionId AND s.status = 'live'")
    .orderBy('p.livePriceFen', 'ASC')
    .addOrderBy('p.sessionId', 'ASC');
}

/**
 * The lowest live price of the SKU among sessions that are live with enough of the quota left; null when none.
 * The price source and the quota participant both read it, so the session an order's units are taken from is the
 * one that priced it.
 */
export async function livePriceOffer(manager: EntityManager, skuId: number, productId: number, quantity: number): Promise<LivePriceOffer | null> {
  const found = await liveOffers(manager)
    .select(['p.sessionId', 'p.livePriceFen'])
    .where('p.skuId = :skuId AND p.productId = :productId', { skuId, productId })
    .andWhere('(p.unitQuota = 0 OR p.unitsTaken + :quantity <= p.unitQuota)', { quantity })
    .getOne();
  return found ? { sessionId: found.sessionId, livePriceFen: found.livePriceFen } : null;
}

/**
 * Every live offer with a unit left for the SKUs of the products (or of the SKUs), best first per SKU, in one
 * query: the first one of a SKU is what livePriceOffer answers for one unit, so the storefront shows what checkout
 * charges.
 */
export async function liveSkuOffers(manager: EntityManager, of: { productIds?: number[]; skuIds?: number[] }): Promise<LiveSkuOffer[]> {
  const ids = of.productIds ?? of.skuIds ?? [];
  if (ids.length === 0) return [];
  const rows: Record<string, unknown>[] = await liveOffers(manager)
    .innerJoin('skus', 'k', 'k.id = p.skuId')
    .select(['p.sessionId AS sessionId', 'p.skuId AS skuId', 'p.productId AS productId', 'p.livePriceFen AS livePriceFen', 'k.priceFen AS listPriceFen'])
    .addSelect('p.unitQuota', 'unitQuota')
    .addSelect('p.unitsTaken', 'unitsTaken')
    .where(of.productIds ? 'p.productId IN (:...ids)' : 'p.skuId IN (:...ids)', { ids })
    .andWhere('(p.unitQuota = 0 OR p.unitsTaken < p.unitQuota)')
    .getRawMany();
  return rows.map((row) => ({
    sessionId: Number(row.sessionId),
    skuId: Number(row.skuId),
    productId: Number(row.productId),
    livePriceFen: Number(row.livePriceFen),
    listPriceFen: Number(row.listPriceFen),
    unitsLeft: Number(row.unitQuota) === 0 ? null : Number(row.unitQuota) - Number(row.unitsTaken),
  }));
}
