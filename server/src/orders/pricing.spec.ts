import { priceOrder, shippingFeeFor } from './pricing';

const rule = { shippingFeeFen: 800, freeShippingThresholdFen: 9900 };

describe('shippingFeeFor', () => {
  it('charges the flat fee below the threshold and nothing from it on', () => {
    expect(shippingFeeFor(9899, rule)).toBe(800);
    expect(shippingFeeFor(9900, rule)).toBe(0);
    expect(shippingFeeFor(12000, rule)).toBe(0);
  });

  it('always charges the flat fee without a threshold, and nothing for no goods', () => {
    expect(shippingFeeFor(1_000_000, { shippingFeeFen: 1200, freeShippingThresholdFen: null })).toBe(1200);
    expect(shippingFeeFor(0, rule)).toBe(0);
  });

  it('ships everything free with a zero threshold or a zero fee', () => {
    expect(shippingFeeFor(1, { shippingFeeFen: 800, freeShippingThresholdFen: 0 })).toBe(0);
    expect(shippingFeeFor(1, { shippingFeeFen: 0, freeShippingThresholdFen: null })).toBe(0);
  });
});

describe('priceOrder', () => {
  it('adds shipping to a small order: 2 × ¥19.90 + 1 × ¥35.00 = ¥74.80, + ¥8 = ¥82.80', () => {
    expect(priceOrder([{ unitPriceFen: 1990, quantity: 2 }, { unitPriceFen: 3500, quantity: 1 }], rule)).toEqual({
      listTotalFen: 7480,
      memberDiscountFen: 0,
      promotionDiscountFen: 0,
      couponDiscountFen: 0,
      pointsDiscountFen: 0,
      shippingFeeFen: 800,
      payableFen: 8280,
    });
  });

  it('ships free once the goods reach ¥99: 3 × ¥33.00 = ¥99.00 payable as is', () => {
    const pricing = priceOrder([{ unitPriceFen: 3300, quantity: 3 }], rule);
    expect(pricing.listTotalFen).toBe(9900);
    expect(pricing.shippingFeeFen).toBe(0);
    expect(pricing.payableFen).toBe(9900);
  });

  it('stays in integer fen for prices that are not round: 7 × ¥0.33 = ¥2.31, + ¥8 = ¥10.31', () => {
    const pricing = priceOrder([{ unitPriceFen: 33, quantity: 7 }], rule);
    expect(pricing.listTotalFen).toBe(231);
    expect(pricing.payableFen).toBe(1031);
  });

  it('prices nothing at zero', () => {
    expect(priceOrder([], rule).payableFen).toBe(0);
  });
});
