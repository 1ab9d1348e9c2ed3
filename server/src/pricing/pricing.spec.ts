import { memberPricedAmounts, memberUnitPrice, priceOrder, redeemPoints, shippingFeeFor } from './pricing';

const rule = { shippingFeeFen: 800, freeShippingThresholdFen: 9900 };
const shopOnly = { shipping: rule };

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
    expect(priceOrder([{ unitPriceFen: 1990, quantity: 2 }, { unitPriceFen: 3500, quantity: 1 }], shopOnly)).toEqual({
      listTotalFen: 7480,
      memberDiscountFen: 0,
      promotionDiscountFen: 0,
      couponDiscountFen: 0,
      pointsDiscountFen: 0,
      shippingFeeFen: 800,
      payableFen: 8280,
      pointsUsed: 0,
    });
  });

  it('ships free once the goods reach ¥99: 3 × ¥33.00 = ¥99.00 payable as is', () => {
    const pricing = priceOrder([{ unitPriceFen: 3300, quantity: 3 }], shopOnly);
    expect(pricing.listTotalFen).toBe(9900);
    expect(pricing.shippingFeeFen).toBe(0);
    expect(pricing.payableFen).toBe(9900);
  });

  it('stays in integer fen for prices that are not round: 7 × ¥0.33 = ¥2.31, + ¥8 = ¥10.31', () => {
    const pricing = priceOrder([{ unitPriceFen: 33, quantity: 7 }], shopOnly);
    expect(pricing.listTotalFen).toBe(231);
    expect(pricing.payableFen).toBe(1031);
  });

  it('prices nothing at zero', () => {
    expect(priceOrder([], shopOnly).payableFen).toBe(0);
  });
});

describe('member price', () => {
  it('rounds each unit price down to the fen: ¥19.99 at 95% = 1899.05 fen → ¥18.99', () => {
    expect(memberUnitPrice({ unitPriceFen: 1999, quantity: 1 }, 95)).toBe(1899);
  });

  it('leaves products outside member prices, and levels at 100%, at list price', () => {
    expect(memberUnitPrice({ unitPriceFen: 1999, quantity: 1, memberPriceEnabled: false }, 90)).toBe(1999);
    expect(memberUnitPrice({ unitPriceFen: 1999, quantity: 1 }, 100)).toBe(1999);
  });

  it('prices per unit, then multiplies: 3 × ¥33.33 at 90% = 3 × 2999 (2999.7 down) = 8997 fen', () => {
    // Per line it would be floor(9999 × 0.9) = 8999: the shopper sees the unit member price, so the line follows it.
    expect(memberPricedAmounts([{ unitPriceFen: 3333, quantity: 3 }], 90)).toEqual([8997]);
  });
});

describe('redeemPoints', () => {
  const rule = { pointsPerYuan: 100, maxSharePercent: 50 };

  it('spends the whole balance when it is under the cap: 1 234 points on ¥100 goods = ¥12.34', () => {
    expect(redeemPoints(10000, { ...rule, balance: 1234 })).toEqual({ pointsUsed: 1234, pointsDiscountFen: 1234 });
  });

  it('stops at the share of the goods, rounded down: 50% of 9 999 fen = 4 999.5 → 4 999 fen', () => {
    expect(redeemPoints(9999, { ...rule, balance: 100_000 })).toEqual({ pointsUsed: 4999, pointsDiscountFen: 4999 });
  });

  it('spends no point for less than a fen: at 1 000 points per 元, 1 234 points are worth 123 fen (1 230 points)', () => {
    expect(redeemPoints(10000, { pointsPerYuan: 1000, maxSharePercent: 50, balance: 1234 })).toEqual({ pointsUsed: 1230, pointsDiscountFen: 123 });
  });

  it('at 50 points per 元 a point is worth 2 fen: 7 points pay 14 fen, capped at 10% of 101 fen = 10 fen by 5 points', () => {
    expect(redeemPoints(10000, { pointsPerYuan: 50, maxSharePercent: 50, balance: 7 })).toEqual({ pointsUsed: 7, pointsDiscountFen: 14 });
    expect(redeemPoints(101, { pointsPerYuan: 50, maxSharePercent: 10, balance: 7 })).toEqual({ pointsUsed: 5, pointsDiscountFen: 10 });
  });

  it('uses nothing from an empty balance or on free goods', () => {
    expect(redeemPoints(10000, { ...rule, balance: 0 })).toEqual({ pointsUsed: 0, pointsDiscountFen: 0 });
    expect(redeemPoints(0, { ...rule, balance: 500 })).toEqual({ pointsUsed: 0, pointsDiscountFen: 0 });
  });
});

describe('the whole pipeline: list → member price → coupon → points → shipping → payable', () => {
  const points = { pointsPerYuan: 100, maxSharePercent: 50 };

  it('stacks in order on a gold member with a coupon and points', () => {
    // List: 2 × ¥128.00 + 1 × ¥59.90 (not in member prices) = 25600 + 5990 = 31590.
    // Member price 95%: 128.00 → 121.60, 2 × 12160 = 24320; the ¥59.90 stays 5990 → 30310; member discount 1280.
    // Coupon 满300减30 (judged on 30310, at or over 30000): −3000 → goods 27310.
    // Points: balance 20 000, cap 50% of 27310 = 13655 → 13655 points for ¥136.55.
    // Shipping: goods 27310 ≥ 9900 → free. Payable 27310 − 13655 = 13655.
    const pricing = priceOrder(
      [
        { unitPriceFen: 12800, quantity: 2 },
        { unitPriceFen: 5990, quantity: 1, memberPriceEnabled: false },
      ],
      { shipping: rule, memberPricePercent: 95, couponDiscountFen: 3000, points: { ...points, balance: 20_000 } },
    );
    expect(pricing).toEqual({
      listTotalFen: 31590,
      memberDiscountFen: 1280,
      promotionDiscountFen: 0,
      couponDiscountFen: 3000,
      pointsDiscountFen: 13655,
      shippingFeeFen: 0,
      payableFen: 13655,
      pointsUsed: 13655,
    });
  });

  it('judges free shipping after the coupon but before points', () => {
    // ¥105.00 − coupon ¥10 = ¥95.00 < ¥99 → ¥8 shipping, though points bring the goods to ¥85.00.
    const pricing = priceOrder([{ unitPriceFen: 10500, quantity: 1 }], {
      shipping: rule,
      couponDiscountFen: 1000,
      points: { ...points, balance: 1000 },
    });
    expect(pricing.shippingFeeFen).toBe(800);
    expect(pricing.pointsDiscountFen).toBe(1000);
    expect(pricing.payableFen).toBe(9500 - 1000 + 800);
  });

  it("ships free at the level's own threshold when it is lower than the shop's", () => {
    // Shop: free from ¥99; level: free from ¥59. Goods ¥60.00 → free.
    expect(priceOrder([{ unitPriceFen: 6000, quantity: 1 }], { shipping: rule, levelFreeShippingThresholdFen: 5900 }).shippingFeeFen).toBe(0);
    // A level threshold above the shop's changes nothing: ¥99.00 still ships free.
    expect(priceOrder([{ unitPriceFen: 9900, quantity: 1 }], { shipping: rule, levelFreeShippingThresholdFen: 20000 }).shippingFeeFen).toBe(0);
  });

  it('never goes below zero: a ¥50 无门槛 coupon on ¥30 goods takes ¥30, points take nothing, shipping is still due', () => {
    const pricing = priceOrder([{ unitPriceFen: 3000, quantity: 1 }], {
      shipping: rule,
      couponDiscountFen: 5000,
      points: { ...points, balance: 10_000 },
    });
    expect(pricing.couponDiscountFen).toBe(3000);
    expect(pricing.pointsDiscountFen).toBe(0);
    expect(pricing.pointsUsed).toBe(0);
    // The goods still have to travel: ¥0.00 is under the ¥99 threshold, so the ¥8 fee is the whole payable.
    expect(pricing.shippingFeeFen).toBe(800);
    expect(pricing.payableFen).toBe(800);
  });

  it('keeps 1 fen to pay when the order ships free (WeChat Pay takes no less): the coupon gives way, then the points', () => {
    const free = { shippingFeeFen: 0, freeShippingThresholdFen: null };
    // ¥10 无门槛 on ¥5 goods: ¥4.99 off, ¥0.01 to pay; points find no room left.
    const coupon = priceOrder([{ unitPriceFen: 500, quantity: 1 }], { shipping: free, couponDiscountFen: 1000, points: { ...points, balance: 10_000 } });
    expect([coupon.couponDiscountFen, coupon.pointsDiscountFen, coupon.pointsUsed, coupon.shippingFeeFen, coupon.payableFen]).toEqual([499, 0, 0, 0, 1]);
    // Points that may pay 100% of ¥5 goods pay ¥4.99 (100 points = ¥1: 499 points).
    const allPoints = priceOrder([{ unitPriceFen: 500, quantity: 1 }], { shipping: free, points: { pointsPerYuan: 100, maxSharePercent: 100, balance: 10_000 } });
    expect([allPoints.pointsDiscountFen, allPoints.pointsUsed, allPoints.payableFen]).toEqual([499, 499, 1]);
    // A zero threshold ships free too.
    expect(priceOrder([{ unitPriceFen: 500, quantity: 1 }], { shipping: { shippingFeeFen: 800, freeShippingThresholdFen: 0 }, couponDiscountFen: 500 }).payableFen).toBe(1);
    // Nothing changes where something is left to pay anyway, or for no goods at all.
    expect(priceOrder([{ unitPriceFen: 500, quantity: 1 }], { shipping: rule, couponDiscountFen: 1000 }).payableFen).toBe(800);
    expect(priceOrder([], { shipping: free, couponDiscountFen: 1000 }).payableFen).toBe(0);
  });
});

