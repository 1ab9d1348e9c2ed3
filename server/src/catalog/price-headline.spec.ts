import { priceHeadline } from './price-headline';

const sku = (priceFen: number, stock: number, originalPriceFen: number | null = null) => ({ priceFen, stock, originalPriceFen });

describe('priceHeadline', () => {
  it('headlines the cheapest SKU in stock, not a cheaper sold-out one', () => {
    expect(priceHeadline([sku(8790, 0), sku(11790, 5, 14790), sku(15790, 2)])).toEqual({
      minPriceFen: 11790,
      originalPriceFen: 14790,
      priceVaries: true,
      inStock: true,
    });
  });

  it('says 起 only when the buyable SKUs differ in price', () => {
    expect(priceHeadline([sku(3900, 3), sku(3900, 1), sku(1000, 0)]).priceVaries).toBe(false);
    expect(priceHeadline([sku(3900, 3), sku(4900, 1)]).priceVaries).toBe(true);
    expect(priceHeadline([sku(3900, 3)]).priceVaries).toBe(false);
  });

  it('shows the cheapest SKU of a sold-out product, not in stock and without 起', () => {
    expect(priceHeadline([sku(5900, 0), sku(4900, 0, 5900)])).toEqual({ minPriceFen: 4900, originalPriceFen: 5900, priceVaries: false, inStock: false });
  });

  it('drops an original price that is not above the price', () => {
    expect(priceHeadline([sku(3900, 1, 3900)]).originalPriceFen).toBeNull();
  });
});
