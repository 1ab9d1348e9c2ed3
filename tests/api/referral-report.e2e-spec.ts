import { decodeShortId, type OrderDetail, type ReferralReport } from '../../shared';
import { ShareEventRow } from '../../server/src/attribution/share-event.entity';
import { ShareVisitRow } from '../../server/src/attribution/share-visit.entity';
import { VisitorTouchRow } from '../../server/src/attribution/visitor-touch.entity';
import { MemberCouponRow } from '../../server/src/coupons/member-coupon.entity';
import { PointsLedgerRow } from '../../server/src/loyalty/points-ledger.entity';
import { MemberRow } from '../../server/src/members/member.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { RefundRow } from '../../server/src/payments/refund.entity';
import { LedgerEntryRow } from '../../server/src/referral/ledger-entry.entity';
import { ReferralBindingRow } from '../../server/src/referral/referral-binding.entity';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { saveReferralSettings, shareLinkOf, type Shopper } from './support/referral-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, loginCode, startTestApp, staffToken, TEST_DB, type TestApp } from './support/test-app';

const [D0, D1, D2, D3, D4] = ['2026-02-28', '2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'];
const china = (day: string, time: string) => new Date(`${day}T${time}+08:00`);

/**
 * 推广报表 on a hand-built scenario over the China days D1..D3 (D0 and D4 lie outside): two sharers A and B, devices
 * opening their links, members registering through them (and some who do not count), orders paid across days
 * (one at 15:59:59 UTC, the last second of a China day, one at 16:00:00 UTC, the first of the next), a partial and a
 * full refund. Every figure is worked out in the comments.
 */
describe(`referral report (${TEST_DB})`, () => {
  let t: TestApp;
  let owner: string;
  let operator: string;
  let warehouse: string;
  let shop: ShopFixtures;
  let sku: number;
  let count = 0;
  let a: Shopper & { link: string };
  let b: Shopper & { link: string };
  let today: string;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    [owner, operator, warehouse] = await Promise.all(['owner', 'operator', 'warehouse'].map((name) => staffToken(t, name)));
    shop = new ShopFixtures(t);
    await shop.init();
    await t.api().put(`${API}/admin/settings/shop`).set(bearer(owner)).send({ shippingFeeFen: 0, freeShippingThresholdFen: null, unpaidTimeoutMinutes: 30, autoConfirmDays: 10 }).expect(200);
    await saveReferralSettings(t, owner, { bindingMode: 'first_touch', bindScope: 'everyone' });
    sku = await shop.sku(5000, 1000);
    a = await sharer('report-a', 'A分享者', '13800001111');
    b = await sharer('report-b', 'B分享者', '13900002222');
    today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  });
  afterAll(() => t.close());

  async function login(identity: string, attribution?: { shortId?: string; deviceId?: string }): Promise<Shopper> {
    const body = { code: loginCode(t, identity), ...(attribution ? { attribution } : {}) };
    const response = await t.api().post(`${API}/auth/wechat-login`).send(body).expect(200);
    return { token: response.body.token, memberId: response.body.member.id };
  }
  async function sharer(identity: string, nickname: string, phone: string): Promise<Shopper & { link: string }> {
    const member = await login(identity);
    await t.dataSource.getRepository(MemberRow).update({ id: member.memberId }, { nickname, phone });
    return { ...member, link: await shareLinkOf(t, member) };
  }
  /** A device opens a share link `times` times (the storefront's touch), optionally logged in; the visit is moved to `day`. */
  async function open(deviceId: string, link: string, day: string, { token, times = 1 }: { token?: string; times?: number } = {}): Promise<void> {
    for (let index = 0; index < times; index++) {
      await t.api().post(`${API}/touches`).set(token ? bearer(token) : {}).send({ deviceId, shortId: link }).expect(204);
    }
    await t.dataSource.getRepository(ShareVisitRow).update({ shareLinkId: decodeShortId(link)!, visitorKey: `device:${deviceId}`, day: today }, { day });
  }
  async function share(member: Shopper & { link: string }, channel: string, day: string): Promise<void> {
    await t.api().post(`${API}/share-events`).set(bearer(member.token)).send({ shortId: member.link, channel }).expect(204);
    const latest = await t.dataSource.getRepository(ShareEventRow).findOneOrFail({ where: { sharerMemberId: member.memberId }, order: { id: 'DESC' } });
    await t.dataSource.getRepository(ShareEventRow).update({ id: latest.id }, { day });
  }
  /** Moves a member's registration, with their own touches and binding attempts, to `at` (as if it all happened then). */
  async function registeredAt(member: Shopper, at: Date): Promise<void> {
    const row = await t.dataSource.getRepository(MemberRow).findOneByOrFail({ id: member.memberId });
    const shift = (date: Date) => new Date(date.getTime() + at.getTime() - row.createdAt.getTime());
    await t.dataSource.getRepository(MemberRow).update({ id: member.memberId }, { createdAt: at });
    const touch = await t.dataSource.getRepository(VisitorTouchRow).findOneBy({ visitorKey: `member:${member.memberId}` });
    if (touch) await t.dataSource.getRepository(VisitorTouchRow).update({ visitorKey: touch.visitorKey }, { firstTouchAt: shift(touch.firstTouchAt), lastTouchAt: shift(touch.lastTouchAt) });
    for (const binding of await t.dataSource.getRepository(ReferralBindingRow).findBy({ memberId: member.memberId })) {
      await t.dataSource.getRepository(ReferralBindingRow).update({ id: binding.id }, { createdAt: shift(binding.createdAt) });
    }
  }
  /** Places and pays an order of `quantity` × 50.00 (with the share link header when given), paid at `paidAt`. */
  async function paidOrder(buyer: Shopper, quantity: number, paidAt: Date, link?: string): Promise<OrderDetail> {
    const body = { clientToken: `report-order-${++count}`, items: [{ skuId: sku, quantity }], addressId: await shop.address(buyer.token) };
    const placed: OrderDetail = (await t.api().post(`${API}/orders`).set(bearer(buyer.token)).set(link ? { 'x-share-link': link } : {}).send(body).expect(201)).body;
    await payAtFake(t, (await startPayment(t, buyer.token, placed.orderNo)).prepayId);
    await eventually(() => orderStatus(t, buyer.token, placed.orderNo), (o) => o.status === 'paid');
    await t.dataSource.getRepository(OrderRow).update({ orderNo: placed.orderNo }, { paidAt });
    return placed;
  }
  async function refund(order: OrderDetail, quantity: number, status: string): Promise<void> {
    await t.api().post(`${API}/admin/orders/${order.orderNo}/refunds`).set(bearer(operator)).send({ reason: '退部分商品', items: [{ skuId: sku, quantity }] }).expect(201);
    const orderId = (await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: order.orderNo })).id;
    await eventually(() => t.dataSource.getRepository(RefundRow).findBy({ orderId }), (rows) => rows.length > 0 && rows.every((row) => row.status === 'succeeded'));
    await eventually(() => t.dataSource.getRepository(OrderRow).findOneByOrFail({ id: orderId }), (row) => row.status === status);
  }
  const report = async (query: string, token = operator): Promise<ReferralReport> => (await t.api().get(`${API}/admin/referral/report?${query}`).set(bearer(token)).expect(200)).body;

  describe('share events', () => {
    it('records the caller sharing their own link and grants nothing for it', async () => {
      const rewardsBefore = await Promise.all([PointsLedgerRow, MemberCouponRow, LedgerEntryRow].map((entity) => t.dataSource.getRepository(entity).count()));
      await share(a, 'chat', D1);
      await share(a, 'moments', D2);
      await share(a, 'poster', D4); // outside the range
      await share(b, 'chat', D3);
      expect(await t.dataSource.getRepository(ShareEventRow).count()).toBe(4);
      // 运营规范 §5.1: no point, coupon or commission for a share.
      expect(await Promise.all([PointsLedgerRow, MemberCouponRow, LedgerEntryRow].map((entity) => t.dataSource.getRepository(entity).count()))).toEqual(rewardsBefore);
    });

    it("refuses another member's link, an unknown link, a guest and a bad channel", async () => {
      expectApiError((await t.api().post(`${API}/share-events`).set(bearer(a.token)).send({ shortId: b.link, channel: 'chat' }).expect(404)).body, 'SHARE_LINK_NOT_FOUND');
      expectApiError((await t.api().post(`${API}/share-events`).set(bearer(a.token)).send({ shortId: 'zzzzzzzz', channel: 'chat' }).expect(404)).body, 'SHARE_LINK_NOT_FOUND');
      await t.api().post(`${API}/share-events`).send({ shortId: a.link, channel: 'chat' }).expect(401);
      expectApiError((await t.api().post(`${API}/share-events`).set(bearer(a.token)).send({ shortId: a.link, channel: 'sms' }).expect(400)).body, 'VALIDATION_FAILED');
      expect(await t.dataSource.getRepository(ShareEventRow).count()).toBe(4);
    });
  });

  describe('the funnel, worked out by hand', () => {
    beforeAll(async () => {
      // Visits (one per link, device and day): d1 opens A's link on D1 (twice: one visit) and again on D2; d2 opens
      // A's and B's links on D2; d3 opens B's on D3; d4 opens B's on D4 (outside); A opening their own link is none.
      await open('report-device-d1-0001', a.link, D1, { times: 2 });
      await open('report-device-d1-0001', a.link, D2);
      await open('report-device-d2-0002', a.link, D2);
      await open('report-device-d2-0002', b.link, D2);
      await open('report-device-d3-0003', b.link, D3);
      await open('report-device-d4-0004', b.link, D4);
      await open('report-device-da-0005', a.link, D2, { token: a.token });
      expect(await t.dataSource.getRepository(ShareVisitRow).countBy({ visitorKey: 'device:report-device-da-0005' })).toBe(0);

      // N1 registers on D1 on d1 with A's link: bound to A. N2 registers on D2 on d2 with B's link: bound to B,
      // although d2's first touch was A's (the binding wins). N5 registers with A's link on D4 (outside).
      const n1 = await login('report-n1', { shortId: a.link, deviceId: 'report-device-d1-0001' });
      await registeredAt(n1, china(D1, '10:00:00'));
      const n2 = await login('report-n2', { shortId: b.link, deviceId: 'report-device-d2-0002' });
      await registeredAt(n2, china(D2, '09:00:00'));
      const n5 = await login('report-n5', { shortId: a.link });
      await registeredAt(n5, china(D4, '09:00:00'));
      // N3 registers on D1 without a link and opens B's link long after (bound then; a visit on D4): not B's new member.
      const n3 = await login('report-n3');
      await registeredAt(n3, china(D1, '11:00:00'));
      await open('report-device-n3-0007', b.link, D4, { token: n3.token });
      // E registered before the range and opens A's link on D3 on its device (a visit): bound to A, not new.
      const e = await login('report-e');
      await registeredAt(e, china(D0, '12:00:00'));
      await open('report-device-de-0006', a.link, D3, { token: e.token });
      expect((await t.dataSource.getRepository(ReferralBindingRow).findBy({ outcome: 'bound' })).map((row) => [row.memberId, row.referrerMemberId]).sort()).toEqual(
        [[n1.memberId, a.memberId], [n2.memberId, b.memberId], [n5.memberId, a.memberId], [n3.memberId, b.memberId], [e.memberId, a.memberId]].sort(),
      );

      // Orders of 50.00 a unit, no shipping:
      // O1 N1 2 units through A's link, paid D1 23:59:59 China (15:59:59 UTC): A, D1, 100.00, N1's first order.
      await paidOrder(n1, 2, new Date(`${D1}T15:59:59Z`), a.link);
      // O2 N1 2 units without a link (N1's earner A), paid 16:00:00 UTC = D2 00:00 China; 1 unit refunded: A, D2, 50.00.
      const o2 = await paidOrder(n1, 2, new Date(`${D1}T16:00:00Z`));
      await refund(o2, 1, 'paid');
      // O3 N2 1 unit (earner B), paid D2, fully refunded: counts nowhere, and is not N2's first order.
      const o3 = await paidOrder(n2, 1, china(D2, '12:00:00'));
      await refund(o3, 1, 'refunded');
      // O4 N2 1 unit, paid D3: B, D3, 50.00, N2's first order.
      await paidOrder(n2, 1, china(D3, '10:00:00'));
      // O5 E 1 unit through B's link although E's earner is A (the link wins): B, D3, 50.00.
      await paidOrder(e, 1, china(D3, '11:00:00'), b.link);
      // O6 E 3 units without a link: A (E's earner), D2, 150.00.
      await paidOrder(e, 3, china(D2, '15:00:00'));
      // O7 N1 paid D4: outside.
      await paidOrder(n1, 1, china(D4, '08:00:00'));
    });

    it('totals, days and sharers of D1..D3', async () => {
      const seen = await report(`from=${D1}&to=${D3}`);
      // Shares: A chat D1 + moments D2, B chat D3 = 3. Visits: A {d1, d2, dE} = 3, B {d2, d3} = 2, all distinct
      // {d1, d2, d3, dE} = 4. New members: N1 (A), N2 (B). First orders: O1 (D1), O4 (D3). Orders: A O1, O2, O6;
      // B O4, O5. GMV: A 100 + 50 + 150 = 300.00, B 50 + 50 = 100.00.
      expect(seen.totals).toEqual({ shares: 3, visits: 4, newMembers: 2, firstOrders: 2, orders: 5, gmvFen: 40000 });
      expect(seen.daily).toEqual([
        // D1: A's chat; d1; N1; O1 (its first order) at 23:59:59.
        { day: D1, shares: 1, visits: 1, newMembers: 1, firstOrders: 1, orders: 1, gmvFen: 10000 },
        // D2: A's moments share; d1 and d2 (d2 opened two links: one visitor); N2; O2 (00:00:00, 50.00 after the refund) and O6.
        { day: D2, shares: 1, visits: 2, newMembers: 1, firstOrders: 0, orders: 2, gmvFen: 20000 },
        // D3: B's chat; d3 and dE; O4 (N2's first) and O5.
        { day: D3, shares: 1, visits: 2, newMembers: 0, firstOrders: 1, orders: 2, gmvFen: 10000 },
      ]);
      expect(seen.sharers).toEqual({
        page: 1,
        pageSize: 20,
        total: 2,
        items: [
          { sharerMemberId: a.memberId, nickname: 'A分享者', phone: '138****1111', shares: 2, visits: 3, newMembers: 1, firstOrders: 1, orders: 3, gmvFen: 30000 },
          { sharerMemberId: b.memberId, nickname: 'B分享者', phone: '139****2222', shares: 1, visits: 2, newMembers: 1, firstOrders: 1, orders: 2, gmvFen: 10000 },
        ],
      });
    });

    it("one sharer's figures, a page of sharers, one day at the China-day edge", async () => {
      const onlyB = await report(`from=${D1}&to=${D3}&sharer=${b.memberId}`);
      expect(onlyB.totals).toEqual({ shares: 1, visits: 2, newMembers: 1, firstOrders: 1, orders: 2, gmvFen: 10000 });
      expect(onlyB.daily.map((day) => [day.day, day.visits, day.newMembers, day.orders])).toEqual([
        [D1, 0, 0, 0],
        [D2, 1, 1, 0],
        [D3, 1, 0, 2],
      ]);
      expect(onlyB.sharers.items.map((row) => row.sharerMemberId)).toEqual([b.memberId]);
      const second = await report(`from=${D1}&to=${D3}&page=2&pageSize=1`);
      expect(second.sharers).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ sharerMemberId: b.memberId }] });
      // D2 alone: O1 paid at 15:59:59 UTC belongs to D1, O2 at 16:00:00 UTC to D2.
      const d2 = await report(`from=${D2}&to=${D2}`);
      expect(d2.totals).toEqual({ shares: 1, visits: 2, newMembers: 1, firstOrders: 0, orders: 2, gmvFen: 20000 });
      // D4 alone: A's poster, d4 and N3's device on B's link, N5 (A) and O7 (N1's, not a first order).
      expect((await report(`from=${D4}&to=${D4}`)).totals).toEqual({ shares: 1, visits: 2, newMembers: 1, firstOrders: 0, orders: 1, gmvFen: 5000 });
    });

    it('exports every sharer row as CSV', async () => {
      const response = await t.api().get(`${API}/admin/referral/report.csv?from=${D1}&to=${D3}&pageSize=1`).set(bearer(owner)).expect(200);
      expect(response.headers['content-type']).toContain('text/csv');
      expect(response.headers['content-disposition']).toContain(encodeURIComponent('推广报表.csv'));
      expect(response.text.slice(1).trim().split(/\r?\n/)).toEqual([
        '分享者ID,昵称,手机号,分享次数,访客数,新会员,首单,支付订单,GMV（元）',
        `${a.memberId},A分享者,138****1111,2,3,1,1,3,300.00`,
        `${b.memberId},B分享者,139****2222,1,2,1,1,2,100.00`,
      ]);
      // A sharer without a nickname is named as the console names them, never left empty.
      await t.dataSource.getRepository(MemberRow).update({ id: b.memberId }, { nickname: null });
      try {
        const unnamed = await t.api().get(`${API}/admin/referral/report.csv?from=${D1}&to=${D3}`).set(bearer(owner)).expect(200);
        expect(unnamed.text.slice(1).trim().split(/\r?\n/)[2]).toBe(`${b.memberId},会员${b.memberId},139****2222,1,2,1,1,2,100.00`);
      } finally {
        await t.dataSource.getRepository(MemberRow).update({ id: b.memberId }, { nickname: 'B分享者' });
      }
    });
  });

  describe('what a member came through', () => {
    const R1 = '2026-04-01';
    let c: Shopper & { link: string };
    let r: Shopper & { link: string };
    let p: Shopper;
    let q: Shopper;
    /** The visits a visitor made today (a touch or a login carrying a link) move to `day`. */
    const moveVisits = (visitorKey: string, day: string) => t.dataSource.getRepository(ShareVisitRow).update({ visitorKey, day: today }, { day });
    /** The member's own touches and binding attempts happened at `at` (after their registration). */
    async function openedAt(member: Shopper, at: Date): Promise<void> {
      await t.dataSource.getRepository(VisitorTouchRow).update({ visitorKey: `member:${member.memberId}` }, { firstTouchAt: at, lastTouchAt: at });
      await t.dataSource.getRepository(ReferralBindingRow).update({ memberId: member.memberId }, { createdAt: at });
    }

    beforeAll(async () => {
      c = await sharer('report-c', 'C分享者', '13700003333');
      r = await sharer('report-r', 'R分享者', '13600004444');
      // F opens C's link and closes it before consenting (no /touches), then logs in carrying the link: a visit of
      // its device and C's new member. Logging in again with it that day is the same visit.
      const f = await login('report-f', { shortId: c.link, deviceId: 'report-device-df-0008' });
      await login('report-f', { shortId: c.link, deviceId: 'report-device-df-0008' });
      expect(await t.dataSource.getRepository(ShareVisitRow).countBy({ visitorKey: 'device:report-device-df-0008' })).toBe(1);
      await moveVisits('device:report-device-df-0008', R1);
      await registeredAt(f, china(R1, '09:00:00'));
      // G logs in with C's link and no device id: the member is the visitor.
      const g = await login('report-g', { shortId: c.link });
      await moveVisits(`member:${g.memberId}`, R1);
      await registeredAt(g, china(R1, '09:30:00'));

      // P registers on their own; Q registers through P's link; five minutes after registering, P opens Q's link
      // (binding refused: it would be a cycle). P2 registers on their own and five minutes later opens R's link
      // (bound to R). Neither P nor P2 is anyone's new member; both opens are visits.
      p = await login('report-p');
      q = await login('report-q', { shortId: await shareLinkOf(t, p), deviceId: 'report-device-dq-0009' });
      await moveVisits('device:report-device-dq-0009', R1);
      await open('report-device-dp-0010', await shareLinkOf(t, q), R1, { token: p.token });
      await registeredAt(p, china(R1, '10:00:00'));
      await openedAt(p, china(R1, '10:05:00'));
      await registeredAt(q, china(R1, '10:01:00'));
      const p2 = await login('report-p2');
      await open('report-device-dp2-0011', r.link, R1, { token: p2.token });
      await registeredAt(p2, china(R1, '11:00:00'));
      await openedAt(p2, china(R1, '11:05:00'));
      const outcomes = await t.dataSource.getRepository(ReferralBindingRow).findBy([{ memberId: p.memberId }, { memberId: p2.memberId }]);
      expect(outcomes.map((row) => [row.memberId, row.referrerMemberId, row.outcome, row.reason]).sort()).toEqual(
        [[p.memberId, q.memberId, 'refused', 'cycle'], [p2.memberId, r.memberId, 'bound', 'first_binding']].sort(),
      );
    });

    it('counts login visits and credits a new member only to the sharer they registered through', async () => {
      const seen = await report(`from=${R1}&to=${R1}`);
      // Visits: dF and member G on C's link, dQ on P's, dP on Q's, dP2 on R's = 5 distinct visitors. New members:
      // F and G (C), Q (P); P and P2 opened links after registering = 3 (before: 5, more than one per visit).
      expect(seen.totals).toEqual({ shares: 0, visits: 5, newMembers: 3, firstOrders: 0, orders: 0, gmvFen: 0 });
      expect(seen.sharers.items.map((row) => [row.sharerMemberId, row.visits, row.newMembers])).toEqual([
        [c.memberId, 2, 2],
        [p.memberId, 1, 1],
        [r.memberId, 1, 0],
        [q.memberId, 1, 0],
      ]);
    });
  });

  describe('parallel writes', () => {
    it('ten parallel opens of one link on one device are one visit; ten parallel shares are ten', async () => {
      const sharer = await login('report-race-sharer');
      const link = await shareLinkOf(t, sharer);
      const deviceId = 'report-device-race-0001';
      const responses = await Promise.all(Array.from({ length: 10 }, () => t.api().post(`${API}/touches`).send({ deviceId, shortId: link })));
      expect(responses.map((response) => response.status)).toEqual(Array(10).fill(204));
      expect(await t.dataSource.getRepository(ShareVisitRow).findBy({ visitorKey: `device:${deviceId}` })).toEqual([
        expect.objectContaining({ shareLinkId: decodeShortId(link), sharerMemberId: sharer.memberId, day: today }),
      ]);
      const shares = await Promise.all(Array.from({ length: 10 }, () => t.api().post(`${API}/share-events`).set(bearer(sharer.token)).send({ shortId: link, channel: 'poster' })));
      expect(shares.map((response) => response.status)).toEqual(Array(10).fill(204));
      expect(await t.dataSource.getRepository(ShareEventRow).countBy({ sharerMemberId: sharer.memberId })).toBe(10);
      expect((await report(`from=${today}&to=${today}&sharer=${sharer.memberId}`)).totals).toMatchObject({ shares: 10, visits: 1 });
    });
  });

  describe('bad requests', () => {
    it('answers 400 with stable codes for bad ranges and 403 for other roles', async () => {
      const get = (query: string, token = operator) => t.api().get(`${API}/admin/referral/report?${query}`).set(bearer(token));
      expectApiError((await get('from=2026-03-05&to=2026-03-01').expect(400)).body, 'ANALYTICS_RANGE_INVALID');
      expectApiError((await get('from=2025-01-01&to=2026-01-02').expect(400)).body, 'ANALYTICS_RANGE_TOO_LONG');
      expect((await get('from=2025-01-01&to=2026-01-01').expect(200)).body.daily).toHaveLength(366);
      for (const query of ['from=2026-02-30&to=2026-03-01', 'to=2026-03-01', 'from=2026-3-1&to=2026-03-02', `from=${D1}&to=${D3}&sharer=abc`, `from=${D1}&to=${D3}&page=0`]) {
        expectApiError((await get(query).expect(400)).body, 'VALIDATION_FAILED');
      }
      expectApiError((await t.api().get(`${API}/admin/referral/report.csv?from=${D3}&to=${D1}`).set(bearer(owner)).expect(400)).body, 'ANALYTICS_RANGE_INVALID');
      expectApiError((await get(`from=${D1}&to=${D3}`, warehouse).expect(403)).body, 'FORBIDDEN');
      await t.api().get(`${API}/admin/referral/report?from=${D1}&to=${D3}`).expect(401);
    });
  });
});
