import type { AfterSale, OrderDetail, Paginated } from '../../shared';
import { OrderEvents } from '../../server/src/orders/order-events';
import { OrderRow } from '../../server/src/orders/order.entity';
import { StockMovementRow } from '../../server/src/inventory/stock-movement.entity';
import { OrderLineRow } from '../../server/src/orders/order-line.entity';
import { RefundRow } from '../../server/src/payments/refund.entity';
import { StaffRow } from '../../server/src/staff/staff.entity';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { expectStockLedgerBalanced, movementsOfSku } from './support/stock-ledger';
import { API, bearer, expectApiError, memberToken, PNG_1X1, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';
import { orderEventsOf } from './support/domain-events';

describe(`after-sales and refunds (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let alice: string;
  let aliceAddress: number;
  let service: string;
  let warehouse: string;
  let owner: string;
  let tokenCount = 0;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
    alice = await memberToken(t, 'after-sale-alice');
    aliceAddress = await shop.address(alice);
    service = await staffToken(t, 'service');
    warehouse = await staffToken(t, 'warehouse');
    owner = await staffToken(t, 'owner');
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
  const act = (id: number, action: 'approve' | 'reject' | 'receive' | 'refund', body: object = {}, token = service) =>
    t.api().post(`${API}/admin/after-sales/${id}/${action}`).set(bearer(token)).send(body);
  const refundsOf = async (orderNo: string) =>
    t.dataSource.getRepository(RefundRow).findBy({ orderId: (await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo })).id });

  it('refund only: apply with photos, approve, stock back at once, refunded on the refund notification', async () => {
    const { order, skuId } = await paidOrder(3);
    expect(await shop.stockOf(skuId)).toBe(7);

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
    expect(await orderEventsOf(t, OrderEvents.refunded, order.orderNo)).toEqual([expect.objectContaining({ orderNo: order.orderNo, refundFen: order.payableFen })]);
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
    expect(await movementsOfSku(t, skuId)).toEqual([
      { reason: 'initial', delta: 10 },
      { reason: 'sale', delta: -4 },
      { reason: 'refund_return', delta: 4 },
    ]);
    expect((await t.dataSource.getRepository(StockMovementRow).findOneByOrFail({ skuId, reason: 'refund_return' })).afterSaleId).toBe(id);
    await expectStockLedgerBalanced(t);
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

  it('return and refund: approve (needs a return address), the shopper sends the parcel, staff confirm receipt, refund once', async () => {
    const { order, skuId } = await paidOrder();
    await t.api().post(`${API}/admin/orders/${order.orderNo}/ship`).set(bearer(warehouse)).send({ carrierCode: 'SF', trackingNo: 'SF5550001111' }).expect(200);
    expectApiError((await apply(order.orderNo, { type: 'refund_only', reason: '不想要了' }).expect(409)).body, 'AFTER_SALE_NOT_ALLOWED');
    const id = (await apply(order.orderNo, { type: 'return_refund', reason: '商品破损' }).expect(201)).body.afterSale.id;
    const parcel = { carrierCode: 'YTO', trackingNo: 'YT7770001234' };
    const sendBack = (body: object, token = alice) => t.api().put(`${API}/orders/${order.orderNo}/return-shipment`).set(bearer(token)).send(body);
    // Nothing to send back before staff agree; no refund and no receipt before the goods.
    expectApiError((await sendBack(parcel).expect(409)).body, 'AFTER_SALE_STATE_CONFLICT');
    expectApiError((await act(id, 'refund').expect(409)).body, 'AFTER_SALE_STATE_CONFLICT');
    expectApiError((await act(id, 'receive').expect(409)).body, 'AFTER_SALE_STATE_CONFLICT');

    // Approving a return without a return address tells staff to fill it in; the case stays applied.
    const profile = (await t.api().get(`${API}/admin/settings/profile`).set(bearer(owner)).expect(200)).body;
    expect(profile.returnAddress).not.toBeNull();
    await t.api().put(`${API}/admin/settings/profile`).set(bearer(owner)).send({ ...profile, returnAddress: null }).expect(200);
    const missing = (await act(id, 'approve').expect(409)).body;
    expectApiError(missing, 'RETURN_ADDRESS_MISSING');
    expect(missing.message).toContain('店铺设置');
    expect((await orderStatus(t, alice, order.orderNo)).afterSale!.status).toBe('applied');
    await t.api().put(`${API}/admin/settings/profile`).set(bearer(owner)).send(profile).expect(200);

    const approved: AfterSale = (await act(id, 'approve').expect(200)).body;
    expect(approved).toEqual(expect.objectContaining({ status: 'approved', returnAddress: profile.returnAddress, returnShipment: null }));
    expect(await refundsOf(order.orderNo)).toEqual([]);
    // The shopper sees where to send it.
    expect((await orderStatus(t, alice, order.orderNo)).afterSale!.returnAddress).toEqual(profile.returnAddress);

    // Bad parcels are 400, another member's order is 404.
    for (const body of [{}, { carrierCode: 'NOPE', trackingNo: 'YT7770001234' }, { carrierCode: 'YTO', trackingNo: '12' }, { carrierCode: 'YTO', trackingNo: 'YT 777-0001' }, { ...parcel, extra: 1 }]) {
      expectApiError((await sendBack(body).expect(400)).body, 'VALIDATION_FAILED');
    }
    const bob = await memberToken(t, 'after-sale-return-bob');
    expectApiError((await sendBack(parcel, bob).expect(404)).body, 'ORDER_NOT_FOUND');
    expect((await orderStatus(t, alice, order.orderNo)).afterSale!.returnShipment).toBeNull();

    // Entered, then corrected: the case keeps the last one.
    await sendBack({ carrierCode: 'ZTO', trackingNo: '7300001111' }).expect(200);
    const sent: OrderDetail = (await sendBack(parcel).expect(200)).body;
    expect(sent.afterSale).toEqual(expect.objectContaining({ status: 'approved', returnShipment: expect.objectContaining({ ...parcel, carrierName: '圆通速递' }) }));
    const staffView: AfterSale = (await t.api().get(`${API}/admin/orders/${order.orderNo}`).set(bearer(service)).expect(200)).body.afterSale;
    expect(staffView.returnShipment).toEqual(expect.objectContaining(parcel));

    // The warehouse may confirm receipt (parallel double submits move it once), but not refund.
    expect(await shop.stockOf(skuId)).toBe(8);
    const receipts = await Promise.all(Array.from({ length: 4 }, () => act(id, 'receive', {}, warehouse)));
    expect(receipts.map((answer) => answer.status)).toEqual(Array(4).fill(200));
    expect(receipts[0].body).toEqual(expect.objectContaining({ status: 'return_received', returnReceivedAt: expect.any(String) }));
    // The goods are back in stock, once, with a movement naming the case, the order line and the warehouse clerk.
    expect(await shop.stockOf(skuId)).toBe(10);
    expect(await movementsOfSku(t, skuId)).toEqual([
      { reason: 'initial', delta: 10 },
      { reason: 'sale', delta: -2 },
      { reason: 'return_receipt', delta: 2 },
    ]);
    const [receipt] = await t.dataSource.getRepository(StockMovementRow).findBy({ skuId, reason: 'return_receipt' });
    const [line] = await t.dataSource.getRepository(OrderLineRow).findBy({ skuId });
    const warehouseId = (await t.dataSource.getRepository(StaffRow).findOneByOrFail({ username: 'warehouse' })).id;
    expect(receipt).toEqual(expect.objectContaining({ afterSaleId: id, orderId: line.orderId, orderLineId: line.id, staffId: warehouseId }));
    expectApiError((await act(id, 'refund', {}, warehouse).expect(403)).body, 'FORBIDDEN');
    // Once received, the parcel is settled.
    expectApiError((await sendBack({ carrierCode: 'SF', trackingNo: 'SF0000000001' }).expect(409)).body, 'AFTER_SALE_STATE_CONFLICT');

    const answers = await Promise.all(Array.from({ length: 6 }, () => act(id, 'refund')));
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
    expect(await refundsOf(order.orderNo)).toHaveLength(1);
    const refunded = await eventually(() => orderStatus(t, alice, order.orderNo), (o) => o.status === 'refunded');
    expect(refunded.afterSale).toEqual(expect.objectContaining({ status: 'refunded', returnShipment: expect.objectContaining(parcel) }));
    expect(refunded.timeline.map((entry) => entry.event)).toEqual([
      'created', 'paid', 'shipped', 'after_sale_applied', 'after_sale_approved', 'return_shipped', 'return_received', 'refund_started', 'refunded',
    ]);
    expect(refunded.timeline.find((entry) => entry.event === 'return_shipped')!.text).toBe('已寄回商品：圆通速递 YT7770001234');
    expect(refunded.timeline.find((entry) => entry.event === 'return_received')!.text).toBe('商家已收到退货');
    expect(t.fake.state.pay.order(order.orderNo)).toBeDefined();
    // The refund and a late receipt change the stock no more.
    expect((await act(id, 'receive').expect(200)).body.status).toBe('refunded');
    expect(await shop.stockOf(skuId)).toBe(10);
    await expectStockLedgerBalanced(t);
  });

  it('a 仅退款 has nothing to send back or receive', async () => {
    const { order } = await paidOrder();
    const id = (await apply(order.orderNo, { type: 'refund_only', reason: '不想要了' }).expect(201)).body.afterSale.id;
    const send = await t.api().put(`${API}/orders/${order.orderNo}/return-shipment`).set(bearer(alice)).send({ carrierCode: 'SF', trackingNo: 'SF1234567' }).expect(404);
    expectApiError(send.body, 'AFTER_SALE_NOT_FOUND');
    expectApiError((await act(id, 'receive').expect(409)).body, 'AFTER_SALE_STATE_CONFLICT');
    // Approved (the refund under way or done), a receipt still has nothing to confirm: never a 200 "received".
    await act(id, 'approve').expect(200);
    const receipt = await act(id, 'receive').expect(409);
    expectApiError(receipt.body, 'AFTER_SALE_STATE_CONFLICT');
    expect(receipt.body.message).toContain('仅退款');
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
    expectApiError((await act(1, 'reject', { reason: '不行' }, warehouse).expect(403)).body, 'FORBIDDEN');
    // The warehouse reads the queue to confirm returned parcels.
    await t.api().get(`${API}/admin/after-sales?status=approved`).set(bearer(warehouse)).expect(200);
    await t.api().post(`${API}/me/uploads`).attach('file', PNG_1X1, 'a.png').expect(401);
    expectApiError((await t.api().post(`${API}/me/uploads`).set(bearer(alice)).expect(400)).body, 'FILE_MISSING');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expectApiError((await t.api().post(`${API}/me/uploads`).set(bearer(alice)).attach('file', svg, 'a.svg').expect(400)).body, 'FILE_TYPE_NOT_ALLOWED');
  });
});
