import { EntityManager } from 'typeorm';
import type { OrderDetail } from '../../shared';
import { ProductRow } from '../../server/src/catalog/product.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { OrderEvents } from '../../server/src/orders/order-events';
import { UnpaidOrderSweeper } from '../../server/src/orders/unpaid-order-sweeper';
import { PaymentRow } from '../../server/src/payments/payment.entity';
import { PaymentSweeper, RECONCILE_AFTER_MS, RefundResendSweeper } from '../../server/src/payments/payment-sweeper';
import { RefundsService } from '../../server/src/payments/refunds.service';
import { RefundRow } from '../../server/src/payments/refund.entity';
import {
  deliver,
  eventually,
  orderStatus,
  payAtFake,
  signedHeaders,
  startPayment,
  transactionNotification,
} from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';
import { expectStockLedgerBalanced } from './support/stock-ledger';
import { orderEventsOf } from './support/domain-events';

describe(`WeChat Pay for orders (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let alice: string;
  let bob: string;
  let aliceAddress: number;
  let tokenCount = 0;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    // The sweeps run when the tests say so.
    shop = new ShopFixtures(t);
    await shop.init();
    alice = await memberToken(t, 'pay-alice');
    bob = await memberToken(t, 'pay-bob');
    aliceAddress = await shop.address(alice);
  });
  afterAll(() => t.close());

  /** Alice orders `quantity` of a SKU; answers the order. */
  async function order(skuId: number, quantity = 1): Promise<OrderDetail> {
    const body = { clientToken: `pay-${Date.now().toString(36)}-${++tokenCount}`, items: [{ skuId, quantity }], addressId: aliceAddress };
    return (await t.api().post(`${API}/orders`).set(bearer(alice)).send(body).expect(201)).body;
  }
  const orderRow = (orderNo: string) => t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo });
  const paymentsOf = async (orderNo: string) =>
    t.dataSource.getRepository(PaymentRow).findBy({ orderId: (await orderRow(orderNo)).id });
  /**
   * Alice pays the order at the fake WeChat Pay while its notifications cannot reach the app; answers the
   * TRANSACTION.SUCCESS the fake sent, for the test to deliver when it wants.
   */
  async function payWithLostNotification(orderNo: string): Promise<string> {
    const realBase = t.config.wechatPay.publicBaseUrl;
    t.config.wechatPay.publicBaseUrl = 'http://127.0.0.1:9';
    try {
      await payAtFake(t, (await startPayment(t, alice, orderNo)).prepayId);
    } finally {
      t.config.wechatPay.publicBaseUrl = realBase;
    }
    return JSON.stringify(t.fake.state.pay.order(orderNo)!.notification);
  }
  const refundsOf = async (orderNo: string) => t.dataSource.getRepository(RefundRow).findBy({ orderId: (await orderRow(orderNo)).id });

  describe('starting a payment', () => {
    it('places the JSAPI order at WeChat Pay with the pay deadline and signs the requestPayment params', async () => {
      const placed = await order(await shop.sku(2500, 5), 2);
      const started = await startPayment(t, alice, placed.orderNo);
      expect(started).toEqual({
        orderNo: placed.orderNo,
        payableFen: placed.payableFen,
        prepayId: expect.stringMatching(/^wx/),
        params: { timeStamp: expect.stringMatching(/^\d+$/), nonceStr: expect.any(String), package: `prepay_id=${started.prepayId}`, signType: 'RSA', paySign: expect.any(String) },
      });
      const atWechat = t.fake.state.pay.order(placed.orderNo)!;
      expect(atWechat.amountFen).toBe(placed.payableFen);
      // time_expire is in whole seconds.
      expect(Date.parse(atWechat.timeExpire!)).toBe(Math.floor(Date.parse(placed.payDeadlineAt!) / 1000) * 1000);
      expect(atWechat.notifyUrl).toBe(`${t.config.wechatPay.publicBaseUrl}${API}/payments/wechat-pay/notify`);
      // Paying again re-uses the prepay id that is still valid.
      expect((await startPayment(t, alice, placed.orderNo)).prepayId).toBe(started.prepayId);
    });

    it("answers 404 for another member's order and for an unknown one, 409 for a cancelled one", async () => {
      const placed = await order(await shop.sku(1000, 5));
      expectApiError((await t.api().post(`${API}/orders/${placed.orderNo}/payment`).set(bearer(bob)).expect(404)).body, 'ORDER_NOT_FOUND');
      expectApiError((await t.api().post(`${API}/orders/NOPE/payment`).set(bearer(alice)).expect(404)).body, 'ORDER_NOT_FOUND');
      await t.api().post(`${API}/orders/${placed.orderNo}/payment`).expect(401);
      await t.api().post(`${API}/orders/${placed.orderNo}/cancel`).set(bearer(alice)).expect(200);
      expectApiError((await t.api().post(`${API}/orders/${placed.orderNo}/payment`).set(bearer(alice)).expect(409)).body, 'PAYMENT_NOT_ALLOWED');
    });
  });

  describe('notifications', () => {
    it('pays the order once the fake WeChat Pay notifies: payment record, sales count, order.paid', async () => {
      const skuId = await shop.sku(1800, 10);
      const placed = await order(skuId, 3);
      const productId = placed.lines[0].productId;
      const salesBefore = (await t.dataSource.getRepository(ProductRow).findOneByOrFail({ id: productId })).salesCount;

      const { transactionId } = await payAtFake(t, (await startPayment(t, alice, placed.orderNo)).prepayId);
      const paid = await eventually(() => orderStatus(t, alice, placed.orderNo), (o) => o.status === 'paid');
      expect(paid.paidAt).not.toBeNull();
      expect(paid.payDeadlineAt).toBeNull();
      expect(await paymentsOf(placed.orderNo)).toEqual([
        expect.objectContaining({ transactionId, amountFen: placed.payableFen, outcome: 'matched' }),
      ]);
      expect((await t.dataSource.getRepository(ProductRow).findOneByOrFail({ id: productId })).salesCount).toBe(salesBefore + 3);
      expect(await orderEventsOf(t, OrderEvents.paid, placed.orderNo)).toEqual([
        expect.objectContaining({ orderNo: placed.orderNo, status: 'paid', payableFen: placed.payableFen, paidAt: expect.any(String), source: expect.objectContaining({ channelCode: null }) }),
      ]);
      expect(await shop.stockOf(skuId)).toBe(7);
    });

    it('the same notification delivered 20 times in parallel: one transition, one payment record', async () => {
      const placed = await order(await shop.sku(990, 10), 2);
      const body = transactionNotification(t, { orderNo: placed.orderNo, amountFen: placed.payableFen });
      const answers = await Promise.all(Array.from({ length: 20 }, () => deliver(t, body, signedHeaders(t, body))));
      expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(204));
      expect(await paymentsOf(placed.orderNo)).toHaveLength(1);
      const row = await orderRow(placed.orderNo);
      expect(row.status).toBe('paid');
      const sales = (await t.dataSource.getRepository(ProductRow).findOneByOrFail({ id: placed.lines[0].productId })).salesCount;
      expect(sales).toBe(2);
    });

    it('rejects a tampered body, a wrong signature and a stale timestamp; the order stays unpaid', async () => {
      const placed = await order(await shop.sku(1200, 5));
      const body = transactionNotification(t, { orderNo: placed.orderNo, amountFen: placed.payableFen });
      const headers = signedHeaders(t, body);
      const tampered = body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ');
      const rejected = [
        await deliver(t, tampered, headers),
        await deliver(t, body, signedHeaders(t, body, { key: 'stranger' })),
        await deliver(t, body, signedHeaders(t, body, { timestampMs: Date.now() - 6 * 60_000 })),
        await deliver(t, body, signedHeaders(t, body, { timestampMs: Date.now() + 6 * 60_000 })),
      ];
      for (const answer of rejected) {
        expect(answer.status).toBe(401);
        expect(answer.body).toEqual({ code: 'FAIL', message: expect.any(String) });
      }
      const malformed = '{"id":"x"}';
      expect((await deliver(t, malformed, signedHeaders(t, malformed))).status).toBe(400);
      expect((await orderRow(placed.orderNo)).status).toBe('pending_payment');
      expect(await paymentsOf(placed.orderNo)).toEqual([]);
    });

    it('flags a payment whose amount or appid does not match and leaves the order unpaid', async () => {
      const placed = await order(await shop.sku(1500, 5));
      for (const notification of [
        transactionNotification(t, { orderNo: placed.orderNo, amountFen: 1 }),
        transactionNotification(t, { orderNo: placed.orderNo, amountFen: placed.payableFen, appid: 'wx-someone-else' }),
      ]) {
        expect((await deliver(t, notification, signedHeaders(t, notification))).status).toBe(204);
      }
      expect((await paymentsOf(placed.orderNo)).map((p) => p.outcome)).toEqual(['amount_mismatch', 'amount_mismatch']);
      expect((await orderRow(placed.orderNo)).status).toBe('pending_payment');
    });

    it('refunds a payment that arrives after the order was cancelled', async () => {
      const skuId = await shop.sku(3000, 5);
      const placed = await order(skuId, 2);
      // The shopper pays in WeChat, the notification is delayed, the order is cancelled meanwhile.
      const body = await payWithLostNotification(placed.orderNo);
      await t.api().post(`${API}/orders/${placed.orderNo}/cancel`).set(bearer(alice)).expect(200);
      expect((await deliver(t, body, signedHeaders(t, body))).status).toBe(204);
      expect((await orderRow(placed.orderNo)).status).toBe('cancelled');
      expect((await paymentsOf(placed.orderNo)).map((p) => p.outcome)).toEqual(['refunded_late']);
      expect(await shop.stockOf(skuId)).toBe(5);
      // The refund is sent at once and settles by REFUND.SUCCESS.
      const refunds = await eventually(() => refundsOf(placed.orderNo), (rows) => rows[0]?.status === 'succeeded');
      expect(refunds).toEqual([expect.objectContaining({ amountFen: placed.payableFen, afterSaleId: null })]);
    });

    it('loses no refund of a late payment: recording it fails with the payment flag, and one never sent is sent by the sweep', async () => {
      const placed = await order(await shop.sku(2100, 5));
      const body = await payWithLostNotification(placed.orderNo);
      // Cancelled meanwhile, staged in the database so that closing the WeChat order does not find the payment first.
      await t.dataSource.getRepository(OrderRow).update({ orderNo: placed.orderNo }, { status: 'cancelled', cancelledAt: new Date(), cancelReason: 'timeout' });

      // Writing the refund fails once: the payment is not recorded either, so WeChat's next delivery does both.
      const insert = EntityManager.prototype.insert;
      const failing = jest.spyOn(EntityManager.prototype, 'insert').mockImplementation(function (this: EntityManager, target, values) {
        if (target === RefundRow) {
          failing.mockRestore();
          return Promise.reject(new Error('connection lost'));
        }
        return insert.call(this, target, values);
      });
      try {
        expect((await deliver(t, body, signedHeaders(t, body))).status).toBeGreaterThanOrEqual(500);
      } finally {
        failing.mockRestore();
      }
      expect(await paymentsOf(placed.orderNo)).toEqual([]);

      // The next delivery records both; the process "dies" before the refund reaches WeChat.
      const send = jest.spyOn(t.app.get(RefundsService), 'send').mockRejectedValueOnce(new Error('process died'));
      try {
        await deliver(t, body, signedHeaders(t, body));
      } finally {
        send.mockRestore();
      }
      expect((await paymentsOf(placed.orderNo)).map((p) => p.outcome)).toEqual(['refunded_late']);
      // A further delivery is a duplicate; the refund row is already there, waiting to be sent.
      expect((await deliver(t, body, signedHeaders(t, body))).status).toBe(204);
      const [waiting] = await refundsOf(placed.orderNo);
      expect(waiting).toEqual(expect.objectContaining({ kind: 'late_payment', status: 'processing', acceptedAt: null, amountFen: placed.payableFen }));
      expect(await t.app.get(RefundResendSweeper).sweep(new Date(Date.now() + 60 * 60_000))).toBe(1);
      const refunds = await eventually(() => refundsOf(placed.orderNo), (rows) => rows[0]?.status === 'succeeded');
      expect(refunds).toHaveLength(1);
    });
  });

  describe('races', () => {
    it('the unpaid-timeout sweep racing a payment notification: paid, or cancelled and refunded; stock counted once', async () => {
      const outcomes: string[] = [];
      for (let round = 0; round < 6; round++) {
        const skuId = await shop.sku(800, 10);
        const placed = await order(skuId, 4);
        const body = await payWithLostNotification(placed.orderNo);
        await t.dataSource.getRepository(OrderRow).update({ orderNo: placed.orderNo }, { payDeadlineAt: new Date(Date.now() - 1000) });
        const [answer] = await Promise.all([deliver(t, body, signedHeaders(t, body)), t.app.get(UnpaidOrderSweeper).sweep()]);
        expect(answer.status).toBe(204);
        const row = await orderRow(placed.orderNo);
        const payments = await paymentsOf(placed.orderNo);
        expect(payments).toHaveLength(1);
        if (row.status === 'paid') {
          expect(payments[0].outcome).toBe('matched');
          expect(await shop.stockOf(skuId)).toBe(6);
          expect(await refundsOf(placed.orderNo)).toEqual([]);
        } else {
          expect(row.status).toBe('cancelled');
          expect(payments[0].outcome).toBe('refunded_late');
          expect(await shop.stockOf(skuId)).toBe(10);
          await eventually(() => refundsOf(placed.orderNo), (rows) => rows.length === 1 && rows[0].status === 'succeeded');
        }
        outcomes.push(row.status);
      }
      expect(outcomes.every((status) => status === 'paid' || status === 'cancelled')).toBe(true);
    });
  });

  describe('reconciliation and closing', () => {
    it('marks an order paid from the order query when the notification never arrived', async () => {
      const placed = await order(await shop.sku(700, 5));
      await payWithLostNotification(placed.orderNo);
      expect((await orderRow(placed.orderNo)).status).toBe('pending_payment');
      // Too early: the attempt is younger than the reconciliation delay.
      expect(await t.app.get(PaymentSweeper).sweep()).toBe(0);
      expect(await t.app.get(PaymentSweeper).sweep(new Date(Date.now() + RECONCILE_AFTER_MS + 1000))).toBe(1);
      expect((await orderRow(placed.orderNo)).status).toBe('paid');
      expect(await paymentsOf(placed.orderNo)).toHaveLength(1);
    });

    it('refunds a payment found when closing a cancelled order, even if its notification never comes', async () => {
      const skuId = await shop.sku(650, 5);
      const placed = await order(skuId, 1);
      await payWithLostNotification(placed.orderNo);
      await t.api().post(`${API}/orders/${placed.orderNo}/cancel`).set(bearer(alice)).expect(200);
      // Closing answers ORDERPAID: the payment is queried, recorded as late and refunded.
      const payments = await eventually(() => paymentsOf(placed.orderNo), (rows) => rows.length === 1);
      expect(payments[0].outcome).toBe('refunded_late');
      await eventually(() => refundsOf(placed.orderNo), (rows) => rows.length === 1 && rows[0].status === 'succeeded');
      expect((await orderRow(placed.orderNo)).status).toBe('cancelled');
      expect(await shop.stockOf(skuId)).toBe(5);
    });

    it('closes the WeChat Pay order when the order is cancelled', async () => {
      const placed = await order(await shop.sku(600, 5));
      await startPayment(t, alice, placed.orderNo);
      await t.api().post(`${API}/orders/${placed.orderNo}/cancel`).set(bearer(alice)).expect(200);
      await eventually(async () => t.fake.state.pay.order(placed.orderNo)!.state, (state) => state === 'CLOSED');
    });
  });

  it('leaves the stock ledger balanced: the movements of every SKU sum to its stock, one sale per order line', async () => {
    await expectStockLedgerBalanced(t);
  });
});
