import { Not } from 'typeorm';
import { DomainEventDeliveryRow } from '../../server/src/platform/events/domain-event-delivery.entity';
import { DomainEventRow } from '../../server/src/platform/events/domain-event.entity';
import type { DemoHistoryStatus, DueForRepurchaseRow, MemberPurchaseStats, Paginated, RepeatPurchaseMetrics, StoreOverview } from '../../shared';
import { addDays, chinaDay } from '../../shared/china-time';
import { ProductRow } from '../../server/src/catalog/product.entity';
import { SkuRow } from '../../server/src/catalog/sku.entity';
import { CouponTemplateRow } from '../../server/src/coupons/coupon-template.entity';
import { MemberCouponRow } from '../../server/src/coupons/member-coupon.entity';
import { PointsLedgerRow } from '../../server/src/loyalty/points-ledger.entity';
import { MemberRow } from '../../server/src/members/member.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { PaymentRow } from '../../server/src/payments/payment.entity';
import { PaymentsService } from '../../server/src/payments/payments.service';
import { RefundRow } from '../../server/src/payments/refund.entity';
import { DEMO_OPENID_PREFIX } from '../../server/src/seed/demo-history/demo-history-plan';
import { DemoHistorySeeder } from '../../server/src/seed/demo-history/demo-history.seeder';
import { DemoStoreSeeder } from '../../server/src/seed/demo-store.seeder';
import { WechatPayClient } from '../../server/src/wechat/pay/wechat-pay.client';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';
import { expectStockLedgerBalanced } from './support/stock-ledger';

/**
 * The demo history a fresh install writes: through the real services, once per database, with figures on every
 * analytics page; the catalog keeps its stock; the owner removes it and only it (a real shopper's order, coupon
 * and the products' sales counts stay as they were before the history).
 */
describe(`demo history (${TEST_DB})`, () => {
  let t: TestApp;
  let owner: string;
  let operator: string;
  let realOrderNo: string;
  let realMemberId: number;
  const before = { stock: new Map<number, number>(), sales: new Map<number, number>(), coupons: new Map<number, [number, number]>() };
  const log: string[] = [];
  let seconds = 0;

  const snapshot = async () => ({
    stock: new Map((await t.dataSource.getRepository(SkuRow).find()).map((sku) => [sku.id, sku.stock])),
    sales: new Map((await t.dataSource.getRepository(ProductRow).find()).map((product) => [product.id, product.salesCount])),
    coupons: new Map((await t.dataSource.getRepository(CouponTemplateRow).find()).map((c) => [c.id, [c.claimedCount, c.usedCount] as [number, number]])),
  });

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoStoreSeeder).seedCoupons();
    [owner, operator] = await Promise.all([staffToken(t, 'owner'), staffToken(t, 'operator')]);

    // A real shopper (signed in through the fake WeChat, so holding the newcomer coupon) orders and pays first.
    const shop = new ShopFixtures(t);
    await shop.init();
    const shopper = await memberToken(t, 'real-shopper');
    const addressId = await shop.address(shopper);
    const sku = await t.dataSource.getRepository(SkuRow).createQueryBuilder('s').where('s.stock > 50').orderBy('s.id').getOneOrFail();
    const coupon = await t.dataSource.getRepository(MemberCouponRow).findOneByOrFail({ source: 'newcomer' });
    const placed = await t.api().post(`${API}/orders`).set(bearer(shopper))
      .send({ clientToken: 'real-order-1', addressId, items: [{ skuId: sku.id, quantity: 1 }], memberCouponId: coupon.id }).expect(201);
    realOrderNo = placed.body.orderNo;
    const pay = t.app.get(WechatPayClient);
    await t.app.get(PaymentsService).applyTransaction({
      appid: pay.appid, mchid: pay.mchid, out_trade_no: realOrderNo, transaction_id: 'REAL0000000000000001', trade_state: 'SUCCESS',
      trade_state_desc: '支付成功', payer: { openid: 'real' }, amount: { total: placed.body.pricing.payableFen, currency: 'CNY' },
    });
    realMemberId = coupon.memberId;
    Object.assign(before, await snapshot());

    const started = Date.now();
    await t.app.get(DemoHistorySeeder).seedOnce((line) => log.push(line));
    seconds = (Date.now() - started) / 1000;
    // The figure the README and the report quote.
    console.log(`demo history on ${TEST_DB}: ${seconds.toFixed(1)} s\n${log.join('\n')}`);
  }, 180_000);
  afterAll(() => t.close());

  const get = (path: string, token: string) => t.api().get(`${API}/admin/${path}`).set(bearer(token));

  it('writes a few hundred members and their orders, and logs its progress', async () => {
    const status: DemoHistoryStatus = (await get('demo-history', owner).expect(200)).body;
    expect(status.members).toBe(300);
    expect(status.orders).toBeGreaterThan(400);
    expect(status.seeding).toBe(false);
    expect(log[log.length - 1]).toMatch(/已写入：300 位会员/);
  });

  it('经营概览, 复购分析 and 待复购会员 have figures', async () => {
    const today: StoreOverview = (await get('overview?period=7d', owner).expect(200)).body;
    expect(today.current.figures.paidOrders).toBeGreaterThan(5);
    expect(today.current.figures.gmvFen).toBeGreaterThan(0);
    expect(today.current.figures.newMembers).toBeGreaterThan(0);
    const now: StoreOverview = (await get('overview?period=today', owner).expect(200)).body;
    expect(now.current.figures.paidOrders).toBeGreaterThanOrEqual(4);
    expect(now.trend.filter((day) => day.paidOrders > 0).length).toBeGreaterThan(20);

    const to = chinaDay(new Date());
    const metrics: RepeatPurchaseMetrics = (await get(`analytics/repeat-purchase?from=${addDays(to, -180)}&to=${to}`, operator).expect(200)).body;
    expect(metrics.repeatRate.repeatMembers).toBeGreaterThan(50);
    expect(metrics.firstToSecond.medianDays).toBeGreaterThan(5);
    expect(metrics.topRepurchasedProducts.length).toBeGreaterThan(0);
    expect(metrics.returningGmv.returningNetPaidFen).toBeGreaterThan(0);

    const due: Paginated<DueForRepurchaseRow> = (await get('analytics/due-for-repurchase?page=1&pageSize=5', owner).expect(200)).body;
    expect(due.total).toBeGreaterThan(10);
  });

  it('the demo timelines are dated in the past, consistently, and their members look like members', async () => {
    const demo = await t.dataSource.getRepository(MemberRow).createQueryBuilder('m').where('m.openid LIKE :prefix', { prefix: `${DEMO_OPENID_PREFIX}%` }).getMany();
    expect(new Set(demo.map((member) => chinaDay(member.createdAt))).size).toBeGreaterThan(100);
    expect(demo.every((member) => member.nickname && member.phone)).toBe(true);
    const all = await t.dataSource.getRepository(OrderRow).createQueryBuilder('o').where('o.memberId IN (:...ids)', { ids: demo.map((m) => m.id) }).getMany();
    for (const order of all) {
      const steps = [order.createdAt, order.paidAt ?? order.cancelledAt, order.shippedAt, order.completedAt].filter((at): at is Date => !!at);
      for (let index = 1; index < steps.length; index++) expect(steps[index].getTime()).toBeGreaterThanOrEqual(steps[index - 1].getTime());
      expect(order.updatedAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
    // Placed in the order of their dates, so the newest-first lists (by id) read as a real shop's do.
    const byId = [...all].sort((a, b) => a.id - b.id);
    for (let index = 1; index < byId.length; index++) expect(byId[index].createdAt.getTime()).toBeGreaterThanOrEqual(byId[index - 1].createdAt.getTime());
    const membersById = [...demo].sort((a, b) => a.id - b.id);
    for (let index = 1; index < membersById.length; index++) expect(membersById[index].createdAt.getTime()).toBeGreaterThanOrEqual(membersById[index - 1].createdAt.getTime());
    const statuses = new Set(all.map((order) => order.status));
    for (const status of ['paid', 'shipped', 'completed', 'refunded', 'cancelled', 'after_sale']) expect(statuses).toContain(status);
    // Paid through the payment path: one matched payment per paid order, at the order's paidAt.
    const paid = all.filter((order) => order.paidAt);
    const payments = await t.dataSource.getRepository(PaymentRow).createQueryBuilder('p').where('p.orderId IN (:...ids)', { ids: paid.map((o) => o.id) }).getMany();
    expect(payments).toHaveLength(paid.length);
    for (const payment of payments) expect(payment.successAt).toEqual(paid.find((order) => order.id === payment.orderId)!.paidAt);
    // Refunded orders: succeeded refunds dated at the order's refundedAt.
    const refunded = all.filter((order) => order.status === 'refunded');
    for (const order of refunded) {
      const refund = await t.dataSource.getRepository(RefundRow).findOneByOrFail({ orderId: order.id });
      expect(refund).toEqual(expect.objectContaining({ status: 'succeeded', succeededAt: order.refundedAt }));
    }
    // Points earned at completion, dated then; newcomer coupons spent.
    const earned = await t.dataSource.getRepository(PointsLedgerRow).findBy({ reason: 'order_completed' });
    expect(earned.length).toBeGreaterThan(100);
    const completedAt = new Map(all.map((order) => [order.id, order.completedAt]));
    for (const entry of earned.filter((e) => completedAt.has(e.orderId!))) expect(entry.createdAt).toEqual(completedAt.get(entry.orderId!));
    expect(all.filter((order) => order.couponTemplateId !== null).length).toBeGreaterThan(30);
    expect(all.filter((order) => order.pointsUsed > 0).length).toBeGreaterThan(10);
  });

  it('leaves every SKU with the stock it had: nothing of the demo catalog sold out by the history', async () => {
    const after = await snapshot();
    expect(after.stock).toEqual(before.stock);
    // Sold through checkout, put back as the owner's adjustment: all of it in the stock ledger.
    await expectStockLedgerBalanced(t);
  });

  it('runs once per database', async () => {
    const lines: string[] = [];
    await t.app.get(DemoHistorySeeder).seedOnce((line) => lines.push(line));
    expect(lines).toEqual([]);
    expect((await get('demo-history', owner).expect(200)).body.members).toBe(300);
  });

  it('only the owner removes it; removing takes the demo rows and their counts and leaves the real shopper as they were', async () => {
    expectApiError((await t.api().delete(`${API}/admin/demo-history`).set(bearer(operator)).expect(403)).body, 'FORBIDDEN');
    const removed = (await t.api().delete(`${API}/admin/demo-history`).set(bearer(owner)).expect(200)).body;
    expect(removed.members).toBe(300);
    expect(removed.orders).toBeGreaterThan(400);
    expect((await get('demo-history', owner).expect(200)).body).toEqual({ members: 0, orders: 0, seeding: false });

    expect(await t.dataSource.getRepository(MemberRow).count()).toBe(1);
    expect(await t.dataSource.getRepository(OrderRow).count()).toBe(1);
    expect(await t.dataSource.getRepository(PaymentRow).count()).toBe(1);
    expect(await t.dataSource.getRepository(RefundRow).count()).toBe(0);
    // The real shopper's events stay (registered, order placed and paid); the demo members' went with them.
    expect(await t.dataSource.getRepository(DomainEventRow).count({ where: { memberId: Not(realMemberId) } })).toBe(0);
    expect(await t.dataSource.getRepository(DomainEventRow).countBy({ memberId: realMemberId })).toBeGreaterThanOrEqual(3);
    expect(await t.dataSource.getRepository(DomainEventDeliveryRow).count()).toBe(
      await t.dataSource.getRepository(DomainEventDeliveryRow).createQueryBuilder('d').innerJoin(DomainEventRow, 'e', 'e.id = d.eventId').getCount(),
    );
    expect(await t.dataSource.getRepository(MemberCouponRow).countBy({ memberId: realMemberId })).toBe(1);
    expect(await t.dataSource.getRepository(MemberCouponRow).count()).toBe(1);
    const real: { orderNo: string; status: string } = (await get(`orders/${realOrderNo}`, owner).expect(200)).body;
    expect(real.status).toBe('paid');
    const stats: MemberPurchaseStats = (await get(`members/${realMemberId}/purchase-stats`, owner).expect(200)).body;
    expect(stats.paidOrderCount).toBe(1);

    const after = await snapshot();
    expect(after.sales).toEqual(before.sales);
    expect(after.coupons).toEqual(before.coupons);
    expect(after.stock).toEqual(before.stock);
    await expectStockLedgerBalanced(t);
    const overview: StoreOverview = (await get('overview?period=today', owner).expect(200)).body;
    expect(overview.current.figures).toEqual(expect.objectContaining({ paidOrders: 1, payingMembers: 1, newMembers: 1 }));
    // Removing again finds nothing.
    expect((await t.api().delete(`${API}/admin/demo-history`).set(bearer(owner)).expect(200)).body).toEqual({ members: 0, orders: 0 });
  });
});
