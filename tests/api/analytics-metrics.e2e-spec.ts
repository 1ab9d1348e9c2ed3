import { MemberPurchaseStatsRow } from '../../server/src/analytics/member-purchase-stats.entity';
import type { DueForRepurchaseRow, MemberPurchaseStats, Paginated, RepeatPurchaseMetrics } from '../../shared';
import { PurchaseStatsBackfill, PurchaseStatsSweeper } from '../../server/src/analytics/purchase-stats-sweeper';
import { chinaTime, FIXTURE_MEMBERS, FIXTURE_ORDERS, type FixtureMember } from '../../server/src/analytics/repeat-purchase.fixture';
import { MemberRow } from '../../server/src/members/member.entity';
import { OrderLineRow } from '../../server/src/orders/order-line.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { RefundRow } from '../../server/src/payments/refund.entity';
import { API, bearer, expectApiError, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/**
 * The store metrics, member stats and due list on the fixed fixture of server/src/analytics/repeat-purchase.fixture.ts,
 * inserted straight into the tables (orders of 2025, long before the test runs, so every cohort month is known).
 * The arithmetic behind each expectation is in the comments here and in repeat-purchase-metrics.spec.ts.
 */
describe(`repeat-purchase metrics and the due list (${TEST_DB})`, () => {
  let t: TestApp;
  let owner: string;
  let operator: string;
  let service: string;
  let warehouse: string;
  const ids = {} as Record<FixtureMember, number>;

  beforeAll(async () => {
    t = await startTestApp();
    [owner, operator, service, warehouse] = await Promise.all(['owner', 'operator', 'service', 'warehouse'].map((name) => staffToken(t, name)));
    await seedFixture();
    // No order event ran for these old orders: the backfill finds members with paid orders and no stats, then
    // the sweep re-dates the one-order members with the shop interval those rows give.
    expect(await t.app.get(PurchaseStatsBackfill).sweep()).toBe(7);
    await t.app.get(PurchaseStatsSweeper).sweep();
  });
  afterAll(() => t.close());

  async function seedFixture(): Promise<void> {
    for (const [index, name] of FIXTURE_MEMBERS.entries()) {
      const number = index + 1;
      const { identifiers } = await t.dataSource.getRepository(MemberRow).insert({
        openid: `fixture-openid-${name}`,
        nickname: `会员${name}`,
        phone: `1380000000${number}`,
        // M2 and M4 hold level 2.
        levelId: name === 'M2' || name === 'M4' ? 2 : null,
      });
      ids[name] = identifiers[0].id;
    }
    for (const [index, order] of FIXTURE_ORDERS.entries()) {
      const placedAt = chinaTime(order.paidAt ?? order.placedAt!);
      const { identifiers } = await t.dataSource.getRepository(OrderRow).insert({
        orderNo: `FX${String(index + 1).padStart(6, '0')}`,
        memberId: ids[order.member],
        clientToken: `fixture-${index}`,
        status: order.status,
        itemCount: order.lines.length,
        listTotalFen: order.payableFen,
        shippingFeeFen: 0,
        payableFen: order.payableFen,
        recipientName: '张三',
        recipientPhone: '13800001111',
        provinceName: '浙江省',
        cityName: '杭州市',
        districtName: '西湖区',
        regionCode: '330106',
        addressDetail: '文三路 1 号',
        createdAt: placedAt,
        paidAt: order.paidAt ? placedAt : null,
        cancelledAt: order.status === 'cancelled' ? placedAt : null,
        refundedAt: order.status === 'refunded' ? placedAt : null,
      });
      const orderId = identifiers[0].id as number;
      for (const [lineIndex, line] of order.lines.entries()) {
        await t.dataSource.getRepository(OrderLineRow).insert({
          orderId,
          productId: line.productId,
          skuId: line.productId * 10 + lineIndex,
          title: line.title,
          specValues: [],
          imageUrl: '/uploads/p.png',
          unitPriceFen: order.payableFen,
          quantity: 1,
          lineTotalFen: order.payableFen,
        });
      }
      for (const [refundIndex, refund] of (order.refunds ?? []).entries()) {
        await t.dataSource.getRepository(RefundRow).insert({
          orderId,
          afterSaleId: null,
          outRefundNo: `FXR${index}-${refundIndex}`,
          amountFen: refund.amountFen,
          paymentTotalFen: order.payableFen,
          reason: '测试',
          status: refund.status,
          acceptedAt: placedAt,
          succeededAt: refund.status === 'succeeded' ? placedAt : null,
        });
      }
    }
  }

  const get = (path: string, token: string) => t.api().get(`${API}/admin/${path}`).set(bearer(token));
  const todayInChina = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const daysSince = (day: string) => Math.round((Date.parse(todayInChina()) - Date.parse(day)) / 86_400_000);

  it('store metrics for 2025-03-01 … 2025-04-30 match the hand-worked figures', async () => {
    const metrics: RepeatPurchaseMetrics = (await get('analytics/repeat-purchase?from=2025-03-01&to=2025-04-30', operator).expect(200)).body;
    // 7 members bought in the range; M1, M2, M5 twice or more (M4's cancelled and M5's refunded orders do not count).
    expect(metrics.repeatRate).toEqual({ purchasingMembers: 7, repeatMembers: 3, rate: 3 / 7 });
    // March cohort M2, M4, M7: M2 bought again in April and June. April cohort M3, M5: M3 in May.
    // Every follow-up month (up to October 2025) is in the past, so none is null.
    const row = (month: string, members: number, returned: number[]) => ({
      month,
      members,
      followUps: returned.map((count, index) => expect.objectContaining({ offset: index + 1, returned: count, rate: count / members })),
    });
    expect(metrics.cohorts).toEqual([row('2025-03', 3, [1, 0, 1, 0, 0, 0]), row('2025-04', 2, [1, 0, 0, 0, 0, 0])]);
    expect(metrics.cohorts[1].followUps.map((cell) => cell.month)).toEqual(['2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10']);
    // Second orders in the range: M1 54 days, M2 10, M5 2, M6 16 → median (10 + 16) / 2.
    expect(metrics.firstToSecond).toEqual({ members: 4, medianDays: 13 });
    expect(metrics.topRepurchasedProducts).toEqual([
      { productId: 101, title: '西湖龙井', repurchasingMembers: 3, orders: 6 },
      { productId: 102, title: '桂花乌龙', repurchasingMembers: 1, orders: 2 },
    ]);
    // 50000 fen net in 13 orders; 24500 of it from 6 orders on a later day than their member's first (the
    // same-day orders of M3 and M4 are first-day GMV).
    expect(metrics.returningGmv).toEqual({ totalNetPaidFen: 50000, returningNetPaidFen: 24500, totalOrders: 13, returningOrders: 6, share: 0.49 });
  });

  it("members' purchase stats, built from the orders by the backfill and the sweep", async () => {
    const stats = async (member: FixtureMember): Promise<MemberPurchaseStats> => (await get(`members/${ids[member]}/purchase-stats`, service).expect(200)).body;
    // M1: 01-10, 03-05, 03-20, 05-01 (China); 3000 + 5000 + 3000 + 4000; 111 days / 3 = 37.0; 05-01 + 37 = 06-07.
    expect(await stats('M1')).toEqual({
      memberId: ids.M1,
      paidOrderCount: 4,
      purchaseDayCount: 4,
      totalNetPaidFen: 15000,
      firstPaidAt: chinaTime('2025-01-10 10:00').toISOString(),
      lastPaidAt: chinaTime('2025-05-01 07:00').toISOString(),
      averageDaysBetweenOrders: 37,
      expectedNextPurchaseDate: '2025-06-07',
      expectedNextBasis: 'own_average',
      expectedIntervalDays: 37,
      daysSinceLastPurchase: daysSince('2025-05-01'),
      computedAt: expect.any(String),
    });
    // M4 bought twice on one day (03-15 20:00 and 20:05): one purchase day, so the shop's median first→second
    // interval over everyone (M1 54, M2 10, M3 39 (04-01 → 05-10; its 00:31 order is the same day), M5 2, M6 16 → 16).
    expect(await stats('M4')).toEqual(
      expect.objectContaining({
        paidOrderCount: 2,
        purchaseDayCount: 1,
        totalNetPaidFen: 1500,
        averageDaysBetweenOrders: null,
        expectedNextBasis: 'shop_median',
        expectedIntervalDays: 16,
        expectedNextPurchaseDate: '2025-03-31',
      }),
    );
    // M3: 04-01 00:30 and 00:31, then 05-10: two purchase days 39 days apart (not three orders 19.5 days apart).
    expect(await stats('M3')).toEqual(
      expect.objectContaining({ paidOrderCount: 3, purchaseDayCount: 2, totalNetPaidFen: 11500, averageDaysBetweenOrders: 39, expectedNextPurchaseDate: '2025-06-18' }),
    );
    const m3Row = await t.dataSource.getRepository(MemberPurchaseStatsRow).findOneByOrFail({ memberId: ids.M3 });
    expect(m3Row.firstToSecondDays).toBe(39);
    // M5's fully refunded order is not counted; M7's partial refund is deducted; M2's processing refund is not.
    expect(await stats('M5')).toEqual(expect.objectContaining({ paidOrderCount: 2, totalNetPaidFen: 4000, averageDaysBetweenOrders: 2 }));
    expect(await stats('M7')).toEqual(expect.objectContaining({ paidOrderCount: 1, totalNetPaidFen: 7000 }));
    expect(await stats('M2')).toEqual(expect.objectContaining({ paidOrderCount: 4, totalNetPaidFen: 17000, expectedNextPurchaseDate: '2025-07-01' }));
  });

  it('the sweep rewrites rows written before purchase days were counted, then re-dates with the shop interval', async () => {
    const rows = t.dataSource.getRepository(MemberPurchaseStatsRow);
    const settled = await rows.findOneByOrFail({ memberId: ids.M4 });
    // M4 as the same-day-blind rule wrote it: its 20:05 order a second purchase 0 days later, own average 0.
    await rows.update(
      { memberId: ids.M4 },
      { purchaseDayCount: 0, firstToSecondDays: 0, expectedIntervalDays: 0, expectedNextBasis: 'own_average', expectedNextDate: '2025-03-15' },
    );
    expect(await t.app.get(PurchaseStatsSweeper).sweep()).toBeGreaterThanOrEqual(1);
    // Rewritten before the shop interval was read, so the 0 did not pull the median (16) down for anyone.
    expect(await rows.findOneByOrFail({ memberId: ids.M4 })).toEqual({ ...settled, computedAt: expect.any(Date) });
    expect((await rows.findOneByOrFail({ memberId: ids.M7 })).expectedIntervalDays).toBe(16);
  });

  it('due for repurchase: everyone is overdue by now, most overdue first, with the filters', async () => {
    const due = async (query: string, token = operator): Promise<Paginated<DueForRepurchaseRow>> =>
      (await get(`analytics/due-for-repurchase${query}`, token).expect(200)).body;
    // Expected dates: M6 03-24 (03-08 + 16), M7 03-26 (03-10 + 16), M4 03-31, M5 04-14, M1 06-07, M3 06-18, M2 07-01.
    const all = await due('');
    expect(all.total).toBe(7);
    expect(all.items.map((row) => row.memberId)).toEqual(['M6', 'M7', 'M4', 'M5', 'M1', 'M3', 'M2'].map((name) => ids[name as FixtureMember]));
    expect(all.items[0]).toEqual({
      memberId: ids.M6,
      nickname: '会员M6',
      // The operator is not among FULL_PHONE_ROLES.
      phone: '138****0006',
      levelId: null,
      paidOrderCount: 2,
      totalNetPaidFen: 11000,
      lastPaidAt: chinaTime('2025-03-08 11:00').toISOString(),
      expectedNextPurchaseDate: '2025-03-24',
      expectedNextBasis: 'own_average',
      daysOverdue: daysSince('2025-03-24'),
    });
    expect((await due('', service)).items[0].phone).toBe('13800000006');
    // Spent at least 100 元: M6 11000, M1 15000, M3 11500, M2 17000.
    expect((await due('?minSpentFen=10000')).items.map((row) => row.memberId)).toEqual([ids.M6, ids.M1, ids.M3, ids.M2]);
    // 50 元 … 115 元 (both included): M6 11000, M7 7000, M3 11500.
    expect((await due('?minSpentFen=5000&maxSpentFen=11500')).items.map((row) => row.memberId)).toEqual([ids.M6, ids.M7, ids.M3]);
    expect((await due('?levelId=2')).items.map((row) => row.memberId)).toEqual([ids.M4, ids.M2]);
    const second = await due('?page=2&pageSize=2');
    expect(second).toEqual(expect.objectContaining({ total: 7, page: 2, pageSize: 2 }));
    expect(second.items.map((row) => row.memberId)).toEqual([ids.M4, ids.M5]);
  });

  it('exports the due list as CSV with a BOM and Chinese headers, same filters', async () => {
    const response = await get('analytics/due-for-repurchase.csv?minSpentFen=5000&maxSpentFen=11500', service).expect(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('attachment');
    const text = response.text;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe('会员ID,昵称,手机号,会员等级ID,付款订单数,累计实付（元）,最近付款日期,预计复购日期,逾期天数');
    expect(lines.slice(1)).toEqual([
      `${ids.M6},会员M6,13800000006,,2,110.00,2025-03-08,2025-03-24,${daysSince('2025-03-24')}`,
      `${ids.M7},会员M7,13800000007,,1,70.00,2025-03-10,2025-03-26,${daysSince('2025-03-26')}`,
      `${ids.M3},会员M3,13800000003,,3,115.00,2025-05-10,2025-06-18,${daysSince('2025-06-18')}`,
    ]);
    // The operator's export masks phones like the list.
    const masked = (await get('analytics/due-for-repurchase.csv?levelId=2', operator).expect(200)).text;
    expect(masked).toContain(`${ids.M4},会员M4,138****0004,2,2,15.00,2025-03-15,2025-03-31,`);
  });

  it('lets only the right roles in', async () => {
    for (const path of ['analytics/repeat-purchase?from=2025-03-01&to=2025-04-30', 'analytics/due-for-repurchase', 'analytics/due-for-repurchase.csv', `members/${ids.M1}/purchase-stats`]) {
      expectApiError((await get(path, warehouse).expect(403)).body, 'FORBIDDEN');
      await t.api().get(`${API}/admin/${path}`).expect(401);
    }
    // Customer service reaches members and the due list, not the store dashboard.
    expectApiError((await get('analytics/repeat-purchase?from=2025-03-01&to=2025-04-30', service).expect(403)).body, 'FORBIDDEN');
    await get('analytics/repeat-purchase?from=2025-03-01&to=2025-04-30', owner).expect(200);
  });

  it('answers bad input with 400 and a code, never a 500', async () => {
    const metrics = (query: string) => get(`analytics/repeat-purchase${query}`, owner);
    const invalid = async (query: string, field: string) => {
      const body = (await metrics(query).expect(400)).body;
      expectApiError(body, 'VALIDATION_FAILED');
      expect(body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    };
    await invalid('?to=2025-04-30', 'from');
    await invalid('?from=2025-3-1&to=2025-04-30', 'from');
    await invalid('?from=2025-02-29&to=2025-04-30', 'from');
    await invalid('?from=2025-03-01&to=2025-04-30&extra=1', 'extra');
    expectApiError((await metrics('?from=2025-04-30&to=2025-03-01').expect(400)).body, 'ANALYTICS_RANGE_INVALID');
    // 2024 is a leap year: 2024-01-01 … 2024-12-31 is 366 days (allowed), one more day is too long.
    await metrics('?from=2024-01-01&to=2024-12-31').expect(200);
    expectApiError((await metrics('?from=2024-01-01&to=2025-01-01').expect(400)).body, 'ANALYTICS_RANGE_TOO_LONG');

    const dueList = (query: string) => get(`analytics/due-for-repurchase${query}`, owner).expect(400);
    for (const query of ['?minSpentFen=-1', '?minSpentFen=abc', '?levelId=0', '?pageSize=0', '?minSpentFen=2.5']) {
      expectApiError((await dueList(query)).body, 'VALIDATION_FAILED');
    }
    const backwards = (await dueList('?minSpentFen=20000&maxSpentFen=10000')).body;
    expectApiError(backwards, 'VALIDATION_FAILED');
    expect(backwards.details).toEqual([expect.objectContaining({ field: 'maxSpentFen' })]);

    expectApiError((await get('members/0/purchase-stats', owner).expect(400)).body, 'VALIDATION_FAILED');
    expectApiError((await get('members/999999/purchase-stats', owner).expect(404)).body, 'MEMBER_NOT_FOUND');
  });
});
