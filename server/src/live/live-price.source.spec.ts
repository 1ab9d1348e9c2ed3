import type { DataSource } from 'typeorm';
import type { PriceContext, PriceLine } from '../pricing/price-sources';
import type { LivePriceRow } from './live-price.reader';
import { LivePriceSource } from './live-price.source';

const line = (skuId: number, quantity = 1, listPriceFen = 9900): PriceLine => ({ skuId, productId: skuId * 10, categoryId: 1, listPriceFen, memberPriceEnabled: true, quantity });
const context = (): PriceContext => ({ memberId: 1, source: {} as PriceContext['source'], now: new Date(), groupBuy: null });
const price = (sessionId: number, skuId: number, livePriceFen: number, unitQuota = 0, unitsTaken = 0): LivePriceRow => ({ sessionId, skuId, productId: skuId * 10, livePriceFen, unitQuota, unitsTaken, listPriceFen: 9900 });

/** A source over a database whose live prices are `rows`, counting the reads. */
function sourceOver(rows: LivePriceRow[]) {
  const reads = { count: 0 };
  const builder = {
    innerJoin: () => builder,
    select: () => builder,
    addSelect: () => builder,
    where: () => builder,
    getRawMany: async () => {
      reads.count++;
      return rows;
    },
  };
  const dataSource = { manager: { getRepository: () => ({ createQueryBuilder: () => builder }) } } as unknown as DataSource;
  return { source: new LivePriceSource(dataSource), reads };
}

describe('LivePriceSource', () => {
  it('reads the live prices once per pricing, whatever the number of lines, and finds nothing when no session is live', async () => {
    const { source, reads } = sourceOver([]);
    const pricing = context();
    const lines = [line(1), line(2), line(3), line(4)];
    expect(await Promise.all(lines.map((entry) => source.appliesTo(entry, pricing)))).toEqual([false, false, false, false]);
    expect(reads.count).toBe(1);
    await source.appliesTo(line(5), context());
    expect(reads.count).toBe(2);
  });

  it('prices at the lowest live price below the list price with units left, naming its session', async () => {
    const { source } = sourceOver([price(7, 1, 5900, 10, 10), price(8, 1, 6900), price(9, 1, 6900), price(9, 2, 12000)]);
    const pricing = context();
    const first = line(1);
    expect(await source.appliesTo(first, pricing)).toBe(true);
    // Session 7's ¥59 is sold out: the next lowest, of the older of two sessions at ¥69.
    expect(source.unitPrice(first)).toEqual(expect.objectContaining({ unitPriceFen: 6900, offerRef: 8, label: '直播价' }));
    // A live price of ¥120 over a list price of ¥99, or one the list price came down to: no offer (no label, quota or attribution).
    expect(await source.appliesTo(line(2, 1, 9900), pricing)).toBe(false);
    expect(await source.appliesTo(line(1, 1, 6900), pricing)).toBe(false);
    expect(await source.appliesTo({ ...line(1), productId: 999 }, pricing)).toBe(false);
    expect(await source.appliesTo(line(1), { ...pricing, groupBuy: { campaignId: 1, teamId: null } as PriceContext['groupBuy'] })).toBe(false);
  });

  it('says how many units are left at the live price for a bigger line, from the prices already read for the pricing', async () => {
    const { source, reads } = sourceOver([price(7, 1, 5900, 5, 0), price(8, 1, 6900, 3, 1), price(9, 2, 5000, 50, 0)]);
    const pricing = context();
    const big = line(1, 6);
    expect(await source.appliesTo(big, pricing)).toBe(false);
    // The most one session has left (session 7's 5), not the sum; another SKU's units never count.
    expect(await source.declinedNote(big, pricing)).toBe('直播价仅剩 5 件，本行 6 件按原价计；改为 5 件及以内可享直播价');
    expect(await source.declinedNote(line(1, 1), pricing)).toBeNull();
    // No live price below a list price of ¥59: nothing to say.
    expect(await source.declinedNote({ ...line(1, 6), listPriceFen: 5900 }, pricing)).toBeNull();
    expect(reads.count).toBe(1);
  });
});
