import type { CheckoutPreview, OrderDetail } from '../../shared';
import { OrderRow } from '../../server/src/orders/order.entity';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/**
 * The checkout page shows an amount; the price changes before 提交订单. An order that sends the amount it showed
 * (expectedPayableFen) is refused with 409 PRICE_CHANGED and nothing is written, rather than placed at the new price
 * and sent to the cashier asking for an amount the shopper never saw. The same amount places the order.
 */
describe(`placing an order whose price changed after the preview (${TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses the changed amount with nothing written, then places it at the amount shown again', async () => {
    const shop = new ShopFixtures(t);
    await shop.init();
    const token = await memberToken(t, 'price-changed');
    const addressId = await shop.address(token);
    const skuId = await shop.sku(3000, 10);
    const items = [{ skuId, quantity: 2 }];
    const preview = async (): Promise<CheckoutPreview> => (await t.api().post(`${API}/checkout/preview`).set(bearer(token)).send({ items, addressId }).expect(200)).body;
    const place = (expectedPayableFen: number, clientToken: string) =>
      t.api().post(`${API}/orders`).set(bearer(token)).send({ clientToken, items, addressId, expectedPayableFen });

    const shown = (await preview()).pricing.payableFen;
    await shop.setPrice(skuId, 3500);
    const refused = await place(shown, 'price-changed-1').expect(409);
    expectApiError(refused.body, 'PRICE_CHANGED');
    const now = (await preview()).pricing.payableFen;
    expect(refused.body.details).toEqual({ expectedPayableFen: shown, payableFen: now });
    expect(await t.dataSource.getRepository(OrderRow).countBy({ clientToken: 'price-changed-1' })).toBe(0);
    expect(await shop.stockOf(skuId)).toBe(10);

    const placed: OrderDetail = (await place(now, 'price-changed-2').expect(201)).body;
    expect(placed.pricing.payableFen).toBe(now);
    // Not a number of fen: a 400.
    expectApiError((await place(-1, 'price-changed-3').expect(400)).body, 'VALIDATION_FAILED');
  });
});
