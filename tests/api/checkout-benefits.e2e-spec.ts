import request from 'supertest';
import type { CheckoutPreview, MemberLevel, OrderDetail } from '../../shared';
import { MemberCouponRow } from '../../server/src/coupons/member-coupon.entity';
import { PointsLedgerRow } from '../../server/src/loyalty/points-ledger.entity';
import { MemberRow } from '../../server/src/members/member.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { claim, createTemplate } from './support/coupon-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';
import { expectStockLedgerBalanced } from './support/stock-ledger';

/**
 * Checkout with the member's benefits: member price, coupons and points priced in the order the shopper
 * sees them, spent atomically with the order, given back when it is cancelled unpaid, and never spent twice
 * by parallel checkouts. Every expected amount is worked out by hand in the test.
 */
describe(`checkout with member price, coupons and points (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let operator: string;
  /** The app on a real loopback port: the races fire many requests at once. */
  let http: () => ReturnType<typeof request>;
  let levels: MemberLevel[];

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const url = await t.app.getUrl();
    http = () => request(url);
    shop = new ShopFixtures(t);
    await shop.init();
    operator = await staffToken(t, 'operator');
    levels = (await t.api().get(`${API}/admin/member-levels`).set(bearer(operator)).expect(200)).body;
  });
  afterAll(() => t.close());

  /** A member with an address; answers the token, the member id and the address id. */
  async function shopper(identity: string) {
    const token = await memberToken(t, identity);
    const memberId: number = (await t.api().get(`${API}/me`).set(bearer(token)).expect(200)).body.id;
    const addressId = await shop.address(token);
    return { token, memberId, addressId };
  }

  /** Claims a coupon for the member; answers the member coupon's id. */
  async function claimed(token: string, templateId: number): Promise<number> {
    const response = await claim(t, token, templateId);
    expect(response.status).toBe(201);
    return response.body.id;
  }

  const givePoints = (memberId: number, delta: number) =>
    t.api().post(`${API}/admin/members/${memberId}/points-adjustments`).set(bearer(operator)).send({ delta, reason: '测试赠送' }).expect(201);
  const balanceOf = async (memberId: number) => (await t.dataSource.getRepository(MemberRow).findOneByOrFail({ id: memberId })).pointsBalance;
  const couponRow = (id: number) => t.dataSource.getRepository(MemberCouponRow).findOneByOrFail({ id });
  /** The member holds a level as if it had been computed from their orders. */
  const setLevel = (memberId: number, name: string) =>
    t.dataSource.getRepository(MemberRow).update({ id: memberId }, { levelId: levels.find((level) => level.name === name)!.id });

  describe('a gold member with coupons and points', () => {
    let buyer: Awaited<ReturnType<typeof shopper>>;
    let items: { skuId: number; quantity: number }[];
    let coupon300: number;
    let coupon10: number;
    let coupon500: number;

    beforeAll(async () => {
      buyer = await shopper('benefits-gold');
      await setLevel(buyer.memberId, '金卡');
      const tea = await shop.sku(12800, 100);
      const cups = (await shop.product([{ priceFen: 5990, stock: 100 }], { memberPriceEnabled: false })).skus[0].id;
      items = [
        { skuId: tea, quantity: 2 },
        { skuId: cups, quantity: 1 },
      ];
      const templates = await Promise.all([
        createTemplate(t, operator, { name: '满300减30', type: 'amount_off', thresholdFen: 30000, amountOffFen: 3000 }),
        createTemplate(t, operator, { name: '无门槛10元' }),
        createTemplate(t, operator, { name: '满500减80', type: 'amount_off', thresholdFen: 50000, amountOffFen: 8000 }),
      ]);
      [coupon300, coupon10, coupon500] = await Promise.all(templates.map(async (template) => await claimed(buyer.token, template.id)));
      await givePoints(buyer.memberId, 20000);
    });

    it('preselects the best coupon and applies points: 31590 → member 30310 → coupon 27310 → points 13655', async () => {
      const preview: CheckoutPreview = (await t.api().post(`${API}/checkout/preview`).set(bearer(buyer.token)).send({ items, addressId: buyer.addressId }).expect(200))
        .body;
      // List: 2 × 12800 + 5990 = 31590. 金卡 pays 95% on the tea only: 12800 × 0.95 = 12160, 2 × 12160 = 24320,
      // + 5990 = 30310 (member discount 1280). 满300减30 applies to 30310 ≥ 30000: −3000 → 27310; the 10元 coupon
      // saves less and 满500减80 is out of reach. Points: 50% of 27310 = 13655 fen = 13655 points (100 per 元) of
      // the 20000 held. Goods 27310 ≥ 9900: free shipping. Payable 27310 − 13655 = 13655.
      expect(preview.member).toEqual({ levelName: '金卡', memberPricePercent: 95 });
      expect(preview.lines.map((line) => line.memberUnitPriceFen)).toEqual([12160, 5990]);
      expect(preview.selectedMemberCouponId).toBe(coupon300);
      expect(preview.coupons.map((option) => [option.memberCouponId, option.usable, option.discountFen, option.reason])).toEqual([
        [coupon300, true, 3000, null],
        [coupon10, true, 1000, null],
        [coupon500, false, 0, 'below_threshold'],
      ]);
      expect(preview.pricing).toEqual({
        listTotalFen: 31590,
        memberDiscountFen: 1280,
        promotionDiscountFen: 0,
        couponDiscountFen: 3000,
        pointsDiscountFen: 13655,
        shippingFeeFen: 0,
        payableFen: 13655,
      });
      expect(preview.points).toEqual({
        balance: 20000,
        pointsPerYuan: 100,
        maxSharePercent: 50,
        used: 13655,
        discountFen: 13655,
        availableDiscountFen: 13655,
        applied: true,
      });
    });

    it('prices the shopper\'s own choice: the 10元 coupon and no points → 30310 − 1000 = 29310', async () => {
      const preview: CheckoutPreview = (
        await t.api().post(`${API}/checkout/preview`).set(bearer(buyer.token)).send({ items, addressId: buyer.addressId, memberCouponId: coupon10, usePoints: false }).expect(200)
      ).body;
      expect(preview.selectedMemberCouponId).toBe(coupon10);
      expect(preview.pricing.couponDiscountFen).toBe(1000);
      expect(preview.pricing.pointsDiscountFen).toBe(0);
      expect(preview.pricing.payableFen).toBe(29310);
      // What the switch would save: 50% of 29310 = 14655.
      expect(preview.points).toEqual(expect.objectContaining({ used: 0, discountFen: 0, availableDiscountFen: 14655, applied: false }));
    });

    it('spends the coupon and the points with the order, and gives both back when it is cancelled unpaid', async () => {
      const order: OrderDetail = (
        await t.api()
          .post(`${API}/orders`)
          .set(bearer(buyer.token))
          .send({ clientToken: 'benefits-order-1', items, addressId: buyer.addressId, memberCouponId: coupon300, usePoints: true })
          .expect(201)
      ).body;
      expect(order.pricing).toEqual(expect.objectContaining({ memberDiscountFen: 1280, couponDiscountFen: 3000, pointsDiscountFen: 13655, payableFen: 13655 }));
      expect(order.coupon).toEqual({ memberCouponId: coupon300, templateId: expect.any(Number), name: '满300减30' });
      expect(order.pointsUsed).toBe(13655);
      // The detail read back says the same as the answer.
      expect((await t.api().get(`${API}/orders/${order.orderNo}`).set(bearer(buyer.token)).expect(200)).body).toEqual(order);
      expect(await couponRow(coupon300)).toEqual(expect.objectContaining({ status: 'used', usedAt: expect.any(Date) }));
      expect(await balanceOf(buyer.memberId)).toBe(20000 - 13655);

      await t.api().post(`${API}/orders/${order.orderNo}/cancel`).set(bearer(buyer.token)).expect(200);
      expect(await couponRow(coupon300)).toEqual(expect.objectContaining({ status: 'unused', orderId: null }));
      expect(await balanceOf(buyer.memberId)).toBe(20000);
      const orderId = (await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: order.orderNo })).id;
      const ledger = await t.dataSource.getRepository(PointsLedgerRow).find({ where: { orderId }, order: { id: 'ASC' } });
      expect(ledger.map((row) => [row.reason, row.delta])).toEqual([
        ['order_redeemed', -13655],
        ['order_cancelled_return', 13655],
      ]);
    });

    it('places without coupon or points unless the order asks for them', async () => {
      const order: OrderDetail = (
        await t.api().post(`${API}/orders`).set(bearer(buyer.token)).send({ clientToken: 'benefits-order-plain', items, addressId: buyer.addressId }).expect(201)
      ).body;
      expect(order.coupon).toBeNull();
      expect(order.pointsUsed).toBe(0);
      // Member price only: 30310, free shipping.
      expect(order.pricing.payableFen).toBe(30310);
      await t.api().post(`${API}/orders/${order.orderNo}/cancel`).set(bearer(buyer.token)).expect(200);
    });

    it('refuses coupons that cannot be used, with a code', async () => {
      const place = (clientToken: string, memberCouponId: unknown) =>
        t.api().post(`${API}/orders`).set(bearer(buyer.token)).send({ clientToken, items, addressId: buyer.addressId, memberCouponId });
      expectApiError((await place('bad-coupon-unknown', 99_999_999).expect(400)).body, 'COUPON_NOT_FOUND');
      expectApiError((await place('bad-coupon-negative', -1).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await place('bad-coupon-text', 'best').expect(400)).body, 'VALIDATION_FAILED');
      const short = await place('bad-coupon-threshold', coupon500).expect(409);
      expectApiError(short.body, 'COUPON_NOT_APPLICABLE');
      expect(short.body.details).toEqual(expect.objectContaining({ reason: 'below_threshold' }));
      // Another member's coupon is not this member's to name.
      const other = await shopper('benefits-other');
      const othersCoupon = await claimed(other.token, (await createTemplate(t, operator, { name: '别人的券' })).id);
      expectApiError((await place('bad-coupon-others', othersCoupon).expect(400)).body, 'COUPON_NOT_FOUND');
      expectApiError(
        (await t.api().post(`${API}/checkout/preview`).set(bearer(buyer.token)).send({ items, usePoints: 'yes' }).expect(400)).body,
        'VALIDATION_FAILED',
      );
      // Nothing was written by the refusals.
      expect(await t.dataSource.getRepository(OrderRow).countBy({ clientToken: 'bad-coupon-threshold' })).toBe(0);
    });
  });

  it('lets exactly one of 10 parallel checkouts use one coupon; the others get a clear error and take no stock', async () => {
    const buyer = await shopper('benefits-coupon-race');
    const skuId = await shop.sku(5000, 50);
    const template = await createTemplate(t, operator, { name: '一张券' });
    const memberCouponId = await claimed(buyer.token, template.id);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        http()
          .post(`${API}/orders`)
          .set(bearer(buyer.token))
          .send({ clientToken: `coupon-race-${index}`, items: [{ skuId, quantity: 1 }], addressId: buyer.addressId, memberCouponId }),
      ),
    );
    const created = responses.filter((response) => response.status === 201);
    expect(created).toHaveLength(1);
    expect(created[0].body.pricing.couponDiscountFen).toBe(1000);
    // A checkout that lost the race inside its transaction, or came after it, hears that the coupon is spent.
    const refused = responses.filter((response) => response.status !== 201);
    expect(refused.map((response) => `${response.status} ${response.body.code}`)).toEqual(Array(9).fill('409 COUPON_UNAVAILABLE'));
    expect(await t.dataSource.getRepository(OrderRow).countBy({ memberCouponId })).toBe(1);
    expect(await couponRow(memberCouponId)).toEqual(expect.objectContaining({ status: 'used', orderId: expect.any(Number) }));
    expect(await shop.stockOf(skuId)).toBe(49);
  });

  it('never drives the points balance below zero under parallel checkouts', async () => {
    const buyer = await shopper('benefits-points-race');
    // ¥6.00 goods: points pay at most 50% = 300 fen = 300 points; 1000 points cover three such orders.
    const skuId = await shop.sku(600, 50);
    await givePoints(buyer.memberId, 1000);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        http()
          .post(`${API}/orders`)
          .set(bearer(buyer.token))
          .send({ clientToken: `points-race-${index}`, items: [{ skuId, quantity: 1 }], addressId: buyer.addressId, usePoints: true }),
      ),
    );
    // Each checkout was priced on the balance it read (300 while 300 remained, then what was left, then none);
    // the conditional decrement in each order's transaction refuses those that read a balance since spent.
    const created = responses.filter((response) => response.status === 201);
    const refused = responses.filter((response) => response.status !== 201);
    expect(refused.map((response) => `${response.status} ${response.body.code}`)).toEqual(Array(refused.length).fill('409 POINTS_INSUFFICIENT'));
    const used = created.map((response) => response.body.pointsUsed as number);
    expect(used.filter((points) => points === 300).length).toBeGreaterThanOrEqual(3);
    expect(used.every((points) => points >= 0 && points <= 300)).toBe(true);
    const balance = await balanceOf(buyer.memberId);
    expect(balance).toBeGreaterThanOrEqual(0);
    expect(used.reduce((sum, points) => sum + points, 0)).toBe(1000 - balance);
    const spent = await t.dataSource.getRepository(PointsLedgerRow).findBy({ memberId: buyer.memberId, reason: 'order_redeemed' });
    expect(spent.map((row) => -row.delta).sort()).toEqual(used.filter((points) => points > 0).sort());
    // Every order that was placed, with or without points, took its unit; the refused ones took none.
    expect(await shop.stockOf(skuId)).toBe(50 - created.length);
  });

  it('leaves the stock ledger balanced: the movements of every SKU sum to its stock, one sale per order line', async () => {
    await expectStockLedgerBalanced(t);
  });
});
