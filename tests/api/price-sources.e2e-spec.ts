import type { CheckoutPreview, MemberLevel, OrderDetail, PricingAdjustment } from '../../shared';
import { MemberRow } from '../../server/src/members/member.entity';
import { OrderLineRow } from '../../server/src/orders/order-line.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { PriceSourceRegistry, type LinePrice, type LineStacking, type PriceLine, type PriceSource } from '../../server/src/pricing/price-sources';
import { claim, createTemplate } from './support/coupon-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/** A price source written here, not in the app: one SKU at a fixed price, with its own stacking rules. */
class FixedPriceSource implements PriceSource {
  readonly priority = 10;

  constructor(
    readonly name: string,
    private readonly skuId: () => number,
    private readonly price: Omit<LinePrice, 'stacking'>,
    private readonly stacking: LineStacking,
  ) {}

  appliesTo(line: PriceLine): boolean {
    return line.skuId === this.skuId();
  }

  unitPrice(): LinePrice {
    return { ...this.price, stacking: this.stacking };
  }
}

/**
 * The price-source seam: sources registered with the registry alone (no change to checkout) price their
 * lines, and the pipeline honours what each lets stack on it. Every amount is worked out by hand.
 */
describe(`price sources plugged in by registration (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let operator: string;
  let token: string;
  let memberId: number;
  let addressId: number;
  let tea: number;
  let special: number;
  let flash: number;
  let coupon10: number;
  let coupon150: number;
  let items: { skuId: number; quantity: number }[];

  beforeAll(async () => {
    t = await startTestApp();
    shop = new ShopFixtures(t);
    await shop.init();
    operator = await staffToken(t, 'operator');
    const levels: MemberLevel[] = (await t.api().get(`${API}/admin/member-levels`).set(bearer(operator)).expect(200)).body;

    // ¥128.00 at the list price; ¥29.90 listed, sold at ¥9.90 (特价: points only); ¥60.00 listed, ¥45.00 (秒杀价: nothing stacks).
    tea = await shop.sku(12800, 100);
    special = await shop.sku(2990, 100);
    flash = await shop.sku(6000, 100);
    const registry = t.app.get(PriceSourceRegistry, { strict: false });
    registry.register(new FixedPriceSource('test-special', () => special, { unitPriceFen: 990, label: '特价' }, { memberPrice: false, coupon: false, points: true }));
    registry.register(new FixedPriceSource('test-flash', () => flash, { unitPriceFen: 4500, label: '秒杀价' }, { memberPrice: false, coupon: false, points: false }));
    items = [
      { skuId: tea, quantity: 1 },
      { skuId: special, quantity: 2 },
      { skuId: flash, quantity: 1 },
    ];

    token = await memberToken(t, 'price-sources');
    memberId = (await t.api().get(`${API}/me`).set(bearer(token)).expect(200)).body.id;
    addressId = await shop.address(token);
    await t.dataSource.getRepository(MemberRow).update({ id: memberId }, { levelId: levels.find((level) => level.name === '金卡')!.id });
    await t.api().post(`${API}/admin/members/${memberId}/points-adjustments`).set(bearer(operator)).send({ delta: 20000, reason: '测试赠送' }).expect(201);
    const [ten, over150] = await Promise.all([
      createTemplate(t, operator, { name: '无门槛10元' }),
      createTemplate(t, operator, { name: '满150减20', type: 'amount_off', thresholdFen: 15000, amountOffFen: 2000 }),
    ]);
    coupon10 = (await claim(t, token, ten.id)).body.id;
    coupon150 = (await claim(t, token, over150.id)).body.id;
  });
  afterAll(() => t.close());

  // List at the sources' prices: 12800 + 2 × 990 + 4500 = 19280.
  // Member price (金卡 95%) on the tea only: 12160; the others keep theirs → 12160 + 1980 + 4500 = 18640 (−640).
  // Coupons are judged on the tea alone (12160): 满150减20 is below its threshold although the whole order is
  // 18640; 无门槛10元 takes 1000 → goods 17640.
  // Points pay for the tea after its coupon (11160) and the 特价 line (1980): 50% of 13140 = 6570 fen = 6570 points.
  // Shipping: 17640 ≥ 9900 → free. Payable 17640 − 6570 = 11070.
  const pricing = {
    listTotalFen: 19280,
    memberDiscountFen: 640,
    promotionDiscountFen: 0,
    couponDiscountFen: 1000,
    pointsDiscountFen: 6570,
    shippingFeeFen: 0,
    payableFen: 11070,
  };
  const adjustments = (): PricingAdjustment[] => [
    { code: 'member_price', label: '会员优惠（金卡）', amountFen: -640, skuIds: [tea] },
    { code: 'coupon', label: '优惠券（无门槛10元）', amountFen: -1000, skuIds: [tea] },
    { code: 'points', label: '积分抵扣（6570 积分）', amountFen: -6570, skuIds: [tea, special] },
  ];

  it('previews each line at its source’s price, with coupons judged only on the lines that allow them', async () => {
    const preview: CheckoutPreview = (await t.api().post(`${API}/checkout/preview`).set(bearer(token)).send({ items, addressId }).expect(200)).body;
    expect(preview.lines.map((line) => [line.unitPriceFen, line.lineTotalFen, line.memberUnitPriceFen, line.priceLabel])).toEqual([
      [12800, 12800, 12160, null],
      [990, 1980, 990, '特价'],
      [4500, 4500, 4500, '秒杀价'],
    ]);
    expect(preview.coupons.map((option) => [option.memberCouponId, option.usable, option.discountFen, option.reason])).toEqual([
      [coupon10, true, 1000, null],
      [coupon150, false, 0, 'below_threshold'],
    ]);
    expect(preview.pricing).toEqual(pricing);
    expect(preview.adjustments).toEqual(adjustments());
    expect(preview.points).toEqual(expect.objectContaining({ used: 6570, discountFen: 6570, availableDiscountFen: 6570, applied: true }));
  });

  it('places the order at the same figures, keeping the lines’ prices and the adjustments with it', async () => {
    const response = await t.api()
      .post(`${API}/orders`)
      .set(bearer(token))
      .send({ clientToken: 'price-sources-1', items, addressId, memberCouponId: coupon10, usePoints: true })
      .expect(201);
    const order: OrderDetail = response.body;
    expect(order.pricing).toEqual(pricing);
    expect(order.adjustments).toEqual(adjustments());
    expect(order.lines.map((line) => [line.skuId, line.unitPriceFen, line.lineTotalFen])).toEqual([
      [tea, 12800, 12800],
      [special, 990, 1980],
      [flash, 4500, 4500],
    ]);
    expect(order.pointsUsed).toBe(6570);

    const row = await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: order.orderNo });
    expect(row.adjustments).toEqual(adjustments());
    expect(row.payableFen).toBe(11070);
    // The adjustments add up to the payable amount.
    expect(row.listTotalFen + row.adjustments!.reduce((sum, adjustment) => sum + adjustment.amountFen, 0)).toBe(row.payableFen);
    const lines = await t.dataSource.getRepository(OrderLineRow).find({ where: { orderId: row.id }, order: { id: 'ASC' } });
    expect(lines.map((line) => line.lineTotalFen)).toEqual([12800, 1980, 4500]);
    expect((await t.dataSource.getRepository(MemberRow).findOneByOrFail({ id: memberId })).pointsBalance).toBe(20000 - 6570);

    // The shopper's detail and the admin console's say the same.
    expect((await t.api().get(`${API}/orders/${order.orderNo}`).set(bearer(token)).expect(200)).body).toEqual(order);
    const admin = (await t.api().get(`${API}/admin/orders/${order.orderNo}`).set(bearer(operator)).expect(200)).body;
    expect(admin.adjustments).toEqual(adjustments());
  });

  it('derives the adjustments of an order placed before orders kept them from its stored breakdown', async () => {
    const order: OrderDetail = (
      await t.api()
        .post(`${API}/orders`)
        .set(bearer(token))
        .send({ clientToken: 'price-sources-2', items: [{ skuId: tea, quantity: 1 }], addressId, usePoints: true })
        .expect(201)
    ).body;
    await t.dataSource.getRepository(OrderRow).update({ orderNo: order.orderNo }, { adjustments: null });
    // 12800 → 12160 (−640); points 50% of 12160 = 6080 of the 13430 left; 12160 ≥ 9900 ships free; payable 6080.
    const detail: OrderDetail = (await t.api().get(`${API}/orders/${order.orderNo}`).set(bearer(token)).expect(200)).body;
    expect(detail.pricing).toEqual(expect.objectContaining({ memberDiscountFen: 640, pointsDiscountFen: 6080, shippingFeeFen: 0, payableFen: 6080 }));
    // The level was not kept with the order, so the derived label names none.
    expect(detail.adjustments).toEqual([
      { code: 'member_price', label: '会员优惠', amountFen: -640, skuIds: null },
      { code: 'points', label: '积分抵扣（6080 积分）', amountFen: -6080, skuIds: null },
    ]);
  });
});
