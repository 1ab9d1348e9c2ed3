import { SkuRow } from '../../server/src/catalog/sku.entity';
import type { GroupBuyAdminTeam, GroupBuyCampaign, GroupBuyCampaignInput } from '../../shared';
import { GroupBuyCampaignSkuRow } from '../../server/src/group-buy/group-buy-campaign-sku.entity';
import { GroupBuyCampaignRow } from '../../server/src/group-buy/group-buy-campaign.entity';
import { GroupBuySeatRow } from '../../server/src/group-buy/group-buy-seat.entity';
import { DemoGroupBuySeeder } from '../../server/src/seed/demo-group-buy.seeder';
import { campaignInput, createCampaign, GroupBuyReadFixtures } from './support/group-buy-read-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

describe(`group-buy campaigns in the console (${TEST_DB})`, () => {
  let t: TestApp;
  let operator: string;
  let owner: string;
  let service: string;
  let shop: ShopFixtures;
  let fixtures: GroupBuyReadFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    operator = await staffToken(t, 'operator');
    owner = await staffToken(t, 'owner');
    service = await staffToken(t, 'service');
    shop = new ShopFixtures(t);
    await shop.init();
    fixtures = new GroupBuyReadFixtures(t);
  });
  afterAll(() => t.close());

  const url = (path = '') => `${API}/admin/group-buy/campaigns${path}`;

  /** A fresh product with two SKUs (¥99 and ¥129) and a campaign input for both at ¥59 / ¥79, 团长价 ¥49 on the first. */
  async function productAndInput(overrides: Partial<GroupBuyCampaignInput> = {}) {
    const product = await shop.product([{ priceFen: 9900, stock: 50 }, { priceFen: 12900, stock: 50 }]);
    const input = campaignInput(
      product.id,
      [
        { skuId: product.skus[0].id, groupPriceFen: 5900, leaderPriceFen: 4900 },
        { skuId: product.skus[1].id, groupPriceFen: 7900 },
      ],
      overrides,
    );
    return { product, input };
  }

  it('creates, reads and lists a campaign; customer service reads but does not write; others are refused', async () => {
    const { product, input } = await productAndInput({ name: '好茶两人团', rulesText: '每人限购 2 件', memberUnitLimit: 2 });
    const created = await createCampaign(t, operator, input);
    expect(created).toEqual(
      expect.objectContaining({
        name: '好茶两人团', productId: product.id, productTitle: product.title, productImage: product.images[0], state: 'running',
        teamSize: 2, validityHours: 24, memberUnitLimit: 2, unitsTaken: 0, endedAt: null, rulesText: '每人限购 2 件',
        skus: [
          { skuId: product.skus[0].id, groupPriceFen: 5900, leaderPriceFen: 4900 },
          { skuId: product.skus[1].id, groupPriceFen: 7900, leaderPriceFen: null },
        ],
      }),
    );
    expect(created.stats).toEqual({
      teamsOpened: 0, teamsSucceeded: 0, teamsSucceededVirtually: 0, teamsFailed: 0, teamsForming: 0, successRatePercent: null,
      realMembers: 0, virtualSeats: 0, unitsSold: 0, gmvFen: 0, refundedFen: 0,
    });
    expect(created.groupPriceNotBelowList).toBe(false);
    expect((await t.api().get(url(`/${created.id}`)).set(bearer(service)).expect(200)).body.name).toBe('好茶两人团');
    const running = (await t.api().get(url('?state=running')).set(bearer(service)).expect(200)).body;
    expect(running.items.map((item: GroupBuyCampaign) => item.id)).toContain(created.id);
    const ended = (await t.api().get(url('?state=ended&page=1&pageSize=5')).set(bearer(owner)).expect(200)).body;
    expect(ended).toEqual(expect.objectContaining({ page: 1, pageSize: 5 }));
    expect(ended.items.map((item: GroupBuyCampaign) => item.id)).not.toContain(created.id);

    expectApiError((await t.api().post(url()).set(bearer(service)).send(input).expect(403)).body, 'FORBIDDEN');
    expectApiError((await t.api().put(url(`/${created.id}`)).set(bearer(service)).send(input).expect(403)).body, 'FORBIDDEN');
    expectApiError((await t.api().get(url()).set(bearer(await staffToken(t, 'warehouse'))).expect(403)).body, 'FORBIDDEN');
    await t.api().get(url()).expect(401);
    await t.api().post(url()).send(input).expect(401);
    await t.api().get(url(`/${created.id}/teams`)).expect(401);
    expectApiError((await t.api().get(url('/999999')).set(bearer(operator)).expect(404)).body, 'GROUP_BUY_CAMPAIGN_NOT_FOUND');
    expectApiError((await t.api().get(url('?state=paused')).set(bearer(operator)).expect(400)).body, 'VALIDATION_FAILED');
  });

  it('marks a campaign whose group price is not below the SKU\'s current list price (the list price was lowered)', async () => {
    const { product, input } = await productAndInput();
    const created = await createCampaign(t, operator, input);
    await t.dataSource.getRepository(SkuRow).update({ id: product.skus[1].id }, { priceFen: 7900 });
    const listed = (await t.api().get(url()).set(bearer(operator)).expect(200)).body.items.find((item: GroupBuyCampaign) => item.id === created.id);
    expect(listed.groupPriceNotBelowList).toBe(true);
  });

  it('refuses bad input field by field (400 VALIDATION_FAILED) and broken rules with a clear message (GROUP_BUY_CAMPAIGN_INVALID)', async () => {
    const { product, input } = await productAndInput();
    const other = await shop.product([{ priceFen: 5000, stock: 5 }]);
    const past = new Date(Date.now() - DAY_MS).toISOString();
    const fieldCases: [Partial<GroupBuyCampaignInput> | Record<string, unknown>, string][] = [
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: '团'.repeat(41) }, 'name'],
      [{ teamSize: 1 }, 'teamSize'],
      [{ teamSize: 51 }, 'teamSize'],
      [{ teamSize: 2.5 }, 'teamSize'],
      [{ validityHours: 0 }, 'validityHours'],
      [{ validityHours: 73 }, 'validityHours'],
      [{ memberTeamLimit: -1 }, 'memberTeamLimit'],
      [{ memberUnitLimit: -1 }, 'memberUnitLimit'],
      [{ unitQuota: -5 }, 'unitQuota'],
      [{ rulesText: '规'.repeat(1001) }, 'rulesText'],
      [{ startsAt: 'tomorrow' }, 'startsAt'],
      [{ endsAt: null }, 'endsAt'],
      [{ skus: [] }, 'skus'],
      [{ skus: [{ skuId: product.skus[0].id, groupPriceFen: 0, leaderPriceFen: null }] }, 'skus.0.groupPriceFen'],
      [{ skus: [{ skuId: product.skus[0].id, groupPriceFen: 10.5, leaderPriceFen: null }] }, 'skus.0.groupPriceFen'],
      [{ skus: [{ skuId: product.skus[0].id, groupPriceFen: 5000, leaderPriceFen: 0 }] }, 'skus.0.leaderPriceFen'],
      [{ virtualCompletion: true, virtualThresholdPercent: null }, 'virtualThresholdPercent'],
      [{ virtualCompletion: true, virtualThresholdPercent: 0 }, 'virtualThresholdPercent'],
      [{ virtualCompletion: true, virtualThresholdPercent: 101 }, 'virtualThresholdPercent'],
      [{ virtualCompletion: false, virtualThresholdPercent: 60 }, 'virtualThresholdPercent'],
      [{ allowCoupons: 'yes' }, 'allowCoupons'],
      [{ endsAt: past, startsAt: new Date(Date.now() - 2 * DAY_MS).toISOString() }, 'endsAt'],
      [{ startsAt: input.endsAt }, 'endsAt'],
      [{ unknownField: 1 }, 'unknownField'],
    ];
    // The messages say what to fix.
    const messages: [Record<string, unknown>, string, string][] = [
      [{ name: '团'.repeat(41) }, 'name', '活动名称最多 40 个字'],
      [{ name: ' ' }, 'name', '请填写活动名称'],
      [{ virtualCompletion: true, virtualThresholdPercent: null }, 'virtualThresholdPercent', '请填写模拟成团的比例'],
      [{ startsAt: '2026-12-06T10:00:00' }, 'startsAt', '时间必须带时区，如 2026-12-06T10:00:00+08:00'],
      [{ endsAt: '2026-12-31T10:00:00.000' }, 'endsAt', '时间必须带时区，如 2026-12-06T10:00:00+08:00'],
    ];
    for (const [change, field, message] of messages) {
      const response = await t.api().post(url()).set(bearer(operator)).send({ ...input, ...change }).expect(400);
      expect(response.body.details).toContainEqual({ field, message });
    }
    for (const [change, field] of fieldCases) {
      const response = await t.api().post(url()).set(bearer(operator)).send({ ...input, ...change });
      expect([response.status, field]).toEqual([400, field]);
      expectApiError(response.body, 'VALIDATION_FAILED');
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    }
    const ruleCases: [Partial<GroupBuyCampaignInput>, RegExp][] = [
      [{ skus: [{ skuId: other.skus[0].id, groupPriceFen: 100, leaderPriceFen: null }] }, /不属于该商品/],
      [{ skus: [{ skuId: product.skus[0].id, groupPriceFen: 9900, leaderPriceFen: null }] }, /必须低于单独购买价 ¥99\.00/],
      [{ skus: [{ skuId: product.skus[0].id, groupPriceFen: 5900, leaderPriceFen: 6000 }] }, /团长价 ¥60\.00 不能高于拼团价 ¥59\.00/],
      [
        { skus: [{ skuId: product.skus[0].id, groupPriceFen: 5900, leaderPriceFen: null }, { skuId: product.skus[0].id, groupPriceFen: 5800, leaderPriceFen: null }] },
        /重复/,
      ],
    ];
    for (const [change, message] of ruleCases) {
      const response = await t.api().post(url()).set(bearer(operator)).send({ ...input, ...change }).expect(400);
      expectApiError(response.body, 'GROUP_BUY_CAMPAIGN_INVALID');
      expect(response.body.message).toMatch(message);
    }
    expectApiError((await t.api().post(url()).set(bearer(operator)).send({ ...input, productId: 999999 }).expect(404)).body, 'PRODUCT_NOT_FOUND');
    // A deleted product cannot start a campaign either.
    await t.api().delete(`${API}/admin/products/${other.id}`).set(bearer(operator)).expect(204);
    const deleted = await t.api().post(url()).set(bearer(operator)).send(campaignInput(other.id, [{ skuId: other.skus[0].id, groupPriceFen: 100 }])).expect(404);
    expectApiError(deleted.body, 'PRODUCT_NOT_FOUND');
    // Nothing half-written by any refusal.
    expect(await t.dataSource.getRepository(GroupBuyCampaignRow).countBy({ productId: product.id })).toBe(0);
    // The boundaries are allowed: 1 fen, 团长价 equal to the group price, size 50, 72 h, threshold 100.
    const edge = await createCampaign(t, operator, {
      ...input,
      skus: [{ skuId: product.skus[0].id, groupPriceFen: 1, leaderPriceFen: 1 }],
      teamSize: 50,
      validityHours: 72,
      virtualCompletion: true,
      virtualThresholdPercent: 100,
      rulesText: '规'.repeat(1000),
      name: '团'.repeat(40),
    });
    expect(edge).toEqual(expect.objectContaining({ teamSize: 50, validityHours: 72, virtualThresholdPercent: 100 }));
  });

  it('keeps a product in at most one not-ended campaign whose windows overlap', async () => {
    const { product, input } = await productAndInput({ name: '第一季' });
    const first = await createCampaign(t, operator, input);
    const busy = await t.api().post(url()).set(bearer(operator)).send({ ...input, name: '第二季' }).expect(409);
    expectApiError(busy.body, 'GROUP_BUY_PRODUCT_BUSY');
    expect(busy.body.message).toContain('第一季');
    // A later window that does not overlap is fine; one that overlaps it is not.
    const laterStart = new Date(new Date(input.endsAt).getTime() + HOUR_MS);
    const later = await createCampaign(t, operator, {
      ...input, name: '第三季', startsAt: laterStart.toISOString(), endsAt: new Date(laterStart.getTime() + 7 * DAY_MS).toISOString(),
    });
    expect(later.state).toBe('scheduled');
    // Editing the later one onto the first's window is refused too.
    const moved = await t.api().put(url(`/${later.id}`)).set(bearer(operator)).send({ ...input, name: '第三季' }).expect(409);
    expectApiError(moved.body, 'GROUP_BUY_PRODUCT_BUSY');
    // Once the first is ended early, its window is free again.
    await t.dataSource.getRepository(GroupBuyCampaignRow).update({ id: first.id }, { endedAt: new Date() });
    const again = await createCampaign(t, operator, { ...input, name: '补场', endsAt: new Date(Date.now() + DAY_MS).toISOString() });
    expect(again.state).toBe('running');
    expect(product.id).toBe(again.productId);
  });

  it('lets exactly one of parallel saves for one product through', async () => {
    const { product, input } = await productAndInput();
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, index) => t.api().post(url()).set(bearer(index % 2 ? operator : owner)).send({ ...input, name: `并发${index}` })),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const response of responses.filter((r) => r.status === 409)) expectApiError(response.body, 'GROUP_BUY_PRODUCT_BUSY');
    expect(await t.dataSource.getRepository(GroupBuyCampaignRow).countBy({ productId: product.id })).toBe(1);
    const winner = responses.find((response) => response.status === 201)!.body as GroupBuyCampaign;
    expect(await t.dataSource.getRepository(GroupBuyCampaignSkuRow).countBy({ campaignId: winner.id })).toBe(2);
  });

  it('edits a campaign: scheduled freely, running without changing product or team size, ended never', async () => {
    const start = new Date(Date.now() + DAY_MS);
    const { input } = await productAndInput({ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 7 * DAY_MS).toISOString() });
    const scheduled = await createCampaign(t, operator, input);
    const resized = (await t.api().put(url(`/${scheduled.id}`)).set(bearer(operator)).send({ ...input, teamSize: 3, skus: input.skus.slice(0, 1) }).expect(200)).body;
    expect(resized).toEqual(expect.objectContaining({ teamSize: 3, state: 'scheduled' }));
    expect(resized.skus).toHaveLength(1);

    const { input: runningInput } = await productAndInput();
    const running = await createCampaign(t, operator, runningInput);
    const renamed = (await t.api().put(url(`/${running.id}`)).set(bearer(owner)).send({ ...runningInput, name: '改名了', unitQuota: 100 }).expect(200)).body;
    expect(renamed).toEqual(expect.objectContaining({ name: '改名了', unitQuota: 100, state: 'running' }));
    const sizeChange = await t.api().put(url(`/${running.id}`)).set(bearer(owner)).send({ ...runningInput, teamSize: 3 }).expect(409);
    expectApiError(sizeChange.body, 'GROUP_BUY_CAMPAIGN_INVALID');
    // A started campaign keeps its start: moving it (into the future or back) is refused; its end may move to any time after now.
    for (const startsAt of [new Date(Date.now() + DAY_MS).toISOString(), new Date(Date.parse(runningInput.startsAt) - DAY_MS).toISOString()]) {
      const moved = await t.api().put(url(`/${running.id}`)).set(bearer(owner)).send({ ...runningInput, startsAt }).expect(409);
      expectApiError(moved.body, 'GROUP_BUY_CAMPAIGN_INVALID');
      expect(moved.body.message).toBe('活动已开始，不能修改开始时间（可以延长或提前结束时间）');
    }
    const endsAt = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const shortened = (await t.api().put(url(`/${running.id}`)).set(bearer(owner)).send({ ...runningInput, endsAt }).expect(200)).body;
    expect(Math.abs(Date.parse(shortened.endsAt) - Date.parse(endsAt))).toBeLessThan(1000);
    await t.api().put(url(`/${running.id}`)).set(bearer(owner)).send({ ...runningInput, endsAt: new Date(Date.now() - 60_000).toISOString() }).expect(400);
    const { input: otherProduct } = await productAndInput();
    const productChange = await t.api().put(url(`/${running.id}`)).set(bearer(owner)).send(otherProduct).expect(409);
    expectApiError(productChange.body, 'GROUP_BUY_CAMPAIGN_INVALID');
    // A rule broken on edit leaves the campaign as it was.
    await t.api().put(url(`/${running.id}`)).set(bearer(owner)).send({ ...runningInput, skus: [{ ...runningInput.skus[0], groupPriceFen: 100_000 }] }).expect(400);
    expect((await t.api().get(url(`/${running.id}`)).set(bearer(owner)).expect(200)).body.skus).toHaveLength(2);

    await t.dataSource.getRepository(GroupBuyCampaignRow).update({ id: running.id }, { endedAt: new Date() });
    const endedEarly = await t.api().put(url(`/${running.id}`)).set(bearer(owner)).send(runningInput).expect(409);
    expectApiError(endedEarly.body, 'GROUP_BUY_CAMPAIGN_ENDED');
    await t.dataSource.getRepository(GroupBuyCampaignRow).update({ id: scheduled.id }, { startsAt: new Date(Date.now() - 2 * DAY_MS), endsAt: new Date(Date.now() - DAY_MS) });
    const pastWindow = await t.api().put(url(`/${scheduled.id}`)).set(bearer(owner)).send(input).expect(409);
    expectApiError(pastWindow.body, 'GROUP_BUY_CAMPAIGN_ENDED');
    expect((await t.api().get(url(`/${scheduled.id}`)).set(bearer(owner)).expect(200)).body.state).toBe('ended');
    expectApiError((await t.api().put(url('/999999')).set(bearer(owner)).send(input).expect(404)).body, 'GROUP_BUY_CAMPAIGN_NOT_FOUND');
  });

  it('counts statistics from teams, seats and orders, virtual seats apart from members; lists teams with their seats', async () => {
    const { input } = await productAndInput({ virtualCompletion: true, virtualThresholdPercent: 50 });
    const campaign = await createCampaign(t, operator, input);
    const [a, b, c, d, e, f] = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => fixtures.shopper(`gb-stats-${name}`, `团员${name}`)));
    // Succeeded with two real members (2 units + 1 unit).
    const full = await fixtures.team(campaign, a, { status: 'succeeded', payableFen: 11800 });
    await fixtures.seat(full, b, { status: 'paid', payableFen: 5900 });
    await t.dataSource.getRepository(GroupBuySeatRow).update({ teamId: full.id, isLeader: true }, { quantity: 2 });
    // Succeeded virtually: one real member, one virtual seat.
    await fixtures.team(campaign, c, { status: 'succeeded', virtualSeats: 1, payableFen: 5900 });
    // Failed: the leader's order refunded in full.
    const failed = await fixtures.team(campaign, d, { status: 'failed', payableFen: 4900 });
    await t.dataSource.query('UPDATE orders SET refundedFen = payableFen, status = ? WHERE groupBuyTeamId = ?', ['refunded', failed.id]);
    // Forming: the leader paid; one member quit (refunded, not a member), one seat reserved (not paid).
    const forming = await fixtures.team(campaign, e, { status: 'forming', payableFen: 4900 });
    await fixtures.seat(forming, f, { status: 'quit', payableFen: 5900 });
    await fixtures.seat(forming, a, { status: 'reserved', payableFen: 5900 });
    // Opening: the leader has not paid; not a team opened yet.
    await fixtures.team(campaign, f, { status: 'opening' });

    const read = (await t.api().get(url(`/${campaign.id}`)).set(bearer(service)).expect(200)).body as GroupBuyCampaign;
    expect(read.stats).toEqual({
      teamsOpened: 4,
      teamsSucceeded: 2,
      teamsSucceededVirtually: 1,
      teamsFailed: 1,
      teamsForming: 1,
      successRatePercent: 66.7,
      realMembers: 5, // a and b, c, d (paid, then the team failed), e; not f (quit) nor the reserved and opening seats
      virtualSeats: 1,
      unitsSold: 6,
      gmvFen: 11800 + 5900 + 5900 + 4900 + 4900 + 5900, // every paid order, the refunded ones too
      refundedFen: 4900 + 5900,
    });
    const listed = (await t.api().get(url()).set(bearer(operator)).expect(200)).body.items.find((item: GroupBuyCampaign) => item.id === campaign.id);
    expect(listed.stats).toEqual(read.stats);

    const teams = (await t.api().get(url(`/${campaign.id}/teams?pageSize=10`)).set(bearer(service)).expect(200)).body;
    expect(teams.total).toBe(5);
    const fullView = teams.items.find((team: GroupBuyAdminTeam) => team.id === full.id) as GroupBuyAdminTeam;
    expect(fullView).toEqual(expect.objectContaining({ status: 'succeeded', seatsPaid: 2, leaderNickname: '团员a' }));
    expect(fullView.seats.map((seat) => [seat.nickname, seat.isLeader, seat.status, seat.orderStatus])).toEqual([
      ['团员a', true, 'paid', '待发货'],
      ['团员b', false, 'paid', '待发货'],
    ]);
    expect(fullView.seats[0].orderNo).toEqual(expect.any(String));
    const virtualView = teams.items.find((team: GroupBuyAdminTeam) => team.virtualSeats === 1) as GroupBuyAdminTeam;
    expect(virtualView.seats.map((seat) => [seat.nickname, seat.isVirtual, seat.orderNo])).toEqual([
      ['团员c', false, expect.any(String)],
      ['拼团用户', true, null],
    ]);
    const formingView = (await t.api().get(url(`/${campaign.id}/teams?status=forming`)).set(bearer(operator)).expect(200)).body;
    expect(formingView.total).toBe(1);
    expect(formingView.items[0].seats.map((seat: { status: string; orderStatus: string }) => [seat.status, seat.orderStatus])).toEqual([
      ['paid', '拼团中'],
      ['quit', '已退款'],
      ['reserved', '待付款'],
    ]);
    expectApiError((await t.api().get(url(`/${campaign.id}/teams?status=done`)).set(bearer(operator)).expect(400)).body, 'VALIDATION_FAILED');
    expectApiError((await t.api().get(url('/999999/teams')).set(bearer(operator)).expect(404)).body, 'GROUP_BUY_CAMPAIGN_NOT_FOUND');
  });

  it('seeds one running demo campaign once per database (teams of two, 团长价, no 模拟成团), shown in 拼团专区', async () => {
    const seeder = t.app.get(DemoGroupBuySeeder);
    await Promise.all([seeder.seed(), seeder.seed()]);
    await seeder.seed();
    const demo = (await t.api().get(url('?pageSize=100')).set(bearer(operator)).expect(200)).body.items.filter(
      (item: GroupBuyCampaign) => item.productTitle === '雨前龙井',
    ) as GroupBuyCampaign[];
    expect(demo).toHaveLength(1);
    expect(demo[0]).toEqual(expect.objectContaining({ state: 'running', teamSize: 2, virtualCompletion: false, virtualThresholdPercent: null }));
    expect(new Date(demo[0].endsAt).getTime() - new Date(demo[0].startsAt).getTime()).toBe(30 * DAY_MS);
    expect(demo[0].skus.length).toBeGreaterThan(0);
    expect(demo[0].skus.every((sku) => sku.leaderPriceFen !== null && sku.leaderPriceFen <= sku.groupPriceFen)).toBe(true);
    const offers = (await t.api().get(`${API}/group-buy/offers?pageSize=50`).expect(200)).body.items;
    expect(offers.map((offer: { campaignId: number }) => offer.campaignId)).toContain(demo[0].id);
  });
});
