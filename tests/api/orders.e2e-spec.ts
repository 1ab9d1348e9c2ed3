import request from 'supertest';
import type { CheckoutPreview, OrderDetail, OrderSummary, Paginated } from '../../shared';
import { OrderLineRow } from '../../server/src/orders/order-line.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { OrderEvents, type OrderCancelledPayload, type OrderCreatedPayload } from '../../server/src/orders/order-events';
import { EventFollowers } from '../../server/src/platform/events/event-followers';
import { deliveriesOf, orderEventsOf } from './support/domain-events';
import { UnpaidOrderSweeper } from '../../server/src/orders/unpaid-order-sweeper';
import { ADDRESS, ShopFixtures } from './support/shop-fixtures';
import { expectStockLedgerBalanced, movementsOfSku } from './support/stock-ledger';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';
import { eventually } from './support/pay-helpers';

describe(`checkout and orders (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  /** The app on a real loopback port: the races below fire hundreds of requests at once. */
  let http: () => ReturnType<typeof request>;
  let alice: string;
  let aliceAddress: number;
  let tokenCount = 0;
  const clientToken = () => `token-${Date.now().toString(36)}-${++tokenCount}`;

  beforeAll(async () => {
    t = await startTestApp();
    // This suite runs the sweep itself, at the moments the tests choose.
    await t.app.listen(0, '127.0.0.1');
    const url = await t.app.getUrl();
    http = () => request(url);
    shop = new ShopFixtures(t);
    await shop.init();
    alice = await memberToken(t, 'orders-alice');
    aliceAddress = await shop.address(alice);
  });
  afterAll(() => t.close());

  const place = (token: string, body: object, headers: Record<string, string> = {}) =>
    http().post(`${API}/orders`).set(bearer(token)).set(headers).send(body);
  const orderRows = () => t.dataSource.getRepository(OrderRow);
  const sweeper = () => t.app.get(UnpaidOrderSweeper);
  /** Moves an order's pay deadline into the past, as if its 30 minutes had gone by. */
  const expire = (orderNo: string) => orderRows().update({ orderNo }, { payDeadlineAt: new Date(Date.now() - 60_000) });

  describe('checkout preview', () => {
    it('prices the lines on the server, adds the shipping rule, and uses the default address', async () => {
      const a = await shop.sku(1990, 10);
      const b = await shop.sku(3500, 10);
      const preview: CheckoutPreview = (
        await http().post(`${API}/checkout/preview`).set(bearer(alice)).send({ items: [{ skuId: a, quantity: 2 }, { skuId: b, quantity: 1 }] }).expect(200)
      ).body;
      expect(preview.lines.map((line) => [line.skuId, line.unitPriceFen, line.quantity, line.lineTotalFen, line.unavailableReason])).toEqual([
        [a, 1990, 2, 3980, null],
        [b, 3500, 1, 3500, null],
      ]);
      // ¥74.80 is under the ¥99 threshold: + ¥8 shipping.
      expect(preview.pricing).toEqual({
        listTotalFen: 7480,
        memberDiscountFen: 0,
        promotionDiscountFen: 0,
        couponDiscountFen: 0,
        pointsDiscountFen: 0,
        shippingFeeFen: 800,
        payableFen: 8280,
      });
      expect(preview.address).toEqual(expect.objectContaining({ id: aliceAddress, isDefault: true }));
      expect(preview.canSubmit).toBe(true);

      const free: CheckoutPreview = (await http().post(`${API}/checkout/preview`).set(bearer(alice)).send({ items: [{ skuId: b, quantity: 3 }] }).expect(200)).body;
      expect(free.pricing).toEqual(expect.objectContaining({ listTotalFen: 10500, shippingFeeFen: 0, payableFen: 10500 }));
    });

    it('shows a price changed since the cart and lines out of stock, without applying or pricing them', async () => {
      const bob = await memberToken(t, 'preview-bob');
      const changed = await shop.sku(5000, 10);
      const short = await shop.sku(1000, 2);
      await http().post(`${API}/cart/items`).set(bearer(bob)).send({ skuId: changed, quantity: 1 }).expect(200);
      await shop.setPrice(changed, 5500);
      const preview: CheckoutPreview = (
        await http().post(`${API}/checkout/preview`).set(bearer(bob)).send({ items: [{ skuId: changed, quantity: 1 }, { skuId: short, quantity: 3 }] }).expect(200)
      ).body;
      expect(preview.lines[0]).toEqual(expect.objectContaining({ unitPriceFen: 5500, cartPriceFen: 5000, unavailableReason: null }));
      expect(preview.lines[1]).toEqual(expect.objectContaining({ cartPriceFen: null, stock: 2, unavailableReason: 'insufficient_stock' }));
      expect(preview.pricing).toEqual(expect.objectContaining({ listTotalFen: 5500, shippingFeeFen: 800, payableFen: 6300 }));
      // Bob has no address yet.
      expect(preview.address).toBeNull();
      expect(preview.canSubmit).toBe(false);
    });

    it('answers unknown SKUs and other members’ addresses with 404', async () => {
      const skuId = await shop.sku(100, 5);
      const bob = await memberToken(t, 'preview-bob');
      const unknownSku = await http().post(`${API}/checkout/preview`).set(bearer(alice)).send({ items: [{ skuId: 987654, quantity: 1 }] }).expect(404);
      expectApiError(unknownSku.body, 'SKU_NOT_FOUND');
      expect(unknownSku.body.details).toEqual({ skuId: 987654 });
      const foreign = await http().post(`${API}/checkout/preview`).set(bearer(bob)).send({ items: [{ skuId, quantity: 1 }], addressId: aliceAddress }).expect(404);
      expectApiError(foreign.body, 'ADDRESS_NOT_FOUND');
    });
  });

  describe('placing an order', () => {
    it('creates a pending order with snapshots, the pricing breakdown, the source, a pay deadline, and takes the stock', async () => {
      const product = await shop.product([{ priceFen: 1990, stock: 10 }, { priceFen: 3500, stock: 4 }]);
      const [a, b] = product.skus.map((sku) => sku.id);
      const before = Date.now();
      const response = await place(
        alice,
        { clientToken: clientToken(), items: [{ skuId: a, quantity: 2 }, { skuId: b, quantity: 1 }], addressId: aliceAddress, remark: ' 请尽快发货 ' },
        { 'x-channel-code': 'spring-poster', 'x-live-room-id': 'room-9' },
      ).expect(201);
      const order: OrderDetail = response.body;
      expect(order.orderNo).toMatch(/^\d{18}$/);
      expect(order.status).toBe('pending_payment');
      expect(order.lines).toEqual([
        { skuId: a, productId: product.id, title: product.title, specValues: ['规格1'], imageUrl: product.images[0], unitPriceFen: 1990, quantity: 2, lineTotalFen: 3980 },
        { skuId: b, productId: product.id, title: product.title, specValues: ['规格2'], imageUrl: product.images[0], unitPriceFen: 3500, quantity: 1, lineTotalFen: 3500 },
      ]);
      expect(order.itemCount).toBe(3);
      expect(order.pricing).toEqual(expect.objectContaining({ listTotalFen: 7480, shippingFeeFen: 800, payableFen: 8280 }));
      expect(order.payableFen).toBe(8280);
      const { isDefault: _d, ...addressFields } = { ...ADDRESS, isDefault: true };
      expect(order.address).toEqual(addressFields);
      expect(order.remark).toBe('请尽快发货');
      expect(order.source).toEqual({ channelCode: 'spring-poster', referrerCode: null, sharerMemberId: null, liveRoomId: 'room-9', groupBuyTeamId: null, liveSessionId: null, liveAttribution: null });
      const deadline = Date.parse(order.payDeadlineAt!);
      expect(deadline - before).toBeGreaterThanOrEqual(30 * 60_000 - 2000);
      expect(deadline - Date.now()).toBeLessThanOrEqual(30 * 60_000 + 1000);
      expect(order).toEqual(expect.objectContaining({ paidAt: null, shippedAt: null, completedAt: null, cancelledAt: null, cancelReason: null }));

      expect(await shop.stockOf(a)).toBe(8);
      expect(await shop.stockOf(b)).toBe(3);
      expect(await shop.productTotalStock(product.id)).toBe(11);

      // Later catalog and address-book edits never change a placed order.
      await shop.setPrice(a, 9999);
      await http().put(`${API}/addresses/${aliceAddress}`).set(bearer(alice)).send({ ...ADDRESS, detail: '搬家了' }).expect(200);
      const reread: OrderDetail = (await http().get(`${API}/orders/${order.orderNo}`).set(bearer(alice)).expect(200)).body;
      expect(reread).toEqual(order);
      await http().put(`${API}/addresses/${aliceAddress}`).set(bearer(alice)).send(ADDRESS).expect(200);
    });

    it('drops attribution headers that are not plausible codes instead of refusing the order', async () => {
      const skuId = await shop.sku(100, 5);
      const order: OrderDetail = (
        await place(alice, { clientToken: clientToken(), items: [{ skuId, quantity: 1 }], addressId: aliceAddress }, { 'x-channel-code': 'x'.repeat(65), 'x-share-link': '<script>' }).expect(201)
      ).body;
      expect(order.source).toEqual({ channelCode: null, referrerCode: null, sharerMemberId: null, liveRoomId: null, groupBuyTeamId: null, liveSessionId: null, liveAttribution: null });
    });

    it('takes ordered SKUs out of the cart when placed from the cart, and only those', async () => {
      const carol = await memberToken(t, 'orders-carol');
      const address = await shop.address(carol);
      const ordered = await shop.sku(1000, 10);
      const kept = await shop.sku(2000, 10);
      for (const skuId of [ordered, kept]) await http().post(`${API}/cart/items`).set(bearer(carol)).send({ skuId, quantity: 1 }).expect(200);
      await place(carol, { clientToken: clientToken(), items: [{ skuId: ordered, quantity: 1 }], addressId: address, fromCart: true }).expect(201);
      const cart = (await http().get(`${API}/cart`).set(bearer(carol)).expect(200)).body;
      expect(cart.items.map((item: { skuId: number }) => item.skuId)).toEqual([kept]);
      // Buying directly (立即购买) leaves the cart alone.
      await place(carol, { clientToken: clientToken(), items: [{ skuId: kept, quantity: 1 }], addressId: address }).expect(201);
      expect((await http().get(`${API}/cart`).set(bearer(carol)).expect(200)).body.items).toHaveLength(1);
    });

    it('answers a repeated clientToken with the same order and takes the stock once', async () => {
      const skuId = await shop.sku(1500, 10);
      const body = { clientToken: clientToken(), items: [{ skuId, quantity: 2 }], addressId: aliceAddress };
      const first: OrderDetail = (await place(alice, body).expect(201)).body;
      const again: OrderDetail = (await place(alice, { ...body, items: [{ skuId, quantity: 5 }] }).expect(200)).body;
      expect(again.orderNo).toBe(first.orderNo);
      expect(again.itemCount).toBe(2);
      expect(await shop.stockOf(skuId)).toBe(8);
      // A repeat is answered with its order even when that order took the last units.
      const lastUnits = await shop.sku(1500, 2);
      const soldOut = { clientToken: clientToken(), items: [{ skuId: lastUnits, quantity: 2 }], addressId: aliceAddress };
      const taken: OrderDetail = (await place(alice, soldOut).expect(201)).body;
      expect((await place(alice, soldOut).expect(200)).body).toEqual(taken);
      expect(await shop.stockOf(lastUnits)).toBe(0);
      // The token is per member: another member may use the same string.
      const dave = await memberToken(t, 'orders-dave');
      const daveAddress = await shop.address(dave);
      const daves: OrderDetail = (await place(dave, { ...body, addressId: daveAddress }).expect(201)).body;
      expect(daves.orderNo).not.toBe(first.orderNo);
    });

    it('refuses an order when any SKU is short or off shelf, and writes nothing', async () => {
      const plenty = await shop.sku(1000, 10);
      const scarce = await shop.product([{ priceFen: 1000, stock: 1 }]);
      const ordersBefore = await orderRows().count();
      const short = await place(alice, {
        clientToken: clientToken(),
        items: [{ skuId: plenty, quantity: 1 }, { skuId: scarce.skus[0].id, quantity: 2 }],
        addressId: aliceAddress,
      }).expect(409);
      expectApiError(short.body, 'OUT_OF_STOCK');
      expect(short.body.details).toEqual({ skuId: scarce.skus[0].id });
      expect(short.body.message).toContain(scarce.title);

      await shop.setShelf(scarce.id, false);
      const offShelf = await place(alice, { clientToken: clientToken(), items: [{ skuId: scarce.skus[0].id, quantity: 1 }], addressId: aliceAddress }).expect(409);
      expectApiError(offShelf.body, 'PRODUCT_OFF_SHELF');
      expect(await orderRows().count()).toBe(ordersBefore);
      expect(await shop.stockOf(plenty)).toBe(10);
      expect(await shop.stockOf(scarce.skus[0].id)).toBe(1);
      // The sale movements went in before the refused decrement and were rolled back with it.
      expect(await movementsOfSku(t, plenty)).toEqual([{ reason: 'initial', delta: 10 }]);
    });

    it('never accepts prices or totals from the client', async () => {
      const skuId = await shop.sku(2000, 10);
      const base = { clientToken: clientToken(), items: [{ skuId, quantity: 1 }], addressId: aliceAddress };
      for (const body of [
        { ...base, payableFen: 1 },
        { ...base, pricing: { payableFen: 1 } },
        { ...base, items: [{ skuId, quantity: 1, unitPriceFen: 1 }] },
        { ...base, shippingFeeFen: 0 },
        { ...base, status: 'paid' },
      ]) {
        const response = await place(alice, body).expect(400);
        expectApiError(response.body, 'VALIDATION_FAILED');
      }
      expect(await shop.stockOf(skuId)).toBe(10);
      const order: OrderDetail = (await place(alice, base).expect(201)).body;
      expect(order.payableFen).toBe(2800);
    });

    it('rejects malformed submissions with a code', async () => {
      const skuId = await shop.sku(100, 5);
      const good = { clientToken: clientToken(), items: [{ skuId, quantity: 1 }], addressId: aliceAddress };
      const cases: [object, number, string][] = [
        [{}, 400, 'VALIDATION_FAILED'],
        [{ ...good, clientToken: 'short' }, 400, 'VALIDATION_FAILED'],
        [{ ...good, clientToken: 'x'.repeat(65) }, 400, 'VALIDATION_FAILED'],
        [{ ...good, clientToken: 'has spaces in it' }, 400, 'VALIDATION_FAILED'],
        [{ ...good, clientToken: 12345678 }, 400, 'VALIDATION_FAILED'],
        [{ ...good, items: [] }, 400, 'VALIDATION_FAILED'],
        [{ ...good, items: 'all' }, 400, 'VALIDATION_FAILED'],
        [{ ...good, items: [1, 2] }, 400, 'VALIDATION_FAILED'],
        [{ ...good, items: [{ skuId, quantity: -1 }] }, 400, 'VALIDATION_FAILED'],
        [{ ...good, items: [{ skuId, quantity: 0 }] }, 400, 'VALIDATION_FAILED'],
        [{ ...good, items: [{ skuId, quantity: 100 }] }, 400, 'VALIDATION_FAILED'],
        [{ ...good, items: [{ skuId, quantity: '1' }] }, 400, 'VALIDATION_FAILED'],
        [{ ...good, items: [{ skuId, quantity: 1 }, { skuId, quantity: 2 }] }, 400, 'VALIDATION_FAILED'],
        [{ ...good, items: Array.from({ length: 51 }, (_, i) => ({ skuId: i + 1, quantity: 1 })) }, 400, 'VALIDATION_FAILED'],
        [{ ...good, addressId: 'home' }, 400, 'VALIDATION_FAILED'],
        [{ ...good, remark: 'x'.repeat(201) }, 400, 'VALIDATION_FAILED'],
        [{ ...good, remark: 'x'.repeat(500_000) }, 400, 'VALIDATION_FAILED'],
        [{ ...good, fromCart: 'yes' }, 400, 'VALIDATION_FAILED'],
        [{ ...good, items: [{ skuId: 876543, quantity: 1 }] }, 404, 'SKU_NOT_FOUND'],
        [{ ...good, addressId: 876543 }, 404, 'ADDRESS_NOT_FOUND'],
      ];
      for (const [body, status, code] of cases) {
        const response = await place(alice, body);
        expect([JSON.stringify(body).slice(0, 80), response.status]).toEqual([JSON.stringify(body).slice(0, 80), status]);
        expectApiError(response.body, code);
      }
      const previewCases: object[] = [{}, { items: [{ skuId, quantity: -2 }] }, { items: [{ skuId }] }, { items: [{ skuId, quantity: 1 }], addressId: -1 }, { items: [{ skuId, quantity: 1 }], coupon: 'x' }];
      for (const body of previewCases) {
        expectApiError((await http().post(`${API}/checkout/preview`).set(bearer(alice)).send(body).expect(400)).body, 'VALIDATION_FAILED');
      }
      expectApiError((await http().post(`${API}/orders`).send(good).expect(401)).body, 'UNAUTHORIZED');
      expect(await shop.stockOf(skuId)).toBe(5);
    });
  });

  describe('reading orders', () => {
    it('lists the member’s orders newest first, by tab, with pages', async () => {
      const erin = await memberToken(t, 'orders-erin');
      const address = await shop.address(erin);
      const skuId = await shop.sku(100, 20);
      const placed: string[] = [];
      for (let i = 0; i < 3; i++) {
        placed.push((await place(erin, { clientToken: clientToken(), items: [{ skuId, quantity: 1 }], addressId: address }).expect(201)).body.orderNo);
      }
      await http().post(`${API}/orders/${placed[0]}/cancel`).set(bearer(erin)).expect(200);
      const list = async (query: string): Promise<Paginated<OrderSummary>> => (await http().get(`${API}/orders?${query}`).set(bearer(erin)).expect(200)).body;

      const all = await list('');
      expect(all.items.map((order) => order.orderNo)).toEqual([...placed].reverse());
      expect(all).toEqual(expect.objectContaining({ total: 3, page: 1, pageSize: 20 }));
      expect(all.items[0].lines).toHaveLength(1);
      expect((await list('status=pending_payment')).items.map((order) => order.orderNo)).toEqual([placed[2], placed[1]]);
      expect((await list('status=paid')).items).toEqual([]);
      expect((await list('status=after_sale')).items).toEqual([]);
      const page2 = await list('status=all&page=2&pageSize=2');
      expect(page2.items.map((order) => order.orderNo)).toEqual([placed[0]]);
      expect(page2.items[0].status).toBe('cancelled');
      expect(page2.items[0].payDeadlineAt).toBeNull();

      for (const query of ['status=unpaid', 'page=0', 'pageSize=101', 'page=x', 'extra=1']) {
        expectApiError((await http().get(`${API}/orders?${query}`).set(bearer(erin)).expect(400)).body, 'VALIDATION_FAILED');
      }
    });

    it('hides another member’s order: reading and cancelling it are 404, and it stays as it was', async () => {
      const skuId = await shop.sku(100, 5);
      const order: OrderDetail = (await place(alice, { clientToken: clientToken(), items: [{ skuId, quantity: 1 }], addressId: aliceAddress }).expect(201)).body;
      const mallory = await memberToken(t, 'orders-mallory');
      expectApiError((await http().get(`${API}/orders/${order.orderNo}`).set(bearer(mallory)).expect(404)).body, 'ORDER_NOT_FOUND');
      expectApiError((await http().post(`${API}/orders/${order.orderNo}/cancel`).set(bearer(mallory)).expect(404)).body, 'ORDER_NOT_FOUND');
      expect((await http().get(`${API}/orders`).set(bearer(mallory)).expect(200)).body.total).toBe(0);
      expect((await http().get(`${API}/orders/${order.orderNo}`).set(bearer(alice)).expect(200)).body.status).toBe('pending_payment');
      for (const orderNo of ['123', 'abc', '1'.repeat(90), `${order.orderNo}0`]) {
        expectApiError((await http().get(`${API}/orders/${orderNo}`).set(bearer(alice)).expect(404)).body, 'ORDER_NOT_FOUND');
      }
      expectApiError((await http().post(`${API}/orders/abc/cancel`).set(bearer(alice)).expect(404)).body, 'ORDER_NOT_FOUND');
      expectApiError((await http().post(`${API}/orders/${order.orderNo}/cancel`).expect(401)).body, 'UNAUTHORIZED');
      // Past Fastify's path-parameter limit the router itself refuses, in the API's error shape.
      expectApiError((await http().get(`${API}/orders/${'1'.repeat(300)}`).set(bearer(alice)).expect(400)).body, 'VALIDATION_FAILED');
    });
  });

  describe('cancelling and the unpaid timeout', () => {
    it('cancels an unpaid order once and returns its stock once', async () => {
      const skuId = await shop.sku(100, 10);
      const order: OrderDetail = (await place(alice, { clientToken: clientToken(), items: [{ skuId, quantity: 3 }], addressId: aliceAddress }).expect(201)).body;
      expect(await shop.stockOf(skuId)).toBe(7);
      const cancelled: OrderDetail = (await http().post(`${API}/orders/${order.orderNo}/cancel`).set(bearer(alice)).expect(200)).body;
      expect(cancelled).toEqual(expect.objectContaining({ status: 'cancelled', cancelReason: 'shopper', payDeadlineAt: null, cancelledAt: expect.any(String) }));
      expect(await shop.stockOf(skuId)).toBe(10);
      const again: OrderDetail = (await http().post(`${API}/orders/${order.orderNo}/cancel`).set(bearer(alice)).expect(200)).body;
      expect(again).toEqual(cancelled);
      expect(await shop.stockOf(skuId)).toBe(10);
      expect(await movementsOfSku(t, skuId)).toEqual([
        { reason: 'initial', delta: 10 },
        { reason: 'sale', delta: -3 },
        { reason: 'cancel_return', delta: 3 },
      ]);
    });

    it('refuses to cancel an order that has left pending_payment', async () => {
      const skuId = await shop.sku(100, 10);
      const order: OrderDetail = (await place(alice, { clientToken: clientToken(), items: [{ skuId, quantity: 1 }], addressId: aliceAddress }).expect(201)).body;
      // Payment arrives with the next issue; until then the paid state is set directly.
      await orderRows().update({ orderNo: order.orderNo }, { status: 'paid', paidAt: new Date(), payDeadlineAt: null });
      const response = await http().post(`${API}/orders/${order.orderNo}/cancel`).set(bearer(alice)).expect(409);
      expectApiError(response.body, 'ORDER_STATE_CONFLICT');
      expect(response.body.details).toEqual({ status: 'paid' });
      expect(await shop.stockOf(skuId)).toBe(9);
      // A paid order is never swept, whatever its old deadline.
      await orderRows().update({ orderNo: order.orderNo }, { payDeadlineAt: new Date(Date.now() - 3_600_000) });
      await sweeper().sweep();
      expect((await orderRows().findOneByOrFail({ orderNo: order.orderNo })).status).toBe('paid');
    });

    it('sweeps orders past their deadline, returns their stock, and leaves the others', async () => {
      const skuId = await shop.sku(100, 10);
      const due: OrderDetail = (await place(alice, { clientToken: clientToken(), items: [{ skuId, quantity: 2 }], addressId: aliceAddress }).expect(201)).body;
      const notYet: OrderDetail = (await place(alice, { clientToken: clientToken(), items: [{ skuId, quantity: 1 }], addressId: aliceAddress }).expect(201)).body;
      await expire(due.orderNo);
      expect(await sweeper().sweep()).toBeGreaterThanOrEqual(1);
      const swept: OrderDetail = (await http().get(`${API}/orders/${due.orderNo}`).set(bearer(alice)).expect(200)).body;
      expect(swept).toEqual(expect.objectContaining({ status: 'cancelled', cancelReason: 'timeout' }));
      expect((await http().get(`${API}/orders/${notYet.orderNo}`).set(bearer(alice)).expect(200)).body.status).toBe('pending_payment');
      expect(await shop.stockOf(skuId)).toBe(9);
      // Running it again (or on another instance) changes nothing.
      await sweeper().sweep();
      expect(await shop.stockOf(skuId)).toBe(9);
      expect(await movementsOfSku(t, skuId)).toEqual([
        { reason: 'initial', delta: 10 },
        { reason: 'sale', delta: -2 },
        { reason: 'sale', delta: -1 },
        { reason: 'cancel_return', delta: 2 },
      ]);
    });

    it('uses the unpaid timeout from the shop settings', async () => {
      const operator = await import('./support/test-app').then((m) => m.staffToken(t, 'operator'));
      const settings = (await http().get(`${API}/admin/settings/shop`).set(bearer(operator)).expect(200)).body;
      await http().put(`${API}/admin/settings/shop`).set(bearer(operator)).send({ ...settings, unpaidTimeoutMinutes: 5, shippingFeeFen: 600 }).expect(200);
      try {
        const skuId = await shop.sku(100, 10);
        const order: OrderDetail = (await place(alice, { clientToken: clientToken(), items: [{ skuId, quantity: 1 }], addressId: aliceAddress }).expect(201)).body;
        expect(Date.parse(order.payDeadlineAt!) - Date.parse(order.createdAt)).toBeLessThanOrEqual(5 * 60_000 + 1000);
        expect(Date.parse(order.payDeadlineAt!) - Date.parse(order.createdAt)).toBeGreaterThanOrEqual(5 * 60_000 - 1000);
        expect(order.pricing.shippingFeeFen).toBe(600);
      } finally {
        await http().put(`${API}/admin/settings/shop`).set(bearer(operator)).send(settings).expect(200);
      }
    });

    it('records order.created and order.cancelled with the change and delivers them after commit; a failing follower changes nothing', async () => {
      const followers = t.app.get(EventFollowers);
      const created: OrderCreatedPayload[] = [];
      const cancelled: OrderCancelledPayload[] = [];
      let listening = true;
      followers.register<OrderCreatedPayload>({ name: 'test.record-created', label: '测试跟随者', on: [OrderEvents.created], handle: async ({ payload }) => void (listening && created.push(payload)) });
      followers.register<OrderCancelledPayload>({ name: 'test.record-cancelled', label: '测试跟随者', on: [OrderEvents.cancelled], handle: async ({ payload }) => void (listening && cancelled.push(payload)) });
      followers.register({
        name: 'test.fails-at-once',
        label: '测试跟随者',
        on: [OrderEvents.created],
        handle: (() => {
          if (listening) throw new Error('follower broke');
        }) as () => Promise<void>,
      });
      followers.register({
        name: 'test.fails-later',
        label: '测试跟随者',
        on: [OrderEvents.cancelled],
        handle: async () => {
          if (listening) throw new Error('follower broke later');
        },
      });
      try {
        const skuId = await shop.sku(4200, 10);
        const order: OrderDetail = (await place(alice, { clientToken: clientToken(), items: [{ skuId, quantity: 1 }], addressId: aliceAddress }).expect(201)).body;
        // The row is written with the order; its followers run right after the commit (the answer does not wait for them).
        expect(await orderEventsOf(t, OrderEvents.created, order.orderNo)).toEqual([expect.objectContaining({ orderNo: order.orderNo, payableFen: 5000, status: 'pending_payment' })]);
        await eventually(async () => created, (events) => events.length === 1);
        expect(created).toEqual([expect.objectContaining({ orderNo: order.orderNo, payableFen: 5000, orderId: expect.any(Number), memberId: expect.any(Number) })]);
        await http().post(`${API}/orders/${order.orderNo}/cancel`).set(bearer(alice)).expect(200);
        await eventually(async () => cancelled, (events) => events.length === 1);
        expect(cancelled).toEqual([expect.objectContaining({ orderNo: order.orderNo, reason: 'shopper', status: 'cancelled' })]);
        const failed = await eventually(() => deliveriesOf(t, 'test.fails-later'), (rows) => rows[0]?.attempts === 1);
        expect(failed).toEqual([expect.objectContaining({ status: 'pending', attempts: 1, lastError: 'follower broke later' })]);
        expect((await orderRows().findOneByOrFail({ orderNo: order.orderNo })).status).toBe('cancelled');
        expect(await shop.stockOf(skuId)).toBe(10);
      } finally {
        listening = false;
      }
    });
  });

  describe('races', () => {
    it('200 parallel orders for a SKU with stock 50: exactly 50 orders, stock 0, never negative', async () => {
      const product = await shop.product([{ priceFen: 990, stock: 50 }]);
      const skuId = product.skus[0].id;
      const buyers = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const token = await memberToken(t, `race-buyer-${i}`);
          return { token, addressId: await shop.address(token) };
        }),
      );
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) => {
          const buyer = buyers[i % buyers.length];
          return place(buyer.token, { clientToken: clientToken(), items: [{ skuId, quantity: 1 }], addressId: buyer.addressId });
        }),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(50);
      expect(statuses.filter((status) => status === 409)).toHaveLength(150);
      for (const response of responses.filter((r) => r.status === 409)) expectApiError(response.body, 'OUT_OF_STOCK');

      expect(await shop.stockOf(skuId)).toBe(0);
      expect(await shop.productTotalStock(product.id)).toBe(0);
      const lines = await t.dataSource.getRepository(OrderLineRow).findBy({ skuId });
      expect(lines).toHaveLength(50);
      expect(lines.reduce((sum, line) => sum + line.quantity, 0)).toBe(50);
      expect(new Set(responses.filter((r) => r.status === 201).map((r) => r.body.orderNo)).size).toBe(50);
      // One sale movement per order line, none for the refused orders: the ledger says 50 − 50 = 0.
      const movements = await movementsOfSku(t, skuId);
      expect(movements.filter((m) => m.reason === 'sale')).toHaveLength(50);
      expect(movements.reduce((sum, m) => sum + m.delta, 0)).toBe(0);
      await expectStockLedgerBalanced(t);
    });

    it('staff saving the product (stock set to 60, then 80) while 40 orders come in: every unit is in the ledger', async () => {
      const product = await shop.product([{ priceFen: 500, stock: 50 }, { priceFen: 700, stock: 50 }]);
      const [first, second] = product.skus.map((sku) => sku.id);
      const operator = await staffToken(t, 'operator');
      const save = (stock: number) =>
        http().put(`${API}/admin/products/${product.id}`).set(bearer(operator)).send({
          categoryId: product.categoryId,
          title: product.title,
          images: product.images,
          specs: product.specs,
          skus: product.skus.map((sku) => ({ id: sku.id, specValues: sku.specValues, priceFen: sku.priceFen, stock })),
        });
      const orders = Array.from({ length: 40 }, (_, i) =>
        place(alice, { clientToken: clientToken(), items: [{ skuId: first, quantity: 1 }, { skuId: second, quantity: 1 }], addressId: aliceAddress }).then((r) => r.status),
      );
      const [statuses, ...saves] = await Promise.all([Promise.all(orders), save(60), save(80)]);
      expect(saves.map((response) => response.status)).toEqual([200, 200]);
      expect(statuses.every((status) => status === 201)).toBe(true);
      // Whatever order they ran in, each SKU's movements sum to its stock: a save records the difference from
      // the stock it found (after the orders before it), never from a stale read.
      await expectStockLedgerBalanced(t);
      for (const skuId of [first, second]) {
        const movements = await movementsOfSku(t, skuId);
        expect(movements.filter((m) => m.reason === 'sale')).toHaveLength(40);
        expect(movements.filter((m) => m.reason === 'product_edit').length).toBeGreaterThanOrEqual(1);
      }
      expect(await shop.productTotalStock(product.id)).toBe((await shop.stockOf(first)) + (await shop.stockOf(second)));
    });

    it('the same clientToken fired 20 times at once: one order, stock taken once', async () => {
      const skuId = await shop.sku(1000, 100);
      const body = { clientToken: clientToken(), items: [{ skuId, quantity: 3 }], addressId: aliceAddress };
      const responses = await Promise.all(Array.from({ length: 20 }, () => place(alice, body)));
      expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
      expect(responses.filter((response) => response.status === 200)).toHaveLength(19);
      expect(new Set(responses.map((response) => response.body.orderNo)).size).toBe(1);
      expect(await orderRows().countBy({ clientToken: body.clientToken })).toBe(1);
      expect(await shop.stockOf(skuId)).toBe(97);
      expect(await movementsOfSku(t, skuId)).toEqual([{ reason: 'initial', delta: 100 }, { reason: 'sale', delta: -3 }]);
    });

    it('a shopper cancel racing the timeout sweep (twice over) cancels once and returns the stock once', async () => {
      const skuId = await shop.sku(100, 100);
      const orders: OrderDetail[] = [];
      for (let i = 0; i < 8; i++) {
        orders.push((await place(alice, { clientToken: clientToken(), items: [{ skuId, quantity: 2 }], addressId: aliceAddress }).expect(201)).body);
      }
      expect(await shop.stockOf(skuId)).toBe(84);
      for (const order of orders) await expire(order.orderNo);
      const cancels = orders.map((order) => http().post(`${API}/orders/${order.orderNo}/cancel`).set(bearer(alice)));
      const [cancelResponses, sweptA, sweptB] = await Promise.all([Promise.all(cancels), sweeper().sweep(), sweeper().sweep()]);
      for (const response of cancelResponses) {
        expect(response.status).toBe(200);
        expect(response.body.status).toBe('cancelled');
      }
      const rows = await Promise.all(orders.map((order) => orderRows().findOneByOrFail({ orderNo: order.orderNo })));
      const byShopper = rows.filter((row) => row.cancelReason === 'shopper').length;
      expect(rows.every((row) => row.status === 'cancelled')).toBe(true);
      // Every order was cancelled by exactly one of the racers.
      expect(byShopper + sweptA + sweptB).toBe(orders.length);
      expect(await shop.stockOf(skuId)).toBe(100);
      expect((await movementsOfSku(t, skuId)).filter((m) => m.reason === 'cancel_return')).toHaveLength(orders.length);
      await expectStockLedgerBalanced(t);
    });
  });
});
