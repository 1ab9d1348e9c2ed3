import type { OrderStatus } from '../../shared';
import { OrderRow } from '../../server/src/orders/order.entity';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, memberToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

describe(`我的 order badges: GET /me/order-counts (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  beforeAll(async () => {
    t = await startTestApp();
    shop = new ShopFixtures(t);
    await shop.init();
  });
  afterAll(() => t.close());

  async function placeOrders(token: string, count: number): Promise<string[]> {
    const skuId = await shop.sku(1000, 50);
    const addressId = await shop.address(token);
    const orderNos: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const body = { clientToken: `counts-${Date.now()}-${index}`, items: [{ skuId, quantity: 1 }], addressId };
      orderNos.push((await t.api().post(`${API}/orders`).set(bearer(token)).send(body).expect(201)).body.orderNo);
    }
    return orderNos;
  }

  it('counts only the caller’s orders, per shortcut; 售后 counts open cases, not finished refunds', async () => {
    const token = await memberToken(t, 'counts-alice');
    expect((await t.api().get(`${API}/me/order-counts`).set(bearer(token)).expect(200)).body).toEqual({
      pending_payment: 0, paid: 0, shipped: 0, after_sale: 0,
    });

    const orderNos = await placeOrders(token, 8);
    // Moved straight in the database: this suite is about counting, the transitions have their own suites.
    const statuses: OrderStatus[] = ['pending_payment', 'pending_payment', 'paid', 'shipped', 'after_sale', 'refunding', 'refunded', 'cancelled'];
    for (const [index, status] of statuses.entries()) {
      await t.dataSource.getRepository(OrderRow).update({ orderNo: orderNos[index] }, { status });
    }
    // Another member's orders are not counted.
    const bob = await memberToken(t, 'counts-bob');
    await placeOrders(bob, 2);

    expect((await t.api().get(`${API}/me/order-counts`).set(bearer(token)).expect(200)).body).toEqual({
      pending_payment: 2, paid: 1, shipped: 1, after_sale: 2,
    });
    expect((await t.api().get(`${API}/me/order-counts`).set(bearer(bob)).expect(200)).body).toEqual({
      pending_payment: 2, paid: 0, shipped: 0, after_sale: 0,
    });
    await t.api().get(`${API}/me/order-counts`).expect(401);
  });
});
