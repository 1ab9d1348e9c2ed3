import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { decodeShortId, encodeShortId, SCENE_ALLOWED, SCENE_MAX_LENGTH, type OrderDetail, type ShareLink } from '../../shared';
import { MemberIdentityRow } from '../../server/src/attribution/member-identity.entity';
import { ShareLinkRow } from '../../server/src/attribution/share-link.entity';
import { VisitorTouchRow } from '../../server/src/attribution/visitor-touch.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { ADDRESS, ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, loginCode, startTestApp, TEST_DB, type TestApp } from './support/test-app';

describe(`attribution: share links, touches, identities (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  /** The app on a real loopback port: the races below fire requests at once. */
  let http: () => ReturnType<typeof request>;
  let productId: number;
  let skuId: number;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const url = await t.app.getUrl();
    http = () => request(url);
    shop = new ShopFixtures(t);
    await shop.init();
    const product = await shop.product([{ priceFen: 1000, stock: 50 }]);
    productId = product.id;
    skuId = product.skus[0].id;
  });
  afterAll(() => t.close());

  const newDevice = () => randomBytes(12).toString('base64url');
  const login = (identity: string, extra: object = {}, withUnionid = true) =>
    http().post(`${API}/auth/wechat-login`).send({ code: loginCode(t, identity, withUnionid), ...extra }).expect(200);
  const memberOf = async (identity: string) => {
    const body = (await login(identity)).body;
    return { token: body.token as string, id: body.member.id as number };
  };
  const share = (token: string, body: object) => http().post(`${API}/share-links`).set(bearer(token)).send(body);
  const touch = (body: object) => http().post(`${API}/touches`).send(body);
  const touchRow = (visitorKey: string) => t.dataSource.getRepository(VisitorTouchRow).findOneBy({ visitorKey });
  const identitiesOf = async (memberId: number) =>
    (await t.dataSource.getRepository(MemberIdentityRow).find({ where: { memberId }, order: { id: 'ASC' } })).map((row) => [row.kind, row.value]);

  describe('share links', () => {
    it('answers the path, page and scene of a product share, the same link every time', async () => {
      const sharer = await memberOf('share-alice');
      const created: ShareLink = (await share(sharer.token, { kind: 'product', targetId: productId, channel: 'chat' }).expect(200)).body;
      expect(created).toEqual({
        shortId: expect.stringMatching(/^a[0-9A-Za-z]+$/),
        kind: 'product',
        targetId: productId,
        channel: 'chat',
        liveSessionId: null,
        page: 'goods/detail/index',
        path: `/goods/detail/index?id=${productId}&s=${created.shortId}`,
        scene: created.shortId,
        createdAt: expect.any(String),
      });
      expect(created.scene.length).toBeLessThanOrEqual(SCENE_MAX_LENGTH);
      expect(created.scene).toMatch(SCENE_ALLOWED);
      expect((await share(sharer.token, { kind: 'product', targetId: productId, channel: 'chat' }).expect(200)).body).toEqual(created);

      // Another channel or another sharer is another link.
      const poster: ShareLink = (await share(sharer.token, { kind: 'product', targetId: productId, channel: 'poster' }).expect(200)).body;
      expect(poster.shortId).not.toBe(created.shortId);
      const other = await memberOf('share-bob');
      expect((await share(other.token, { kind: 'product', targetId: productId, channel: 'chat' }).expect(200)).body.shortId).not.toBe(created.shortId);

      // Anyone resolves it; the sharer is not disclosed.
      const resolved = (await http().get(`${API}/share-links/${created.shortId}`).expect(200)).body;
      expect(resolved).toEqual(created);
    });

    it('creates one row when ten shares of the same target race', async () => {
      const sharer = await memberOf('share-racer');
      const responses = await Promise.all(Array.from({ length: 10 }, () => share(sharer.token, { kind: 'product', targetId: productId, channel: 'moments', liveSessionId: 7 })));
      expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
      expect(new Set(responses.map((response) => response.body.shortId)).size).toBe(1);
      expect(await t.dataSource.getRepository(ShareLinkRow).countBy({ sharerMemberId: sharer.id })).toBe(1);
      expect(responses[0].body.liveSessionId).toBe(7);
    });

    it('shares the home page without a target, and refuses bad targets with clear codes', async () => {
      const sharer = await memberOf('share-carol');
      const page: ShareLink = (await share(sharer.token, { kind: 'page' }).expect(200)).body;
      expect(page).toEqual(expect.objectContaining({ kind: 'page', targetId: null, channel: null, page: 'pages/home/index', path: `/pages/home/index?s=${page.shortId}` }));
      expectApiError((await share(sharer.token, { kind: 'product', targetId: 99_999_999 }).expect(404)).body, 'PRODUCT_NOT_FOUND');
      expectApiError((await share(sharer.token, { kind: 'product' }).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await share(sharer.token, { kind: 'coupon', targetId: 1 }).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await share(sharer.token, { kind: 'page', channel: '朋友圈' }).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await http().post(`${API}/share-links`).send({ kind: 'page' }).expect(401)).body, 'UNAUTHORIZED');
    });

    it('answers 404 SHARE_LINK_NOT_FOUND for an unknown or malformed short id', async () => {
      expectApiError((await http().get(`${API}/share-links/${encodeShortId(2_000_000_000)}`).expect(404)).body, 'SHARE_LINK_NOT_FOUND');
      expectApiError((await http().get(`${API}/share-links/not-a-short-id`).expect(404)).body, 'SHARE_LINK_NOT_FOUND');
      expectApiError((await http().get(`${API}/share-links/${encodeURIComponent("a1'--")}`).expect(404)).body, 'SHARE_LINK_NOT_FOUND');
    });
  });

  describe('touches', () => {
    it('keeps the first touch and moves the last one', async () => {
      const sharer = await memberOf('touch-sharer');
      const first: ShareLink = (await share(sharer.token, { kind: 'product', targetId: productId, channel: 'chat' }).expect(200)).body;
      const second: ShareLink = (await share(sharer.token, { kind: 'page', channel: 'poster' }).expect(200)).body;
      const device = newDevice();
      await touch({ deviceId: device, shortId: first.shortId }).expect(204);
      const afterFirst = await touchRow(`device:${device}`);
      expect(afterFirst).toEqual(
        expect.objectContaining({
          deviceId: device,
          memberId: null,
          firstShareLinkId: decodeShortId(first.shortId),
          firstSharerMemberId: sharer.id,
          firstChannel: 'chat',
          lastShareLinkId: decodeShortId(first.shortId),
        }),
      );
      await touch({ deviceId: device, shortId: second.shortId }).expect(204);
      await touch({ deviceId: device, channel: 'store_qr' }).expect(204);
      const row = await touchRow(`device:${device}`);
      expect(row).toEqual(
        expect.objectContaining({ firstShareLinkId: decodeShortId(first.shortId), firstChannel: 'chat', lastShareLinkId: null, lastSharerMemberId: null, lastChannel: 'store_qr' }),
      );
      expect(row!.firstTouchAt.getTime()).toBe(afterFirst!.firstTouchAt.getTime());
      expect(row!.lastTouchAt.getTime()).toBeGreaterThanOrEqual(row!.firstTouchAt.getTime());
    });

    it('keeps the earliest first touch when touches of one device race', async () => {
      const sharer = await memberOf('touch-racer');
      const links: ShareLink[] = [];
      for (let index = 0; index < 11; index += 1) {
        links.push((await share(sharer.token, { kind: 'product', targetId: productId, channel: `race${index}` }).expect(200)).body);
      }
      const device = newDevice();
      await touch({ deviceId: device, shortId: links[0].shortId }).expect(204);
      const responses = await Promise.all(links.slice(1).map((link) => touch({ deviceId: device, shortId: link.shortId })));
      expect(responses.map((response) => response.status)).toEqual(Array(10).fill(204));
      const row = await touchRow(`device:${device}`);
      expect(row!.firstShareLinkId).toBe(decodeShortId(links[0].shortId));
      expect(row!.firstChannel).toBe('race0');
      expect(links.slice(1).map((link) => decodeShortId(link.shortId))).toContain(row!.lastShareLinkId);
      expect(await t.dataSource.getRepository(VisitorTouchRow).countBy({ deviceId: device })).toBe(1);
    });

    it('records nothing for an unknown short id without a channel, and refuses a bad device id', async () => {
      const device = newDevice();
      await touch({ deviceId: device, shortId: encodeShortId(1_999_999_999) }).expect(204);
      await touch({ deviceId: device, shortId: '%%%' }).expect(204);
      expect(await touchRow(`device:${device}`)).toBeNull();
      // An unknown link with a channel still records the channel.
      await touch({ deviceId: device, shortId: 'zz', channel: 'flyer' }).expect(204);
      expect(await touchRow(`device:${device}`)).toEqual(expect.objectContaining({ firstShareLinkId: null, firstChannel: 'flyer' }));
      expectApiError((await touch({ deviceId: 'short' }).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await touch({ shortId: 'a1' }).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await touch({ deviceId: newDevice(), channel: '<b>' }).expect(400)).body, 'VALIDATION_FAILED');
    });
  });

  describe('login', () => {
    it('attaches the device, its touches and the WeChat identities to the member', async () => {
      const sharer = await memberOf('login-sharer');
      const link: ShareLink = (await share(sharer.token, { kind: 'product', targetId: productId, channel: 'chat' }).expect(200)).body;
      const later: ShareLink = (await share(sharer.token, { kind: 'page', channel: 'poster' }).expect(200)).body;
      const device = newDevice();
      await touch({ deviceId: device, shortId: link.shortId }).expect(204);

      const response = await login('login-newcomer', { attribution: { deviceId: device, shortId: later.shortId } });
      const memberId = response.body.member.id as number;
      expect(await identitiesOf(memberId)).toEqual([
        ['openid', t.fake.state.openidFor('login-newcomer')],
        ['unionid', t.fake.state.unionidFor('login-newcomer')],
        ['device', device],
      ]);
      // First: the device's touch before login; last: the link the login carried.
      expect(await touchRow(`member:${memberId}`)).toEqual(
        expect.objectContaining({
          memberId,
          deviceId: device,
          firstShareLinkId: decodeShortId(link.shortId),
          firstSharerMemberId: sharer.id,
          lastShareLinkId: decodeShortId(later.shortId),
          lastChannel: 'poster',
        }),
      );
      expect((await touchRow(`device:${device}`))!.memberId).toBe(memberId);

      // Logging in again changes nothing about who owns what.
      await login('login-newcomer', { attribution: { deviceId: device } });
      expect(await identitiesOf(memberId)).toHaveLength(3);
    });

    it('keeps a device with its first member when someone else logs in on it', async () => {
      const device = newDevice();
      await touch({ deviceId: device, channel: 'flyer' }).expect(204);
      const first = (await login('device-first', { attribution: { deviceId: device } })).body.member.id as number;
      const second = (await login('device-second', { attribution: { deviceId: device } })).body.member.id as number;
      expect(await identitiesOf(second)).not.toContainEqual(['device', device]);
      expect(await identitiesOf(first)).toContainEqual(['device', device]);
      expect((await touchRow(`device:${device}`))!.memberId).toBe(first);
      expect(await touchRow(`member:${second}`)).toBeNull();
    });

    it('logs in with attribution values that are not plausible, recording none of them', async () => {
      const response = await login('login-junk', { attribution: { deviceId: 'x', shortId: 'a0', channel: '渠道' } }, false);
      const memberId = response.body.member.id as number;
      expect(await identitiesOf(memberId)).toEqual([['openid', t.fake.state.openidFor('login-junk')]]);
      expect(await touchRow(`member:${memberId}`)).toBeNull();
      expectApiError((await http().post(`${API}/auth/wechat-login`).send({ code: loginCode(t, 'login-junk'), attribution: 'a1' }).expect(400)).body, 'VALIDATION_FAILED');
    });

    it('adds the bound phone number as an identity', async () => {
      const member = await memberOf('phone-binder');
      await http().post(`${API}/me/phone`).set(bearer(member.token)).send({ code: t.fake.state.phoneCodes.issue('13700001111') }).expect(200);
      expect(await identitiesOf(member.id)).toContainEqual(['phone', '13700001111']);
    });
  });

  describe('orders', () => {
    const placeOrder = async (token: string, headers: Record<string, string>): Promise<OrderDetail> => {
      const addressId = (await http().post(`${API}/addresses`).set(bearer(token)).send(ADDRESS).expect(201)).body.id;
      const body = { clientToken: `attr-${randomBytes(6).toString('hex')}`, items: [{ skuId, quantity: 1 }], addressId };
      return (await http().post(`${API}/orders`).set(bearer(token)).set(headers).send(body).expect(201)).body;
    };

    it('attributes an order to the sharer of a link the server knows, whatever the client claims besides', async () => {
      const sharer = await memberOf('order-sharer');
      const link: ShareLink = (await share(sharer.token, { kind: 'product', targetId: productId, channel: 'moments', liveSessionId: 42 }).expect(200)).body;
      const buyer = await memberOf('order-buyer');
      const order = await placeOrder(buyer.token, { 'x-share-link': link.shortId, 'x-channel-code': 'claimed', 'x-live-room-id': 'room-1' });
      // The buyer is not shown another member's id.
      expect(order.source).toEqual({ channelCode: 'moments', referrerCode: link.shortId, sharerMemberId: null, liveRoomId: '42', groupBuyTeamId: null, liveSessionId: null, liveAttribution: null });
      const row = await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: order.orderNo });
      expect(row.sourceSharerMemberId).toBe(sharer.id);
      // Staff see the same source.
      const owner = (await http().post(`${API}/admin/auth/login`).send({ username: 'owner', password: 'demo1234' }).expect(200)).body.token;
      expect((await http().get(`${API}/admin/orders/${order.orderNo}`).set(bearer(owner)).expect(200)).body.source).toEqual({ ...order.source, sharerMemberId: sharer.id });
    });

    it('ignores a forged or unknown short id without refusing the order, and names no sharer for the buyer own link', async () => {
      const buyer = await memberOf('order-forger');
      const forged = await placeOrder(buyer.token, { 'x-share-link': encodeShortId(1_234_567_890), 'x-channel-code': 'poster' });
      expect(forged.source).toEqual({ channelCode: 'poster', referrerCode: null, sharerMemberId: null, liveRoomId: null, groupBuyTeamId: null, liveSessionId: null, liveAttribution: null });
      const malformed = await placeOrder(buyer.token, { 'x-share-link': 'a!' });
      expect(malformed.source.referrerCode).toBeNull();

      const own: ShareLink = (await share(buyer.token, { kind: 'page' }).expect(200)).body;
      const ownOrder = await placeOrder(buyer.token, { 'x-share-link': own.shortId });
      expect(ownOrder.source).toEqual(expect.objectContaining({ referrerCode: own.shortId, sharerMemberId: null }));
    });
  });
});
