import type { CheckoutPreview, OrderDetail } from '../../shared';
import { claim, createTemplate } from './support/coupon-fixtures';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/**
 * WeChat Pay takes at least 1 fen. In a shop that ships free, a 无门槛 coupon worth more than the goods, or points
 * allowed to pay 100% of them, used to price an order at 0 fen: placed, holding its stock, coupon and points, and
 * never payable (starting the payment answered 502 微信支付暂时不可用). The order keeps 1 fen to pay: points give
 * way first, then the coupon.
 */
describe(`an order always has at least 1 fen to pay (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let operator: string;
  let tokenCount = 0;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
    operator = await staffToken(t, 'operator');
    const settings = (await t.api().get(`${API}/admin/settings/shop`).set(bearer(operator)).expect(200)).body;
    await t.api().put(`${API}/admin/settings/shop`).set(bearer(operator)).send({ ...settings, shippingFeeFen: 0 }).expect(200);
  });
  afterAll(() => t.close());

  async function shopper(identity: string) {
    const token = await memberToken(t, identity);
    const memberId: number = (await t.api().get(`${API}/me`).set(bearer(token)).expect(200)).body.id;
    return { token, memberId, addressId: await shop.address(token) };
  }

  /** Places the order, pays it at the fake WeChat Pay and answers it paid. */
  async function placeAndPay(token: string, body: object): Promise<OrderDetail> {
    const placed: OrderDetail = (await t.api().post(`${API}/orders`).set(bearer(token)).send({ clientToken: `min-payable-${++tokenCount}`, ...body }).expect(201)).body;
    await payAtFake(t, (await startPayment(t, token, placed.orderNo)).prepayId);
    return eventually(() => orderStatus(t, token, placed.orderNo), (order) => order.status === 'paid');
  }

  it('a 10元 无门槛 coupon on a 5元 item takes 4.99元: the order is 0.01元 and can be paid', async () => {
    const { token, addressId } = await shopper('min-payable-coupon');
    const template = await createTemplate(t, operator, {});
    const memberCouponId = (await claim(t, token, template.id)).body.id;
    const items = [{ skuId: await shop.sku(500, 5), quantity: 1 }];

    const preview: CheckoutPreview = (await t.api().post(`${API}/checkout/preview`).set(bearer(token)).send({ items, addressId, memberCouponId }).expect(200)).body;
    expect(preview.pricing).toEqual(expect.objectContaining({ listTotalFen: 500, couponDiscountFen: 499, shippingFeeFen: 0, payableFen: 1 }));

    const paid = await placeAndPay(token, { items, addressId, memberCouponId });
    expect(paid.pricing).toEqual(expect.objectContaining({ couponDiscountFen: 499, payableFen: 1 }));
  });

  it('points allowed to pay 100% of a 5元 item pay 4.99元 with 499 points: the order is 0.01元 and can be paid', async () => {
    const owner = await staffToken(t, 'owner');
    const rule = (await t.api().get(`${API}/admin/loyalty-settings`).set(bearer(owner)).expect(200)).body;
    await t.api().put(`${API}/admin/loyalty-settings`).set(bearer(owner)).send({ ...rule, pointsPerYuan: 100, pointsMaxSharePercent: 100 }).expect(200);
    const { token, memberId, addressId } = await shopper('min-payable-points');
    await t.api().post(`${API}/admin/members/${memberId}/points-adjustments`).set(bearer(operator)).send({ delta: 1000, reason: '测试赠送' }).expect(201);
    const items = [{ skuId: await shop.sku(500, 5), quantity: 1 }];

    const preview: CheckoutPreview = (await t.api().post(`${API}/checkout/preview`).set(bearer(token)).send({ items, addressId, usePoints: true }).expect(200)).body;
    expect(preview.pricing).toEqual(expect.objectContaining({ pointsDiscountFen: 499, payableFen: 1 }));
    expect(preview.points).toEqual(expect.objectContaining({ used: 499, discountFen: 499, availableDiscountFen: 499 }));

    const paid = await placeAndPay(token, { items, addressId, usePoints: true });
    expect(paid.pricing).toEqual(expect.objectContaining({ pointsDiscountFen: 499, payableFen: 1 }));
    const balance = (await t.api().get(`${API}/admin/members/${memberId}/loyalty`).set(bearer(operator)).expect(200)).body.pointsBalance;
    expect(balance).toBe(501);
  });
});
