import { ATTRIBUTION_HEADERS, type OrderDetail, type ShareLink } from '../../shared';
import { GroupBuyCampaignRow } from '../../server/src/group-buy/group-buy-campaign.entity';
import { GroupBuySeatParticipant } from '../../server/src/group-buy/group-buy-seat-participant';
import { GroupBuyTeamRow } from '../../server/src/group-buy/group-buy-team.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { campaignRow, createCampaign, notifyPaid, orderRowOf, placeGroupOrder, seatsOf, teamRow } from './support/group-buy-fixtures';
import { SkuRow } from '../../server/src/catalog/sku.entity';
import { ShopFixtures } from './support/shop-fixtures';
import { claim, createTemplate } from './support/coupon-fixtures';
import { API, bearer, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/** 拼团 checkout: the group price, opening and joining a team, and every refusal with its code and message. */
describe(`group-buy checkout (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    shop = new ShopFixtures(t);
    await shop.init();
  });
  afterAll(() => t.close());

  async function shopper(name: string) {
    const token = await memberToken(t, `gb-checkout-${name}`);
    return { token, addressId: await shop.address(token) };
  }

  it('prices the leader at 团长价 and joiners at 拼团价, no member price; opening then paying starts the clock', async () => {
    const product = await shop.product([{ priceFen: 5000, stock: 10 }]);
    const skuId = product.skus[0].id;
    const campaign = await createCampaign(t, { productId: product.id, skus: [{ skuId, groupPriceFen: 3000, leaderPriceFen: 2500 }], teamSize: 2 });
    const leader = await shopper('leader-1');
    // The leader holds a coupon, but this campaign allows none: the preview lists none, and naming it is refused.
    const template = await createTemplate(t, await staffToken(t, 'operator'), { name: '拼团不可用券' });
    const coupon = (await claim(t, leader.token, template.id)).body.id as number;
    const preview = await t.api().post(`${API}/checkout/preview`).set(bearer(leader.token)).send({ items: [{ skuId, quantity: 1 }], addressId: leader.addressId, groupBuy: { campaignId: campaign.id, teamId: null } }).expect(200);
    expect(preview.body.lines[0]).toMatchObject({ unitPriceFen: 2500, priceLabel: '团长价' });
    expect(preview.body).toMatchObject({ canSubmit: true, coupons: [], selectedMemberCouponId: null });
    const withCoupon = await t.api().post(`${API}/orders`).set(bearer(leader.token)).send({ clientToken: 'gb-coupon-refused', items: [{ skuId, quantity: 1 }], addressId: leader.addressId, memberCouponId: coupon, groupBuy: { campaignId: campaign.id, teamId: null } }).expect(409);
    expect(withCoupon.body).toMatchObject({ code: 'COUPON_NOT_APPLICABLE', message: '这笔订单不能使用优惠券' });

    const opened = await placeGroupOrder(t, leader.token, { ...leader, skuId, campaignId: campaign.id, teamId: null }).expect(201);
    const order: OrderDetail = opened.body;
    expect(order.lines[0].unitPriceFen).toBe(2500);
    expect(order.fulfilmentHold).toBe('group_buy');
    const row = await orderRowOf(t, order.orderNo);
    expect(row.groupBuyTeamId).not.toBeNull();
    // The answer carries the team the order opened, as the written row does.
    expect(order.groupBuyTeamId).toBe(row.groupBuyTeamId);
    const teamId = row.groupBuyTeamId!;
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'opening', seatsTaken: 1, seatsPaid: 0, teamSize: 2, expiresAt: null });
    expect((await campaignRow(t, campaign.id)).unitsTaken).toBe(1);

    // Nobody joins an opening team.
    const friend = await shopper('friend-1');
    const early = await placeGroupOrder(t, friend.token, { ...friend, skuId, campaignId: campaign.id, teamId }).expect(409);
    expect(early.body.code).toBe('GROUP_BUY_TEAM_CLOSED');

    expect(await notifyPaid(t, order)).toBe(204);
    const forming = await teamRow(t, teamId);
    expect(forming).toMatchObject({ status: 'forming', seatsPaid: 1 });
    expect(forming.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);

    // The leader cannot join their own team; the friend joins at 拼团价.
    expect((await placeGroupOrder(t, leader.token, { ...leader, skuId, campaignId: campaign.id, teamId }).expect(409)).body.code).toBe('GROUP_BUY_OWN_TEAM');
    // The friend came by the leader's share link: the seat names the leader as the inviter.
    const leaderLink: ShareLink = (await t.api().post(`${API}/share-links`).set(bearer(leader.token)).send({ kind: 'page' }).expect(200)).body;
    const joined: OrderDetail = (await placeGroupOrder(t, friend.token, { ...friend, skuId, campaignId: campaign.id, teamId }).set(ATTRIBUTION_HEADERS.shareLink, leaderLink.shortId).expect(201)).body;
    expect(joined.lines[0].unitPriceFen).toBe(3000);
    expect(joined.groupBuyTeamId).toBe(teamId);
    expect((await placeGroupOrder(t, friend.token, { ...friend, skuId, campaignId: campaign.id, teamId }).expect(409)).body.code).toBe('GROUP_BUY_ALREADY_JOINED');
    const [leaderSeat, friendSeat] = await seatsOf(t, teamId);
    expect(friendSeat.inviterMemberId).toBe(leaderSeat.memberId);
    const third = await shopper('third-1');
    const full = await placeGroupOrder(t, third.token, { ...third, skuId, campaignId: campaign.id, teamId }).expect(409);
    expect(full.body).toMatchObject({ code: 'GROUP_BUY_TEAM_FULL', message: '这个团已满员，可以发起一个新团' });
    // The preview says so before anything is placed.
    const fullPreview = await t.api().post(`${API}/checkout/preview`).set(bearer(third.token)).send({ items: [{ skuId, quantity: 1 }], addressId: third.addressId, groupBuy: { campaignId: campaign.id, teamId } }).expect(200);
    expect(fullPreview.body).toMatchObject({ canSubmit: false, refusals: [{ code: 'GROUP_BUY_TEAM_FULL', message: '这个团已满员，可以发起一个新团', skuIds: null }] });

    expect(await notifyPaid(t, joined)).toBe(204);
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'succeeded', seatsPaid: 2, seatsTaken: 2, virtualSeats: 0 });
    expect((await orderRowOf(t, order.orderNo)).fulfilmentHold).toBeNull();
    expect((await orderRowOf(t, joined.orderNo)).fulfilmentHold).toBeNull();
    expect((await seatsOf(t, teamId)).map((seat) => seat.status)).toEqual(['paid', 'paid']);
  });

  it("a leader paying shortly before the campaign's end gets a team that expires at the end, not validityHours later", async () => {
    const product = await shop.product([{ priceFen: 5000, stock: 10 }]);
    const skuId = product.skus[0].id;
    const endsAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 2 * 3_600_000);
    const campaign = await createCampaign(t, { productId: product.id, skus: [{ skuId, groupPriceFen: 3000 }], teamSize: 2, validityHours: 24, endsAt });
    const leader = await shopper('near-end-leader');
    const order: OrderDetail = (await placeGroupOrder(t, leader.token, { ...leader, skuId, campaignId: campaign.id, teamId: null }).expect(201)).body;
    expect(await notifyPaid(t, order)).toBe(204);
    const team = await teamRow(t, (await orderRowOf(t, order.orderNo)).groupBuyTeamId!);
    expect(team.status).toBe('forming');
    expect(team.expiresAt!.getTime()).toBe(endsAt.getTime());
  });

  it('a joiner must pay before the team expires: the order\'s payment deadline is the team\'s expiry when that comes first', async () => {
    const product = await shop.product([{ priceFen: 5000, stock: 10 }]);
    const skuId = product.skus[0].id;
    const campaign = await createCampaign(t, { productId: product.id, skus: [{ skuId, groupPriceFen: 3000 }], teamSize: 3 });
    const openTeam = async (name: string) => {
      const leader = await shopper(name);
      const opened: OrderDetail = (await placeGroupOrder(t, leader.token, { ...leader, skuId, campaignId: campaign.id, teamId: null }).expect(201)).body;
      expect(await notifyPaid(t, opened)).toBe(204);
      return { teamId: opened.groupBuyTeamId! };
    };
    const { teamId } = await openTeam('deadline-leader');
    const soon = new Date(Math.floor(Date.now() / 1000) * 1000 + 3 * 60_000);
    await t.dataSource.getRepository(GroupBuyTeamRow).update({ id: teamId }, { expiresAt: soon });
    const joiner = await shopper('deadline-joiner');
    const order: OrderDetail = (await placeGroupOrder(t, joiner.token, { ...joiner, skuId, campaignId: campaign.id, teamId }).expect(201)).body;
    expect(new Date(order.payDeadlineAt!).getTime()).toBe(soon.getTime());
    expect((await orderRowOf(t, order.orderNo)).payDeadlineAt!.getTime()).toBe(soon.getTime());
    // A team far from expiry leaves the shop's own deadline (minutes, not the team's hours).
    const { teamId: later } = await openTeam('deadline-leader-2');
    const relaxed: OrderDetail = (await placeGroupOrder(t, joiner.token, { ...joiner, skuId, campaignId: campaign.id, teamId: later }).expect(201)).body;
    expect(new Date(relaxed.payDeadlineAt!).getTime()).toBeLessThan((await teamRow(t, later)).expiresAt!.getTime());
  });

  it('a campaign ended between the quote and the order\'s transaction: 409 GROUP_BUY_CAMPAIGN_NOT_RUNNING, nothing taken', async () => {
    const product = await shop.product([{ priceFen: 5000, stock: 10 }]);
    const skuId = product.skus[0].id;
    const campaign = await createCampaign(t, { productId: product.id, skus: [{ skuId, groupPriceFen: 3000 }], teamSize: 2 });
    const buyer = await shopper('ended-meanwhile');
    const seat = t.app.get(GroupBuySeatParticipant);
    const original = seat.quote.bind(seat);
    // Staff end the campaign right after the checkout quoted it as running.
    const quote = jest.spyOn(seat, 'quote').mockImplementationOnce(async (input) => {
      const answer = await original(input);
      await t.dataSource.getRepository(GroupBuyCampaignRow).update({ id: campaign.id }, { endedAt: new Date(Date.now() - 1000) });
      return answer;
    });
    try {
      const refused = await placeGroupOrder(t, buyer.token, { ...buyer, skuId, campaignId: campaign.id, teamId: null }).expect(409);
      expect(refused.body.code).toBe('GROUP_BUY_CAMPAIGN_NOT_RUNNING');
    } finally {
      quote.mockRestore();
    }
    expect(await t.dataSource.getRepository(OrderRow).countBy({ memberId: (await t.api().get(`${API}/me`).set(bearer(buyer.token)).expect(200)).body.id })).toBe(0);
    expect(await t.dataSource.getRepository(GroupBuyTeamRow).countBy({ campaignId: campaign.id })).toBe(0);
    expect((await campaignRow(t, campaign.id)).unitsTaken).toBe(0);
    expect(await shop.stockOf(skuId)).toBe(10);
  });

  it('a list price lowered below the group price caps 拼团价 and 团长价 at it, in the offer and at checkout', async () => {
    const product = await shop.product([{ priceFen: 5000, stock: 10 }]);
    const skuId = product.skus[0].id;
    const campaign = await createCampaign(t, { productId: product.id, skus: [{ skuId, groupPriceFen: 3000, leaderPriceFen: 2500 }], teamSize: 2 });
    await t.dataSource.getRepository(SkuRow).update({ id: skuId }, { priceFen: 2000 });
    const { offer } = (await t.api().get(`${API}/group-buy/products/${product.id}`).expect(200)).body;
    expect(offer).toMatchObject({ groupPriceFen: 2000, leaderPriceFen: 2000, listPriceFen: 2000, skus: [{ skuId, groupPriceFen: 2000, leaderPriceFen: 2000 }] });
    const leader = await shopper('capped-leader');
    const preview = await t.api().post(`${API}/checkout/preview`).set(bearer(leader.token)).send({ items: [{ skuId, quantity: 1 }], addressId: leader.addressId, groupBuy: { campaignId: campaign.id, teamId: null } }).expect(200);
    expect(preview.body.lines[0].unitPriceFen).toBe(2000);
    const order: OrderDetail = (await placeGroupOrder(t, leader.token, { ...leader, skuId, campaignId: campaign.id, teamId: null }).expect(201)).body;
    expect(order.lines[0].unitPriceFen).toBe(2000);
  });

  it('refuses a selection the campaign does not sell (400) and a cart checkout; a cancelled unpaid join gives the seat back once', async () => {
    const product = await shop.product([{ priceFen: 5000, stock: 10 }, { priceFen: 6000, stock: 10 }]);
    const [inCampaign, outside] = product.skus.map((sku) => sku.id);
    const campaign = await createCampaign(t, { productId: product.id, skus: [{ skuId: inCampaign, groupPriceFen: 3000 }], teamSize: 3 });
    const buyer = await shopper('selection');
    expect((await placeGroupOrder(t, buyer.token, { ...buyer, skuId: outside, campaignId: campaign.id, teamId: null }).expect(400)).body.code).toBe('GROUP_BUY_SELECTION_INVALID');
    expect((await placeGroupOrder(t, buyer.token, { ...buyer, skuId: inCampaign, campaignId: campaign.id, teamId: null, fromCart: true }).expect(400)).body.code).toBe('GROUP_BUY_SELECTION_INVALID');
    const later = await createCampaign(t, { productId: product.id, skus: [{ skuId: inCampaign, groupPriceFen: 3000 }], startsAt: new Date(Date.now() + 3_600_000) });
    expect((await placeGroupOrder(t, buyer.token, { ...buyer, skuId: inCampaign, campaignId: later.id, teamId: null }).expect(409)).body).toMatchObject({
      code: 'GROUP_BUY_CAMPAIGN_NOT_RUNNING',
      message: '拼团活动还没有开始',
    });
    const bad = await t.api().post(`${API}/orders`).set(bearer(buyer.token)).send({ clientToken: 'gb-bad-input-1', items: [{ skuId: inCampaign, quantity: 1 }], addressId: buyer.addressId, groupBuy: { campaignId: 0 } });
    expect(bad.status).toBe(400);

    const leaderOrder: OrderDetail = (await placeGroupOrder(t, buyer.token, { ...buyer, skuId: inCampaign, campaignId: campaign.id, teamId: null }).expect(201)).body;
    await notifyPaid(t, leaderOrder);
    const teamId = (await orderRowOf(t, leaderOrder.orderNo)).groupBuyTeamId!;
    const joiner = await shopper('cancel-joiner');
    const join: OrderDetail = (await placeGroupOrder(t, joiner.token, { ...joiner, skuId: inCampaign, campaignId: campaign.id, teamId }).expect(201)).body;
    expect((await teamRow(t, teamId)).seatsTaken).toBe(2);
    await t.api().post(`${API}/orders/${join.orderNo}/cancel`).set(bearer(joiner.token)).expect(200);
    await t.api().post(`${API}/orders/${join.orderNo}/cancel`).set(bearer(joiner.token));
    expect((await teamRow(t, teamId)).seatsTaken).toBe(1);
    expect((await seatsOf(t, teamId)).map((seat) => [seat.status, seat.activeMemberId])).toEqual([['paid', expect.any(Number)], ['released', null]]);
    // The seat came back: the same member may join again.
    await placeGroupOrder(t, joiner.token, { ...joiner, skuId: inCampaign, campaignId: campaign.id, teamId }).expect(201);
    expect((await campaignRow(t, campaign.id)).unitsTaken).toBe(2);
  });
});
