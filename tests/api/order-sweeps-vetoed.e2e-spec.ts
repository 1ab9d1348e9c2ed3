import type { OrderDetail } from '../../shared';
import { AutoConfirmSweeper } from '../../server/src/orders/auto-confirm-sweeper';
import { OrderRow } from '../../server/src/orders/order.entity';
import { OrderProcess } from '../../server/src/orders/process/order-process';
import { JobRegistry } from '../../server/src/platform/jobs/job-registry';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { expectStockLedgerBalanced } from './support/stock-ledger';
import { API, bearer, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

const HELD_ANSWER = '这笔订单在等线下核对，先不处理';

/**
 * An order the sweeps cannot move (a guard vetoes it, or its transition fails every time) is passed over: the
 * sweep still moves every other due order and reports the failure, instead of stopping at the first one forever
 * (it is read first on every run, so nothing after it would ever time out or complete).
 */
describe(`order sweeps pass over an order they cannot move (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let alice: string;
  let aliceAddress: number;
  let warehouse: string;
  let tokenCount = 0;
  /** The orders the toy guard holds back, by id. */
  const held = new Set<number>();

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
    alice = await memberToken(t, 'sweep-veto-alice');
    aliceAddress = await shop.address(alice);
    warehouse = await staffToken(t, 'warehouse');
    const process = t.app.get(OrderProcess, { strict: false });
    for (const to of ['cancelled', 'completed'] as const) {
      process.registerGuard({ name: `test.hold-${to}`, to, check: (_manager, { orderId }) => (held.has(orderId) ? HELD_ANSWER : null) });
    }
  });
  afterAll(() => t.close());

  const orders = () => t.dataSource.getRepository(OrderRow);
  const place = async (skuId: number): Promise<OrderDetail> =>
    (
      await t
        .api()
        .post(`${API}/orders`)
        .set(bearer(alice))
        .send({ clientToken: `sweep-veto-${++tokenCount}`, items: [{ skuId, quantity: 1 }], addressId: aliceAddress })
        .expect(201)
    ).body;
  const idOf = async (orderNo: string) => (await orders().findOneByOrFail({ orderNo })).id;
  const statusOf = async (orderNo: string) => (await orders().findOneByOrFail({ orderNo })).status;
  const run = (job: string) => t.app.get(JobRegistry).runNow(job);

  it('the unpaid-timeout sweep cancels the other overdue orders and returns their stock; the job shows the veto', async () => {
    const skuId = await shop.sku(1000, 10);
    const [first, second, third] = [await place(skuId), await place(skuId), await place(skuId)];
    held.add(await idOf(first.orderNo));
    // The held order is the most overdue one: every run reads it first.
    await orders().update({ orderNo: first.orderNo }, { payDeadlineAt: new Date(Date.now() - 180_000) });
    for (const order of [second, third]) await orders().update({ orderNo: order.orderNo }, { payDeadlineAt: new Date(Date.now() - 60_000) });

    const outcome = await run('orders.unpaid-timeout');
    expect(outcome).toEqual(expect.objectContaining({ status: 'ran', error: HELD_ANSWER }));
    expect([await statusOf(first.orderNo), await statusOf(second.orderNo), await statusOf(third.orderNo)]).toEqual(['pending_payment', 'cancelled', 'cancelled']);
    expect(await shop.stockOf(skuId)).toBe(9);

    // Once the guard lets it go, the next run cancels it too.
    held.clear();
    expect(await run('orders.unpaid-timeout')).toEqual(expect.objectContaining({ status: 'ran', rowsChanged: 1, error: null }));
    expect(await statusOf(first.orderNo)).toBe('cancelled');
    expect(await shop.stockOf(skuId)).toBe(10);
    await expectStockLedgerBalanced(t);
  });

  it('the auto-confirm sweep completes the other due orders', async () => {
    const skuId = await shop.sku(1000, 10);
    const shipped: OrderDetail[] = [];
    for (let i = 0; i < 3; i++) {
      const order = await place(skuId);
      await payAtFake(t, (await startPayment(t, alice, order.orderNo)).prepayId);
      await eventually(() => orderStatus(t, alice, order.orderNo), (detail) => detail.status === 'paid');
      await t.api().post(`${API}/admin/orders/${order.orderNo}/ship`).set(bearer(warehouse)).send({ carrierCode: 'SF', trackingNo: `SF77700${i}` }).expect(200);
      shipped.push(order);
    }
    held.add(await idOf(shipped[0].orderNo));
    await orders().update({ orderNo: shipped[0].orderNo }, { autoConfirmAt: new Date(Date.now() - 180_000) });
    for (const order of shipped.slice(1)) await orders().update({ orderNo: order.orderNo }, { autoConfirmAt: new Date(Date.now() - 60_000) });

    await expect(t.app.get(AutoConfirmSweeper).sweep()).rejects.toThrow(HELD_ANSWER);
    expect(await Promise.all(shipped.map((order) => statusOf(order.orderNo)))).toEqual(['shipped', 'completed', 'completed']);
    held.clear();
    expect(await t.app.get(AutoConfirmSweeper).sweep()).toBe(1);
    expect(await statusOf(shipped[0].orderNo)).toBe('completed');
  });
});
