import type { CheckoutLine, LiveFeaturedProduct, LiveSchedule, MyCoupon, ShareLink, ShopperLiveSession } from '../../shared';
import { CouponGrantService } from '../../server/src/coupons/coupon-grant.service';
import { MemberCouponCountRow } from '../../server/src/coupons/member-coupon-count.entity';
import { MemberCouponRow } from '../../server/src/coupons/member-coupon.entity';
import { CouponTemplateRow } from '../../server/src/coupons/coupon-template.entity';
import { LiveSessionPriceRow } from '../../server/src/live/live-session-price.entity';
import { LiveSessionRow } from '../../server/src/live/live-session.entity';
import { DemoLiveSeeder } from '../../server/src/seed/demo-live.seeder';
import { chinaClock } from '../../shared';
import { createTemplate } from './support/coupon-fixtures';
import { LiveSessionFixtures, memberIdOf } from './support/live-shop-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/** The storefront's reads of lives (schedule, session page, featured products), the live coupon and share links of kind live. */
describe(`live sessions for shoppers (${TEST_DB})`, () => {
  let t: TestApp;
  let operator: string;
  let shop: ShopFixtures;
  let live: LiveSessionFixtures;
  let people = 0;

  beforeAll(async () => {
    t = await startTestApp();
    operator = await staffToken(t, 'operator');
    shop = new ShopFixtures(t);
    await shop.init();
    live = new LiveSessionFixtures(t, operator);
  });
  afterAll(() => t.close());

  const shopper = () => memberToken(t, `live-reader-${++people}`);
  const schedule = async (): Promise<LiveSchedule> => (await t.api().get(`${API}/live/sessions`).expect(200)).body;
  const featured = async (): Promise<LiveFeaturedProduct[]> => (await t.api().get(`${API}/live/featured`).expect(200)).body;
  const sessionPage = async (id: number, token?: string): Promise<ShopperLiveSession> =>
    (await t.api().get(`${API}/live/sessions/${id}`).set(token ? bearer(token) : {}).expect(200)).body;
  const claimLiveCoupon = (id: number, token: string) => t.api().post(`${API}/live/sessions/${id}/coupon`).set(bearer(token));
  const idsOf = (cards: { id: number }[]) => cards.map((card) => card.id);
  const featuredOf = async (productId: number) => (await featured()).find((entry) => entry.productId === productId);
  const previewLine = async (token: string, addressId: number, skuId: number): Promise<CheckoutLine> =>
    (await t.api().post(`${API}/checkout/preview`).set(bearer(token)).send({ items: [{ skuId, quantity: 1 }], addressId, usePoints: false }).expect(200)).body.lines[0];

  it('shows the live price only while the session is live, hides products off sale, and moves the session through the schedule', async () => {
    const tea = await shop.product([{ priceFen: 9900, stock: 5 }, { priceFen: 6900, stock: 5 }]);
    const soldOut = await shop.product([{ priceFen: 3000, stock: 0 }]);
    const offShelf = await shop.product([{ priceFen: 4000, stock: 9 }]);
    const session = await live.create({
      productIds: [soldOut.id, tea.id, offShelf.id],
      prices: [{ skuId: tea.skus[0].id, livePriceFen: 5900, unitQuota: 0 }],
    });
    await shop.setShelf(offShelf.id, false);

    const upcoming = await sessionPage(session.id);
    expect(upcoming).toEqual(
      expect.objectContaining({ id: session.id, status: 'upcoming', statusLabel: '未开始', provider: 'channels', finderUserName: 'sph_test_shop', productCount: 2, coupon: null, reservation: null }),
    );
    // In the session's order, without the product taken off the shelf; lowest list price; no live price yet.
    expect(upcoming.products).toEqual([
      { productId: soldOut.id, title: soldOut.title, image: expect.any(String), priceFen: 3000, livePriceFen: null, soldOut: true },
      { productId: tea.id, title: tea.title, image: expect.any(String), priceFen: 6900, livePriceFen: null, soldOut: false },
    ]);
    expect(idsOf((await schedule()).upcoming)).toContain(session.id);
    const featuredUpcoming = (await featured()).filter((entry) => entry.sessionId === session.id);
    expect(featuredUpcoming.sort((a, b) => a.productId - b.productId)).toEqual(
      [soldOut.id, tea.id].sort((a, b) => a - b).map((productId) => ({ productId, sessionId: session.id, status: 'upcoming', livePriceFen: null, skuLivePrices: [] })),
    );

    await live.act(session.id, 'start');
    const onAir = await sessionPage(session.id);
    expect(onAir.status).toBe('live');
    expect(onAir.products.find((product) => product.productId === tea.id)?.livePriceFen).toBe(5900);
    expect(onAir.products.find((product) => product.productId === soldOut.id)?.livePriceFen).toBeNull();
    expect(idsOf((await schedule()).live)).toContain(session.id);
    expect((await featured()).find((entry) => entry.productId === tea.id)).toEqual({
      productId: tea.id,
      sessionId: session.id,
      status: 'live',
      livePriceFen: 5900,
      skuLivePrices: [{ skuId: tea.skus[0].id, livePriceFen: 5900 }],
    });
    expect((await featured()).some((entry) => entry.productId === offShelf.id)).toBe(false);

    await live.act(session.id, 'end');
    const ended = await sessionPage(session.id);
    expect(ended.status).toBe('ended');
    expect(ended.products.every((product) => product.livePriceFen === null)).toBe(true);
    const after = await schedule();
    expect(idsOf(after.past)[0]).toBe(session.id);
    expect(idsOf([...after.live, ...after.upcoming])).not.toContain(session.id);
    expect((await featured()).some((entry) => entry.sessionId === session.id)).toBe(false);
  });

  it('a live session wins the featured badge over an upcoming one of the same product', async () => {
    const product = await shop.product([{ priceFen: 5000, stock: 5 }]);
    const soon = await live.create({ productIds: [product.id], startsInMs: 3600_000 });
    const later = await live.create({ productIds: [product.id], startsInMs: 48 * 3600_000, prices: [{ skuId: product.skus[0].id, livePriceFen: 3900, unitQuota: 0 }] });
    expect((await featured()).filter((entry) => entry.productId === product.id)).toEqual([{ productId: product.id, sessionId: soon.id, status: 'upcoming', livePriceFen: null, skuLivePrices: [] }]);
    await live.act(later.id, 'start');
    expect((await featured()).filter((entry) => entry.productId === product.id)).toEqual([
      { productId: product.id, sessionId: later.id, status: 'live', livePriceFen: 3900, skuLivePrices: [{ skuId: product.skus[0].id, livePriceFen: 3900 }] },
    ]);
  });

  it('two live sessions pricing the same SKU: the badge, the SKU prices and checkout all take the cheaper offer with units left', async () => {
    const product = await shop.product([{ priceFen: 9900, stock: 50 }, { priceFen: 6000, stock: 50 }]);
    const [big, small] = product.skus.map((sku) => sku.id);
    const first = await live.create({ productIds: [product.id], prices: [{ skuId: big, livePriceFen: 4500, unitQuota: 1 }] });
    const second = await live.create({ productIds: [product.id], startsInMs: 3600_000, prices: [{ skuId: big, livePriceFen: 5000, unitQuota: 0 }, { skuId: small, livePriceFen: 5500, unitQuota: 0 }] });
    expect((await featuredOf(product.id))?.skuLivePrices).toEqual([]);
    await live.act(first.id, 'start');
    await live.act(second.id, 'start');

    const who = await shopper();
    const addressId = await shop.address(who);
    expect(await featuredOf(product.id)).toEqual({
      productId: product.id,
      sessionId: first.id,
      status: 'live',
      livePriceFen: 4500,
      skuLivePrices: [{ skuId: big, livePriceFen: 4500 }, { skuId: small, livePriceFen: 5500 }],
    });
    expect(await previewLine(who, addressId, big)).toMatchObject({ unitPriceFen: 4500, priceLabel: '直播价' });
    expect(await previewLine(who, addressId, small)).toMatchObject({ unitPriceFen: 5500, priceLabel: '直播价' });

    // The first session's single unit sold: both the storefront and checkout move to the second session's price.
    await t.api().post(`${API}/orders`).set(bearer(who)).send({ clientToken: `hardening-${process.pid}-1`, items: [{ skuId: big, quantity: 1 }], addressId, usePoints: false }).expect(201);
    expect(await featuredOf(product.id)).toMatchObject({
      sessionId: second.id,
      livePriceFen: 5000,
      skuLivePrices: [{ skuId: big, livePriceFen: 5000 }, { skuId: small, livePriceFen: 5500 }],
    });
    expect(await previewLine(who, addressId, big)).toMatchObject({ unitPriceFen: 5000, priceLabel: '直播价' });
    const page = (await t.api().get(`${API}/live/sessions/${first.id}`).expect(200)).body;
    expect(page.products[0].livePriceFen).toBe(5000);

    await live.act(first.id, 'end');
    await live.act(second.id, 'end');
    expect(await featuredOf(product.id)).toBeUndefined();
  });

  it('never shows a cancelled or unknown session: 404 LIVE_SESSION_NOT_FOUND, absent from the schedule and the badges', async () => {
    const product = await shop.product([{ priceFen: 5000, stock: 5 }]);
    const session = await live.create({ productIds: [product.id] });
    await live.act(session.id, 'cancel');
    expectApiError((await t.api().get(`${API}/live/sessions/${session.id}`).expect(404)).body, 'LIVE_SESSION_NOT_FOUND');
    expectApiError((await t.api().get(`${API}/live/sessions/999999`).expect(404)).body, 'LIVE_SESSION_NOT_FOUND');
    const all = await schedule();
    expect(idsOf([...all.live, ...all.upcoming, ...all.past])).not.toContain(session.id);
    expect((await featured()).some((entry) => entry.productId === product.id)).toBe(false);
    await t.api().get(`${API}/live/sessions/abc`).expect(400);
    // A bad member token on the public read is refused rather than read as a visitor.
    await t.api().get(`${API}/live/sessions/999999`).set(bearer('not-a-token')).expect(401);
  });

  it('the live coupon (a staff template): claimable only while live, within the per-member limit under parallel claims', async () => {
    const template = await createTemplate(t, operator, { name: '直播专享券', channel: 'staff', perMemberLimit: 2, totalQuantity: 100 });
    const session = await live.create({ couponTemplateId: template.id });
    const withoutCoupon = await live.create();
    const member = await shopper();

    const before = await sessionPage(session.id, member);
    expect(before.coupon).toEqual({ templateId: template.id, name: '直播专享券', ruleText: expect.any(String), claimable: false, claimedUp: false, unavailableReason: 'not_live' });
    const early = await claimLiveCoupon(session.id, member).expect(409);
    expectApiError(early.body, 'LIVE_COUPON_UNAVAILABLE');
    expect(early.body.message).toBe('直播开始后才能领取直播专享券');

    await live.act(session.id, 'start');
    await live.act(withoutCoupon.id, 'start');
    expect((await claimLiveCoupon(withoutCoupon.id, member).expect(409)).body.message).toBe('本场直播没有直播专享券');
    expect((await sessionPage(session.id, member)).coupon).toEqual(expect.objectContaining({ claimable: true, claimedUp: false }));
    // Visitors see it claimable; claiming needs a member.
    expect((await sessionPage(session.id)).coupon).toEqual(expect.objectContaining({ claimable: true, claimedUp: false }));
    await t.api().post(`${API}/live/sessions/${session.id}/coupon`).expect(401);

    const responses = await Promise.all(Array.from({ length: 8 }, () => claimLiveCoupon(session.id, member)));
    const created = responses.filter((response) => response.status === 201);
    expect(created).toHaveLength(2);
    expect(created[0].body as MyCoupon).toEqual(expect.objectContaining({ templateId: template.id, name: '直播专享券', source: 'claim', status: 'unused' }));
    expect(responses.filter((response) => response.status === 409).every((response) => response.body.code === 'COUPON_LIMIT_REACHED')).toBe(true);
    const memberId = memberIdOf(member);
    expect(await t.dataSource.getRepository(MemberCouponRow).countBy({ memberId, templateId: template.id })).toBe(2);
    expect((await t.dataSource.getRepository(MemberCouponCountRow).findOneByOrFail({ memberId, templateId: template.id })).receivedCount).toBe(2);
    expect((await t.dataSource.getRepository(CouponTemplateRow).findOneByOrFail({ id: template.id })).claimedCount).toBe(2);
    expect((await sessionPage(session.id, member)).coupon).toEqual(expect.objectContaining({ claimable: false, claimedUp: true }));

    await live.act(session.id, 'end');
    const late = await claimLiveCoupon(session.id, await shopper()).expect(409);
    expect(late.body.message).toBe('直播已结束，直播专享券已停止领取');
  });

  it('says why the live coupon cannot be claimed: not live yet, sold out, paused by the shop, ended; nothing while it can be', async () => {
    const template = await createTemplate(t, operator, { name: '限量直播券', channel: 'staff', perMemberLimit: 1, totalQuantity: 1 });
    const session = await live.create({ couponTemplateId: template.id });
    const [first, second] = [await shopper(), await shopper()];
    const couponOf = async (token?: string) => (await sessionPage(session.id, token)).coupon;

    expect(await couponOf()).toEqual(expect.objectContaining({ claimable: false, unavailableReason: 'not_live' }));
    await live.act(session.id, 'start');
    const open = await couponOf(first);
    expect(open).toEqual(expect.objectContaining({ claimable: true, claimedUp: false }));
    expect(open).not.toHaveProperty('unavailableReason');

    await claimLiveCoupon(session.id, first).expect(201);
    // The last one went to `first`: everyone sees it sold out, and `first` also sees it as theirs.
    expect(await couponOf(second)).toEqual(expect.objectContaining({ claimable: false, claimedUp: false, unavailableReason: 'sold_out' }));
    expect(await couponOf(first)).toEqual(expect.objectContaining({ claimable: false, claimedUp: true, unavailableReason: 'sold_out' }));

    const paused = await createTemplate(t, operator, { name: '暂停的直播券', channel: 'staff' });
    const pausedSession = await live.create({ couponTemplateId: paused.id });
    await t.api().post(`${API}/admin/coupon-templates/${paused.id}/pause`).set(bearer(operator)).expect(200);
    // A paused template is not promised for after the start.
    expect((await sessionPage(pausedSession.id)).coupon).toEqual(expect.objectContaining({ claimable: false, unavailableReason: 'unavailable' }));
    await live.act(pausedSession.id, 'start');
    expect((await sessionPage(pausedSession.id)).coupon).toEqual(expect.objectContaining({ claimable: false, unavailableReason: 'unavailable' }));

    // Staff switch a live coupon's template to public after saving the session: no longer the live coupon (read and claim).
    const switched = await createTemplate(t, operator, { name: '改为公开的直播券', channel: 'staff' });
    const switchedSession = await live.create({ couponTemplateId: switched.id });
    await live.act(switchedSession.id, 'start');
    await t.api().patch(`${API}/admin/coupon-templates/${switched.id}`).set(bearer(operator)).send({ channel: 'public' }).expect(200);
    expect((await sessionPage(switchedSession.id, second)).coupon).toEqual(expect.objectContaining({ claimable: false, unavailableReason: 'unavailable' }));
    expectApiError((await claimLiveCoupon(switchedSession.id, second).expect(409)).body, 'LIVE_COUPON_UNAVAILABLE');
    expect(await t.dataSource.getRepository(MemberCouponRow).countBy({ templateId: switched.id })).toBe(0);
    await live.act(switchedSession.id, 'end');

    await live.act(session.id, 'end');
    expect(await couponOf(second)).toEqual(expect.objectContaining({ claimable: false, unavailableReason: 'ended' }));
  });

  it('refuses a live coupon claim when 结束 lands between its status read and the claim', async () => {
    const template = await createTemplate(t, operator, { name: '直播尾声券', channel: 'staff', perMemberLimit: 1, totalQuantity: 10 });
    const session = await live.create({ couponTemplateId: template.id });
    await live.act(session.id, 'start');
    const grants = t.app.get(CouponGrantService);
    const claimTemplate = grants.claimTemplate.bind(grants);
    // The session ends after the live coupon service read it as live, just before the coupon domain claims.
    const spy = jest.spyOn(grants, 'claimTemplate').mockImplementationOnce(async (...args) => {
      await live.act(session.id, 'end');
      return claimTemplate(...args);
    });
    try {
      const member = await shopper();
      const refused = await claimLiveCoupon(session.id, member).expect(409);
      expectApiError(refused.body, 'LIVE_COUPON_UNAVAILABLE');
      expect(refused.body.message).toBe('直播已结束，直播专享券已停止领取');
      expect(await t.dataSource.getRepository(MemberCouponRow).countBy({ memberId: memberIdOf(member), templateId: template.id })).toBe(0);
      expect((await t.dataSource.getRepository(CouponTemplateRow).findOneByOrFail({ id: template.id })).claimedCount).toBe(0);
    } finally {
      spy.mockRestore();
    }
  });

  it('the demo seed: an upcoming Channels session tomorrow 20:00 with two products and a live price, an ended one for 往期, none live; once', async () => {
    const seeder = t.app.get(DemoLiveSeeder);
    const sessions = t.dataSource.getRepository(LiveSessionRow);
    const before = await sessions.count();
    await Promise.all([seeder.seed(), seeder.seed()]);
    await seeder.seed();
    const seeded = await sessions.find({ where: { finderUserName: 'sph_demo_shop' }, order: { plannedStartAt: 'ASC' } });
    expect(await sessions.count()).toBe(before + 2);
    expect(seeded.map((session) => [session.provider, session.status])).toEqual([['channels', 'ended'], ['channels', 'upcoming']]);
    const [past, upcoming] = seeded;
    expect(past.endedAt!.getTime()).toBeLessThan(Date.now());
    const tomorrow = chinaClock(new Date(Date.now() + 24 * 3600_000));
    expect(chinaClock(upcoming.plannedStartAt)).toEqual(expect.objectContaining({ year: tomorrow.year, month: tomorrow.month, day: tomorrow.day, hour: 20, minute: 0 }));
    const page = await sessionPage(upcoming.id);
    expect(page.products).toHaveLength(2);
    expect(page.products.every((product) => product.livePriceFen === null)).toBe(true);
    const prices = await t.dataSource.getRepository(LiveSessionPriceRow).findBy({ sessionId: upcoming.id });
    expect(prices).toHaveLength(1);
    expect((await sessionPage(past.id)).products.length).toBeGreaterThanOrEqual(2);
    expect(idsOf((await schedule()).past)).toContain(past.id);
  });

  it('a share link of kind live opens the session page; an unknown or cancelled session is 404', async () => {
    const member = await shopper();
    const session = await live.create();
    const share = (body: object) => t.api().post(`${API}/share-links`).set(bearer(member)).send(body);
    const link: ShareLink = (await share({ kind: 'live', targetId: session.id, channel: 'chat' }).expect(200)).body;
    expect(link).toEqual(expect.objectContaining({ kind: 'live', targetId: session.id, page: 'pages/live/session/index', path: `/pages/live/session/index?id=${session.id}&s=${link.shortId}` }));
    expect((await t.api().get(`${API}/share-links/${link.shortId}`).expect(200)).body.path).toBe(link.path);

    expectApiError((await share({ kind: 'live', targetId: 999999 }).expect(404)).body, 'LIVE_SESSION_NOT_FOUND');
    expectApiError((await share({ kind: 'live' }).expect(400)).body, 'VALIDATION_FAILED');
    const cancelled = await live.create();
    await live.act(cancelled.id, 'cancel');
    expectApiError((await share({ kind: 'live', targetId: cancelled.id }).expect(404)).body, 'LIVE_SESSION_NOT_FOUND');
  });
});
