import type { AdminProductDetail, LiveSession, LiveSessionInput } from '../../shared';
import { LiveSessionPriceRow } from '../../server/src/live/live-session-price.entity';
import { LiveSessionRow } from '../../server/src/live/live-session.entity';
import { createTemplate } from './support/coupon-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

const HOUR_MS = 3600_000;

describe(`live sessions in the console (${TEST_DB})`, () => {
  let t: TestApp;
  let operator: string;
  let owner: string;
  let service: string;
  let shop: ShopFixtures;
  let product: AdminProductDetail;
  let other: AdminProductDetail;

  beforeAll(async () => {
    t = await startTestApp();
    operator = await staffToken(t, 'operator');
    owner = await staffToken(t, 'owner');
    service = await staffToken(t, 'service');
    shop = new ShopFixtures(t);
    await shop.init();
    product = await shop.product([{ priceFen: 9900, stock: 50 }, { priceFen: 12900, stock: 50 }]);
    other = await shop.product([{ priceFen: 5000, stock: 10 }]);
  });
  afterAll(() => t.close());

  const url = (path = '') => `${API}/admin/live/sessions${path}`;
  const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

  /** A Channels session tomorrow featuring both products, ¥59 live price (10 units) on the first SKU. */
  function input(overrides: Partial<LiveSessionInput> = {}): LiveSessionInput {
    return {
      provider: 'channels',
      title: '年货节直播',
      coverUrl: '/uploads/live-cover.png',
      plannedStartAt: at(24 * HOUR_MS),
      plannedEndAt: at(26 * HOUR_MS),
      finderUserName: 'sphAbC123',
      feedId: null,
      noticeId: 'notice_1',
      roomId: null,
      productIds: [other.id, product.id],
      prices: [{ skuId: product.skus[0].id, livePriceFen: 5900, unitQuota: 10 }],
      couponTemplateId: null,
      ...overrides,
    };
  }

  const create = async (body: LiveSessionInput, token = operator): Promise<LiveSession> => (await t.api().post(url()).set(bearer(token)).send(body).expect(201)).body;
  const refused = async (body: unknown, status = 400) => (await t.api().post(url()).set(bearer(operator)).send(body as object).expect(status)).body;

  it('creates, reads and lists a session; customer service reads but does not write; no token 401', async () => {
    const created = await create(input());
    expect(created).toEqual(
      expect.objectContaining({
        provider: 'channels', title: '年货节直播', status: 'upcoming', statusLabel: '未开始', finderUserName: 'sphAbC123', noticeId: 'notice_1',
        roomId: null, startedAt: null, endedAt: null, cancelledAt: null, providerStatusCode: null, couponTemplateId: null,
        products: [
          { productId: other.id, position: 0, title: other.title, image: other.images[0] ?? null },
          { productId: product.id, position: 1, title: product.title, image: product.images[0] ?? null },
        ],
        prices: [{ skuId: product.skus[0].id, productId: product.id, livePriceFen: 5900, unitQuota: 10, unitsTaken: 0 }],
      }),
    );
    expect((await t.api().get(url(`/${created.id}`)).set(bearer(service)).expect(200)).body).toEqual(created);
    const listed = (await t.api().get(url('?status=upcoming')).set(bearer(owner)).expect(200)).body;
    expect(listed.items.map((session: LiveSession) => session.id)).toContain(created.id);
    expect((await t.api().get(url('?status=ended')).set(bearer(owner)).expect(200)).body.items).toEqual([]);

    expectApiError((await t.api().post(url()).set(bearer(service)).send(input()).expect(403)).body, 'FORBIDDEN');
    expectApiError((await t.api().put(url(`/${created.id}`)).set(bearer(service)).send(input()).expect(403)).body, 'FORBIDDEN');
    expectApiError((await t.api().post(url(`/${created.id}/start`)).set(bearer(service)).expect(403)).body, 'FORBIDDEN');
    await t.api().get(url()).expect(401);
    expectApiError((await t.api().get(url('/999999')).set(bearer(owner)).expect(404)).body, 'LIVE_SESSION_NOT_FOUND');
  });

  it('refuses bad times, products, prices, quotas and provider fields with a stable code, writing nothing', async () => {
    const before = await t.dataSource.getRepository(LiveSessionRow).count();
    const skuA = product.skus[0].id;
    expectApiError(await refused(input({ plannedEndAt: at(23 * HOUR_MS) })), 'VALIDATION_FAILED');
    expectApiError(await refused(input({ plannedStartAt: at(-3 * HOUR_MS), plannedEndAt: at(-HOUR_MS) })), 'VALIDATION_FAILED');
    expectApiError(await refused(input({ plannedStartAt: '2026-12-24T20:00:00' })), 'VALIDATION_FAILED');
    expectApiError(await refused(input({ productIds: [product.id, 999_999] })), 'LIVE_SESSION_INVALID');
    expectApiError(await refused(input({ productIds: [product.id, product.id] })), 'VALIDATION_FAILED');
    expectApiError(await refused(input({ prices: [{ skuId: skuA, livePriceFen: 0, unitQuota: 1 }] })), 'VALIDATION_FAILED');
    expectApiError(await refused(input({ prices: [{ skuId: skuA, livePriceFen: 9900, unitQuota: 1 }] })), 'LIVE_SESSION_INVALID');
    expectApiError(await refused(input({ prices: [{ skuId: skuA, livePriceFen: 5900, unitQuota: -1 }] })), 'VALIDATION_FAILED');
    expectApiError(await refused(input({ prices: [{ skuId: skuA, livePriceFen: 5900, unitQuota: 1 }, { skuId: skuA, livePriceFen: 5800, unitQuota: 1 }] })), 'LIVE_SESSION_INVALID');
    // A SKU of a product the session does not feature.
    expectApiError(await refused(input({ productIds: [other.id] })), 'LIVE_SESSION_INVALID');
    expectApiError(await refused(input({ finderUserName: null })), 'VALIDATION_FAILED');
    expectApiError(await refused(input({ roomId: 12 })), 'VALIDATION_FAILED');
    expectApiError(await refused(input({ provider: 'plugin' })), 'VALIDATION_FAILED');
    expectApiError(await refused(input({ provider: 'plugin', roomId: 12, noticeId: null })), 'VALIDATION_FAILED');
    expectApiError(await refused(input({ couponTemplateId: 999_999 })), 'LIVE_SESSION_INVALID');
    expectApiError(await refused(input({ coverUrl: 'javascript:alert(1)' })), 'VALIDATION_FAILED');
    expectApiError(await refused({ ...input(), title: '  ' }), 'VALIDATION_FAILED');
    expect(await t.dataSource.getRepository(LiveSessionRow).count()).toBe(before);

    // The live coupon: a template staff hand out, not a public one (claimable in 领券中心 before the live) nor a newcomer one.
    const publicTemplate = await createTemplate(t, operator);
    const newcomerTemplate = await createTemplate(t, operator, { name: '新人直播券', type: 'newcomer', channel: 'staff' });
    await t.api().post(`${API}/admin/coupon-templates/${newcomerTemplate.id}/pause`).set(bearer(operator)).expect(200);
    for (const couponTemplateId of [publicTemplate.id, newcomerTemplate.id]) {
      const body = await refused(input({ couponTemplateId }));
      expectApiError(body, 'LIVE_SESSION_INVALID');
      expect(body).toEqual(expect.objectContaining({ message: '直播券须为仅员工发放的券（非新人券）', details: [expect.objectContaining({ field: 'couponTemplateId' })] }));
    }
    expect(await t.dataSource.getRepository(LiveSessionRow).count()).toBe(before);

    const template = await createTemplate(t, operator, { channel: 'staff' });
    // The console lists the candidates by channel, newcomer ones left out by the server.
    await t.api().post(`${API}/admin/coupon-templates/${newcomerTemplate.id}/resume`).set(bearer(operator)).expect(200);
    const candidates = (await t.api().get(`${API}/admin/coupon-templates?status=active&channel=staff&excludeType=newcomer`).set(bearer(operator)).expect(200)).body.items as { id: number; channel: string; type: string }[];
    expect(candidates.map((item) => item.id)).toContain(template.id);
    expect(candidates.map((item) => item.id)).not.toContain(newcomerTemplate.id);
    expect(candidates.every((item) => item.channel === 'staff' && item.type !== 'newcomer')).toBe(true);
    await t.api().get(`${API}/admin/coupon-templates?excludeType=gift`).set(bearer(operator)).expect(400);
    await t.api().get(`${API}/admin/coupon-templates?channel=everyone`).set(bearer(operator)).expect(400);
    const plugin = await create(input({ provider: 'plugin', roomId: 12, finderUserName: null, noticeId: null, couponTemplateId: template.id }));
    expect(plugin).toEqual(expect.objectContaining({ provider: 'plugin', roomId: 12, couponTemplateId: template.id }));
  });

  it('edits an upcoming session, keeping units sold: no quota below them, no removing a sold price', async () => {
    const session = await create(input());
    const skuA = product.skus[0].id;
    const skuB = product.skus[1].id;
    await t.dataSource.getRepository(LiveSessionPriceRow).update({ sessionId: session.id, skuId: skuA }, { unitsTaken: 4 });

    const edited = (
      await t.api()
        .put(url(`/${session.id}`))
        .set(bearer(operator))
        .send(input({ title: '年货节直播（加场）', productIds: [product.id], prices: [{ skuId: skuA, livePriceFen: 5500, unitQuota: 6 }, { skuId: skuB, livePriceFen: 9900, unitQuota: 0 }] }))
        .expect(200)
    ).body as LiveSession;
    expect(edited.title).toBe('年货节直播（加场）');
    expect(edited.products.map((entry) => entry.productId)).toEqual([product.id]);
    expect(edited.prices).toEqual([
      { skuId: skuA, productId: product.id, livePriceFen: 5500, unitQuota: 6, unitsTaken: 4 },
      { skuId: skuB, productId: product.id, livePriceFen: 9900, unitQuota: 0, unitsTaken: 0 },
    ]);

    const put = (body: LiveSessionInput) => t.api().put(url(`/${session.id}`)).set(bearer(operator)).send(body);
    expectApiError((await put(input({ prices: [{ skuId: skuA, livePriceFen: 5500, unitQuota: 3 }] })).expect(400)).body, 'LIVE_SESSION_INVALID');
    expectApiError((await put(input({ prices: [] })).expect(400)).body, 'LIVE_SESSION_INVALID');
    // Nothing of the refused edits was written.
    expect((await t.api().get(url(`/${session.id}`)).set(bearer(operator)).expect(200)).body).toEqual(edited);
    expectApiError((await t.api().put(url('/999999')).set(bearer(operator)).send(input()).expect(404)).body, 'LIVE_SESSION_NOT_FOUND');
  });

  it('开播 / 结束 / 取消 move the status once, from the right state only (409 otherwise)', async () => {
    const session = await create(input());
    const act = (id: number, action: string, status: number) => t.api().post(url(`/${id}/${action}`)).set(bearer(operator)).expect(status);

    expectApiError((await act(session.id, 'end', 409)).body, 'LIVE_SESSION_STATE_CONFLICT');
    const started = (await act(session.id, 'start', 200)).body as LiveSession;
    expect([started.status, started.statusLabel, started.startedAt !== null]).toEqual(['live', '直播中', true]);
    expectApiError((await act(session.id, 'start', 409)).body, 'LIVE_SESSION_STATE_CONFLICT');
    expectApiError((await act(session.id, 'cancel', 409)).body, 'LIVE_SESSION_STATE_CONFLICT');
    // Live: provider fields are fixed, the rest may change (e.g. extending the end).
    expectApiError((await t.api().put(url(`/${session.id}`)).set(bearer(operator)).send(input({ finderUserName: 'sphOther' })).expect(409)).body, 'LIVE_SESSION_STATE_CONFLICT');
    await t.api().put(url(`/${session.id}`)).set(bearer(operator)).send(input({ plannedEndAt: at(30 * HOUR_MS) })).expect(200);
    const ended = (await act(session.id, 'end', 200)).body as LiveSession;
    expect([ended.status, ended.endedAt !== null]).toEqual(['ended', true]);
    expectApiError((await act(session.id, 'end', 409)).body, 'LIVE_SESSION_STATE_CONFLICT');
    expectApiError((await t.api().put(url(`/${session.id}`)).set(bearer(operator)).send(input()).expect(409)).body, 'LIVE_SESSION_STATE_CONFLICT');

    const toCancel = await create(input());
    expect(((await act(toCancel.id, 'cancel', 200)).body as LiveSession).status).toBe('cancelled');
    expectApiError((await act(toCancel.id, 'start', 409)).body, 'LIVE_SESSION_STATE_CONFLICT');

    // A plugin room is started and ended by its room's state (the sync sweep), only cancelled here.
    const plugin = await create(input({ provider: 'plugin', roomId: 7, finderUserName: null, noticeId: null }));
    expectApiError((await act(plugin.id, 'start', 409)).body, 'LIVE_SESSION_STATE_CONFLICT');
    expect(((await act(plugin.id, 'cancel', 200)).body as LiveSession).status).toBe('cancelled');
    const onAir = await create(input({ provider: 'plugin', roomId: 8, finderUserName: null, noticeId: null }));
    await t.dataSource.getRepository(LiveSessionRow).update({ id: onAir.id }, { status: 'live' });
    const refusedEnd = (await act(onAir.id, 'end', 409)).body;
    expectApiError(refusedEnd, 'LIVE_SESSION_STATE_CONFLICT');
    expect(refusedEnd.message).toContain('以直播间状态为准');
    expect((await t.dataSource.getRepository(LiveSessionRow).findOneByOrFail({ id: onAir.id })).status).toBe('live');
    expectApiError((await act(999_999, 'start', 404)).body, 'LIVE_SESSION_NOT_FOUND');
  });

  it('moves a session once when staff press 开播 in parallel', async () => {
    const session = await create(input());
    const answers = await Promise.all(Array.from({ length: 8 }, () => t.api().post(url(`/${session.id}/start`)).set(bearer(operator))));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, ...Array(7).fill(409)]);
    const row = await t.dataSource.getRepository(LiveSessionRow).findOneByOrFail({ id: session.id });
    expect(row.status).toBe('live');
  });

  it('refuses a 视频号 ID without sph, a plan beyond a year or longer than 7 days, and a room another session uses', async () => {
    const before = await t.dataSource.getRepository(LiveSessionRow).count();
    const finder = await refused(input({ finderUserName: 'hello' }));
    expect(finder).toEqual(expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('以 sph 开头') }));
    const farAhead = await refused(input({ plannedStartAt: '9999-01-01T12:00:00Z', plannedEndAt: '9999-01-01T14:00:00Z' }));
    expect(farAhead).toEqual(expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('365 天以内'), details: [expect.objectContaining({ field: 'plannedStartAt' })] }));
    const tenYears = await refused(input({ plannedEndAt: at(24 * HOUR_MS + 3650 * 24 * HOUR_MS) }));
    expect(tenYears).toEqual(expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('最长 7 天'), details: [expect.objectContaining({ field: 'plannedEndAt' })] }));
    // Exactly 7 days is fine; so is a start 300 days ahead.
    await create(input({ plannedStartAt: at(300 * 24 * HOUR_MS), plannedEndAt: at(307 * 24 * HOUR_MS) }));
    const roomTooBig = await refused(input({ provider: 'plugin', roomId: 99_999_999_999_999, finderUserName: null, noticeId: null }));
    expect(roomTooBig.message).toContain('1 到 2147483647');

    const plugin = (roomId: number) => input({ provider: 'plugin', roomId, finderUserName: null, noticeId: null });
    const first = await create(plugin(2));
    const twice = await refused(plugin(2));
    expect(twice).toEqual({ code: 'LIVE_SESSION_INVALID', message: expect.stringContaining('直播间号 2 已用于场次'), details: [{ field: 'roomId', message: twice.message }] });
    // The session itself may be saved again with its room; a cancelled session frees it.
    await t.api().put(url(`/${first.id}`)).set(bearer(operator)).send(plugin(2)).expect(200);
    await t.api().post(url(`/${first.id}/cancel`)).set(bearer(operator)).expect(200);
    await create(plugin(2));
    expect(await t.dataSource.getRepository(LiveSessionRow).count()).toBe(before + 3);
  });

  it('says in words what is wrong: the status an action meets, the SKU and units sold a quota falls below', async () => {
    const session = await create(input());
    const skuA = product.skus[0].id;
    const act = async (action: string) => (await t.api().post(url(`/${session.id}/${action}`)).set(bearer(operator)).expect(409)).body.message;
    expect(await act('end')).toBe('这场直播还没开播，不能结束');
    await t.api().post(url(`/${session.id}/start`)).set(bearer(operator)).expect(200);
    expect(await act('start')).toBe('这场直播已在直播中，无需再开播');
    expect(await act('cancel')).toBe('这场直播已在直播中，不能取消');
    await t.dataSource.getRepository(LiveSessionPriceRow).update({ sessionId: session.id, skuId: skuA }, { unitsTaken: 3 });
    const put = (body: LiveSessionInput) => t.api().put(url(`/${session.id}`)).set(bearer(operator)).send(body).expect(400);
    const spec = `「${product.title}」规格「${product.skus[0].specValues.join(' / ') || '默认'}」`;
    expect((await put(input({ prices: [{ skuId: skuA, livePriceFen: 5900, unitQuota: 2 }] }))).body.message).toBe(`${spec}的直播价限量 2 件少于已售出的 3 件`);
    expect((await put(input({ prices: [] }))).body.message).toBe(`${spec}已有按直播价售出的件数，不能删除它的直播价`);
    await t.api().post(url(`/${session.id}/end`)).set(bearer(operator)).expect(200);
    expect(await act('end')).toBe('这场直播已结束，无需再结束');
    const report = await t.api().get(`${API}/admin/live/report?from=abc`).set(bearer(operator)).expect(400);
    expect(report.body.message).toBe('字段 from 应为 YYYY-MM-DD 格式的日期');
  });
});
