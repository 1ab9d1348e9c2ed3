import { addDays, chinaDateTime, chinaDay, type AdminProductDetail, type LiveSession, type LiveSessionReport, type OrderDetail } from '../../shared';
import { MemberIdentityRow } from '../../server/src/attribution/member-identity.entity';
import { LiveReservationRow } from '../../server/src/live/live-reservation.entity';
import { LiveSessionRow } from '../../server/src/live/live-session.entity';
import { LiveTouchRow } from '../../server/src/live/live-touch.entity';
import { MemberRow } from '../../server/src/members/member.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { RefundRow } from '../../server/src/payments/refund.entity';
import { HOUR_MS, LiveFixtures, newDevice, type LiveShopper } from './support/live-fixtures';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { API, bearer, expectApiError, loginCode, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

const MINUTE_MS = 60_000;

/**
 * 直播报表 on a fixed fixture, every figure worked out by hand in the comments. Session S (Channels, live) features
 * P1 (¥100, live price ¥80) and P2 (¥50); P3 (¥30) is not featured. Shipping is free. P = S's planned start, moved to
 * 90 min ago; the timeline starts at P − 1 h, in 30-minute buckets (1 h + 2 h + 24 h window = 1620 min / 30 = 54 ≤ 60).
 * - A: a member since P − 48 h who paid an order (P3) at P − 3 h; taps S twice at P + 10 min; orders 2 × P2 + 1 × P3 at
 *   P + 20 min (assisted, ¥130, paid).
 * - B: a device taps S at P − 40 min before B exists; B registers with that device now; orders 1 × P1 at the live price
 *   at P + 70 min (live_price, ¥80, paid).
 * - C: a member since P − 48 h; launches from the live (scene 1177) with A's openid as sharer at P + 50 min; orders
 *   1 × P2 at P + 55 min (inbound, ¥50, paid, then fully refunded).
 * - D: a device that taps at P + 10 min and never logs in.
 * - E: a member since P − 48 h; taps at P + 45 min; orders 1 × P2, never pays (assisted, unpaid: counts nowhere).
 * - F: a device launching from the live's Channels room (scene 1177) at P + 65 min, no sharer.
 * - Reservations: A and C reminded (sent), E waiting.
 */
describe(`live report (${TEST_DB})`, () => {
  let t: TestApp;
  let live: LiveFixtures;
  let owner: string;
  let p1: AdminProductDetail;
  let p2: AdminProductDetail;
  let p3: AdminProductDetail;
  let s: LiveSession;
  let later: LiveSession;
  let P: Date;
  let orders = 0;

  const at = (minutes: number) => new Date(P.getTime() + minutes * MINUTE_MS);

  async function placeAndPay(buyer: LiveShopper, items: { skuId: number; quantity: number }[], pay = true): Promise<OrderDetail> {
    const body = { clientToken: `report-${++orders}`, items, addressId: buyer.addressId, usePoints: false };
    const placed: OrderDetail = (await t.api().post(`${API}/orders`).set(bearer(buyer.token)).send(body).expect(201)).body;
    if (!pay) return placed;
    await payAtFake(t, (await startPayment(t, buyer.token, placed.orderNo)).prepayId);
    await eventually(() => orderStatus(t, buyer.token, placed.orderNo), (order) => order.status === 'paid');
    return placed;
  }
  const moveOrder = (order: OrderDetail, fields: Partial<Pick<OrderRow, 'createdAt' | 'paidAt'>>) => t.dataSource.getRepository(OrderRow).update({ orderNo: order.orderNo }, fields);
  const moveTouches = (where: { sessionId: number; memberId?: number; deviceId?: string }, createdAt: Date) => t.dataSource.getRepository(LiveTouchRow).update(where, { createdAt });
  const registeredAt = (member: LiveShopper, createdAt: Date) => t.dataSource.getRepository(MemberRow).update({ id: member.memberId }, { createdAt });

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    live = new LiveFixtures(t);
    await live.init();
    owner = await staffToken(t, 'owner');
    await t.api().put(`${API}/admin/settings/shop`).set(bearer(owner)).send({ shippingFeeFen: 0, freeShippingThresholdFen: null, unpaidTimeoutMinutes: 30, autoConfirmDays: 10 }).expect(200);
    [p1, p2, p3] = await Promise.all([10000, 5000, 3000].map((priceFen) => live.shop.product([{ priceFen, stock: 100 }])));
    s = await live.session({ title: '周末直播', productIds: [p1.id, p2.id], prices: [{ skuId: p1.skus[0].id, livePriceFen: 8000, unitQuota: 0 }], start: true });
    later = await live.session({ title: '下周直播', productIds: [p2.id], startInMs: 72 * HOUR_MS });

    const [a, c, e] = [await live.shopper(), await live.shopper(), await live.shopper()];
    const aFirst = await placeAndPay(a, [{ skuId: p3.skus[0].id, quantity: 1 }]);
    await live.click(s.id, newDevice(), a.token).expect(204);
    await live.click(s.id, newDevice(), a.token).expect(204);
    const aOrder = await placeAndPay(a, [{ skuId: p2.skus[0].id, quantity: 2 }, { skuId: p3.skus[0].id, quantity: 1 }]);

    const bDevice = newDevice();
    await live.click(s.id, bDevice).expect(204);
    const bToken = (await t.api().post(`${API}/auth/wechat-login`).send({ code: loginCode(t, 'report-b'), attribution: { deviceId: bDevice } }).expect(200)).body.token;
    const b = await live.shopperOf(bToken);
    const bOrder = await placeAndPay(b, [{ skuId: p1.skus[0].id, quantity: 1 }]);

    const aOpenid = (await t.dataSource.getRepository(MemberIdentityRow).findOneByOrFail({ memberId: a.memberId, kind: 'openid' })).value;
    await live.inbound({ deviceId: newDevice(), scene: 1177, sharerOpenId: aOpenid }, c.token).expect(200);
    const cOrder = await placeAndPay(c, [{ skuId: p2.skus[0].id, quantity: 1 }]);
    await t.api().post(`${API}/admin/orders/${cOrder.orderNo}/refunds`).set(bearer(live.operator)).send({ reason: '不想要了', items: [{ skuId: p2.skus[0].id, quantity: 1 }] }).expect(201);
    const cOrderId = (await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: cOrder.orderNo })).id;
    await eventually(() => t.dataSource.getRepository(RefundRow).findBy({ orderId: cOrderId }), (rows) => rows.length > 0 && rows.every((row) => row.status === 'succeeded'));
    await eventually(() => t.dataSource.getRepository(OrderRow).findOneByOrFail({ id: cOrderId }), (row) => row.status === 'refunded');

    const dDevice = newDevice();
    await live.click(s.id, dDevice).expect(204);
    await live.click(s.id, newDevice(), e.token).expect(204);
    const eOrder = await placeAndPay(e, [{ skuId: p2.skus[0].id, quantity: 1 }], false);
    const fDevice = newDevice();
    await live.inbound({ deviceId: fDevice, scene: 1177 }).expect(200);

    // The attributions as placed (the live price wins; the latest touch otherwise).
    expect([aOrder, bOrder, cOrder, eOrder].map((order) => order.source.liveAttribution)).toEqual(['assisted', 'live_price', 'inbound', 'assisted']);
    expect([aOrder, bOrder, cOrder].map((order) => order.payableFen)).toEqual([13000, 8000, 5000]);

    // Now move everything to its place on S's timeline.
    P = new Date(Math.floor((Date.now() - 90 * MINUTE_MS) / 1000) * 1000);
    await t.dataSource.getRepository(LiveSessionRow).update({ id: s.id }, { plannedStartAt: P, plannedEndAt: at(120), startedAt: P });
    for (const member of [a, c, e]) await registeredAt(member, at(-48 * 60));
    await moveOrder(aFirst, { createdAt: at(-185), paidAt: at(-180) });
    await moveTouches({ sessionId: s.id, memberId: a.memberId }, at(10));
    await moveOrder(aOrder, { createdAt: at(20) });
    await moveTouches({ sessionId: s.id, deviceId: bDevice }, at(-40));
    await moveOrder(bOrder, { createdAt: at(70) });
    await moveTouches({ sessionId: s.id, memberId: c.memberId }, at(50));
    await moveOrder(cOrder, { createdAt: at(55) });
    await moveTouches({ sessionId: s.id, deviceId: dDevice }, at(10));
    await moveTouches({ sessionId: s.id, memberId: e.memberId }, at(45));
    await moveTouches({ sessionId: s.id, deviceId: fDevice }, at(65));
    await t.dataSource.getRepository(LiveReservationRow).insert([
      { sessionId: s.id, memberId: a.memberId, reminderState: 'sent', remindedAt: at(-10), channelsReserved: false },
      { sessionId: s.id, memberId: c.memberId, reminderState: 'sent', remindedAt: at(-10), channelsReserved: true },
      { sessionId: s.id, memberId: e.memberId, reminderState: 'waiting', remindedAt: null, channelsReserved: false },
    ]);
  });
  afterAll(() => t.close());

  /** S's row: the same in the list, the session report and the CSV. */
  const expectedRow = () => ({
    sessionId: s.id,
    title: '周末直播',
    provider: 'channels',
    status: 'live',
    plannedStartAt: P.toISOString(),
    startedAt: P.toISOString(),
    endedAt: null,
    // A 2 + B's device 1 + D 1 + E 1 = 5 taps; visitors A, B (her device before she registered), D's device, E = 4.
    clicks: 5,
    clickVisitors: 4,
    // C (scene 1177, A's openid: a sharer) + F (scene 1177, none) = 2 launches, 1 with a sharer.
    inboundLaunches: 2,
    inboundWithSharer: 1,
    // A, C, E reserved; A's and C's reminders sent.
    reservations: 3,
    remindersSent: 2,
    byAttribution: {
      // B: 1 × P1 at ¥80 = 8000.
      live_price: { orders: 1, gmvFen: 8000, refundedFen: 0 },
      // C: 1 × P2 = 5000, refunded in full; GMV keeps it, refunds apart.
      inbound: { orders: 1, gmvFen: 5000, refundedFen: 5000 },
      // A: 2 × 5000 + 3000 = 13000 (E's order is unpaid: not counted).
      assisted: { orders: 1, gmvFen: 13000, refundedFen: 0 },
    },
    // Only B registered after her first touch (P − 40 min → registered now = P + 90 min, within 24 h); A, C, E long before.
    newMembers: 1,
    // Buyers A, B, C; only A paid an order (P − 180 min) before her first touch (P + 10 min).
    returningBuyers: 1,
  });

  it('reports one session: its figures, best-selling featured products and timeline', async () => {
    const report: LiveSessionReport = (await t.api().get(`${API}/admin/live/sessions/${s.id}/report`).set(bearer(live.operator)).expect(200)).body;
    expect(report).toEqual(expect.objectContaining(expectedRow()));
    expect(report.attributionWindowHours).toBe(24);
    expect(report.topProducts).toEqual([
      // P2: A 2 + C 1 = 3 units, 3 × 5000 = 15000; P1: B 1 unit at 8000. P3 (in A's order) is not featured.
      { productId: p2.id, title: p2.title, units: 3, gmvFen: 15000 },
      { productId: p1.id, title: p1.title, units: 1, gmvFen: 8000 },
    ]);
    expect(report.bucketMinutes).toBe(30);
    const point = (index: number, clicks: number, inboundLaunches: number, orderCount: number, gmvFen: number) => ({
      at: new Date(P.getTime() - HOUR_MS + index * 30 * MINUTE_MS).toISOString(),
      clicks,
      inboundLaunches,
      orders: orderCount,
      gmvFen,
    });
    // From P − 60 min to now (P + 90 min and a little): 6 buckets. Bucket k covers P − 60 + 30k … + 30 min.
    expect(report.timeline).toEqual([
      point(0, 1, 0, 0, 0), // P − 40: B's device tap
      point(1, 0, 0, 0, 0),
      point(2, 3, 0, 1, 13000), // P + 10: A × 2, D; P + 20: A's order
      point(3, 1, 1, 1, 5000), // P + 45: E; P + 50: C's launch; P + 55: C's order
      point(4, 0, 1, 1, 8000), // P + 65: F's launch; P + 70: B's order
      point(5, 0, 0, 0, 0),
    ]);
  });

  it('lists sessions planned in the range, newest first, with the same figures; 400 for a range backwards', async () => {
    const page = (query: string, token = live.operator) => t.api().get(`${API}/admin/live/report?${query}`).set(bearer(token));
    const all = (await page('').expect(200)).body;
    expect(all).toEqual({ items: [expect.objectContaining({ sessionId: later.id, clicks: 0, byAttribution: expect.objectContaining({ assisted: { orders: 0, gmvFen: 0, refundedFen: 0 } }) }), expectedRow()], total: 2, page: 1, pageSize: 20 });
    expect((await page('page=2&pageSize=1').expect(200)).body).toEqual({ items: [expectedRow()], total: 2, page: 2, pageSize: 1 });
    const day = chinaDay(P);
    expect((await page(`from=${day}&to=${day}`).expect(200)).body.items.map((row: { sessionId: number }) => row.sessionId)).toEqual([s.id]);
    expect((await page(`from=${addDays(day, 1)}`).expect(200)).body.items.map((row: { sessionId: number }) => row.sessionId)).toEqual([later.id]);
    expectApiError((await page(`from=${day}&to=${addDays(day, -1)}`).expect(400)).body, 'ANALYTICS_RANGE_INVALID');
    expectApiError((await page('from=2026-02-30').expect(400)).body, 'VALIDATION_FAILED');
  });

  it('exports every session of the range as CSV with Chinese headers and the list figures', async () => {
    const response = await t.api().get(`${API}/admin/live/report.csv?pageSize=1`).set(bearer(live.operator)).expect(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.text.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe(
      '场次ID,标题,直播平台,状态,计划开播（北京时间）,实际开播,结束,入口点击,点击访客,直播间进店,带分享者进店,预约,提醒已发,' +
        '直播专享价下单订单,直播专享价下单GMV（元）,直播专享价下单退款（元）,直播间进店（推断）订单,直播间进店（推断）GMV（元）,直播间进店（推断）退款（元）,' +
        '直播助攻（推断）订单,直播助攻（推断）GMV（元）,直播助攻（推断）退款（元）,新会员,回头客',
    );
    // Every session of the range, whatever the page size: the later one first.
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(`${later.id},下周直播,视频号直播,未开始,${chinaDateTime(new Date(later.plannedStartAt))},,,0,0,0,0,0,0,0,0.00,0.00,0,0.00,0.00,0,0.00,0.00,0,0`);
    expect(lines[2]).toBe(`${s.id},周末直播,视频号直播,直播中,${chinaDateTime(P)},${chinaDateTime(P)},,5,4,2,1,3,2,1,80.00,0.00,1,50.00,50.00,1,130.00,0.00,1,1`);
  });

  it('lets customer service read the report; warehouse staff and callers without a token are refused; unknown session 404', async () => {
    const service = await staffToken(t, 'service');
    const warehouse = await staffToken(t, 'warehouse');
    for (const path of ['report', 'report.csv', `sessions/${s.id}/report`]) {
      await t.api().get(`${API}/admin/live/${path}`).set(bearer(service)).expect(200);
      expectApiError((await t.api().get(`${API}/admin/live/${path}`).set(bearer(warehouse)).expect(403)).body, 'FORBIDDEN');
      expectApiError((await t.api().get(`${API}/admin/live/${path}`).expect(401)).body, 'UNAUTHORIZED');
    }
    expectApiError((await t.api().get(`${API}/admin/live/sessions/987654/report`).set(bearer(service)).expect(404)).body, 'LIVE_SESSION_NOT_FOUND');
  });

  // Last: it adds a session to the ranges the list and CSV tests count.
  it('a session started hours before its plan, with a touch a week before: one 开播前 point, the chart keeps its buckets', async () => {
    const early = await live.session({ title: '提前开播', productIds: [p1.id], startInMs: 3 * HOUR_MS, start: true });
    const devices = [newDevice(), newDevice(), newDevice()];
    for (const device of devices) await live.click(early.id, device).expect(204);
    // One tap came from the 直播预告 a week before (before the planned start − 1 h and the start).
    await moveTouches({ sessionId: early.id, deviceId: devices[0] }, new Date(Date.now() - 7 * 24 * HOUR_MS));
    const report: LiveSessionReport = (await t.api().get(`${API}/admin/live/sessions/${early.id}/report`).set(bearer(live.operator)).expect(200)).body;
    expect(report.clicks).toBe(3);
    // The chart starts at the actual start, in the buckets of its own span (3 h + the live + 24 h), not the week's.
    expect(report.bucketMinutes).toBeLessThanOrEqual(60);
    expect(report.timeline[0]).toEqual({ at: report.startedAt, clicks: 1, inboundLaunches: 0, orders: 0, gmvFen: 0, beforeStart: true });
    expect(report.timeline[1]).toMatchObject({ at: report.startedAt, clicks: 2 });
    expect(report.timeline.filter((point) => point.beforeStart)).toHaveLength(1);
    expect(report.timeline.reduce((sum, point) => sum + point.clicks, 0)).toBe(3);
  });
});
