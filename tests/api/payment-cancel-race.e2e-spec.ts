import type { OrderDetail } from '../../shared';
import { OrderRow } from '../../server/src/orders/order.entity';
import { UnpaidOrderSweeper } from '../../server/src/orders/unpaid-order-sweeper';
import { eventually, payAtFake } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';
import { expectStockLedgerBalanced } from './support/stock-ledger';

/**
 * Payment starts racing a cancel (shopper, staff, timeout sweep), fired in parallel: whoever wins, a cancelled
 * order ends with no open JSAPI order at the fake WeChat Pay, and no start that lost handed out payment params.
 */
describe(`payment start racing a cancel (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let alice: string;
  let owner: string;
  let addressId: number;
  let skuId: number;
  let count = 0;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
    alice = await memberToken(t, 'race-payer');
    owner = await staffToken(t, 'owner');
    addressId = await shop.address(alice);
    skuId = await shop.sku(990, 1000);
  });
  afterAll(() => t.close());

  async function placeOrder(): Promise<OrderDetail> {
    const body = { clientToken: `race-${Date.now().toString(36)}-${++count}`, items: [{ skuId, quantity: 1 }], addressId };
    return (await t.api().post(`${API}/orders`).set(bearer(alice)).send(body).expect(201)).body;
  }
  const startPayment = (orderNo: string) => t.api().post(`${API}/orders/${orderNo}/payment`).set(bearer(alice));
  const orderRow = (orderNo: string) => t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo });

  /** After the race: the order is cancelled, WeChat has no open order for it, and params handed out cannot pay. */
  async function expectNothingPayable(orderNo: string, started: { status: number; body: { prepayId?: string; code?: string } }[]) {
    expect((await orderRow(orderNo)).status).toBe('cancelled');
    for (const answer of started) {
      expect([200, 409]).toContain(answer.status);
      if (answer.status === 409) expectApiError(answer.body, 'PAYMENT_NOT_ALLOWED');
    }
    // The close after the cancel (or after a start that lost) is asynchronous.
    await eventually(async () => t.fake.state.pay.order(orderNo)?.state ?? 'none', (state) => state === 'CLOSED' || state === 'none');
    const handedOut = started.filter((answer) => answer.status === 200);
    for (const answer of handedOut) await expect(payAtFake(t, answer.body.prepayId!)).rejects.toThrow();
    // A start after the cancel hands out nothing.
    expectApiError((await startPayment(orderNo).expect(409)).body, 'PAYMENT_NOT_ALLOWED');
    return handedOut.length;
  }

  /** Fires the cancel and 10 payment starts at once, `rounds` times on fresh orders, and checks the aftermath. */
  async function race(rounds: number, cancel: (orderNo: string) => Promise<unknown>, before?: (orderNo: string) => Promise<void>) {
    for (let round = 0; round < rounds; round++) {
      const { orderNo } = await placeOrder();
      await before?.(orderNo);
      const [, ...started] = await Promise.all([cancel(orderNo), ...Array.from({ length: 10 }, () => startPayment(orderNo))]);
      await expectNothingPayable(orderNo, started);
    }
  }

  it('shopper cancel + 10 parallel payment starts, 8 rounds: never an open WeChat order for the cancelled order', async () => {
    await race(8, (orderNo) => t.api().post(`${API}/orders/${orderNo}/cancel`).set(bearer(alice)).expect(200));
  }, 90_000);

  it('staff cancel racing payment starts on an order whose payment was started before', async () => {
    await race(
      4,
      (orderNo) => t.api().post(`${API}/admin/orders/${orderNo}/cancel`).set(bearer(owner)).send({ reason: '缺货' }).expect(200),
      async (orderNo) => {
        await startPayment(orderNo).expect(200);
        // An expired prepay makes the starts ask WeChat again while the cancel runs.
        await t.dataSource.getRepository(OrderRow).update({ orderNo }, { prepayExpiresAt: new Date(Date.now() - 1000) });
      },
    );
  }, 90_000);

  it('the unpaid-timeout sweep racing payment starts', async () => {
    // The sweep runs as if the deadline had passed; the starts still see a deadline in the future.
    await race(4, () => t.app.get(UnpaidOrderSweeper).sweep(new Date(Date.now() + 24 * 60 * 60_000)));
  }, 90_000);

  it('leaves the stock ledger balanced: the movements of every SKU sum to its stock, one sale per order line', async () => {
    await expectStockLedgerBalanced(t);
  });
});
