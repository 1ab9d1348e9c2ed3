import type { AdminOrderDetail, AdminOrderRow, BatchShipResult, OrderDetail, Paginated } from '../../shared';
import { OrderRow } from '../../server/src/orders/order.entity';
import { OrderEvents } from '../../server/src/orders/order-events';
import { AutoConfirmSweeper } from '../../server/src/orders/auto-confirm-sweeper';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';
import { expectStockLedgerBalanced } from './support/stock-ledger';
import { orderEventsOf } from './support/domain-events';

describe(`shipping, receipt and the admin order API (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let alice: string;
  let aliceAddress: number;
  let owner: string;
  let operator: string;
  let warehouse: string;
  let service: string;
  let tokenCount = 0;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
    alice = await memberToken(t, 'ship-alice');
    aliceAddress = await shop.address(alice, { phone: '13912345678', recipientName: '李四' });
    [owner, operator, warehouse, service] = await Promise.all(['owner', 'operator', 'warehouse', 'service'].map((name) => staffToken(t, name)));
  });
  afterAll(() => t.close());

  async function placeOrder(skuId: number, quantity = 1): Promise<OrderDetail> {
    const body = { clientToken: `ship-${Date.now().toString(36)}-${++tokenCount}`, items: [{ skuId, quantity }], addressId: aliceAddress };
    return (await t.api().post(`${API}/orders`).set(bearer(alice)).send(body).expect(201)).body;
  }

  /** Places and pays an order through the fake WeChat Pay. */
  async function paidOrder(priceFen = 5000): Promise<OrderDetail> {
    const placed = await placeOrder(await shop.sku(priceFen, 20));
    await payAtFake(t, (await startPayment(t, alice, placed.orderNo)).prepayId);
    return eventually(() => orderStatus(t, alice, placed.orderNo), (order) => order.status === 'paid');
  }

  const ship = (orderNo: string, body: object, token = warehouse) => t.api().post(`${API}/admin/orders/${orderNo}/ship`).set(bearer(token)).send(body);

  it('pays, ships with a report to WeChat, and completes when the shopper confirms receipt', async () => {
    const paid = await paidOrder();
    const shipped: AdminOrderDetail = (await ship(paid.orderNo, { carrierCode: 'SF', trackingNo: 'SF1234567890' }).expect(200)).body;
    expect(shipped.status).toBe('shipped');
    expect(shipped.shipment).toEqual({ carrierCode: 'SF', carrierName: '顺丰速运', trackingNo: 'SF1234567890', shippedAt: expect.any(String) });
    expect(shipped.wechatShippingReport).toEqual({ status: 'reported', message: null, at: expect.any(String) });
    expect(shipped.payments).toEqual([expect.objectContaining({ amountFen: paid.payableFen, outcome: 'matched' })]);

    const report = t.fake.state.shippingReports.find((entry) => entry.outTradeNo === paid.orderNo)!;
    expect(report.body).toEqual(
      expect.objectContaining({
        order_key: { order_number_type: 1, mchid: t.config.wechatPay.mchid, out_trade_no: paid.orderNo },
        logistics_type: 1,
        delivery_mode: 1,
        shipping_list: [expect.objectContaining({ tracking_no: 'SF1234567890', express_company: 'SF', item_desc: expect.stringContaining('测试商品') })],
        payer: { openid: t.fake.state.pay.order(paid.orderNo)!.payerOpenid },
      }),
    );

    const seen = await orderStatus(t, alice, paid.orderNo);
    expect(seen.status).toBe('shipped');
    expect(seen.shipment?.trackingNo).toBe('SF1234567890');
    // The shop's default: confirmed automatically 10 days after shipping.
    expect(Date.parse(seen.autoConfirmAt!) - Date.parse(seen.shipment!.shippedAt)).toBe(10 * 86_400_000);
    expect(seen.timeline.map((entry) => entry.event)).toEqual(['created', 'paid', 'shipped']);
    expect(seen.timeline[2].text).toBe('商家已发货：顺丰速运 SF1234567890');

    const completed: OrderDetail = (await t.api().post(`${API}/orders/${paid.orderNo}/confirm-receipt`).set(bearer(alice)).expect(200)).body;
    expect(completed.status).toBe('completed');
    expect(completed.autoConfirmAt).toBeNull();
    expect(completed.timeline.map((entry) => entry.event)).toEqual(['created', 'paid', 'shipped', 'completed']);
    // A repeat answers it unchanged.
    expect((await t.api().post(`${API}/orders/${paid.orderNo}/confirm-receipt`).set(bearer(alice)).expect(200)).body.completedAt).toBe(completed.completedAt);
  });

  it('staff double-submitting the same shipment in parallel: one shipment, one report, one event', async () => {
    const paid = await paidOrder();
    const answers = await Promise.all(Array.from({ length: 8 }, () => ship(paid.orderNo, { carrierCode: 'ZTO', trackingNo: 'ZT998877665' })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    expect(t.fake.state.shippingReports.filter((entry) => entry.outTradeNo === paid.orderNo)).toHaveLength(1);
    expect(await orderEventsOf(t, OrderEvents.shipped, paid.orderNo)).toEqual([expect.objectContaining({ carrierCode: 'ZTO', trackingNo: 'ZT998877665' })]);
    // Another shipment for a shipped order is a conflict.
    expectApiError((await ship(paid.orderNo, { carrierCode: 'ZTO', trackingNo: 'ZT000000001' }).expect(409)).body, 'ORDER_STATE_CONFLICT');
  });

  it('refuses to ship unpaid or unknown orders, bad input, and roles that do not ship', async () => {
    const unpaid = await placeOrder(await shop.sku(100, 5));
    expectApiError((await ship(unpaid.orderNo, { carrierCode: 'SF', trackingNo: 'SF1234567890' }).expect(409)).body, 'ORDER_STATE_CONFLICT');
    expectApiError((await ship('202611220000000000', { carrierCode: 'SF', trackingNo: 'SF1234567890' }).expect(404)).body, 'ORDER_NOT_FOUND');
    for (const body of [{ carrierCode: 'NOPE', trackingNo: 'SF1234567890' }, { carrierCode: 'SF', trackingNo: '12' }, { carrierCode: 'SF' }, { carrierCode: 'SF', trackingNo: 'SF1234567890', extra: 1 }]) {
      expectApiError((await ship(unpaid.orderNo, body).expect(400)).body, 'VALIDATION_FAILED');
    }
    expectApiError((await ship(unpaid.orderNo, { carrierCode: 'SF', trackingNo: 'SF1234567890' }, service).expect(403)).body, 'FORBIDDEN');
    await t.api().post(`${API}/admin/orders/${unpaid.orderNo}/ship`).send({ carrierCode: 'SF', trackingNo: 'SF1234567890' }).expect(401);
    expectApiError((await t.api().post(`${API}/orders/${unpaid.orderNo}/confirm-receipt`).set(bearer(alice)).expect(409)).body, 'ORDER_STATE_CONFLICT');
    const bob = await memberToken(t, 'ship-bob');
    expectApiError((await t.api().post(`${API}/orders/${unpaid.orderNo}/confirm-receipt`).set(bearer(bob)).expect(404)).body, 'ORDER_NOT_FOUND');
  });

  it('confirms receipt automatically once the auto-confirm time has passed', async () => {
    const paid = await paidOrder();
    await ship(paid.orderNo, { carrierCode: 'YTO', trackingNo: 'YT1234567' }).expect(200);
    expect(await t.app.get(AutoConfirmSweeper).sweep()).toBe(0);
    expect(await t.app.get(AutoConfirmSweeper).sweep(new Date(Date.now() + 11 * 86_400_000))).toBeGreaterThanOrEqual(1);
    expect((await orderStatus(t, alice, paid.orderNo)).status).toBe('completed');
  });

  it('ships a CSV batch row by row and reports what failed', async () => {
    const [a, b] = [await paidOrder(), await paidOrder()];
    const unpaid = await placeOrder(await shop.sku(100, 5));
    await ship(b.orderNo, { carrierCode: 'STO', trackingNo: 'ST1234567' }).expect(200);
    const csv = [
      '\uFEFF订单号,快递公司,快递单号',
      `${a.orderNo},中通快递,ZT5555555555`,
      `${b.orderNo},STO,ST1234567`,
      `${unpaid.orderNo},SF,SF1234567890`,
      `${a.orderNo},火星快递,X123456`,
      `202611220000000000,SF,SF1234567890`,
    ].join('\n');
    const result: BatchShipResult = (
      await t.api().post(`${API}/admin/orders/ship-batch`).set(bearer(warehouse)).attach('file', Buffer.from(csv), 'ship.csv').expect(200)
    ).body;
    expect(result.shipped).toBe(1);
    expect(result.unchanged).toBe(1);
    expect(result.failed.map((row) => [row.line, row.orderNo])).toEqual([
      [4, unpaid.orderNo],
      [5, a.orderNo],
      [6, '202611220000000000'],
    ]);
    expect((await orderStatus(t, alice, a.orderNo)).shipment?.carrierCode).toBe('ZTO');
    const bad = await t.api().post(`${API}/admin/orders/ship-batch`).set(bearer(warehouse)).attach('file', Buffer.from('a,b,c\n1,2,3'), 'x.csv').expect(400);
    expectApiError(bad.body, 'SHIPMENT_CSV_INVALID');
    expectApiError((await t.api().post(`${API}/admin/orders/ship-batch`).set(bearer(warehouse)).expect(400)).body, 'FILE_MISSING');
  });

  describe('admin order list, export, detail, cancel', () => {
    it('filters by status, order number, phone (full or last 4), product and day; masks phones by role', async () => {
      const placed = await placeOrder(await shop.sku(1234, 5));
      const list = async (query: string, token = operator): Promise<Paginated<AdminOrderRow>> =>
        (await t.api().get(`${API}/admin/orders?${query}`).set(bearer(token)).expect(200)).body;
      const byNo = await list(`orderNo=${placed.orderNo}`);
      expect(byNo.items).toEqual([expect.objectContaining({ orderNo: placed.orderNo, status: 'pending_payment', receiverName: '李四', receiverPhone: '139****5678' })]);
      expect((await list(`orderNo=${placed.orderNo}`, owner)).items[0].receiverPhone).toBe('13912345678');
      expect((await list('phone=5678&pageSize=100')).items.map((row) => row.orderNo)).toContain(placed.orderNo);
      expect((await list('phone=13912345678&pageSize=100')).items.map((row) => row.orderNo)).toContain(placed.orderNo);
      expect((await list('phone=0000')).total).toBe(0);
      expect((await list(`product=${encodeURIComponent(placed.lines[0].title)}`)).items.map((row) => row.orderNo)).toEqual([placed.orderNo]);
      expect((await list('status=pending_payment&pageSize=100')).items.every((row) => row.status === 'pending_payment')).toBe(true);
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      expect((await list(`from=${today}&to=${today}&pageSize=100`)).items.map((row) => row.orderNo)).toContain(placed.orderNo);
      expect((await list(`to=2020-01-01`)).total).toBe(0);
      const paged = await list('page=1&pageSize=2');
      expect(paged.items).toHaveLength(2);
      expect(paged.total).toBeGreaterThan(2);
      for (const bad of ['status=nope', 'from=2026-13-01', 'phone=12', 'pageSize=0', 'unknown=1']) {
        expectApiError((await t.api().get(`${API}/admin/orders?${bad}`).set(bearer(operator)).expect(400)).body, 'VALIDATION_FAILED');
      }
    });

    it('exports CSV in UTF-8 with a BOM and a Chinese header', async () => {
      const placed = await placeOrder(await shop.sku(4321, 5));
      const response = await t.api().get(`${API}/admin/orders/export?orderNo=${placed.orderNo}`).set(bearer(service)).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      }).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const text = (response.body as Buffer).toString('utf8');
      expect(text.startsWith('\uFEFF订单号,状态,下单时间')).toBe(true);
      const lines = text.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(`${placed.orderNo},待付款,`);
      expect(lines[1]).toContain('13912345678');
      // 应付金额 in yuan: ¥43.21 of goods + ¥8 shipping.
      expect(lines[1]).toContain(',51.21,');
    });

    it('staff cancel an unpaid order with a reason; a paid one is a conflict', async () => {
      const skuId = await shop.sku(500, 5);
      const placed = await placeOrder(skuId, 2);
      const cancel = (orderNo: string, body: object, token = service) => t.api().post(`${API}/admin/orders/${orderNo}/cancel`).set(bearer(token)).send(body);
      expectApiError((await cancel(placed.orderNo, {}).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await cancel(placed.orderNo, { reason: '客户要求' }, warehouse).expect(403)).body, 'FORBIDDEN');
      const cancelled: AdminOrderDetail = (await cancel(placed.orderNo, { reason: '客户电话要求取消' }).expect(200)).body;
      expect(cancelled.status).toBe('cancelled');
      expect(cancelled.cancelReason).toBe('staff');
      expect(cancelled.timeline.at(-1)!.text).toContain('客户电话要求取消');
      expect(await shop.stockOf(skuId)).toBe(5);
      const paid = await paidOrder();
      expectApiError((await cancel(paid.orderNo, { reason: '试试' }).expect(409)).body, 'ORDER_STATE_CONFLICT');
      expectApiError((await t.api().get(`${API}/admin/orders/NOPE`).set(bearer(service)).expect(404)).body, 'ORDER_NOT_FOUND');
      const row = await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: placed.orderNo });
      expect(row.cancelNote).toBe('客户电话要求取消');
    });
  });

  it('leaves the stock ledger balanced: the movements of every SKU sum to its stock, one sale per order line', async () => {
    await expectStockLedgerBalanced(t);
  });
});
