import type { OrderSource } from '../../../shared';
import { ListPriceSource } from './list-price.source';
import { PriceSourceRegistry, type LinePrice, type PriceLine, type PriceSource } from './price-sources';

const line = (skuId: number, memberPriceEnabled = true): PriceLine => ({ skuId, productId: 1, categoryId: 1, listPriceFen: 1990, memberPriceEnabled, quantity: 2 });
const context = { memberId: 1, source: { channelCode: null, referrerCode: null, sharerMemberId: null, liveRoomId: null, groupBuyTeamId: null, liveSessionId: null, liveAttribution: null } satisfies OrderSource, now: new Date(), groupBuy: null };
const allStack = { memberPrice: true, coupon: true, points: true };

function source(name: string, priority: number, skuIds: number[], unitPriceFen: number): PriceSource {
  return {
    name,
    priority,
    appliesTo: (priced) => skuIds.includes(priced.skuId),
    unitPrice: (): LinePrice => ({ unitPriceFen, stacking: { memberPrice: false, coupon: false, points: true }, label: name }),
  };
}

describe('PriceSourceRegistry', () => {
  it('prices every line at the list price when no other source is registered, with the product’s member price flag', async () => {
    const registry = new PriceSourceRegistry(new ListPriceSource());
    expect(await registry.resolve([line(1), line(2, false)], context)).toEqual([
      { unitPriceFen: 1990, stacking: allStack, label: '售价', sourceName: 'list' },
      { unitPriceFen: 1990, stacking: { ...allStack, memberPrice: false }, label: '售价', sourceName: 'list' },
    ]);
  });

  it('asks the sources highest priority first, the first registered on a tie, and falls back to the list price', async () => {
    const registry = new PriceSourceRegistry(new ListPriceSource());
    registry.register(source('group', 10, [1, 2], 1500));
    registry.register(source('live', 20, [2], 1200));
    registry.register(source('live-too', 20, [2, 3], 1100));
    const priced = await registry.resolve([line(1), line(2), line(3), line(4)], context);
    expect(priced.map((price) => [price.sourceName, price.unitPriceFen])).toEqual([
      ['group', 1500],
      ['live', 1200],
      ['live-too', 1100],
      ['list', 1990],
    ]);
  });

  it('refuses a second source of the same name', () => {
    const registry = new PriceSourceRegistry(new ListPriceSource());
    registry.register(source('group', 10, [], 0));
    expect(() => registry.register(source('group', 5, [], 0))).toThrow('registered twice');
    expect(() => registry.register(source('list', 5, [], 0))).toThrow('registered twice');
  });

  it('never charges a price that is not whole fen', async () => {
    for (const bad of [9.9, -1, Number.NaN]) {
      const registry = new PriceSourceRegistry(new ListPriceSource());
      registry.register(source('broken', 1, [1], bad));
      await expect(registry.resolve([line(1)], context)).rejects.toThrow('not a whole number of fen');
    }
  });
});
