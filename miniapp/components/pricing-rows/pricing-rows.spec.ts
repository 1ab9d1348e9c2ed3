import { pricingRows } from './pricing-rows';

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
