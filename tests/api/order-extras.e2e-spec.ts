import type { AdminOrderRow, CartResponse, OrderDetail, Paginated, ReorderResult } from '../../shared';
import { OrderRow } from '../../server/src/orders/order.entity';
import { ShipRemindersService } from '../../server/src/orders/ship-reminders.service';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

describe(`order detail extras: 提醒发货 and 再来一单 (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let alice: string;
  let aliceAddress: number;
  let bob: string;
  let warehouse: string;
  let tokenCount = 0;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
    alice = await memberToken(t, 'extras-alice');
    aliceAddress = await shop.address(alice);
    bob = await memberToken(t, 'extras-bob');
    warehouse = await staffToken(t, 'warehouse');
  });
  afterAll(() => t.close());

  async function placeOrder(items: { skuId: number; quantity: number }[]): Promise<OrderDetail> {
    const body = { clientToken: `extras-${Date.now().toString(36)}-${++tokenCount}`, items, addressId: aliceAddress };
    return (await t.api().post(`${API}/orders`).set(bearer(alice)).send(body).expect(201)).body;
  }
  async function paidOrder(): Promise<OrderDetail> {
    const placed = await placeOrder([{ skuId: await shop.sku(1500, 10), quantity: 1 }]);
    await payAtFake(t, (await startPayment(t, alice, placed.orderNo)).prepayId);
    return eventually(() => orderStatus(t, alice, placed.orderNo), (o) => o.status === 'paid');
  }
  const remind = (orderNo: string, token = alice) => t.api().post(`${API}/orders/${orderNo}/ship-reminder`).set(bearer(token));
  const remindedList = async (): Promise<string[]> =>
    ((await t.api().get(`${API}/admin/orders?reminded=true`).set(bearer(warehouse)).expect(200)).body as Paginated<AdminOrderRow>).items.map((row) => row.orderNo);
  const openReminders = () => t.app.get(ShipRemindersService).countOpenShipReminders();

  it('提醒发货: ten parallel taps record one reminder; the rest are 429 with when to try again', async () => {
    const order = await paidOrder();
    const before = await openReminders();
    const answers = await Promise.all(Array.from({ length: 10 }, () => remind(order.orderNo)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(refused.map((answer) => answer.status)).toEqual(Array(9).fill(429));
    for (const answer of refused) {
      expectApiError(answer.body, 'SHIP_REMINDER_TOO_SOON');
      expect(answer.body.message).toMatch(/后可以再次提醒/);
    }
    const row = await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: order.orderNo });
    expect(row.shipRemindedAt).toBeInstanceOf(Date);
    const nextAllowedAt = new Date(row.shipRemindedAt!.getTime() + 24 * 3600_000).toISOString();
    expect(refused[0].body.details).toEqual({ nextAllowedAt });

    const detail = await orderStatus(t, alice, order.orderNo);
    expect(detail.shipReminder).toEqual({ remindedAt: row.shipRemindedAt!.toISOString(), nextAllowedAt });
    expect(detail.timeline.map((entry) => entry.event)).toEqual(['created', 'paid', 'ship_reminded']);

    // Staff see it: the 待办 count, the ?reminded=true list, the row and the detail.
    expect(await openReminders()).toBe(before + 1);
    expect(await remindedList()).toContain(order.orderNo);
    const rows: Paginated<AdminOrderRow> = (await t.api().get(`${API}/admin/orders?orderNo=${order.orderNo}`).set(bearer(warehouse)).expect(200)).body;
    expect(rows.items[0].shipRemindedAt).toBe(row.shipRemindedAt!.toISOString());
    expect((await t.api().get(`${API}/admin/orders/${order.orderNo}`).set(bearer(warehouse)).expect(200)).body.shipReminder.remindedAt).toBe(
      row.shipRemindedAt!.toISOString(),
    );

    // A day later the buyer may remind again (parallel taps again count once).
    await t.dataSource.getRepository(OrderRow).update({ orderNo: order.orderNo }, { shipRemindedAt: new Date(Date.now() - 25 * 3600_000) });
    const again = await Promise.all(Array.from({ length: 5 }, () => remind(order.orderNo)));
    expect(again.map((answer) => answer.status).sort()).toEqual([200, 429, 429, 429, 429]);

    // Shipping closes the reminder: no longer counted or listed, and no more reminders.
    await t.api().post(`${API}/admin/orders/${order.orderNo}/ship`).set(bearer(warehouse)).send({ carrierCode: 'SF', trackingNo: 'SF8880001111' }).expect(200);
    expect(await openReminders()).toBe(before);
    expect(await remindedList()).not.toContain(order.orderNo);
    expectApiError((await remind(order.orderNo).expect(409)).body, 'ORDER_STATE_CONFLICT');
  });

  it('提醒发货 only for the buyer\'s own paid order', async () => {
    const unpaid = await placeOrder([{ skuId: await shop.sku(900, 5), quantity: 1 }]);
    const refused = (await remind(unpaid.orderNo).expect(409)).body;
    expectApiError(refused, 'ORDER_STATE_CONFLICT');
    expect(refused.message).toContain('付款后');
    const paid = await paidOrder();
    expectApiError((await remind(paid.orderNo, bob).expect(404)).body, 'ORDER_NOT_FOUND');
    expect((await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: paid.orderNo })).shipRemindedAt).toBeNull();
    expectApiError((await t.api().get(`${API}/admin/orders?reminded=yes`).set(bearer(warehouse)).expect(400)).body, 'VALIDATION_FAILED');
  });

  it('再来一单 adds what can still be bought and says why the rest could not be added', async () => {
    const plenty = await shop.sku(1200, 10);
    const lastUnits = await shop.sku(800, 2);
    const short = await shop.sku(500, 5);
    const retired = await shop.product([{ priceFen: 700, stock: 9 }]);
    const order = await placeOrder([
      { skuId: plenty, quantity: 2 },
      { skuId: lastUnits, quantity: 2 },
      { skuId: short, quantity: 3 },
      { skuId: retired.skus[0].id, quantity: 1 },
    ]);
    // The order took the last units of one SKU; another has 2 left of the 3 ordered; one product is off the shelf.
    expect(await shop.stockOf(lastUnits)).toBe(0);
    await shop.setShelf(retired.id, false);

    const result: ReorderResult = (await t.api().post(`${API}/orders/${order.orderNo}/reorder`).set(bearer(alice)).expect(200)).body;
    expect(result.added).toEqual([
      expect.objectContaining({ skuId: plenty, orderedQuantity: 2, quantity: 2 }),
      expect.objectContaining({ skuId: short, orderedQuantity: 3, quantity: 2 }),
    ]);
    expect(result.skipped).toEqual([
      expect.objectContaining({ skuId: lastUnits, orderedQuantity: 2, reason: 'sold_out' }),
      expect.objectContaining({ skuId: retired.skus[0].id, reason: 'off_shelf', title: retired.title }),
    ]);
    const cart: CartResponse = (await t.api().get(`${API}/cart`).set(bearer(alice)).expect(200)).body;
    expect(Object.fromEntries(cart.items.map((item) => [item.skuId, item.quantity]))).toEqual({ [plenty]: 2, [short]: 2 });
    expect(cart.items.every((item) => item.selected)).toBe(true);

    // Again: added to the same lines.
    await t.api().post(`${API}/orders/${order.orderNo}/reorder`).set(bearer(alice)).expect(200);
    const twice: CartResponse = (await t.api().get(`${API}/cart`).set(bearer(alice)).expect(200)).body;
    expect(Object.fromEntries(twice.items.map((item) => [item.skuId, item.quantity]))).toEqual({ [plenty]: 4, [short]: 4 });

    expectApiError((await t.api().post(`${API}/orders/${order.orderNo}/reorder`).set(bearer(bob)).expect(404)).body, 'ORDER_NOT_FOUND');
    const bobCart: CartResponse = (await t.api().get(`${API}/cart`).set(bearer(bob)).expect(200)).body;
    expect(bobCart.items).toEqual([]);
  });

  it('staff order rows carry the 拼团 hold of a paid order (the console shows 拼团中 and keeps 发货 disabled), and lose it once released', async () => {
    const order = await paidOrder();
    const staffRow = async (): Promise<AdminOrderRow> =>
      ((await t.api().get(`${API}/admin/orders?orderNo=${order.orderNo}`).set(bearer(warehouse)).expect(200)).body as Paginated<AdminOrderRow>).items[0];
    expect((await staffRow()).fulfilmentHold).toBeNull();
    // The hold is set by a group-buy checkout; staged here so the list's field is checked on its own.
    await t.dataSource.getRepository(OrderRow).update({ orderNo: order.orderNo }, { fulfilmentHold: 'group_buy' });
    expect(await staffRow()).toMatchObject({ status: 'paid', fulfilmentHold: 'group_buy' });
    await t.dataSource.getRepository(OrderRow).update({ orderNo: order.orderNo }, { fulfilmentHold: null });
    expect((await staffRow()).fulfilmentHold).toBeNull();
  });
});
