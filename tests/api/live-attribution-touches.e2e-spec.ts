import { MemberIdentityRow } from '../../server/src/attribution/member-identity.entity';
import { LiveSessionRow } from '../../server/src/live/live-session.entity';
import { LiveTouchRow } from '../../server/src/live/live-touch.entity';
import { HOUR_MS, LiveFixtures, newDevice } from './support/live-fixtures';
import { API, bearer, expectApiError, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/** The storefront's live touches: taps on our live entries and launches from a live, and the live settings API. */
describe(`live touches and settings (${TEST_DB})`, () => {
  let t: TestApp;
  let live: LiveFixtures;
  let productId: number;

  beforeAll(async () => {
    t = await startTestApp();
    live = new LiveFixtures(t);
    await live.init();
    productId = (await live.shop.product([{ priceFen: 1000, stock: 10 }])).id;
  });
  afterAll(() => t.close());

  const touches = () => t.dataSource.getRepository(LiveTouchRow);

  describe('clicks', () => {
    it('records a tap with its entry, the device and the member of a valid token', async () => {
      const session = await live.session({ productIds: [productId] });
      const shopper = await live.shopper();
      const device = newDevice();
      await live.click(session.id, device).expect(204);
      await live.click(session.id, device, shopper.token).expect(204);
      expect(await touches().find({ where: { sessionId: session.id }, order: { id: 'ASC' } })).toEqual([
        expect.objectContaining({ kind: 'click', entry: 'banner', deviceId: device, memberId: null, scene: null, sharerMemberId: null }),
        expect.objectContaining({ kind: 'click', entry: 'banner', deviceId: device, memberId: shopper.memberId }),
      ]);
    });

    it('answers 404 LIVE_SESSION_NOT_FOUND for an unknown or cancelled session and 400 for malformed input, writing nothing', async () => {
      const cancelled = await live.session({ productIds: [productId] });
      await live.act(cancelled.id, 'cancel');
      const before = await touches().count();
      expectApiError((await live.click(cancelled.id, newDevice()).expect(404)).body, 'LIVE_SESSION_NOT_FOUND');
      expectApiError((await live.click(987_654, newDevice()).expect(404)).body, 'LIVE_SESSION_NOT_FOUND');
      const session = await live.session({ productIds: [productId] });
      const click = (body: unknown) => t.api().post(`${API}/live/sessions/${session.id}/clicks`).send(body as object);
      for (const body of [
        { deviceId: 'short', entry: 'banner' },
        { deviceId: newDevice(), entry: 'popup' },
        { deviceId: newDevice() },
        { entry: 'banner' },
        { deviceId: 12345678901234567890, entry: 'banner' },
        { deviceId: newDevice(), entry: 'banner', extra: 1 },
        [],
      ]) {
        expectApiError((await click(body).expect(400)).body, 'VALIDATION_FAILED');
      }
      expectApiError((await t.api().post(`${API}/live/sessions/abc/clicks`).send({ deviceId: newDevice(), entry: 'banner' }).expect(400)).body, 'VALIDATION_FAILED');
      expect(await touches().count()).toBe(before);
    });
  });

  describe('inbound launches', () => {
    it('records a plugin launch with the session of custom_params and the sharer of its share link', async () => {
      const session = await live.session({ productIds: [productId], start: true });
      const sharer = await live.shopper();
      const link = (await t.api().post(`${API}/share-links`).set(bearer(sharer.token)).send({ kind: 'page', liveSessionId: session.id }).expect(200)).body;
      const viewer = await live.shopper();
      const device = newDevice();
      expect((await live.inbound({ deviceId: device, scene: 1007, sessionId: session.id, shortId: link.shortId }, viewer.token).expect(200)).body).toEqual({ sessionId: session.id });
      expect(await touches().findOneByOrFail({ sessionId: session.id, deviceId: device })).toEqual(
        expect.objectContaining({ kind: 'inbound', scene: 1007, memberId: viewer.memberId, sharerMemberId: sharer.memberId, withShareInfo: false }),
      );
      // custom_params with the share link only: the session the link carries.
      const linkOnly = newDevice();
      expect((await live.inbound({ deviceId: linkOnly, scene: 1007, shortId: link.shortId }).expect(200)).body).toEqual({ sessionId: session.id });
      expect(await touches().findOneByOrFail({ deviceId: linkOnly })).toEqual(expect.objectContaining({ sessionId: session.id, memberId: null, sharerMemberId: sharer.memberId }));
      // The sharer opening their own link is not their own sharer.
      const own = newDevice();
      await live.inbound({ deviceId: own, scene: 1007, sessionId: session.id, shortId: link.shortId }, sharer.token).expect(200);
      expect((await touches().findOneByOrFail({ deviceId: own })).sharerMemberId).toBeNull();
    });

    it('counts a launch only for a session on air or ended within the window, and custom_params only for plugin rooms', async () => {
      const before = await touches().count();
      const upcomingChannels = await live.session({ productIds: [productId], startInMs: 48 * HOUR_MS });
      const upcomingPlugin = await live.pluginSession({ productIds: [productId], live: false });
      const sharer = await live.shopper();
      const link = (await t.api().post(`${API}/share-links`).set(bearer(sharer.token)).send({ kind: 'live', targetId: upcomingChannels.id }).expect(200)).body;
      for (const body of [
        { scene: 1001, sessionId: upcomingChannels.id },
        { scene: 1007, sessionId: upcomingPlugin.id },
        { scene: 1007, shortId: link.shortId },
      ]) {
        expect((await live.inbound({ deviceId: newDevice(), ...body }).expect(200)).body).toEqual({ sessionId: null });
      }
      // A Channels session on air named in custom_params: Channels never sends them, so not counted from a non-Channels scene.
      const onAirChannels = await live.session({ productIds: [productId], start: true });
      expect((await live.inbound({ deviceId: newDevice(), scene: 1001, sessionId: onAirChannels.id }).expect(200)).body).toEqual({ sessionId: null });
      expect(await touches().count()).toBe(before);

      const plugin = await live.pluginSession({ productIds: [productId], live: true });
      expect((await live.inbound({ deviceId: newDevice(), scene: 1007, sessionId: plugin.id }).expect(200)).body).toEqual({ sessionId: plugin.id });
      const sessions = t.dataSource.getRepository(LiveSessionRow);
      // Ended within the attribution window (24 h by default): a launch from the replay still counts; after it, not.
      await sessions.update({ id: plugin.id }, { status: 'ended', endedAt: new Date(Date.now() - 23 * HOUR_MS) });
      expect((await live.inbound({ deviceId: newDevice(), scene: 1007, sessionId: plugin.id }).expect(200)).body).toEqual({ sessionId: plugin.id });
      await sessions.update({ id: plugin.id }, { endedAt: new Date(Date.now() - 25 * HOUR_MS) });
      expect((await live.inbound({ deviceId: newDevice(), scene: 1007, sessionId: plugin.id }).expect(200)).body).toEqual({ sessionId: null });
      expect(await touches().countBy({ sessionId: plugin.id })).toBe(2);
      await live.act(onAirChannels.id, 'end');
    });

    it('answers sessionId null and records nothing for a launch matching no session; 400 for malformed input', async () => {
      const before = await touches().count();
      // Not a Channels scene and no (known) session.
      expect((await live.inbound({ deviceId: newDevice(), scene: 1001 }).expect(200)).body).toEqual({ sessionId: null });
      expect((await live.inbound({ deviceId: newDevice(), scene: 1007, sessionId: 987_654 }).expect(200)).body).toEqual({ sessionId: null });
      for (const body of [
        { deviceId: newDevice() },
        { deviceId: 'x', scene: 1177 },
        { deviceId: newDevice(), scene: '1177' },
        { deviceId: newDevice(), scene: 1177.5 },
        { deviceId: newDevice(), scene: -1 },
        { deviceId: newDevice(), scene: 1177, sessionId: 0 },
        { deviceId: newDevice(), scene: 1177, sharerOpenId: '<script>' },
        { deviceId: newDevice(), scene: 1177, promoterId: 'p'.repeat(200) },
        { deviceId: newDevice(), scene: 1177, shortId: 's'.repeat(500) },
      ]) {
        expectApiError((await live.inbound(body).expect(400)).body, 'VALIDATION_FAILED');
      }
      expect(await touches().count()).toBe(before);
    });

    it('matches a Channels launch to the Channels session live now, else the latest one started within the window, else none', async () => {
      // No Channels session live or recently started (earlier tests' sessions are ended and moved back).
      await t.dataSource.getRepository(LiveSessionRow).update({ status: 'live' }, { status: 'ended', endedAt: new Date() });
      await t.dataSource.getRepository(LiveSessionRow).createQueryBuilder().update().set({ startedAt: new Date(Date.now() - 30 * 24 * HOUR_MS) }).where('startedAt IS NOT NULL').execute();
      const before = await touches().count();
      expect((await live.inbound({ deviceId: newDevice(), scene: 1177 }).expect(200)).body).toEqual({ sessionId: null });
      expect(await touches().count()).toBe(before);

      const earlier = await live.session({ productIds: [productId], start: true });
      await live.act(earlier.id, 'end');
      const onAir = await live.session({ productIds: [productId], start: true });
      const sharer = await live.shopper();
      const openid = (await t.dataSource.getRepository(MemberIdentityRow).findOneByOrFail({ memberId: sharer.memberId, kind: 'openid' })).value;
      const device = newDevice();
      for (const scene of [1177, 1184, 1195, 1208]) {
        expect((await live.inbound({ deviceId: device, scene, sharerOpenId: openid }).expect(200)).body).toEqual({ sessionId: onAir.id });
      }
      expect(await touches().findBy({ deviceId: device })).toEqual(
        Array(4).fill(expect.objectContaining({ sessionId: onAir.id, kind: 'inbound', memberId: null, sharerMemberId: sharer.memberId, withShareInfo: true })),
      );
      // A promoter id only: share info, no sharer we know; an openid we never saw: share info, no sharer.
      const promoted = newDevice();
      await live.inbound({ deviceId: promoted, scene: 1195, promoterId: 'promoter_1' }).expect(200);
      await live.inbound({ deviceId: promoted, scene: 1195, sharerOpenId: 'o_unknown_openid' }).expect(200);
      await live.inbound({ deviceId: promoted, scene: 1195 }).expect(200);
      expect((await touches().find({ where: { deviceId: promoted }, order: { id: 'ASC' } })).map((row) => [row.sharerMemberId, row.withShareInfo])).toEqual([
        [null, true],
        [null, true],
        [null, false],
      ]);

      // Ended: the latest session started within the window is matched (the one on air just now).
      await live.act(onAir.id, 'end');
      expect((await live.inbound({ deviceId: newDevice(), scene: 1177 }).expect(200)).body).toEqual({ sessionId: onAir.id });
      // Started longer ago than the window (24 h): none.
      await t.dataSource.getRepository(LiveSessionRow).update({ id: onAir.id }, { startedAt: new Date(Date.now() - 25 * HOUR_MS) });
      await t.dataSource.getRepository(LiveSessionRow).update({ id: earlier.id }, { startedAt: new Date(Date.now() - 26 * HOUR_MS) });
      expect((await live.inbound({ deviceId: newDevice(), scene: 1177 }).expect(200)).body).toEqual({ sessionId: null });
    });
  });

  describe('settings', () => {
    const settings = () => t.api().get(`${API}/admin/live/settings`);
    const save = (token: string, body: unknown) => t.api().put(`${API}/admin/live/settings`).set(bearer(token)).send(body as object);

    it('answers the defaults, lets owner and operator save, customer service read only, and refuses without a token', async () => {
      const service = await staffToken(t, 'service');
      const owner = await staffToken(t, 'owner');
      expect((await settings().set(bearer(service)).expect(200)).body).toEqual({ attributionWindowHours: 24, reminderLeadMinutes: 10 });
      expectApiError((await save(service, { attributionWindowHours: 12, reminderLeadMinutes: 5 }).expect(403)).body, 'FORBIDDEN');
      expectApiError((await settings().expect(401)).body, 'UNAUTHORIZED');
      expectApiError((await t.api().put(`${API}/admin/live/settings`).send({ attributionWindowHours: 12, reminderLeadMinutes: 5 }).expect(401)).body, 'UNAUTHORIZED');
      expect((await save(owner, { attributionWindowHours: 12, reminderLeadMinutes: 5 }).expect(200)).body).toEqual({ attributionWindowHours: 12, reminderLeadMinutes: 5 });
      expect((await save(live.operator, { attributionWindowHours: 168, reminderLeadMinutes: 1440 }).expect(200)).body).toEqual({ attributionWindowHours: 168, reminderLeadMinutes: 1440 });
      expect((await settings().set(bearer(service)).expect(200)).body).toEqual({ attributionWindowHours: 168, reminderLeadMinutes: 1440 });
      await save(owner, { attributionWindowHours: 24, reminderLeadMinutes: 10 }).expect(200);
    });

    it('refuses values out of bounds or not whole numbers with 400 VALIDATION_FAILED, keeping the saved ones', async () => {
      for (const body of [
        { attributionWindowHours: 0, reminderLeadMinutes: 10 },
        { attributionWindowHours: 169, reminderLeadMinutes: 10 },
        { attributionWindowHours: 24, reminderLeadMinutes: 0 },
        { attributionWindowHours: 24, reminderLeadMinutes: 1441 },
        { attributionWindowHours: 1.5, reminderLeadMinutes: 10 },
        { attributionWindowHours: '24', reminderLeadMinutes: 10 },
        { attributionWindowHours: 24 },
        { attributionWindowHours: null, reminderLeadMinutes: 10 },
      ]) {
        expectApiError((await save(live.operator, body).expect(400)).body, 'VALIDATION_FAILED');
      }
      expect((await settings().set(bearer(live.operator)).expect(200)).body).toEqual({ attributionWindowHours: 24, reminderLeadMinutes: 10 });
    });
  });

  it('caps clicks and launches per client address: 429 RATE_LIMITED beyond the limit, writing only what was accepted', async () => {
    const session = await live.session({ productIds: [productId] });
    const answers = await Promise.all(Array.from({ length: 140 }, () => live.click(session.id, newDevice())));
    const accepted = answers.filter((answer) => answer.status === 204).length;
    const refused = answers.filter((answer) => answer.status === 429);
    // 120 a minute per address, some of which the tests above used.
    expect(accepted + refused.length).toBe(140);
    expect(accepted).toBeLessThanOrEqual(120);
    expect(refused.length).toBeGreaterThanOrEqual(20);
    expectApiError(refused[0].body, 'RATE_LIMITED');
    expect(await touches().countBy({ sessionId: session.id })).toBe(accepted);
    const launches = await Promise.all(Array.from({ length: 130 }, () => live.inbound({ deviceId: newDevice(), scene: 1007, sessionId: session.id })));
    expect(launches.filter((answer) => answer.status === 429).length).toBeGreaterThanOrEqual(10);
    expect(launches.every((answer) => answer.status === 200 || answer.status === 429)).toBe(true);
  });
});
