import { EventEmitter2 } from '@nestjs/event-emitter';
import type { AfterSale, OrderDetail, Paginated } from '../../shared';
import { OrderEvents } from '../../server/src/orders/order-events';
import { OrderRow } from '../../server/src/orders/order.entity';
import { RefundRow } from '../../server/src/payments/refund.entity';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, PNG_1X1, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

describe(`after-sales and refunds (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let alice: string;
  let aliceAddress: number;
  let service: string;
  let warehouse: string;
  let tokenCount = 0;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
    alice = await memberToken(t, 'after-sale-alice');
    aliceAddress = await shop.address(alice);
    service = await staffToken(t, 'service');
    warehouse = await staffToken(t, 'warehouse');
  });
  afterAll(() => t.close());

  /** A paid order of `quantity` units of a fresh SKU with stock 10. */
  async function paidOrder(quantity = 2): Promise<{ order: OrderDetail; skuId: number }> {
    const skuId = await shop.sku(3000, 10);
    const body = { clientToken: `as-${Date.now().toString(36)}-${++tokenCount}`, items: [{ skuId, quantity }], addressId: aliceAddress };
    const placed: OrderDetail = (await t.api().post(`${API}/orders`).set(bearer(alice)).send(body).expect(201)).body;
    await payAtFake(t, (await startPayment(t, alice, placed.orderNo)).prepayId);
    const order = await eventually(() => orderStatus(t, alice, placed.orderNo), (o) => o.status === 'paid');
    return { order, skuId };
  }
  const apply = (orderNo: string, body: object, token = alice) => t.api().post(`${API}/orders/${orderNo}/after-sales`).set(bearer(token)).send(body);
  const act = (id: number, action: 'approve' | 'reject' | 'refund', body: object = {}, token = service) =>
    t.api().post(`${API}/admin/after-sales/${id}/${action}`).set(bearer(token)).send(body);
  const refundsOf = async (orderNo: string) =>
    t.dataSource.getRepository(RefundRow).findBy({ orderId: (await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo })).id });

  it('refund only: apply with photos, approve, stock back at once, refunded on the refund notification', async () => {
    const { order, skuId } = await paidOrder(3);
    expect(await shop.stockOf(skuId)).toBe(7);
    const refundedEvents: string[] = [];
    t.app.get(EventEmitter2).on(OrderEvents.refunded, (event: { orderNo: string }) => refundedEvents.push(event.orderNo));

    const photo = (await t.api().post(`${API}/me/uploads`).set(bearer(alice)).attach('file', PNG_1X1, 'broken.png').expect(201)).body.url;
    const applied: OrderDetail = (await apply(order.orderNo, { type: 'refund_only', reason: '不想要了', description: '拍错了规格', images: [photo] }).expect(201)).body;
    expect(applied.status).toBe('after_sale');
    expect(applied.afterSale).toEqual(expect.objectContaining({ type: 'refund_only', status: 'applied', refundFen: order.payableFen, images: [photo] }));

    const queue: Paginated<AfterSale> = (await t.api().get(`${API}/admin/after-sales?status=applied`).set(bearer(service)).expect(200)).body;
    expect(queue.items.map((sale) => sale.orderNo)).toContain(order.orderNo);

    const approved: AfterSale = (await act(applied.afterSale!.id, 'approve').expect(200)).body;
    expect(approved.status).toBe('refunding');
    expect(await shop.stockOf(skuId)).toBe(10);

    const refunded = await eventually(() => orderStatus(t, alice, order.orderNo), (o) => o.status === 'refunded');
    expect(refunded.afterSale).toEqual(expect.objectContaining({ status: 'refunded', refundedAt: expect.any(String) }));
    expect(refunded.timeline.map((entry) => entry.event)).toEqual(['created', 'paid', 'after_sale_applied', 'after_sale_approved', 'refund_started', 'refunded']);
    expect(await refundsOf(order.orderNo)).toEqual([expect.objectContaining({ status: 'succeeded', amountFen: order.payableFen })]);
    expect(t.fake.state.pay.order(order.orderNo)).toBeDefined();
    await eventually(async () => refundedEvents, (events) => events.includes(order.orderNo));
    // Repeating the approval answers the case unchanged; stock is not returned twice.
    expect((await act(applied.afterSale!.id, 'approve').expect(200)).body.status).toBe('refunded');
    expect(await shop.stockOf(skuId)).toBe(10);
  });

  it('staff double-submitting an approval in parallel: one refund, stock returned once', async () => {
    const { order, skuId } = await paidOrder(4);
    const id = (await apply(order.orderNo, { type: 'refund_only', reason: '不想要了' }).expect(201)).body.afterSale.id;
    const answers = await Promise.all(Array.from({ length: 8 }, () => act(id, 'approve')));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    expect(await shop.stockOf(skuId)).toBe(10);
    expect(await refundsOf(order.orderNo)).toHaveLength(1);
    await eventually(() => orderStatus(t, alice, order.orderNo), (o) => o.status === 'refunded');
  });

  it('reject returns the order to where it was; the shopper may apply again', async () => {
    const { order } = await paidOrder();
    const id = (await apply(order.orderNo, { type: 'refund_only', reason: '不想要了' }).expect(201)).body.afterSale.id;
    expectApiError((await apply(order.orderNo, { type: 'refund_only', reason: '再来一次' }).expect(409)).body, 'AFTER_SALE_NOT_ALLOWED');
    expectApiError((await act(id, 'reject', {}).expect(400)).body, 'VALIDATION_FAILED');
    const rejected: AfterSale = (await act(id, 'reject', { reason: '商品已打包，无法取消' }).expect(200)).body;
    expect(rejected).toEqual(expect.objectContaining({ status: 'rejected', rejectReason: '商品已打包，无法取消' }));
    expect((await act(id, 'reject', { reason: '再拒绝一次' }).expect(200)).body.rejectReason).toBe('商品已打包，无法取消');
    expectApiError((await act(id, 'approve').expect(409)).body, 'AFTER_SALE_STATE_CONFLICT');
    const back = await orderStatus(t, alice, order.orderNo);
    expect(back.status).toBe('paid');
    expect(back.timeline.at(-1)!.text).toContain('商品已打包，无法取消');
    const again: OrderDetail = (await apply(order.orderNo, { type: 'refund_only', reason: '还是不想要' }).expect(201)).body;
    expect(again.afterSale).toEqual(expect.objectContaining({ status: 'applied', reason: '还是不想要' }));
    expect(again.afterSale!.id).not.toBe(id);
  });

  it('return and refund after shipping: approve waits for the goods, refund (double-submitted) refunds once', async () => {
    const { order, skuId } = await paidOrder();
    await t.api().post(`${API}/admin/orders/${order.orderNo}/ship`).set(bearer(warehouse)).send({ carrierCode: 'SF', trackingNo: 'SF5550001111' }).expect(200);
    expectApiError((await apply(order.orderNo, { type: 'refund_only', reason: '不想要了' }).expect(409)).body, 'AFTER_SALE_NOT_ALLOWED');
    const id = (await apply(order.orderNo, { type: 'return_refund', reason: '商品破损' }).expect(201)).body.afterSale.id;
    expectApiError((await act(id, 'refund').expect(409)).body, 'AFTER_SALE_STATE_CONFLICT');
    expect((await act(id, 'approve').expect(200)).body.status).toBe('approved');
    expect(await refundsOf(order.orderNo)).toEqual([]);
    const answers = await Promise.all(Array.from({ length: 6 }, () => act(id, 'refund')));
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
    expect(await refundsOf(order.orderNo)).toHaveLength(1);
    const refunded = await eventually(() => orderStatus(t, alice, order.orderNo), (o) => o.status === 'refunded');
    expect(refunded.timeline.map((entry) => entry.event)).toEqual(['created', 'paid', 'shipped', 'after_sale_applied', 'after_sale_approved', 'refund_started', 'refunded']);
    // Returned goods are checked by the warehouse before they are sold again: stock stays as it was.
    expect(await shop.stockOf(skuId)).toBe(8);
  });

  it('answers bad input, wrong states, other members and roles with a code', async () => {
    const { order } = await paidOrder();
    for (const body of [
      { type: 'exchange', reason: '换货' },
      { type: 'refund_only' },
      { type: 'refund_only', reason: '' },
      { type: 'refund_only', reason: 'x'.repeat(51) },
      { type: 'refund_only', reason: '坏了', images: Array(7).fill('/uploads/a.png') },
      { type: 'refund_only', reason: '坏了', images: ['javascript:alert(1)'] },
      { type: 'refund_only', reason: '坏了', refundFen: 1 },
    ]) {
      expectApiError((await apply(order.orderNo, body).expect(400)).body, 'VALIDATION_FAILED');
    }
    const bob = await memberToken(t, 'after-sale-bob');
    expectApiError((await apply(order.orderNo, { type: 'refund_only', reason: '不想要了' }, bob).expect(404)).body, 'ORDER_NOT_FOUND');
    const skuId = await shop.sku(100, 5);
    const unpaid: OrderDetail = (
      await t.api().post(`${API}/orders`).set(bearer(alice)).send({ clientToken: `as-unpaid-${++tokenCount}`, items: [{ skuId, quantity: 1 }], addressId: aliceAddress }).expect(201)
    ).body;
    expectApiError((await apply(unpaid.orderNo, { type: 'refund_only', reason: '不想要了' }).expect(409)).body, 'AFTER_SALE_NOT_ALLOWED');
    expectApiError((await act(999999, 'approve').expect(404)).body, 'AFTER_SALE_NOT_FOUND');
    expectApiError((await t.api().post(`${API}/admin/after-sales/abc/approve`).set(bearer(service)).expect(400)).body, 'VALIDATION_FAILED');
    expectApiError((await t.api().get(`${API}/admin/after-sales?status=nope`).set(bearer(service)).expect(400)).body, 'VALIDATION_FAILED');
    expectApiError((await act(1, 'approve', {}, warehouse).expect(403)).body, 'FORBIDDEN');
    await t.api().post(`${API}/me/uploads`).attach('file', PNG_1X1, 'a.png').expect(401);
    expectApiError((await t.api().post(`${API}/me/uploads`).set(bearer(alice)).expect(400)).body, 'FILE_MISSING');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expectApiError((await t.api().post(`${API}/me/uploads`).set(bearer(alice)).attach('file', svg, 'a.svg').expect(400)).body, 'FILE_TYPE_NOT_ALLOWED');
  });
});
