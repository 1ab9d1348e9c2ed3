import { LiveTouchRow } from '../../server/src/live/live-touch.entity';
import { MemberRow } from '../../server/src/members/member.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { HOUR_MS, LiveFixtures, newDevice } from './support/live-fixtures';
import { API, bearer, loginCode, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/** Orders attributed to a live session: at a live price, else from the buyer's latest live touch within the window. */
describe(`live order attribution (${TEST_DB})`, () => {
  let t: TestApp;
  let live: LiveFixtures;
  let skuId: number;
  let productId: number;

  beforeAll(async () => {
    t = await startTestApp();
    live = new LiveFixtures(t);
    await live.init();
    const product = await live.shop.product([{ priceFen: 9900, stock: 500 }]);
    productId = product.id;
    skuId = product.skus[0].id;
  });
  afterAll(() => t.close());

  const touches = () => t.dataSource.getRepository(LiveTouchRow);
  const storedSource = async (orderNo: string) => {
    const row = await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo });
    return { liveSessionId: row.sourceLiveSessionId, liveAttribution: row.sourceLiveAttribution };
  };
  /** Moves the member's touches back in time, as if they had happened `hours` ago. */
  const ageTouches = (where: { memberId: number; sessionId?: number }, hours: number) => touches().update(where, { createdAt: new Date(Date.now() - hours * HOUR_MS) });
  const saveWindow = (attributionWindowHours: number) =>
    t.api().put(`${API}/admin/live/settings`).set(bearer(live.operator)).send({ attributionWindowHours, reminderLeadMinutes: 10 }).expect(200);

  it('attributes an order placed within the window after a live click to the session (assisted)', async () => {
    const session = await live.session({ productIds: [productId], start: true });
    const buyer = await live.shopper();
    await live.click(session.id, newDevice(), buyer.token).expect(204);
    expect(await touches().countBy({ sessionId: session.id, memberId: buyer.memberId, kind: 'click', entry: 'banner' })).toBe(1);

    const order = await live.order(buyer, skuId);
    expect(order.source).toEqual(expect.objectContaining({ liveSessionId: session.id, liveAttribution: 'assisted' }));
    expect(await storedSource(order.orderNo)).toEqual({ liveSessionId: session.id, liveAttribution: 'assisted' });
    // The shopper's own order detail reads the same.
    const detail = (await t.api().get(`${API}/orders/${order.orderNo}`).set(bearer(buyer.token)).expect(200)).body;
    expect(detail.source).toEqual(expect.objectContaining({ liveSessionId: session.id, liveAttribution: 'assisted' }));
  });

  it('does not attribute an order placed after the window; a longer window setting brings it back', async () => {
    const session = await live.session({ productIds: [productId], start: true });
    const buyer = await live.shopper();
    await live.click(session.id, newDevice(), buyer.token).expect(204);
    // Default window 24 h: the click 25 h ago is outside it.
    await ageTouches({ memberId: buyer.memberId }, 25);
    const late = await live.order(buyer, skuId);
    expect(late.source).toEqual(expect.objectContaining({ liveSessionId: null, liveAttribution: null }));
    expect(await storedSource(late.orderNo)).toEqual({ liveSessionId: null, liveAttribution: null });

    await saveWindow(48);
    try {
      const within = await live.order(buyer, skuId);
      expect(await storedSource(within.orderNo)).toEqual({ liveSessionId: session.id, liveAttribution: 'assisted' });
    } finally {
      await saveWindow(24);
    }
  });

  it('attributes to the latest touch: an inbound launch beats an older click of another session', async () => {
    const clicked = await live.session({ productIds: [productId], start: true });
    const launched = await live.pluginSession({ productIds: [productId], live: true });
    const buyer = await live.shopper();
    const device = newDevice();
    await live.click(clicked.id, device, buyer.token).expect(204);
    await ageTouches({ memberId: buyer.memberId }, 2);
    // A launch from the plugin room: custom_params carry the session.
    expect((await live.inbound({ deviceId: device, scene: 1007, sessionId: launched.id }, buyer.token).expect(200)).body).toEqual({ sessionId: launched.id });
    const order = await live.order(buyer, skuId);
    expect(await storedSource(order.orderNo)).toEqual({ liveSessionId: launched.id, liveAttribution: 'inbound' });

    // A newer click wins over the launch in turn.
    await ageTouches({ memberId: buyer.memberId, sessionId: launched.id }, 1);
    await live.click(clicked.id, device, buyer.token).expect(204);
    const next = await live.order(buyer, skuId);
    expect(await storedSource(next.orderNo)).toEqual({ liveSessionId: clicked.id, liveAttribution: 'assisted' });
  });

  it('attributes an order at a live price to its session (live_price), with no touch and even after a click on another session', async () => {
    const product = await live.shop.product([{ priceFen: 9900, stock: 50 }]);
    const priced = await live.session({ productIds: [product.id], prices: [{ skuId: product.skus[0].id, livePriceFen: 5900, unitQuota: 0 }], start: true });
    const other = await live.session({ productIds: [productId], start: true });
    const untouched = await live.shopper();
    const order = await live.order(untouched, product.skus[0].id);
    expect(order.lines[0].unitPriceFen).toBe(5900);
    expect(order.source).toEqual(expect.objectContaining({ liveSessionId: priced.id, liveAttribution: 'live_price' }));
    expect(await touches().countBy({ memberId: untouched.memberId })).toBe(0);

    const clicker = await live.shopper();
    await live.click(other.id, newDevice(), clicker.token).expect(204);
    expect(await storedSource((await live.order(clicker, product.skus[0].id)).orderNo)).toEqual({ liveSessionId: priced.id, liveAttribution: 'live_price' });
  });

  it('attributes after login a click the device made before it (member_identities links the device)', async () => {
    const session = await live.session({ productIds: [productId], start: true });
    const device = newDevice();
    await live.click(session.id, device).expect(204);
    expect(await touches().findOneByOrFail({ deviceId: device })).toEqual(expect.objectContaining({ memberId: null, sessionId: session.id }));
    const token = (await t.api().post(`${API}/auth/wechat-login`).send({ code: loginCode(t, `live-device-${process.pid}`), attribution: { deviceId: device } }).expect(200)).body.token as string;
    const buyer = await live.shopperOf(token);
    const order = await live.order(buyer, skuId);
    expect(await storedSource(order.orderNo)).toEqual({ liveSessionId: session.id, liveAttribution: 'assisted' });
  });

  it('counts a share link carrying a live session as an inbound touch of it, named with its sharer', async () => {
    const session = await live.session({ productIds: [productId], start: true });
    const sharer = await live.shopper();
    const link = (await t.api().post(`${API}/share-links`).set(bearer(sharer.token)).send({ kind: 'product', targetId: productId, liveSessionId: session.id }).expect(200)).body;
    const buyer = await live.shopper();
    const device = newDevice();
    await t.api().post(`${API}/touches`).set(bearer(buyer.token)).send({ deviceId: device, shortId: link.shortId }).expect(204);
    // One touch for one open (the member's and the device's touch rows of /touches are not live touches twice).
    expect(await touches().findBy({ sessionId: session.id })).toEqual([
      expect.objectContaining({ kind: 'inbound', memberId: buyer.memberId, deviceId: device, sharerMemberId: sharer.memberId, withShareInfo: false }),
    ]);
    const order = await live.order(buyer, skuId);
    expect(await storedSource(order.orderNo)).toEqual({ liveSessionId: session.id, liveAttribution: 'inbound' });
    // A link of kind live (it opens the session) brought with the login that creates a member: an inbound touch dated at the registration.
    const liveLink = (await t.api().post(`${API}/share-links`).set(bearer(sharer.token)).send({ kind: 'live', targetId: session.id }).expect(200)).body;
    const newcomerDevice = newDevice();
    const login = (await t.api().post(`${API}/auth/wechat-login`).send({ code: loginCode(t, `live-link-newcomer-${process.pid}`), attribution: { deviceId: newcomerDevice, shortId: liveLink.shortId } }).expect(200)).body;
    const newcomer = await live.shopperOf(login.token);
    const registered = await t.dataSource.getRepository(MemberRow).findOneByOrFail({ id: newcomer.memberId });
    const arrival = await touches().findOneByOrFail({ sessionId: session.id, memberId: newcomer.memberId });
    expect(arrival).toEqual(expect.objectContaining({ kind: 'inbound', deviceId: newcomerDevice, sharerMemberId: sharer.memberId }));
    expect(arrival.createdAt.getTime()).toBe(registered.createdAt.getTime());
    expect(await storedSource((await live.order(newcomer, skuId)).orderNo)).toEqual({ liveSessionId: session.id, liveAttribution: 'inbound' });
    // A link naming a session that does not exist records no live touch.
    const stale = (await t.api().post(`${API}/share-links`).set(bearer(sharer.token)).send({ kind: 'product', targetId: productId, liveSessionId: 999_999 }).expect(200)).body;
    await t.api().post(`${API}/touches`).send({ deviceId: newDevice(), shortId: stale.shortId }).expect(204);
    expect(await touches().countBy({ sessionId: 999_999 })).toBe(0);
    // A link to a session not on air yet (a 直播预告 shared ahead) is no arrival from a live: the same rule as a launch.
    const upcoming = await live.session({ productIds: [productId], startInMs: 48 * HOUR_MS });
    const ahead = (await t.api().post(`${API}/share-links`).set(bearer(sharer.token)).send({ kind: 'live', targetId: upcoming.id }).expect(200)).body;
    await t.api().post(`${API}/touches`).set(bearer(buyer.token)).send({ deviceId: newDevice(), shortId: ahead.shortId }).expect(204);
    await t.api().post(`${API}/auth/wechat-login`).send({ code: loginCode(t, `live-link-ahead-${process.pid}`), attribution: { deviceId: newDevice(), shortId: ahead.shortId } }).expect(200);
    expect(await touches().countBy({ sessionId: upcoming.id })).toBe(0);
  });

  it('records a live link once: the guest open counts, the registering login and later logins carrying the stored link do not', async () => {
    const session = await live.session({ productIds: [productId], start: true });
    const sharer = await live.shopper();
    const link = (await t.api().post(`${API}/share-links`).set(bearer(sharer.token)).send({ kind: 'live', targetId: session.id }).expect(200)).body;
    const device = newDevice();
    await t.api().post(`${API}/touches`).send({ deviceId: device, shortId: link.shortId }).expect(204);
    expect(await touches().countBy({ sessionId: session.id })).toBe(1);
    // The storefront sends the stored link with every login for days: the first login creates the member, the next ones do not.
    const code = `live-relogin-${process.pid}`;
    const login = () => t.api().post(`${API}/auth/wechat-login`).send({ code: loginCode(t, code), attribution: { deviceId: device, shortId: link.shortId } }).expect(200);
    const buyer = await live.shopperOf((await login()).body.token);
    await login();
    await login();
    expect(await touches().findBy({ sessionId: session.id })).toEqual([expect.objectContaining({ kind: 'inbound', deviceId: device, memberId: null })]);
    // The open was more than a window ago: a login since then does not restart it.
    await touches().update({ sessionId: session.id }, { createdAt: new Date(Date.now() - 25 * HOUR_MS) });
    await login();
    expect(await touches().countBy({ sessionId: session.id })).toBe(1);
    expect(await storedSource((await live.order(buyer, skuId)).orderNo)).toEqual({ liveSessionId: null, liveAttribution: null });
    // An existing member logging in with a live link is no arrival either (opening it while logged in is, through /touches).
    const other = await live.session({ productIds: [productId], start: true });
    const otherLink = (await t.api().post(`${API}/share-links`).set(bearer(sharer.token)).send({ kind: 'live', targetId: other.id }).expect(200)).body;
    await t.api().post(`${API}/auth/wechat-login`).send({ code: loginCode(t, code), attribution: { deviceId: device, shortId: otherLink.shortId } }).expect(200);
    expect(await touches().countBy({ sessionId: other.id })).toBe(0);
  });

  it('records one touch when the registering login and the /touches sent at consent race, and one for a re-open within minutes', async () => {
    const session = await live.session({ productIds: [productId], start: true });
    const sharer = await live.shopper();
    const link = (await t.api().post(`${API}/share-links`).set(bearer(sharer.token)).send({ kind: 'live', targetId: session.id }).expect(200)).body;
    const devices = Array.from({ length: 4 }, () => newDevice());
    await Promise.all(
      devices.flatMap((device, index) => [
        t.api().post(`${API}/auth/wechat-login`).send({ code: loginCode(t, `live-race-${index}-${process.pid}`), attribution: { deviceId: device, shortId: link.shortId } }).expect(200),
        t.api().post(`${API}/touches`).send({ deviceId: device, shortId: link.shortId }).expect(204),
      ]),
    );
    for (const device of devices) expect(await touches().countBy({ sessionId: session.id, deviceId: device })).toBe(1);
    // The same device opening the link again a minute later is the same arrival; after SAME_ARRIVAL_MS a new one.
    await t.api().post(`${API}/touches`).send({ deviceId: devices[0], shortId: link.shortId }).expect(204);
    expect(await touches().countBy({ sessionId: session.id, deviceId: devices[0] })).toBe(1);
    await touches().update({ sessionId: session.id, deviceId: devices[0] }, { createdAt: new Date(Date.now() - 6 * 60_000) });
    await t.api().post(`${API}/touches`).send({ deviceId: devices[0], shortId: link.shortId }).expect(204);
    expect(await touches().countBy({ sessionId: session.id, deviceId: devices[0] })).toBe(2);
  });

  it('does not attribute to a session cancelled after the tap', async () => {
    const session = await live.session({ productIds: [productId] });
    const buyer = await live.shopper();
    await live.click(session.id, newDevice(), buyer.token).expect(204);
    await live.act(session.id, 'cancel');
    expect(await storedSource((await live.order(buyer, skuId)).orderNo)).toEqual({ liveSessionId: null, liveAttribution: null });
  });

  it('places the order unattributed when the attribution read fails', async () => {
    const session = await live.session({ productIds: [productId], start: true });
    const buyer = await live.shopper();
    await live.click(session.id, newDevice(), buyer.token).expect(204);
    // The touches table gone for a moment: the read fails, the order goes through without a session.
    await t.dataSource.query('ALTER TABLE live_touches RENAME TO live_touches_away');
    try {
      const order = await live.order(buyer, skuId);
      expect(await storedSource(order.orderNo)).toEqual({ liveSessionId: null, liveAttribution: null });
    } finally {
      await t.dataSource.query('ALTER TABLE live_touches_away RENAME TO live_touches');
    }
    expect(await storedSource((await live.order(buyer, skuId)).orderNo)).toEqual({ liveSessionId: session.id, liveAttribution: 'assisted' });
  });

  it('leaves an order unattributed when the buyer has no touch', async () => {
    const buyer = await live.shopper();
    const order = await live.order(buyer, skuId);
    expect(await storedSource(order.orderNo)).toEqual({ liveSessionId: null, liveAttribution: null });
  });
});
