import type { AdminOrderDetail, AdminOrderRow, OrderDetail, Paginated, PickingListOrder } from '../../shared';
import { SkuRow } from '../../server/src/catalog/sku.entity';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/**
 * The warehouse writes labels: it reads the full receiver phone and address of orders it ships (paid, shipped)
 * and only masked ones otherwise; it prints picking lists and exports the orders to ship.
 */
describe(`warehouse: receiver contact, picking list, to-ship CSV (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let buyer: string;
  let buyerAddress: number;
  let warehouse: string;
  let operator: string;
  let owner: string;
  let service: string;
  let tokenCount = 0;
  const FULL_ADDRESS = '浙江省杭州市西湖区文三路 100 号 1 幢 101 室';

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
    buyer = await memberToken(t, 'warehouse-buyer');
    buyerAddress = await shop.address(buyer, { phone: '13912345678', recipientName: '李四' });
    [warehouse, operator, owner, service] = await Promise.all(['warehouse', 'operator', 'owner', 'service'].map((name) => staffToken(t, name)));
  });
  afterAll(() => t.close());

  async function placeOrder(items: { skuId: number; quantity: number }[], remark = ''): Promise<OrderDetail> {
    const body = { clientToken: `wh-${Date.now().toString(36)}-${++tokenCount}`, items, addressId: buyerAddress, remark };
    return (await t.api().post(`${API}/orders`).set(bearer(buyer)).send(body).expect(201)).body;
  }

  async function pay(order: OrderDetail): Promise<OrderDetail> {
    await payAtFake(t, (await startPayment(t, buyer, order.orderNo)).prepayId);
    return eventually(() => orderStatus(t, buyer, order.orderNo), (seen) => seen.status === 'paid');
  }

  const detail = async (orderNo: string, token: string): Promise<AdminOrderDetail> =>
    (await t.api().get(`${API}/admin/orders/${orderNo}`).set(bearer(token)).expect(200)).body;
  const row = async (orderNo: string, token: string): Promise<AdminOrderRow> =>
    ((await t.api().get(`${API}/admin/orders?orderNo=${orderNo}`).set(bearer(token)).expect(200)).body as Paginated<AdminOrderRow>).items[0];
  /** The CSV's rows and cells (none of the cells here holds a comma, a quote or a line break). */
  const csvRows = (text: string): string[][] => text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((line) => line.split(','));
  const skuCode = async (skuId: number) => (await t.dataSource.getRepository(SkuRow).findOneByOrFail({ id: skuId })).skuCode;

  it('shows the warehouse the full phone and address only while the order is to ship or on its way', async () => {
    const unpaid = await placeOrder([{ skuId: await shop.sku(1000, 5), quantity: 1 }]);
    // Unpaid: not the warehouse's parcel: phone masked, street hidden.
    expect((await detail(unpaid.orderNo, warehouse)).address).toEqual(
      expect.objectContaining({ phone: '139****5678', provinceName: '浙江省', districtName: '西湖区', detail: '****' }),
    );
    expect((await row(unpaid.orderNo, warehouse)).receiverPhone).toBe('139****5678');

    const paid = await pay(unpaid);
    expect((await detail(paid.orderNo, warehouse)).address).toEqual(expect.objectContaining({ phone: '13912345678', detail: '文三路 100 号 1 幢 101 室' }));
    expect((await row(paid.orderNo, warehouse)).receiverPhone).toBe('13912345678');

    await t.api().post(`${API}/admin/orders/${paid.orderNo}/ship`).set(bearer(warehouse)).send({ carrierCode: 'SF', trackingNo: 'SF9988776655' }).expect(200);
    expect((await detail(paid.orderNo, warehouse)).address.phone).toBe('13912345678');

    await t.api().post(`${API}/orders/${paid.orderNo}/confirm-receipt`).set(bearer(buyer)).expect(200);
    // Completed: the parcel is delivered, the warehouse is done with it.
    expect((await detail(paid.orderNo, warehouse)).address).toEqual(expect.objectContaining({ phone: '139****5678', detail: '****' }));
    // Other roles are as before: the operator sees the address but a masked phone; owner and customer service everything.
    expect((await detail(paid.orderNo, operator)).address).toEqual(expect.objectContaining({ phone: '139****5678', detail: '文三路 100 号 1 幢 101 室' }));
    expect((await detail(paid.orderNo, owner)).address.phone).toBe('13912345678');
    expect((await detail(paid.orderNo, service)).address.phone).toBe('13912345678');
  });

  it('prints a picking list of several orders with SKU codes, quantities, full address and remark', async () => {
    const first = await shop.product([{ priceFen: 1200, stock: 20 }, { priceFen: 2400, stock: 20 }]);
    const second = await shop.sku(800, 20);
    const a = await pay(await placeOrder([{ skuId: first.skus[0].id, quantity: 2 }, { skuId: first.skus[1].id, quantity: 1 }], '请用礼盒包装'));
    const b = await pay(await placeOrder([{ skuId: second, quantity: 3 }]));

    const list: PickingListOrder[] = (
      await t.api().get(`${API}/admin/orders/picking-list?orderNos=${b.orderNo},${a.orderNo}`).set(bearer(warehouse)).expect(200)
    ).body;
    expect(list.map((order) => order.orderNo)).toEqual([b.orderNo, a.orderNo]);
    expect(list[1]).toEqual({
      orderNo: a.orderNo,
      status: 'paid',
      paidAt: a.paidAt,
      receiverName: '李四',
      receiverPhone: '13912345678',
      receiverAddress: FULL_ADDRESS,
      remark: '请用礼盒包装',
      itemCount: 3,
      lines: [
        { skuCode: first.skus[0].skuCode, title: first.title, specValues: ['规格1'], quantity: 2 },
        { skuCode: first.skus[1].skuCode, title: first.title, specValues: ['规格2'], quantity: 1 },
      ],
      shipment: null,
    });
    expect(list[0].lines).toEqual([expect.objectContaining({ skuCode: await skuCode(second), quantity: 3 })]);

    // A number that is not an order makes the whole list a 404 naming it; bad input is a 400; the customer service cannot print.
    const missing = await t.api().get(`${API}/admin/orders/picking-list?orderNos=${a.orderNo},NOSUCHORDER1`).set(bearer(warehouse)).expect(404);
    expectApiError(missing.body, 'ORDER_NOT_FOUND');
    expect(missing.body.details).toEqual({ orderNo: 'NOSUCHORDER1' });
    for (const bad of ['', 'orderNos=', 'orderNos=a;b', `orderNos=${Array.from({ length: 51 }, (_, i) => `N${i}`).join(',')}`]) {
      expectApiError((await t.api().get(`${API}/admin/orders/picking-list?${bad}`).set(bearer(warehouse)).expect(400)).body, 'VALIDATION_FAILED');
    }
    expectApiError((await t.api().get(`${API}/admin/orders/picking-list?orderNos=${a.orderNo}`).set(bearer(service)).expect(403)).body, 'FORBIDDEN');
  });

  it('exports the orders to ship with what a label needs, in a file batch shipping takes back', async () => {
    const skuId = await shop.sku(990, 20);
    const order = await pay(await placeOrder([{ skuId, quantity: 2 }], '下午送达'));
    const response = await t.api().get(`${API}/admin/orders/to-ship.csv`).set(bearer(warehouse)).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = csvRows(response.text);
    expect(header).toEqual(['订单号', '快递公司', '快递单号', '收货人', '手机号', '收货地址', 'SKU 明细', '件数', '买家备注', '付款时间']);
    // Only paid orders, oldest payment first: this one is the newest.
    const mine = rows[rows.length - 1];
    expect(mine.slice(0, 9)).toEqual([order.orderNo, '', '', '李四', '13912345678', FULL_ADDRESS, `${await skuCode(skuId)} ${order.lines[0].title} 规格1 ×2`, '2', '下午送达']);
    for (const line of rows) expect((await orderStatus(t, buyer, line[0])).status).toBe('paid');

    // Filled in and uploaded as it is, it ships the order.
    const filled = [header, ...rows.filter((line) => line[0] === order.orderNo).map((line) => [line[0], 'SF', 'SF2233445566', ...line.slice(3)])];
    const csv = '\uFEFF' + filled.map((line) => line.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\n');
    const shipped = await t.api().post(`${API}/admin/orders/ship-batch`).set(bearer(warehouse)).attach('file', Buffer.from(csv), 'to-ship.csv').expect(200);
    expect(shipped.body).toEqual({ shipped: 1, unchanged: 0, failed: [] });
    expect((await orderStatus(t, buyer, order.orderNo)).status).toBe('shipped');

    // The general export carries the SKU lines and the remark too.
    const exported = await t.api().get(`${API}/admin/orders/export?orderNo=${order.orderNo}`).set(bearer(warehouse)).expect(200);
    const [exportHeader, exportRow] = csvRows(exported.text);
    expect(exportHeader.slice(-2)).toEqual(['SKU 明细', '买家备注']);
    expect(exportRow.slice(-2)).toEqual([`${await skuCode(skuId)} ${order.lines[0].title} 规格1 ×2`, '下午送达']);
    expect(exportRow[6]).toBe('13912345678');
    expectApiError((await t.api().get(`${API}/admin/orders/to-ship.csv`).set(bearer(service)).expect(403)).body, 'FORBIDDEN');
  });

  it('leaves units refunded before shipping off the picking list and the to-ship CSV', async () => {
    const product = await shop.product([{ priceFen: 1200, stock: 20 }, { priceFen: 2400, stock: 20 }]);
    const [kept, dropped] = product.skus;
    const order = await pay(await placeOrder([{ skuId: kept.id, quantity: 3 }, { skuId: dropped.id, quantity: 2 }]));
    // A staff refund of 1 unit of the first line and the whole second line; the order stays 待发货 for the rest.
    await t.api().post(`${API}/admin/orders/${order.orderNo}/refunds`).set(bearer(owner))
      .send({ reason: '缺货', items: [{ skuId: kept.id, quantity: 1 }, { skuId: dropped.id, quantity: 2 }] }).expect(201);
    expect((await orderStatus(t, buyer, order.orderNo)).status).toBe('paid');

    const [listed]: PickingListOrder[] = (await t.api().get(`${API}/admin/orders/picking-list?orderNos=${order.orderNo}`).set(bearer(warehouse)).expect(200)).body;
    expect(listed.lines).toEqual([{ skuCode: kept.skuCode, title: product.title, specValues: ['规格1'], quantity: 2 }]);
    expect(listed.itemCount).toBe(2);
    const [, ...rows] = csvRows((await t.api().get(`${API}/admin/orders/to-ship.csv`).set(bearer(warehouse)).expect(200)).text);
    expect(rows.find((line) => line[0] === order.orderNo)!.slice(6, 8)).toEqual([`${kept.skuCode} ${product.title} 规格1 ×2`, '2']);
  });

  it('writes a remark that looks like a formula as text, so a spreadsheet does not run it', async () => {
    const order = await pay(await placeOrder([{ skuId: await shop.sku(990, 5), quantity: 1 }], '=1+2 请尽快发货'));
    const [, ...rows] = csvRows((await t.api().get(`${API}/admin/orders/to-ship.csv`).set(bearer(warehouse)).expect(200)).text);
    expect(rows.find((line) => line[0] === order.orderNo)![8]).toBe("'=1+2 请尽快发货");
  });
});
