import { priceOrder, shareOut } from './pricing';

/** Lines whose price source says what may stack on them (memberPriceEnabled, couponEnabled, pointsEnabled). */
const rule = { shippingFeeFen: 800, freeShippingThresholdFen: 9900 };
const points = { pointsPerYuan: 100, maxSharePercent: 50, balance: 100_000 };
const nothingStacks = { memberPriceEnabled: false, couponEnabled: false, pointsEnabled: false };

describe('per-line stacking', () => {
  it('a fixed ¥9.90 line without member price or coupon still takes points', () => {
    // List: ¥100.00 + 2 × ¥9.90 = 10000 + 1980 = 11980.
    // Member price 90% on the ¥100 line only: 9000; the fixed line stays 1980 → 10980, member discount 1000.
    // Coupon ¥10 judged on 9000 (the fixed line excluded) → goods 9980.
    // Points: the ¥100 line after its coupon share 8000 + the fixed line 1980 = 9980 → 50% = 4990.
    // Shipping: 9980 ≥ 9900 → free. Payable 9980 − 4990 = 4990.
    const pricing = priceOrder(
      [
        { unitPriceFen: 10000, quantity: 1 },
        { unitPriceFen: 990, quantity: 2, memberPriceEnabled: false, couponEnabled: false },
      ],
      { shipping: rule, memberPricePercent: 90, couponDiscountFen: 1000, points },
    );
    expect(pricing).toEqual({
      listTotalFen: 11980,
      memberDiscountFen: 1000,
      promotionDiscountFen: 0,
      couponDiscountFen: 1000,
      pointsDiscountFen: 4990,
      shippingFeeFen: 0,
      payableFen: 4990,
      pointsUsed: 4990,
    });
  });

  it('a line that allows nothing keeps its price, and the coupon and points stay off it', () => {
    // List 10000 + 5000 = 15000; member 90% on the first only: 9000 + 5000 = 14000 (discount 1000).
    // Coupon ¥20 on 9000 → goods 12000. Points: (9000 − 2000) = 7000 → 50% = 3500. Free shipping.
    const pricing = priceOrder([{ unitPriceFen: 10000, quantity: 1 }, { unitPriceFen: 5000, quantity: 1, ...nothingStacks }], {
      shipping: rule,
      memberPricePercent: 90,
      couponDiscountFen: 2000,
      points,
    });
    expect(pricing).toMatchObject({ listTotalFen: 15000, memberDiscountFen: 1000, couponDiscountFen: 2000, pointsDiscountFen: 3500, shippingFeeFen: 0, payableFen: 8500 });
  });

  it('caps the coupon at the goods it may take from', () => {
    // A ¥50 coupon on ¥30.00 of couponable goods and ¥20.00 that refuse coupons takes ¥30.00; goods ¥20 → + ¥8.
    const pricing = priceOrder([{ unitPriceFen: 3000, quantity: 1 }, { unitPriceFen: 2000, quantity: 1, couponEnabled: false }], {
      shipping: rule,
      couponDiscountFen: 5000,
    });
    expect(pricing).toMatchObject({ couponDiscountFen: 3000, shippingFeeFen: 800, payableFen: 2800 });
  });

  it('measures the points cap on the lines that take points, after their share of the coupon', () => {
    // ¥60 (no points) + ¥40; coupon ¥10 shared 600 / 400 by their amounts → the points line is 3600 → 50% = 1800.
    // Goods 9000 < 9900 → ¥8 shipping. Payable 9000 − 1800 + 800 = 8000.
    const pricing = priceOrder([{ unitPriceFen: 6000, quantity: 1, pointsEnabled: false }, { unitPriceFen: 4000, quantity: 1 }], {
      shipping: rule,
      couponDiscountFen: 1000,
      points,
    });
    expect(pricing).toMatchObject({ couponDiscountFen: 1000, pointsDiscountFen: 1800, shippingFeeFen: 800, payableFen: 8000 });
  });
});

describe('shareOut', () => {
  it('splits by weight in whole fen that add up, the leftover fen to the largest remainders', () => {
    expect(shareOut(1000, [3000, 3000, 3000])).toEqual([334, 333, 333]);
    expect(shareOut(1000, [6000, 0, 4000])).toEqual([600, 0, 400]);
    // 7 × 1/3 = 2.33 each, 1 fen left: the earlier line on a tie.
    expect(shareOut(7, [1, 1, 1])).toEqual([3, 2, 2]);
    expect(shareOut(500, [0, 0])).toEqual([0, 0]);
  });

  it('stays exact past 2^53: ¥1 000 000.01 over two lines of ¥10 000 000 and ¥30 000 000.01', () => {
    // 100000001 × 1000000000 / 4000000001 = 25000000.24…, 100000001 × 3000000001 / 4000000001 = 75000000.76…:
    // 25000000 + 75000000 leaves 1 fen, which goes to the larger remainder, the second line.
    const shares = shareOut(100_000_001, [1_000_000_000, 3_000_000_001]);
    expect(shares).toEqual([25_000_000, 75_000_001]);
    expect(shares[0] + shares[1]).toBe(100_000_001);
  });
});
