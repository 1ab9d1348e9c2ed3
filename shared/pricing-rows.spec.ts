import { adjustmentsOf, pricingRows } from './pricing-rows';

const base = {
  listTotalFen: 5980,
  memberDiscountFen: 0,
  promotionDiscountFen: 0,
  couponDiscountFen: 0,
  pointsDiscountFen: 0,
  shippingFeeFen: 800,
  payableFen: 6780,
};

describe('pricingRows', () => {
  it('lists goods, shipping and payable, leaving out discounts that are 0', () => {
    expect(pricingRows(base).map((row) => [row.label, row.sign, row.fen])).toEqual([
      ['商品金额', '', 5980],
      ['运费', '+', 800],
      ['应付金额', '', 6780],
    ]);
  });

  it('shows a discount as a minus row', () => {
    const rows = pricingRows({ ...base, couponDiscountFen: 500, shippingFeeFen: 0, payableFen: 5480 });
    expect(rows.find((row) => row.key === 'couponDiscountFen')).toMatchObject({ label: '优惠券', sign: '-', fen: 500 });
    expect(rows.find((row) => row.key === 'shippingFeeFen')).toMatchObject({ sign: '', fen: 0 });
  });

  it('names the level, the coupon and the points behind the discounts, in the order they apply', () => {
    const pricing = { ...base, memberDiscountFen: 299, couponDiscountFen: 1000, pointsDiscountFen: 350, shippingFeeFen: 0, payableFen: 4331 };
    expect(pricingRows(pricing, { levelName: '金卡', couponName: '满50减10', pointsUsed: 350 }).map((row) => row.label)).toEqual([
      '商品金额',
      '会员优惠（金卡）',
      '优惠券（满50减10）',
      '积分抵扣（350 积分）',
      '运费',
      '应付金额',
    ]);
  });
});

describe('pricingRows from an order’s adjustments', () => {
  const pricing = { ...base, listTotalFen: 31590, memberDiscountFen: 1280, couponDiscountFen: 3000, pointsDiscountFen: 13655, shippingFeeFen: 0, payableFen: 13655 };

  it('shows the snapshotted labels in the stored order, 包邮 for free shipping and 实付金额 once paid', () => {
    const adjustments = [
      { code: 'member_price', label: '会员优惠（金卡）', amountFen: -1280, skuIds: [11] },
      { code: 'coupon', label: '优惠券（满300减30）', amountFen: -3000, skuIds: [11, 12] },
      { code: 'points', label: '积分抵扣（13655 积分）', amountFen: -13655, skuIds: [11, 12] },
    ];
    expect(pricingRows(pricing, { adjustments, paid: true }).map((row) => [row.key, row.label, row.amountText, row.kind])).toEqual([
      ['listTotalFen', '商品金额', '¥315.90', 'goods'],
      ['memberDiscountFen', '会员优惠（金卡）', '-¥12.80', 'discount'],
      ['couponDiscountFen', '优惠券（满300减30）', '-¥30.00', 'discount'],
      ['pointsDiscountFen', '积分抵扣（13655 积分）', '-¥136.55', 'discount'],
      ['shippingFeeFen', '运费', '包邮', 'charge'],
      ['payableFen', '实付金额', '¥136.55', 'payable'],
    ]);
  });

  it('adds what was refunded under 实付金额 once part of the order was refunded, nothing before', () => {
    const paid = pricingRows(pricing, { paid: true, refundedFen: 0 });
    expect(paid.map((row) => row.key)).not.toContain('refundedFen');
    const refunded = pricingRows(pricing, { paid: true, refundedFen: 4826 });
    expect(refunded.slice(-2).map((row) => [row.key, row.label, row.amountText, row.kind])).toEqual([
      ['payableFen', '实付金额', '¥136.55', 'payable'],
      ['refundedFen', '已退款', '-¥48.26', 'refund'],
    ]);
  });

  it('shows a kind of discount without a column under its own code, before shipping', () => {
    const rows = pricingRows(
      { ...base, listTotalFen: 10000, shippingFeeFen: 800, payableFen: 9800 },
      {
        adjustments: [
          { code: 'group_price', label: '拼团优惠', amountFen: -1000, skuIds: [7] },
          { code: 'shipping', label: '运费', amountFen: 800, skuIds: null },
        ],
      },
    );
    expect(rows.map((row) => [row.key, row.amountText])).toEqual([
      ['listTotalFen', '¥100.00'],
      ['group_price', '-¥10.00'],
      ['shippingFeeFen', '+¥8.00'],
      ['payableFen', '¥98.00'],
    ]);
  });

  it('charges ¥0.00, not 包邮, when there is nothing to ship', () => {
    const empty = { ...base, listTotalFen: 0, shippingFeeFen: 0, payableFen: 0 };
    expect(pricingRows(empty).find((row) => row.key === 'shippingFeeFen')?.amountText).toBe('¥0.00');
  });
});

describe('adjustmentsOf', () => {
  it('turns a breakdown into signed adjustments for the whole order, leaving out what is 0', () => {
    const pricing = { ...base, memberDiscountFen: 299, pointsDiscountFen: 350, payableFen: 6131 };
    expect(adjustmentsOf(pricing, { levelName: '金卡', pointsUsed: 350 })).toEqual([
      { code: 'member_price', label: '会员优惠（金卡）', amountFen: -299, skuIds: null },
      { code: 'points', label: '积分抵扣（350 积分）', amountFen: -350, skuIds: null },
      { code: 'shipping', label: '运费', amountFen: 800, skuIds: null },
    ]);
    // Adjustments always add up: list + Σ amounts = payable.
    expect(pricing.listTotalFen + adjustmentsOf(pricing).reduce((sum, { amountFen }) => sum + amountFen, 0)).toBe(pricing.payableFen);
  });
});
