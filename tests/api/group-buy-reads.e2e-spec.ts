import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import type request from 'supertest';
import { decodeShortId, POSTER_HEIGHT, POSTER_WIDTH, type GroupBuyCampaign, type GroupBuyOffer, type GroupBuyTeamView, type ShareLink } from '../../shared';
import { ShareLinkRow } from '../../server/src/attribution/share-link.entity';
import { GroupBuyCampaignRow } from '../../server/src/group-buy/group-buy-campaign.entity';
import { GroupBuyMemberUsageRow } from '../../server/src/group-buy/group-buy-member-usage.entity';
import { GroupBuyTeamRow } from '../../server/src/group-buy/group-buy-team.entity';
import { readQrCode } from './support/qr-code';
import { campaignInput, createCampaign, GroupBuyReadFixtures, type FixtureShopper } from './support/group-buy-read-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** supertest's parser for binary answers: the body as one Buffer. */
function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe(`group-buy shopper reads (${TEST_DB})`, () => {
  let t: TestApp;
  let operator: string;
  let shop: ShopFixtures;
  let fixtures: GroupBuyReadFixtures;
  let campaign: GroupBuyCampaign;
  let productId: number;
  let leader: FixtureShopper;
  let joiner: FixtureShopper;
  let stranger: FixtureShopper;

  beforeAll(async () => {
    t = await startTestApp();
    operator = await staffToken(t, 'operator');
    shop = new ShopFixtures(t);
    await shop.init();
    fixtures = new GroupBuyReadFixtures(t);
    // SKU 1 (¥99) is sold out, so the offer heads with SKU 2's ¥69 against its ¥109, not SKU 1's cheaper ¥59.
    const product = await shop.product([{ priceFen: 9900, stock: 0 }, { priceFen: 10900, stock: 20 }]);
    productId = product.id;
    campaign = await createCampaign(
      t,
      operator,
      campaignInput(
        product.id,
        [{ skuId: product.skus[0].id, groupPriceFen: 5900 }, { skuId: product.skus[1].id, groupPriceFen: 6900, leaderPriceFen: 6500 }],
        { name: '三人团', teamSize: 3, rulesText: '限本店会员参加', virtualCompletion: true, virtualThresholdPercent: 60, memberTeamLimit: 2 },
      ),
    );
    [leader, joiner, stranger] = await Promise.all([
      fixtures.shopper('gb-read-leader', '团长小王'),
      fixtures.shopper('gb-read-joiner', '参团小李'),
      fixtures.shopper('gb-read-stranger', '路人小张'),
    ]);
  });
  afterAll(() => t.close());

  const team = (id: number, token?: string) => {
    const call = t.api().get(`${API}/group-buy/teams/${id}`);
    return token ? call.set(bearer(token)) : call;
  };
  const productOffer = (token?: string) => {
    const call = t.api().get(`${API}/group-buy/products/${productId}`);
    return token ? call.set(bearer(token)) : call;
  };

  it('lists running campaigns of products on shelf in 拼团专区, with the offer shoppers read', async () => {
    const scheduledProduct = await shop.product([{ priceFen: 3000, stock: 5 }]);
    const start = new Date(Date.now() + DAY_MS);
    await createCampaign(t, operator, campaignInput(scheduledProduct.id, [{ skuId: scheduledProduct.skus[0].id, groupPriceFen: 2000 }], {
      startsAt: start.toISOString(), endsAt: new Date(start.getTime() + DAY_MS).toISOString(),
    }));
    const offShelf = await shop.product([{ priceFen: 3000, stock: 5 }]);
    await createCampaign(t, operator, campaignInput(offShelf.id, [{ skuId: offShelf.skus[0].id, groupPriceFen: 2000 }]));
    await shop.setShelf(offShelf.id, false);

    const page = (await t.api().get(`${API}/group-buy/offers?page=1&pageSize=20`).expect(200)).body;
    expect(page.items.map((offer: GroupBuyOffer) => offer.productId)).toEqual([productId]);
    expect(page.total).toBe(1);
    expect(page.items[0]).toEqual(
      expect.objectContaining({
        campaignId: campaign.id, name: '三人团', teamSize: 3, validityHours: 24,
        groupPriceFen: 6900, leaderPriceFen: 6500, listPriceFen: 10900, teamsSucceeded: 0, productImage: expect.stringMatching(/^\/uploads\//),
        rulesText: '限本店会员参加\n拼团失败或超时未成团，款项将原路退回。\n到期时已付款人数达到 60% 的团将由系统补齐名额成团（模拟成团）。\n活动结束时仍未成团的团按模拟成团规则处理，未达到比例的按拼团失败处理并自动退款。',
      }),
    );
    expectApiError((await t.api().get(`${API}/group-buy/offers?pageSize=0`).expect(400)).body, 'VALIDATION_FAILED');
    // A product in no running campaign answers no offer.
    expect((await t.api().get(`${API}/group-buy/products/${scheduledProduct.id}`).expect(200)).body).toEqual({ offer: null, openTeams: [] });
    expect((await t.api().get(`${API}/group-buy/products/999999`).expect(200)).body).toEqual({ offer: null, openTeams: [] });
  });

  it("shows a product's open teams soonest first, leaving out the viewer's own, the ones they are in, full, expired and closed ones", async () => {
    const mine = await fixtures.team(campaign, leader, { status: 'forming', expiresInMs: 2 * HOUR_MS });
    const soonest = await fixtures.team(campaign, stranger, { status: 'forming', expiresInMs: HOUR_MS });
    await fixtures.seat(soonest, joiner, { status: 'paid' });
    const full = await fixtures.team(campaign, stranger, { status: 'forming', expiresInMs: 3 * HOUR_MS });
    await fixtures.seat(full, joiner, { status: 'paid' });
    await fixtures.seat(full, leader, { status: 'reserved' });
    await fixtures.team(campaign, stranger, { status: 'forming', expiresInMs: -HOUR_MS });
    await fixtures.team(campaign, stranger, { status: 'opening' });
    await fixtures.team(campaign, joiner, { status: 'succeeded', virtualSeats: 2 });
    await fixtures.team(campaign, joiner, { status: 'failed' });

    const anonymous = (await productOffer().expect(200)).body;
    expect(anonymous.offer.campaignId).toBe(campaign.id);
    expect(anonymous.offer.teamsSucceeded).toBe(1);
    expect(anonymous.openTeams.map((open: { id: number }) => open.id)).toEqual([soonest.id, mine.id]);
    expect(anonymous.openTeams[0]).toEqual({
      id: soonest.id,
      leader: { avatarUrl: 'https://img.example.com/gb-read-stranger.png', nickname: '路人小张', isLeader: true, isVirtual: false },
      faces: [
        { avatarUrl: 'https://img.example.com/gb-read-stranger.png', nickname: '路人小张', isLeader: true, isVirtual: false },
        { avatarUrl: 'https://img.example.com/gb-read-joiner.png', nickname: '参团小李', isLeader: false, isVirtual: false },
      ],
      seatsLeft: 1,
      teamSize: 3,
      expiresAt: expect.any(String),
    });
    // The leader does not see their own team; the joiner does not see the team they are in.
    expect((await productOffer(leader.token).expect(200)).body.openTeams.map((open: { id: number }) => open.id)).toEqual([soonest.id]);
    expect((await productOffer(joiner.token).expect(200)).body.openTeams.map((open: { id: number }) => open.id)).toEqual([mine.id]);
    // A bad token is refused rather than read as a visitor.
    expectApiError((await productOffer('not-a-token').expect(401)).body, 'TOKEN_INVALID');
    await t.dataSource.getRepository(GroupBuyTeamRow).update({ campaignId: campaign.id }, { status: 'cancelled' });
  });

  it('shows a team page with faces, the viewer\'s seat and why they may not join', async () => {
    const forming = await fixtures.team(campaign, leader, { status: 'forming' });
    const joinerOrder = await fixtures.seat(forming, joiner, { status: 'paid' });

    const anonymous = (await team(forming.id).expect(200)).body as GroupBuyTeamView;
    expect(anonymous).toEqual(
      expect.objectContaining({ id: forming.id, status: 'forming', teamSize: 3, seatsLeft: 1, mySeat: null, joinBlock: null, succeededAt: null }),
    );
    expect(anonymous.faces.map((face) => [face.nickname, face.isLeader])).toEqual([['团长小王', true], ['参团小李', false]]);
    expect(anonymous.offer.campaignId).toBe(campaign.id);
    const asLeader = (await team(forming.id, leader.token).expect(200)).body as GroupBuyTeamView;
    expect(asLeader.joinBlock).toBe('own_team');
    expect(asLeader.mySeat).toEqual({ status: 'paid', orderNo: expect.any(String), isLeader: true });
    const asJoiner = (await team(forming.id, joiner.token).expect(200)).body as GroupBuyTeamView;
    expect(asJoiner.joinBlock).toBe('already_joined');
    expect(asJoiner.mySeat).toEqual({ status: 'paid', orderNo: joinerOrder.orderNo, isLeader: false });
    expect((await team(forming.id, stranger.token).expect(200)).body.joinBlock).toBeNull();

    // The stranger has used up the campaign's two teams.
    await t.dataSource.getRepository(GroupBuyMemberUsageRow).insert({ campaignId: campaign.id, memberId: stranger.id, teams: 2, units: 2 });
    expect((await team(forming.id, stranger.token).expect(200)).body.joinBlock).toBe('limit_reached');

    const full = await fixtures.team(campaign, joiner, { status: 'forming' });
    await fixtures.seat(full, stranger, { status: 'paid' });
    await fixtures.seat(full, leader, { status: 'reserved' });
    const fullView = (await team(full.id).expect(200)).body as GroupBuyTeamView;
    expect([fullView.joinBlock, fullView.seatsLeft, fullView.faces.length]).toEqual(['full', 0, 2]); // the reserved seat shows no face
    const expired = await fixtures.team(campaign, joiner, { status: 'forming', expiresInMs: -1000 });
    expect((await team(expired.id).expect(200)).body.joinBlock).toBe('expired');
    const failed = await fixtures.team(campaign, joiner, { status: 'failed' });
    expect((await team(failed.id).expect(200)).body).toEqual(expect.objectContaining({ status: 'failed', joinBlock: 'not_forming', failedAt: expect.any(String) }));
    const virtual = await fixtures.team(campaign, joiner, { status: 'succeeded', virtualSeats: 2 });
    const virtualView = (await team(virtual.id).expect(200)).body as GroupBuyTeamView;
    expect(virtualView.seatsLeft).toBe(0);
    expect(virtualView.faces).toEqual([
      { avatarUrl: 'https://img.example.com/gb-read-joiner.png', nickname: '参团小李', isLeader: true, isVirtual: false },
      { avatarUrl: null, nickname: '拼团用户', isLeader: false, isVirtual: true },
      { avatarUrl: null, nickname: '拼团用户', isLeader: false, isVirtual: true },
    ]);

    // A team whose leader has not paid is the leader's alone.
    const opening = await fixtures.team(campaign, leader, { status: 'opening' });
    expect((await team(opening.id, leader.token).expect(200)).body).toEqual(
      expect.objectContaining({ status: 'opening', expiresAt: null, faces: [], mySeat: expect.objectContaining({ status: 'reserved', isLeader: true }) }),
    );
    expectApiError((await team(opening.id, joiner.token).expect(404)).body, 'GROUP_BUY_TEAM_NOT_FOUND');
    expectApiError((await team(opening.id).expect(404)).body, 'GROUP_BUY_TEAM_NOT_FOUND');
    expectApiError((await team(999999).expect(404)).body, 'GROUP_BUY_TEAM_NOT_FOUND');
    expectApiError((await t.api().get(`${API}/group-buy/teams/abc`).expect(400)).body, 'VALIDATION_FAILED');

    // A campaign ended early: its forming teams cannot be joined.
    await t.dataSource.getRepository(GroupBuyCampaignRow).update({ id: campaign.id }, { endedAt: new Date() });
    expect((await team(forming.id, stranger.token).expect(200)).body.joinBlock).toBe('campaign_ended');
    expect((await productOffer().expect(200)).body).toEqual({ offer: null, openTeams: [] });
    await t.dataSource.getRepository(GroupBuyCampaignRow).update({ id: campaign.id }, { endedAt: null });
  });

  it('lists 我的拼团 for the member only, newest first, with the order of each seat', async () => {
    await t.api().get(`${API}/me/group-buy/teams`).expect(401);
    const member = await fixtures.shopper('gb-read-mine', '我的团');
    const first = await fixtures.team(campaign, member, { status: 'succeeded', virtualSeats: 2 });
    const second = await fixtures.team(campaign, stranger, { status: 'forming' });
    const quitOrder = await fixtures.seat(second, member, { status: 'quit' });
    const abandoned = await fixtures.team(campaign, stranger, { status: 'forming' });
    await fixtures.seat(abandoned, member, { status: 'released' });

    const mine = (await t.api().get(`${API}/me/group-buy/teams?pageSize=10`).set(bearer(member.token)).expect(200)).body;
    expect(mine.total).toBe(2);
    expect(mine.items.map((item: { team: GroupBuyTeamView }) => item.team.id)).toEqual([second.id, first.id]);
    expect(mine.items[0].orderNo).toBe(quitOrder.orderNo);
    expect(mine.items[0].team.mySeat).toEqual({ status: 'quit', orderNo: quitOrder.orderNo, isLeader: false });
    expect(mine.items[1].team).toEqual(expect.objectContaining({ status: 'succeeded', joinBlock: 'own_team' }));
    expect((await t.api().get(`${API}/me/group-buy/teams`).set(bearer(joiner.token)).expect(200)).body.items.map((item: { team: GroupBuyTeamView }) => item.team.id)).not.toContain(second.id);
  });

  it('shares a team: the link and the poster code open the team page with the sharer, an unknown or foreign opening team is 404', async () => {
    const forming = await fixtures.team(campaign, leader, { status: 'forming' });
    const link = (await t.api().post(`${API}/share-links`).set(bearer(joiner.token)).send({ kind: 'team', targetId: forming.id, channel: 'chat' }).expect(200)).body as ShareLink;
    expect(link).toEqual(
      expect.objectContaining({ kind: 'team', targetId: forming.id, page: 'pages/group-buy/team/index', path: `/pages/group-buy/team/index?id=${forming.id}&s=${link.shortId}` }),
    );
    const opening = await fixtures.team(campaign, leader, { status: 'opening' });
    for (const [token, targetId] of [[joiner.token, 999999], [joiner.token, opening.id]] as const) {
      const refused = await t.api().post(`${API}/share-links`).set(bearer(token)).send({ kind: 'team', targetId }).expect(404);
      expectApiError(refused.body, 'GROUP_BUY_TEAM_NOT_FOUND');
    }
    // The leader may share their own team while paying.
    await t.api().post(`${API}/share-links`).set(bearer(leader.token)).send({ kind: 'team', targetId: opening.id }).expect(200);

    const poster = (query: string, token = joiner.token) => t.api().get(`${API}/share/poster?${query}`).set(bearer(token)).buffer(true).parse(binary);
    const response = await poster(`kind=team&teamId=${forming.id}`).expect(200);
    expect(response.headers['content-type']).toBe('image/png');
    const png = response.body as Buffer;
    const image = await loadImage(png);
    expect([image.width, image.height]).toEqual([POSTER_WIDTH, POSTER_HEIGHT]);
    const artifacts = join(__dirname, '..', '..', 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, `group-buy-team-poster-${TEST_DB}.png`), png);
    const match = /^([a-z/-]+)\?scene=(.+)$/.exec((await readQrCode(png)) ?? '');
    expect(match?.[1]).toBe('pages/group-buy/team/index');
    const scene = decodeURIComponent(match![2]);
    const row = await t.dataSource.getRepository(ShareLinkRow).findOneByOrFail({ id: decodeShortId(scene)! });
    expect(row).toEqual(expect.objectContaining({ sharerMemberId: joiner.id, kind: 'team', targetId: forming.id, channel: 'poster' }));

    const errorOf = (refused: request.Response) => JSON.parse((refused.body as Buffer).toString('utf8'));
    expectApiError(errorOf(await poster('kind=team').expect(400)), 'VALIDATION_FAILED');
    expectApiError(errorOf(await poster('kind=team&teamId=999999').expect(404)), 'GROUP_BUY_TEAM_NOT_FOUND');
    expectApiError(errorOf(await poster(`kind=team&teamId=${opening.id}`).expect(404)), 'GROUP_BUY_TEAM_NOT_FOUND');
  });
});
