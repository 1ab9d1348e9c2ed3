import type { AdminOrderDetail, OrderDetail } from '../../shared';
import { OrderRow } from '../../server/src/orders/order.entity';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/**
 * The shipment is committed first and reported to WeChat after: a process that dies in between leaves the order
 * shipped with no report (the console shows 未上报). Submitting the same shipment again sends it, as it does for a
 * failed one, once the shipping call has clearly ended.
 */
describe(`a shipping report its call never sent (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let alice: string;
  let aliceAddress: number;
  let warehouse: string;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
    alice = await memberToken(t, 'report-alice');
    aliceAddress = await shop.address(alice);
    warehouse = await staffToken(t, 'warehouse');
  });
  afterAll(() => t.close());

  const ship = (orderNo: string) =>
    t.api().post(`${API}/admin/orders/${orderNo}/ship`).set(bearer(warehouse)).send({ carrierCode: 'SF', trackingNo: 'SF4440001' });
  const reportsOf = (orderNo: string) => t.fake.state.shippingReports.filter((report) => report.outTradeNo === orderNo);

  it('is sent when staff submit the same shipment again (未上报 → 已上报), once', async () => {
    const body = { clientToken: 'report-resume-1', items: [{ skuId: await shop.sku(3000, 5), quantity: 1 }], addressId: aliceAddress };
    const placed: OrderDetail = (await t.api().post(`${API}/orders`).set(bearer(alice)).send(body).expect(201)).body;
    await payAtFake(t, (await startPayment(t, alice, placed.orderNo)).prepayId);
    await eventually(() => orderStatus(t, alice, placed.orderNo), (order) => order.status === 'paid');
    await ship(placed.orderNo).expect(200);
    expect(reportsOf(placed.orderNo)).toHaveLength(1);

    // What a process killed between the shipment's commit and its report leaves: shipped, no report, some time ago.
    t.fake.state.shippingReports.length = 0;
    const shippedAt = new Date(Date.now() - 5 * 60_000);
    await t.dataSource
      .getRepository(OrderRow)
      .update({ orderNo: placed.orderNo }, { shippedAt, shippingReportStatus: null, shippingReportMessage: null, shippingReportAt: null });

    const again: AdminOrderDetail = (await ship(placed.orderNo).expect(200)).body;
    expect(again.wechatShippingReport).toEqual({ status: 'reported', message: null, at: expect.any(String) });
    expect(reportsOf(placed.orderNo)).toHaveLength(1);
    // Reported now: a third submission sends nothing more.
    await ship(placed.orderNo).expect(200);
    expect(reportsOf(placed.orderNo)).toHaveLength(1);
  });
});
