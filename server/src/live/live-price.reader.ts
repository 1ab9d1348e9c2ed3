import type { EntityManager } from 'typeorm';
import { LiveSessionPriceRow } from './live-session-price.entity';

/** A live price of a session that is live now, with its SKU's list price now. */
export interface LivePriceRow {
  sessionId: number;
  skuId: number;
  productId: number;
  livePriceFen: number;
  /** 0: no limit. */
  unitQuota: number;
  unitsTaken: number;
  /** The SKU's list price now (a live price is an offer only below it). */
  listPriceFen: number;
}

/** A SKU's live price in a session that is live now, with units still left for `quantity`, below the list price. */
export interface LivePriceOffer {
  sessionId: number;
  livePriceFen: number;
}

/** A line as the offer rule sees it: the SKU, its list price and how many. */
export interface LiveOfferLine {
  skuId: number;
  productId: number;
  listPriceFen: number;
  quantity: number;
}

/**
 * Every live price of the sessions that are live now (status, kept by staff and the sync sweep), or only those of
 * `productIds`: one query that finds the live sessions by their (status, plannedStartAt) index, their prices by the
 * primary key (sessionId, skuId) and each SKU by its id. A shop has a session or two live at a time, so this is a
 * handful of rows; none live, none read.
 */
export async function livePricesNow(manager: EntityManager, productIds?: number[]): Promise<LivePriceRow[]> {
  if (productIds?.length === 0) return [];
  const query = manager
    .getRepository(LiveSessionPriceRow)
    .createQueryBuilder('p')
    .innerJoin('live_sessions', 's', 's.id = p.sessionId')
    .innerJoin('skus', 'k', 'k.id = p.skuId')
    .select(['p.sessionId AS sessionId', 'p.skuId AS skuId', 'p.productId AS productId', 'p.livePriceFen AS livePriceFen'])
    .addSelect(['p.unitQuota AS unitQuota', 'p.unitsTaken AS unitsTaken', 'k.priceFen AS listPriceFen'])
    .where("s.status = 'live'");
  if (productIds) query.andWhere('p.productId IN (:...productIds)', { productIds });
  const rows: Record<keyof LivePriceRow, unknown>[] = await query.getRawMany();
  return rows.map((row) => ({
    sessionId: Number(row.sessionId),
    skuId: Number(row.skuId),
    productId: Number(row.productId),
    livePriceFen: Number(row.livePriceFen),
    unitQuota: Number(row.unitQuota),
    unitsTaken: Number(row.unitsTaken),
    listPriceFen: Number(row.listPriceFen),
  }));
}

/** Units left in the price's quota; Infinity: no limit. */
const unitsLeft = (price: LivePriceRow) => (price.unitQuota === 0 ? Infinity : price.unitQuota - price.unitsTaken);

const isOfLine = (price: LivePriceRow, line: Pick<LiveOfferLine, 'skuId' | 'productId'>) => price.skuId === line.skuId && price.productId === line.productId;

/**
 * THE live price rule: the SKU's lowest live price among `prices` below the line's list price (a live price the list
 * price has since come down to is no offer: no 直播价 label, no quota taken, no live_price attribution) with enough of
 * the quota left for `quantity` (of two equal prices, the older session's); null when none. Checkout prices with it
 * (the price source names the offer's session on the line, LinePrice.offerRef, so the quota participant takes the
 * units from the session that priced it), and the storefront shows it for one unit (featured products, session page).
 */
export function bestLiveOffer(prices: LivePriceRow[], line: LiveOfferLine): LivePriceOffer | null {
  let best: LivePriceRow | null = null;
  for (const price of prices) {
    if (!isOfLine(price, line) || price.livePriceFen >= line.listPriceFen || unitsLeft(price) < line.quantity) continue;
    if (!best || price.livePriceFen < best.livePriceFen || (price.livePriceFen === best.livePriceFen && price.sessionId < best.sessionId)) best = price;
  }
  return best ? { sessionId: best.sessionId, livePriceFen: best.livePriceFen } : null;
}

/**
 * The most units of the line's SKU that one line can still get below its list price (bestLiveOffer finds an offer
 * for any quantity up to it): the most any of its live prices under the list price has left; 0 when none.
 */
export function liveUnitsLeft(prices: LivePriceRow[], line: Omit<LiveOfferLine, 'quantity'>): number {
  let most = 0;
  for (const price of prices) {
    if (isOfLine(price, line) && price.livePriceFen < line.listPriceFen) most = Math.max(most, unitsLeft(price));
  }
  return most;
}
