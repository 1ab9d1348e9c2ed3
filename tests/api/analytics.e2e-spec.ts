import type { AdminOrderRow, MemberPurchaseStats, OrderDetail, Paginated } from '../../shared';
import { MemberPurchaseStatsRow } from '../../server/src/analytics/member-purchase-stats.entity';
import { OrderEvents } from '../../server/src/orders/order-events';
import { EventFollowers } from '../../server/src/platform/events/event-followers';
import { PurchaseStatsSweeper } from '../../server/src/analytics/purchase-stats-sweeper';
import { OrderRow } from '../../server/src/orders/order.entity';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/** A member's purchase stats follow payments and refunds through the real flow (fake WeChat Pay). */
describe(`member purchase stats through pay and refund (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let carol: string;
  let carolId: number;
  let carolAddress: number;
  let service: string;
  let warehouse: string;
  let tokenCount = 0;
  let refundedOrderNo = '';

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
    carol = await memberToken(t, 'analytics-carol');
    carolId = (await t.api().get(`${API}/me`).set(bearer(carol)).expect(200)).body.id;
    carolAddress = await shop.address(carol);
    service = await staffToken(t, 'service');
    warehouse = await staffToken(t, 'warehouse');
  });
  afterAll(() => t.close());

  async function paidOrder(priceFen: number): Promise<OrderDetail> {
    const skuId = await shop.sku(priceFen, 10);
    const body = { clientToken: `an-${Date.now().toString(36)}-${++tokenCount}`, items: [{ skuId, quantity: 1 }], addressId: carolAddress };
    const placed: OrderDetail = (await t.api().post(`${API}/orders`).set(bearer(carol)).send(body).expect(201)).body;
    await payAtFake(t, (await startPayment(t, carol, placed.orderNo)).prepayId);
    return eventually(() => orderStatus(t, carol, placed.orderNo), (order) => order.status === 'paid');
  }
  const stats = async (): Promise<MemberPurchaseStats> => (await t.api().get(`${API}/admin/members/${carolId}/purchase-stats`).set(bearer(service)).expect(200)).body;
  const chinaDate = (iso: string, plusDays = 0) => new Date(Date.parse(iso) + 8 * 3600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);

  it('starts empty, then counts a paid order', async () => {
    expect(await stats()).toEqual(expect.objectContaining({ memberId: carolId, paidOrderCount: 0, totalNetPaidFen: 0, lastPaidAt: null, expectedNextPurchaseDate: null }));
    const first = await paidOrder(3000);
    const after = await eventually(stats, (s) => s.paidOrderCount === 1);
    expect(after).toEqual({
      memberId: carolId,
      paidOrderCount: 1,
      totalNetPaidFen: first.payableFen,
      firstPaidAt: first.paidAt,
      lastPaidAt: first.paidAt,
      purchaseDayCount: 1,
      averageDaysBetweenOrders: null,
      // Nobody in this shop has bought twice yet: the default 30 days.
      expectedNextPurchaseDate: chinaDate(first.paidAt!, 30),
      expectedNextBasis: 'shop_median',
      expectedIntervalDays: 30,
      daysSinceLastPurchase: 0,
      computedAt: expect.any(String),
    });
  });

  it('a second order the same day is no repeat purchase (no 0-day interval); a refund takes it back out', async () => {
    const before = await stats();
    const second = await paidOrder(4500);
    refundedOrderNo = second.orderNo;
    const two = await eventually(stats, (s) => s.paidOrderCount === 2);
    // Both paid today, moments apart: one purchase day, so still the shop's interval (30 days: nobody has a
    // second purchase) and no first-to-second interval of 0 days to pull the shop's median down.
    expect(two).toEqual(
      expect.objectContaining({
        paidOrderCount: 2,
        purchaseDayCount: 1,
        totalNetPaidFen: before.totalNetPaidFen + second.payableFen,
        lastPaidAt: second.paidAt,
        averageDaysBetweenOrders: null,
        expectedNextBasis: 'shop_median',
        expectedIntervalDays: 30,
        expectedNextPurchaseDate: chinaDate(second.paidAt!, 30),
      }),
    );
    expect((await t.dataSource.getRepository(MemberPurchaseStatsRow).findOneByOrFail({ memberId: carolId })).firstToSecondDays).toBeNull();

    const sale = (await t.api().post(`${API}/orders/${second.orderNo}/after-sales`).set(bearer(carol)).send({ type: 'refund_only', reason: '不想要了' }).expect(201)).body;
    await t.api().post(`${API}/admin/after-sales/${sale.afterSale.id}/approve`).set(bearer(service)).send({}).expect(200);
    await eventually(() => orderStatus(t, carol, second.orderNo), (order) => order.status === 'refunded');
    const back = await eventually(stats, (s) => s.paidOrderCount === 1);
    expect(back).toEqual(expect.objectContaining({ totalNetPaidFen: before.totalNetPaidFen, lastPaidAt: before.lastPaidAt, expectedNextBasis: 'shop_median' }));
  });

  it('a repeated or late event, and the sweep, leave the row as the facts say', async () => {
    const row = () => t.dataSource.getRepository(MemberPurchaseStatsRow).findOneByOrFail({ memberId: carolId });
    const settled = await row();
    // The refunded order's order.paid delivered again, twice, after its refund: the member is recomputed from the facts.
    const refunded = await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: refundedOrderNo });
    const late = { orderId: refunded.id, orderNo: refunded.orderNo, memberId: carolId };
    const follower = t.app.get(EventFollowers).named('analytics.purchase-stats')!;
    const redelivered = { id: 'late', type: OrderEvents.paid, aggregateKey: `order:${refunded.orderNo}`, memberId: carolId, payload: late, createdAt: new Date() };
    await follower.handle(redelivered);
    await follower.handle(redelivered);
    expect(await row()).toEqual({ ...settled, computedAt: expect.any(Date) });

    // A lost event: the row is gone; the sweep finds a member with paid orders and no row, and rebuilds it.
    await t.dataSource.getRepository(MemberPurchaseStatsRow).delete({ memberId: carolId });
    expect((await stats()).paidOrderCount).toBe(0);
    await t.app.get(PurchaseStatsSweeper).sweep();
    expect(await row()).toEqual({ ...settled, computedAt: expect.any(Date) });
  });

  it("the member's order history is the admin order list filtered by memberId", async () => {
    const history: Paginated<AdminOrderRow> = (await t.api().get(`${API}/admin/orders?memberId=${carolId}&pageSize=1`).set(bearer(service)).expect(200)).body;
    expect(history.total).toBe(2);
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toEqual(expect.objectContaining({ memberId: carolId, status: 'refunded' }));
    expect((await t.api().get(`${API}/admin/orders?memberId=${carolId + 1000}`).set(bearer(service)).expect(200)).body.total).toBe(0);
    expectApiError((await t.api().get(`${API}/admin/orders?memberId=abc`).set(bearer(service)).expect(400)).body, 'VALIDATION_FAILED');
  });

  it('keeps the stats from the warehouse', async () => {
    expectApiError((await t.api().get(`${API}/admin/members/${carolId}/purchase-stats`).set(bearer(warehouse)).expect(403)).body, 'FORBIDDEN');
  });
});
