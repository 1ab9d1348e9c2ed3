import type { LiveFeaturedProduct } from '@shared/api/live';
import { featuredByProduct } from './live-view';
import { cartLiveNote, liveSkuPrices, skuPriceShown } from './live-sku-price';

// Product 10 is live with two SKUs at a live price (one of them not below its list price), 11 live without any,
// 12 only featured by an upcoming session (whose entry never carries prices, but a stray one must not show either).
const featured = featuredByProduct([
  { productId: 10, sessionId: 1, status: 'live', livePriceFen: 8900, skuLivePrices: [{ skuId: 101, livePriceFen: 8900 }, { skuId: 102, livePriceFen: 15000 }] },
  { productId: 11, sessionId: 1, status: 'live', livePriceFen: null, skuLivePrices: [] },
  { productId: 12, sessionId: 2, status: 'upcoming', livePriceFen: null, skuLivePrices: [{ skuId: 121, livePriceFen: 100 }] },
] satisfies LiveFeaturedProduct[]);

describe('SKU live prices of a product', () => {
  it('are the live session entry\'s skuLivePrices by SKU id', () => {
    expect([...liveSkuPrices(featured, 10)]).toEqual([
      [101, 8900],
      [102, 15000],
    ]);
  });

  it('are none for a product without, only featured by an upcoming session, unknown, or before the list loaded', () => {
    expect(liveSkuPrices(featured, 11).size).toBe(0);
    expect(liveSkuPrices(featured, 12).size).toBe(0);
    expect(liveSkuPrices(featured, 99).size).toBe(0);
    expect(liveSkuPrices(null, 10).size).toBe(0);
  });
});

describe('the price the SKU picker shows', () => {
  const livePrices = liveSkuPrices(featured, 10);

  it('is the 直播专享价 with the list price struck through for a SKU at a live price', () => {
    expect(skuPriceShown({ id: 101, priceFen: 12800 }, livePrices)).toEqual({ fen: 8900, listFen: 12800 });
  });

  it('is the list price for a SKU without a live price, or with one not below its list price', () => {
    expect(skuPriceShown({ id: 103, priceFen: 12800 }, livePrices)).toEqual({ fen: 12800, listFen: null });
    expect(skuPriceShown({ id: 102, priceFen: 15000 }, livePrices)).toEqual({ fen: 15000, listFen: null });
    expect(skuPriceShown({ id: 101, priceFen: 12800 }, undefined)).toEqual({ fen: 12800, listFen: null });
  });
});

describe('the live note of a cart line', () => {
  const line = { productId: 10, skuId: 101, priceFen: 12800, unavailableReason: null };

  it('names the 直播专享价 and that checkout applies it', () => {
    expect(cartLiveNote(featured, line)).toBe('直播专享价 ¥89.00，结算时生效');
  });

  it('is none for another SKU of the product, a product not live, a line that cannot be bought, or before the list loaded', () => {
    expect(cartLiveNote(featured, { ...line, skuId: 103 })).toBeNull();
    expect(cartLiveNote(featured, { ...line, productId: 12, skuId: 121 })).toBeNull();
    expect(cartLiveNote(featured, { ...line, unavailableReason: 'sold_out' })).toBeNull();
    expect(cartLiveNote(null, line)).toBeNull();
  });

  it('is none when the live price is not below the cart\'s current price', () => {
    expect(cartLiveNote(featured, { ...line, priceFen: 8900 })).toBeNull();
  });
});
