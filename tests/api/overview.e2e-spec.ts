import type { AfterSaleStatus, AfterSaleType, OrderStatus, OrderStatusCounts, OverviewFigures, OverviewTodos, StoreOverview } from '../../shared';
import { addDays, chinaDay, startOfChinaDay } from '../../shared/china-time';
import { AfterSaleRow } from '../../server/src/after-sales/after-sale.entity';
import { MemberRow } from '../../server/src/members/member.entity';
import { AdminOrdersService } from '../../server/src/orders/admin-orders.service';
import { OrderRow } from '../../server/src/orders/order.entity';
import { PaymentRow } from '../../server/src/payments/payment.entity';
import { RefundRow } from '../../server/src/payments/refund.entity';
import { API, bearer, expectApiError, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/**
 * 经营概览 on a small fixture written straight into the tables at known China times around today, including
 * the day edges (00:00:00 and 23:59:59 China), a full and a partial refund, a refund still processing and an
 * unpaid order. Every expected figure is worked out by hand in the comments.
 */
describe(`经营概览, its to-dos, the order tabs' counts and the new-order notice (${TEST_DB})`, () => {
  let t: TestApp;
  let owner: string;
  let operator: string;
  let service: string;
  let warehouse: string;
  const today = chinaDay(new Date());
  /** An instant in China time: `offset` days from today at HH:MM:SS. */
  const at = (offset: number, time: string) => new Date(startOfChinaDay(addDays(today, offset)).getTime() + Date.parse(`1970-01-01T${time}Z`));
  const members: Record<string, number> = {};
  const orders: number[] = [];

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    [owner, operator, service, warehouse] = await Promise.all(['owner', 'operator', 'service', 'warehouse'].map((name) => staffToken(t, name)));
    // Members and when they joined: A long ago; B yesterday 00:00:00; C today 00:00:00; D yesterday 23:59:59;
    // E 7 days ago (the previous week's last day); F 6 days ago 00:00:00 (this week's first moment).
    const joined: [string, Date][] = [
      ['A', at(-40, '10:00:00')],
      ['B', at(-1, '00:00:00')],
      ['C', at(0, '00:00:00')],
      ['D', at(-1, '23:59:59')],
      ['E', at(-7, '12:00:00')],
      ['F', at(-6, '00:00:00')],
    ];
    for (const [name, createdAt] of joined) {
      const { identifiers } = await t.dataSource.getRepository(MemberRow).insert({ openid: `overview-${name}`, nickname: `会员${name}`, createdAt });
      members[name] = identifiers[0].id;
    }
    // [member, paid at (null: unpaid), payable, status]
    const fixture: [string, Date | null, number, OrderStatus][] = [
      /* 1 */ ['A', at(0, '00:00:00'), 10000, 'paid'],
      /* 2 */ ['B', at(0, '09:30:00'), 5000, 'completed'],
      /* 3 */ ['A', at(-1, '23:59:59'), 8000, 'after_sale'],
      /* 4 */ ['D', at(-1, '00:00:00'), 3000, 'paid'],
      /* 5 */ ['A', at(-2, '12:00:00'), 2000, 'after_sale'],
      /* 6 */ ['E', at(-6, '00:00:00'), 7000, 'completed'],
      /* 7 */ ['E', at(-7, '23:59:59'), 4000, 'completed'],
      /* 8 */ ['B', at(-13, '10:00:00'), 6000, 'completed'],
      /* 9 */ ['A', at(-14, '23:59:59'), 9999, 'completed'],
      /* 10 */ ['A', null, 1234, 'pending_payment'],
      /* 11 */ ['F', at(-1, '10:00:00'), 5000, 'refunded'],
    ];
    for (const [index, [member, paidAt, payableFen, status]] of fixture.entries()) {
      const { identifiers } = await t.dataSource.getRepository(OrderRow).insert({
        orderNo: `9${String(index + 1).padStart(17, '0')}`,
        memberId: members[member],
        clientToken: `overview-${index}`,
        status,
        itemCount: 1,
        listTotalFen: payableFen,
        shippingFeeFen: 0,
        payableFen,
        recipientName: '张三',
        recipientPhone: '13800001111',
        provinceName: '浙江省',
        cityName: '杭州市',
        districtName: '西湖区',
        regionCode: '330106',
        addressDetail: '文三路 1 号',
        createdAt: paidAt ?? at(0, '11:00:00'),
        paidAt,
      });
      orders.push(identifiers[0].id);
    }
    // [order number (1-based), amount, status, succeeded at]
    const refunds: [number, number, 'succeeded' | 'processing', Date | null][] = [
      [11, 5000, 'succeeded', at(0, '08:00:00')],
      [2, 1500, 'succeeded', at(0, '10:00:00')],
      [3, 8000, 'processing', null],
      [8, 1000, 'succeeded', at(-8, '15:00:00')],
    ];
    for (const [index, [order, amountFen, status, succeededAt]] of refunds.entries()) {
      await t.dataSource.getRepository(RefundRow).insert({
        orderId: orders[order - 1],
        afterSaleId: null,
        outRefundNo: `OVR${index}`,
        amountFen,
        paymentTotalFen: fixture[order - 1][2],
        reason: '测试',
        status,
        acceptedAt: at(-20, '10:00:00'),
        succeededAt,
      });
    }
    // After-sale cases: waiting for staff (order 3), a 退货退款 approved and waiting for the goods (order 5),
    // a 仅退款 already refunding (order 2, counts in neither).
    const cases: [number, AfterSaleType, AfterSaleStatus][] = [
      [3, 'return_refund', 'applied'],
      [5, 'return_refund', 'approved'],
      [2, 'refund_only', 'refunding'],
    ];
    for (const [order, type, status] of cases) {
      await t.dataSource.getRepository(AfterSaleRow).insert({
        orderId: orders[order - 1],
        memberId: members[fixture[order - 1][0]],
        type,
        status,
        reason: '测试',
        images: [],
        refundFen: 100,
        orderStatusBefore: 'completed',
      });
    }
  });
  afterAll(() => t.close());

  const get = (path: string, token: string) => t.api().get(`${API}/admin/${path}`).set(bearer(token));
  const figures = (f: Partial<OverviewFigures>) => expect.objectContaining(f);

  it('今日 against yesterday, from paid orders, succeeded refunds and new members at the day edges', async () => {
    const overview: StoreOverview = (await get('overview?period=today', owner).expect(200)).body;
    // Today: orders 1 (A 10000, 00:00:00) and 2 (B 5000); refunds of order 11 (5000) and the part of order 2 (1500);
    // GMV 15000 − 6500 = 8500; 15000 / 2 = 7500 per order; C joined at 00:00:00.
    expect(overview.current).toEqual({
      from: today,
      to: today,
      figures: { paidOrders: 2, payingMembers: 2, paidFen: 15000, refunds: 2, refundFen: 6500, gmvFen: 8500, averageOrderFen: 7500, newMembers: 1 },
    });
    // Yesterday: orders 3 (A 8000, 23:59:59), 4 (D 3000, 00:00:00) and 11 (F 5000, refunded today, still paid
    // yesterday); the refund of order 3 is still processing; 16000 / 3 = 5333.33 → 5333; B (00:00:00) and D (23:59:59) joined.
    expect(overview.previous).toEqual({
      from: addDays(today, -1),
      to: addDays(today, -1),
      figures: { paidOrders: 3, payingMembers: 3, paidFen: 16000, refunds: 0, refundFen: 0, gmvFen: 16000, averageOrderFen: 5333, newMembers: 2 },
    });
    expect(overview.period).toBe('today');
  });

  it('昨日 against the day before', async () => {
    const overview: StoreOverview = (await get('overview?period=yesterday', operator).expect(200)).body;
    expect(overview.current.figures).toEqual(figures({ paidOrders: 3, gmvFen: 16000, newMembers: 2 }));
    // The day before: order 5 (A 2000) alone.
    expect(overview.previous).toEqual({
      from: addDays(today, -2),
      to: addDays(today, -2),
      figures: { paidOrders: 1, payingMembers: 1, paidFen: 2000, refunds: 0, refundFen: 0, gmvFen: 2000, averageOrderFen: 2000, newMembers: 0 },
    });
  });

  it('近 7 天 against the 7 days before, edges included on both sides', async () => {
    const overview: StoreOverview = (await get('overview?period=7d', owner).expect(200)).body;
    // Today … 6 days ago 00:00:00: orders 1, 2, 3, 4, 5, 6, 11 = 40000 from A, B, D, E, F; refunds 6500;
    // 40000 / 7 = 5714.28 → 5714; B, C, D and F (6 days ago 00:00:00) joined.
    expect(overview.current).toEqual({
      from: addDays(today, -6),
      to: today,
      figures: { paidOrders: 7, payingMembers: 5, paidFen: 40000, refunds: 2, refundFen: 6500, gmvFen: 33500, averageOrderFen: 5714, newMembers: 4 },
    });
    // 13 … 7 days ago: orders 7 (E 4000, 23:59:59 of day −7) and 8 (B 6000); the 1000 refund 8 days ago;
    // E joined 7 days ago. Order 9 (day −14, 23:59:59) is in neither week.
    expect(overview.previous).toEqual({
      from: addDays(today, -13),
      to: addDays(today, -7),
      figures: { paidOrders: 2, payingMembers: 2, paidFen: 10000, refunds: 1, refundFen: 1000, gmvFen: 9000, averageOrderFen: 5000, newMembers: 1 },
    });
  });

  it('the trend is the last 30 China days, today last', async () => {
    const { trend }: StoreOverview = (await get('overview?period=today', owner).expect(200)).body;
    expect(trend).toHaveLength(30);
    expect(trend[0].day).toBe(addDays(today, -29));
    expect(trend[29]).toEqual({ day: today, paidOrders: 2, payingMembers: 2, gmvFen: 8500, refundFen: 6500, newMembers: 1 });
    expect(trend[28]).toEqual({ day: addDays(today, -1), paidOrders: 3, payingMembers: 3, gmvFen: 16000, refundFen: 0, newMembers: 2 });
    expect(trend[15]).toEqual({ day: addDays(today, -14), paidOrders: 1, payingMembers: 1, gmvFen: 9999, refundFen: 0, newMembers: 0 });
    // Day −8: no order, the 1000 refund of order 8.
    expect(trend[21]).toEqual({ day: addDays(today, -8), paidOrders: 0, payingMembers: 0, gmvFen: -1000, refundFen: 1000, newMembers: 0 });
    // 10 of the 11 orders are paid (10 is not), all within the 30 days.
    expect(trend.reduce((sum, day) => sum + day.paidOrders, 0)).toBe(10);
  });

  it('only the owner and operators read it; a wrong period is a 400', async () => {
    for (const token of [service, warehouse]) expectApiError((await get('overview?period=today', token).expect(403)).body, 'FORBIDDEN');
    expectApiError((await get('overview/todos', service).expect(403)).body, 'FORBIDDEN');
    expectApiError((await get('overview?period=month', owner).expect(400)).body, 'VALIDATION_FAILED');
    expectApiError((await get('overview', owner).expect(400)).body, 'VALIDATION_FAILED');
    await t.api().get(`${API}/admin/overview?period=today`).expect(401);
  });

  it('the to-dos count what the filtered lists they link to show', async () => {
    // The buyer of order 4 tapped 提醒发货 (as POST /orders/:orderNo/ship-reminder records it).
    await t.dataSource.getRepository(OrderRow).update({ orderNo: '900000000000000004' }, { shipRemindedAt: new Date() });
    const todos: OverviewTodos = (await get('overview/todos', operator).expect(200)).body;
    // Orders 1 and 4 are paid and not shipped, 4 reminded; order 3's case waits for staff; order 5's return waits for the goods.
    expect(todos.counts).toEqual([
      { key: 'awaitingShipment', count: 2 },
      { key: 'shipReminders', count: 1 },
      { key: 'afterSalesAwaitingStaff', count: 1 },
      { key: 'returnsAwaitingGoods', count: 1 },
      { key: 'returnsAwaitingRefund', count: 0 },
    ]);
    expect((await get('orders?status=paid', owner).expect(200)).body.total).toBe(2);
    const reminded = (await get('orders?reminded=true', owner).expect(200)).body;
    expect(reminded.items.map((row: { orderNo: string }) => row.orderNo)).toEqual(['900000000000000004']);
    expect((await get('after-sales?status=applied', owner).expect(200)).body.total).toBe(1);
    const returns = (await get('after-sales?status=approved&type=return_refund', owner).expect(200)).body;
    expect(returns.items.map((row: { orderNo: string }) => row.orderNo)).toEqual(['900000000000000005']);
    expectApiError((await get('after-sales?type=exchange', owner).expect(400)).body, 'VALIDATION_FAILED');

    // Once the warehouse confirms order 5's parcel, the case moves from 退货待收货 to 退货待退款.
    const returnCase = await t.dataSource.getRepository(AfterSaleRow).findOneByOrFail({ status: 'approved', type: 'return_refund' });
    await t.dataSource.getRepository(AfterSaleRow).update({ id: returnCase.id }, { status: 'return_received', returnReceivedAt: new Date() });
    const received: OverviewTodos = (await get('overview/todos', operator).expect(200)).body;
    expect(received.counts.filter(({ key }) => key.startsWith('returns'))).toEqual([
      { key: 'returnsAwaitingGoods', count: 0 },
      { key: 'returnsAwaitingRefund', count: 1 },
    ]);
    const awaitingRefund = (await get('after-sales?status=return_received', owner).expect(200)).body;
    expect(awaitingRefund.items.map((row: { orderNo: string }) => row.orderNo)).toEqual(['900000000000000005']);
    await t.dataSource.getRepository(AfterSaleRow).update({ id: returnCase.id }, { status: 'approved', returnReceivedAt: null });
  });

  it("the order list's tabs: one count per status, under the list's other filters", async () => {
    const all: OrderStatusCounts = (await get('orders/status-counts', warehouse).expect(200)).body;
    expect(all).toEqual({ total: 11, byStatus: { paid: 2, completed: 5, after_sale: 2, pending_payment: 1, refunded: 1 } });
    // Placed today (China): orders 1, 2 and the unpaid 10; the status filter itself is not applied to the counts.
    const placedToday: OrderStatusCounts = (await get(`orders/status-counts?from=${today}&to=${today}&status=paid`, owner).expect(200)).body;
    expect(placedToday).toEqual({ total: 3, byStatus: { paid: 1, completed: 1, pending_payment: 1 } });
  });

  it('the new-order notice lists payments recorded since the last poll, newest first', async () => {
    const start: { count: number; until: string } = (await get('orders/paid-since', service).expect(200)).body;
    expect(start.count).toBe(0);
    expectApiError((await get('orders/paid-since?after=yesterday', owner).expect(400)).body, 'VALIDATION_FAILED');

    // Two payments recorded after `until`: orders 4 then 1 (by the payments' own time, as the server recorded them).
    const after = new Date(start.until);
    const recorded = (seconds: number) => new Date(after.getTime() + seconds * 1000);
    const insertPayment = (order: number, seconds: number, outcome: PaymentRow['outcome'] = 'matched') =>
      t.dataSource.getRepository(PaymentRow).insert({
        orderId: orders[order - 1],
        transactionId: `OV${order}${outcome}`,
        amountFen: 1,
        payerOpenid: 'o',
        successAt: recorded(seconds),
        outcome,
        createdAt: recorded(seconds),
      });
    await insertPayment(4, 1);
    await insertPayment(1, 2);
    await insertPayment(2, 2, 'amount_mismatch');
    const admin = t.app.get(AdminOrdersService);
    const since = await admin.paidSince(after, recorded(10));
    expect(since.count).toBe(2);
    expect(since.latest.map((notice) => notice.orderNo)).toEqual(['900000000000000001', '900000000000000004']);
    expect(since.latest[0]).toEqual(expect.objectContaining({ payableFen: 10000, memberNickname: '会员A' }));
    // The window ends 3 s before now, on a whole second: the next poll starts there and sees each payment once.
    expect(since.until).toBe(recorded(7).toISOString());
    expect((await admin.paidSince(new Date(since.until), recorded(30))).count).toBe(0);
    // Payments recorded less than 3 s before a poll are left for the next one.
    expect((await admin.paidSince(after, recorded(3))).count).toBe(0);
  });
});
