import type { BatchShipResult, OrderDetail } from '../../shared';
import { OrderEvents } from '../../server/src/orders/order-events';
import { OrderRow } from '../../server/src/orders/order.entity';
import { OrderProcess } from '../../server/src/orders/process/order-process';
import { ShippingService } from '../../server/src/orders/shipping.service';
import { DomainEventRow } from '../../server/src/platform/events/domain-event.entity';
import { orderEventsOf } from './support/domain-events';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

const SUNDAY_ANSWER = '周日不发货，请周一再发';

/**
 * The order-process seam: a guard and a hook written here, in the test, plug into the app's order transitions by
 * registration alone. The guard reads the shop's calendar as this test sets it, never the real date.
 */
describe(`order guards and hooks plugged in by registration (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let alice: string;
  let aliceAddress: number;
  let warehouse: string;
  let tokenCount = 0;
  /** The shop's calendar day, as the toy guard sees it. */
  let today = '2026-12-07';
  /** What the toy hook does on its next run. */
  let hookFails = false;
  const hookSaw: string[] = [];
  /** The orders the toy hook ran for, one entry per run. */
  const hookRuns: number[] = [];
  const guardSaw: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
    alice = await memberToken(t, 'process-alice');
    aliceAddress = await shop.address(alice);
    warehouse = await staffToken(t, 'warehouse');

    const process = t.app.get(OrderProcess, { strict: false });
    process.registerGuard({
      name: 'test.no-shipping-on-sundays',
      // Only shipping itself: an after-sale case rejected on a Sunday still puts a shipped order back to shipped.
      from: 'paid',
      to: 'shipped',
      check: async (manager, { orderId }) => {
        guardSaw.push((await manager.findOneByOrFail(OrderRow, { id: orderId })).status);
        return new Date(`${today}T00:00:00Z`).getUTCDay() === 0 ? SUNDAY_ANSWER : null;
      },
    });
    process.registerHook({
      name: 'test.fails-when-told',
      from: 'paid',
      to: 'shipped',
      run: async (manager, { orderId }) => {
        // Inside the transaction, after the conditional update won: the order already reads as shipped here.
        hookSaw.push((await manager.findOneByOrFail(OrderRow, { id: orderId })).status);
        hookRuns.push(orderId);
        if (hookFails) throw new Error('the toy hook failed');
      },
    });
  });
  afterAll(() => t.close());

  /** Places and pays an order through the fake WeChat Pay. */
  async function paidOrder(): Promise<OrderDetail> {
    const body = { clientToken: `process-${++tokenCount}`, items: [{ skuId: await shop.sku(3000, 10), quantity: 1 }], addressId: aliceAddress };
    const placed: OrderDetail = (await t.api().post(`${API}/orders`).set(bearer(alice)).send(body).expect(201)).body;
    await payAtFake(t, (await startPayment(t, alice, placed.orderNo)).prepayId);
    return eventually(() => orderStatus(t, alice, placed.orderNo), (order) => order.status === 'paid');
  }

  const ship = (orderNo: string, trackingNo: string) =>
    t.api().post(`${API}/admin/orders/${orderNo}/ship`).set(bearer(warehouse)).send({ carrierCode: 'SF', trackingNo });
  const rowOf = (orderNo: string) => t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo });

  it('a guard vetoes shipping on a Sunday: 409 with its sentence, the order stays paid; on Monday it ships', async () => {
    const order = await paidOrder();
    today = '2026-12-13';
    guardSaw.length = 0;
    const refused = await ship(order.orderNo, 'SF5550001').expect(409);
    expectApiError(refused.body, 'ORDER_TRANSITION_BLOCKED');
    expect(refused.body.message).toBe(SUNDAY_ANSWER);
    // The guard ran before the conditional update, on the order as it was.
    expect(guardSaw).toEqual(['paid']);
    const row = await rowOf(order.orderNo);
    expect([row.status, row.shippedAt, row.trackingNo]).toEqual(['paid', null, null]);
    expect(await orderEventsOf(t, OrderEvents.shipped, order.orderNo)).toEqual([]);
    expect(t.fake.state.shippingReports.filter((report) => report.outTradeNo === order.orderNo)).toEqual([]);

    // The CSV batch reports the veto on the order's line and goes on.
    const batch: BatchShipResult = (
      await t.api().post(`${API}/admin/orders/ship-batch`).set(bearer(warehouse)).attach('file', Buffer.from(`订单号,快递公司,快递单号\n${order.orderNo},SF,SF5550001`), 'ship.csv').expect(200)
    ).body;
    expect(batch).toEqual({ shipped: 0, unchanged: 0, failed: [{ line: 2, orderNo: order.orderNo, message: SUNDAY_ANSWER }] });
    expect((await rowOf(order.orderNo)).status).toBe('paid');

    today = '2026-12-14';
    expect((await ship(order.orderNo, 'SF5550001').expect(200)).body.status).toBe('shipped');
    expect(await orderEventsOf(t, OrderEvents.shipped, order.orderNo)).toEqual([expect.objectContaining({ trackingNo: 'SF5550001', status: 'shipped' })]);

    // The same shipment again on a Sunday answers it unchanged: a guard vetoes only an order still in its `from`.
    today = '2026-12-20';
    expect((await ship(order.orderNo, 'SF5550001').expect(200)).body.status).toBe('shipped');
  });

  it('an in-transaction hook that throws rolls the transition back: status unchanged, no event row', async () => {
    today = '2026-12-14';
    const order = await paidOrder();
    const { id } = await rowOf(order.orderNo);
    const orderEventCount = () => t.dataSource.getRepository(DomainEventRow).countBy({ aggregateKey: `order:${order.orderNo}` });
    const eventsBefore = await orderEventCount();
    hookFails = true;
    hookSaw.length = 0;
    await expect(t.app.get(ShippingService).ship(order.orderNo, { carrierCode: 'SF', trackingNo: 'SF5550002' })).rejects.toThrow('the toy hook failed');
    expect(hookSaw).toEqual(['shipped']);
    const row = await t.dataSource.getRepository(OrderRow).findOneByOrFail({ id });
    expect([row.status, row.shippedAt, row.trackingNo, row.autoConfirmAt]).toEqual(['paid', null, null, null]);
    expect(await orderEventsOf(t, OrderEvents.shipped, order.orderNo)).toEqual([]);
    expect(await orderEventCount()).toBe(eventsBefore);
    expect(t.fake.state.shippingReports.filter((report) => report.outTradeNo === order.orderNo)).toEqual([]);

    hookFails = false;
    expect((await ship(order.orderNo, 'SF5550002').expect(200)).body.status).toBe('shipped');
    expect(hookSaw).toEqual(['shipped', 'shipped']);
    expect(await orderEventsOf(t, OrderEvents.shipped, order.orderNo)).toHaveLength(1);
  });

  it('shipments of one order fired in parallel move it once: one hook run, one event, the others answer it unchanged', async () => {
    today = '2026-12-14';
    const order = await paidOrder();
    const { id } = await rowOf(order.orderNo);
    const answers = await Promise.all(Array.from({ length: 8 }, () => ship(order.orderNo, 'SF5550003')));
    expect(answers.map((answer) => [answer.status, answer.body.status])).toEqual(Array.from({ length: 8 }, () => [200, 'shipped']));
    expect(hookRuns.filter((orderId) => orderId === id)).toHaveLength(1);
    expect(await orderEventsOf(t, OrderEvents.shipped, order.orderNo)).toHaveLength(1);
    expect(t.fake.state.shippingReports.filter((report) => report.outTradeNo === order.orderNo)).toHaveLength(1);

    // On a Sunday every one of them is vetoed and the order stays paid.
    today = '2026-12-20';
    const vetoed = await paidOrder();
    const refusals = await Promise.all(Array.from({ length: 8 }, () => ship(vetoed.orderNo, 'SF5550004')));
    expect(refusals.map((answer) => [answer.status, answer.body.code])).toEqual(Array.from({ length: 8 }, () => [409, 'ORDER_TRANSITION_BLOCKED']));
    expect((await rowOf(vetoed.orderNo)).status).toBe('paid');
    expect(await orderEventsOf(t, OrderEvents.shipped, vetoed.orderNo)).toEqual([]);
  });
});
