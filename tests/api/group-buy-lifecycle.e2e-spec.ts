import type { BatchShipResult, OrderDetail } from '../../shared';
import { GroupBuyEvents } from '../../server/src/group-buy/group-buy-events';
import { LostSeatRefundSweeper } from '../../server/src/group-buy/lost-seat-refund-sweeper';
import { TeamExpirySweeper } from '../../server/src/group-buy/team-expiry-sweeper';
import { GroupBuyTeamRow } from '../../server/src/group-buy/group-buy-team.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { RefundsService } from '../../server/src/payments/refunds.service';
import { DomainEventRow } from '../../server/src/platform/events/domain-event.entity';
import { CommissionRow } from '../../server/src/referral/commission.entity';
import { FAKE_SUBSCRIBE_TEMPLATE_IDS } from '../../server/src/subscribe-messages/subscribe-templates';
import { campaignRow, createCampaign, formingTeam, orderRowOf, payThroughFake, placeGroupOrder, refundRowsOf, seatsOf, teamRow } from './support/group-buy-fixtures';
import { eventually } from './support/pay-helpers';
import { loginWithLink, saveReferralSettings, shareLinkOf } from './support/referral-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/** A team's life after checkout: guards while forming, success, expiry (failure or 模拟成团), refunds, quit, ending a campaign. */
describe(`group-buy team life (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let owner: string;
  let warehouse: string;
  let count = 0;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
    [owner, warehouse] = await Promise.all([staffToken(t, 'owner'), staffToken(t, 'warehouse')]);
  });
  afterAll(() => t.close());

  async function shopper(name: string, token?: string) {
    const own = token ?? (await memberToken(t, `gb-life-${name}`));
    return { token: own, addressId: await shop.address(own) };
  }
  async function campaignOf(teamSize: number, overrides: Parameters<typeof createCampaign>[1] extends infer I ? Partial<I> : never = {}) {
    const product = await shop.product([{ priceFen: 5000, stock: 100 }]);
    const skuId = product.skus[0].id;
    const campaign = await createCampaign(t, { productId: product.id, skus: [{ skuId, groupPriceFen: 3000 }], teamSize, ...overrides });
    return { campaign, skuId };
  }
  async function join(campaignId: number, skuId: number, teamId: number, member: { token: string; addressId: number }, pay = true): Promise<OrderDetail> {
    const order: OrderDetail = (await placeGroupOrder(t, member.token, { ...member, skuId, campaignId, teamId }).expect(201)).body;
    if (pay) await payThroughFake(t, member.token, order.orderNo);
    return order;
  }
  const ship = (orderNo: string) => t.api().post(`${API}/admin/orders/${orderNo}/ship`).set(bearer(warehouse)).send({ carrierCode: 'SF', trackingNo: `SF${Date.now()}${++count}` });
  const expire = (teamId: number) => t.dataSource.getRepository(GroupBuyTeamRow).findOneByOrFail({ id: teamId }).then((team) => t.app.get(TeamExpirySweeper).sweep(new Date(team.expiresAt!.getTime() + 1000)));
  const eventsOf = (type: string, teamId: number) => t.dataSource.getRepository(DomainEventRow).countBy({ type, aggregateKey: `group-buy-team:${teamId}` });

  it('while forming: no shipping (single or batch), no after-sale, no commission; after success all of it', async () => {
    await saveReferralSettings(t, owner);
    const promoter = await loginWithLink(t, 'gb-life-promoter');
    const bound = await loginWithLink(t, 'gb-life-bound-leader', await shareLinkOf(t, promoter));
    const { campaign, skuId } = await campaignOf(2);
    const leader = await shopper('bound-leader', bound.token);
    const { order, teamId } = await formingTeam(t, campaign.id, skuId, leader);
    expect((await orderRowOf(t, order.orderNo)).status).toBe('paid');
    expect(await t.dataSource.getRepository(CommissionRow).countBy({ orderNo: order.orderNo })).toBe(0);
    const reminded = await t.api().post(`${API}/orders/${order.orderNo}/ship-reminder`).set(bearer(leader.token)).expect(409);
    expect(reminded.body).toMatchObject({ code: 'ORDER_STATE_CONFLICT', message: '拼团中的订单成团后才会发货，暂时不需要提醒' });
    expect((await orderRowOf(t, order.orderNo)).shipRemindedAt).toBeNull();

    const refused = await ship(order.orderNo).expect(409);
    expect(refused.body).toMatchObject({ code: 'ORDER_TRANSITION_BLOCKED', message: '拼团中的订单成团后才能发货' });
    const csv = ['订单号,快递公司,快递单号', `${order.orderNo},SF,SF99887766${count}`].join('\n');
    const batch: BatchShipResult = (await t.api().post(`${API}/admin/orders/ship-batch`).set(bearer(warehouse)).attach('file', Buffer.from(csv), 'ship.csv').expect(200)).body;
    expect(batch.shipped).toBe(0);
    expect(batch.failed).toEqual([expect.objectContaining({ orderNo: order.orderNo, message: '拼团中的订单成团后才能发货' })]);
    const afterSale = await t.api().post(`${API}/orders/${order.orderNo}/after-sales`).set(bearer(leader.token)).send({ type: 'refund_only', reason: '不想要了' }).expect(409);
    expect(afterSale.body.message).toContain('取消拼团并退款');
    const viewed: OrderDetail = (await t.api().get(`${API}/orders/${order.orderNo}`).set(bearer(leader.token)).expect(200)).body;
    expect(viewed.fulfilmentHold).toBe('group_buy');

    // The leader accepted 拼团成功通知 twice when paying: one message about this team, however often the event is delivered.
    const succeededTemplate = FAKE_SUBSCRIBE_TEMPLATE_IDS.group_buy_succeeded;
    await t.api().post(`${API}/me/subscriptions`).set(bearer(leader.token)).send({ answers: [{ templateId: succeededTemplate, accepted: true }] }).expect(204);
    const sentBefore = t.fake.state.subscribeMessages.filter((message) => message.templateId === succeededTemplate).length;
    await join(campaign.id, skuId, teamId, await shopper('guard-joiner'));
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'succeeded', seatsPaid: 2 });
    const sent = await eventually(
      async () => t.fake.state.subscribeMessages.filter((message) => message.templateId === succeededTemplate).slice(sentBefore),
      (messages) => messages.length > 0,
    );
    expect(sent).toEqual([expect.objectContaining({ page: `orders/detail/index?orderNo=${order.orderNo}`, data: expect.objectContaining({ phrase3: { value: '拼团成功' } }) })]);
    expect(await eventsOf(GroupBuyEvents.teamSucceeded, teamId)).toBe(1);
    expect((await orderRowOf(t, order.orderNo)).fulfilmentHold).toBeNull();
    expect(await t.dataSource.getRepository(CommissionRow).countBy({ orderNo: order.orderNo, promoterMemberId: promoter.memberId })).toBe(1);
    await ship(order.orderNo).expect(200);
    await t.api().post(`${API}/orders/${order.orderNo}/confirm-receipt`).set(bearer(leader.token)).expect(200);
    expect((await orderRowOf(t, order.orderNo)).status).toBe('completed');
  });

  it('expiry fails a short team: unpaid joins cancelled, every paid order refunded once (group_failed, <orderNo>G1), the shopper told why', async () => {
    const { campaign, skuId } = await campaignOf(3);
    const leader = await shopper('fail-leader');
    const { order, teamId } = await formingTeam(t, campaign.id, skuId, leader);
    const paidJoin = await join(campaign.id, skuId, teamId, await shopper('fail-paid'));
    const unpaidMember = await shopper('fail-unpaid');
    const unpaid = await join(campaign.id, skuId, teamId, unpaidMember, false);
    expect((await campaignRow(t, campaign.id)).unitsTaken).toBe(3);

    expect(await expire(teamId)).toBe(1);
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'failed', virtualSeats: 0 });
    expect(await eventsOf(GroupBuyEvents.teamFailed, teamId)).toBe(1);
    expect(await orderRowOf(t, unpaid.orderNo)).toMatchObject({ status: 'cancelled', cancelReason: 'group_ended' });
    // Told the team ended, not that they paid too late.
    const unpaidDetail: OrderDetail = (await t.api().get(`${API}/orders/${unpaid.orderNo}`).set(bearer(unpaidMember.token)).expect(200)).body;
    expect(unpaidDetail.timeline.map((entry) => entry.text)).toContain('订单已取消：拼团已结束，系统自动取消');
    for (const paid of [order, paidJoin]) {
      const refunds = await refundRowsOf(t, paid.orderNo);
      expect(refunds).toEqual([expect.objectContaining({ kind: 'group_failed', outRefundNo: `${paid.orderNo}G1`, amountFen: paid.payableFen, reason: '拼团失败，款项原路退回' })]);
    }
    // Run again: nothing more.
    expect(await expire(teamId)).toBe(0);
    expect(await t.app.get(LostSeatRefundSweeper).sweep()).toBe(0);
    for (const paid of [order, paidJoin]) {
      expect(await refundRowsOf(t, paid.orderNo)).toHaveLength(1);
      expect(t.fake.state.pay.refundsOf(paid.orderNo)).toHaveLength(1);
      await eventually(() => orderRowOf(t, paid.orderNo), (row) => row.status === 'refunded');
    }
    expect((await campaignRow(t, campaign.id)).unitsTaken).toBe(0);
  });

  it('模拟成团: below the threshold the team fails; at it the team succeeds with the missing seats virtual', async () => {
    const below = await campaignOf(4, { virtualCompletion: true, virtualThresholdPercent: 75 });
    const low = await formingTeam(t, below.campaign.id, below.skuId, await shopper('virtual-low-leader'));
    await join(below.campaign.id, below.skuId, low.teamId, await shopper('virtual-low-1'));
    await expire(low.teamId);
    expect(await teamRow(t, low.teamId)).toMatchObject({ status: 'failed', virtualSeats: 0, seatsPaid: 2 });

    const at = await campaignOf(4, { virtualCompletion: true, virtualThresholdPercent: 50 });
    const high = await formingTeam(t, at.campaign.id, at.skuId, await shopper('virtual-high-leader'));
    const friend = await join(at.campaign.id, at.skuId, high.teamId, await shopper('virtual-high-1'));
    await expire(high.teamId);
    expect(await teamRow(t, high.teamId)).toMatchObject({ status: 'succeeded', virtualSeats: 2, seatsPaid: 2 });
    expect(await eventsOf(GroupBuyEvents.teamSucceeded, high.teamId)).toBe(1);
    for (const orderNo of [high.order.orderNo, friend.orderNo]) {
      expect(await orderRowOf(t, orderNo)).toMatchObject({ status: 'paid', fulfilmentHold: null });
      expect(await refundRowsOf(t, orderNo)).toEqual([]);
    }
  });

  it('模拟成团 releases only the paid seats\' orders: a payment that lost its seat stays held and is refunded', async () => {
    const { campaign, skuId } = await campaignOf(3, { virtualCompletion: true, virtualThresholdPercent: 50 });
    const { order, teamId } = await formingTeam(t, campaign.id, skuId, await shopper('virtual-lost-leader'));
    const friend = await join(campaign.id, skuId, teamId, await shopper('virtual-lost-friend'));
    const latecomer = await shopper('virtual-lost-late');
    const late = await join(campaign.id, skuId, teamId, latecomer, false);
    // Time ran out before the last payment arrived: its seat is lost while the team still waits for the sweep.
    await t.dataSource.getRepository(GroupBuyTeamRow).update({ id: teamId }, { expiresAt: new Date(Date.now() - 60_000) });
    await payThroughFake(t, latecomer.token, late.orderNo);
    await expire(teamId);
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'succeeded', seatsPaid: 2, virtualSeats: 1 });
    for (const released of [order, friend]) expect(await orderRowOf(t, released.orderNo)).toMatchObject({ status: 'paid', fulfilmentHold: null });
    expect(await refundRowsOf(t, late.orderNo)).toEqual([expect.objectContaining({ kind: 'group_failed', outRefundNo: `${late.orderNo}G1`, reason: '拼团已结束，付款已自动退回' })]);
    expect((await orderRowOf(t, late.orderNo)).status).toBe('refunding');
  });

  it('取消拼团并退款 frees the seat and refunds the whole order; refused once the team succeeded; another member gets 404', async () => {
    const { campaign, skuId } = await campaignOf(3);
    const { teamId } = await formingTeam(t, campaign.id, skuId, await shopper('quit-leader'));
    const quitter = await shopper('quitter');
    const quitting = await join(campaign.id, skuId, teamId, quitter);
    await t.api().post(`${API}/group-buy/orders/${quitting.orderNo}/quit`).set(bearer((await shopper('quit-stranger')).token)).expect(404);
    await t.api().post(`${API}/group-buy/orders/${quitting.orderNo}/quit`).set(bearer(quitter.token)).expect(204);
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'forming', seatsTaken: 1, seatsPaid: 1 });
    expect((await seatsOf(t, teamId)).map((seat) => seat.status)).toEqual(['paid', 'quit']);
    expect(await refundRowsOf(t, quitting.orderNo)).toEqual([expect.objectContaining({ kind: 'group_quit', amountFen: quitting.payableFen })]);
    // Tapped again: the refund is under way (not 团已结束).
    expect((await t.api().post(`${API}/group-buy/orders/${quitting.orderNo}/quit`).set(bearer(quitter.token)).expect(409)).body.code).toBe('REFUND_NOT_ALLOWED');

    // The freed seat is taken by others and the team succeeds: quitting is over.
    const late = await shopper('quit-late');
    const lateOrder = await join(campaign.id, skuId, teamId, late);
    await join(campaign.id, skuId, teamId, await shopper('quit-last'));
    expect((await teamRow(t, teamId)).status).toBe('succeeded');
    expect((await t.api().post(`${API}/group-buy/orders/${lateOrder.orderNo}/quit`).set(bearer(late.token)).expect(409)).body.code).toBe('GROUP_BUY_TEAM_CLOSED');
  });

  it('取消拼团并退款 racing the team\'s success: the team succeeds between the checks and the refund, and nothing is refunded', async () => {
    const { campaign, skuId } = await campaignOf(3);
    const { teamId } = await formingTeam(t, campaign.id, skuId, await shopper('quit-race-leader'));
    const quitter = await shopper('quit-race-quitter');
    const quitting = await join(campaign.id, skuId, teamId, quitter);
    const last = await shopper('quit-race-last');
    const lastOrder = await join(campaign.id, skuId, teamId, last, false);
    const refunds = t.app.get(RefundsService);
    const original = refunds.startSystemRefund.bind(refunds);
    // The last member's payment lands after quit checked the team, before its refund locks the order.
    const refund = jest.spyOn(refunds, 'startSystemRefund').mockImplementationOnce(async (...args) => {
      await payThroughFake(t, last.token, lastOrder.orderNo);
      return original(...args);
    });
    try {
      const refused = await t.api().post(`${API}/group-buy/orders/${quitting.orderNo}/quit`).set(bearer(quitter.token)).expect(409);
      expect(refused.body).toMatchObject({ code: 'GROUP_BUY_TEAM_CLOSED', message: '这个团已结束，不能再取消拼团' });
    } finally {
      refund.mockRestore();
    }
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'succeeded', seatsPaid: 3 });
    expect(await orderRowOf(t, quitting.orderNo)).toMatchObject({ status: 'paid', fulfilmentHold: null, refundedFen: 0 });
    expect(await refundRowsOf(t, quitting.orderNo)).toEqual([]);
    expect(t.fake.state.pay.refundsOf(quitting.orderNo)).toHaveLength(0);
  });

  it('a staff refund of a held order is whole or refused: a partial one is 409, the whole one (by items) frees the seat', async () => {
    const { campaign, skuId } = await campaignOf(3);
    const { teamId } = await formingTeam(t, campaign.id, skuId, await shopper('staff-refund-leader'));
    const member = await shopper('staff-refund-joiner');
    const order: OrderDetail = (await placeGroupOrder(t, member.token, { ...member, skuId, quantity: 2, campaignId: campaign.id, teamId }).expect(201)).body;
    await payThroughFake(t, member.token, order.orderNo);
    const staffRefund = (quantity: number) => t.api().post(`${API}/admin/orders/${order.orderNo}/refunds`).set(bearer(owner)).send({ reason: '商家退款', items: [{ skuId, quantity }] });
    const refused = await staffRefund(1).expect(409);
    expect(refused.body).toMatchObject({ code: 'ORDER_HELD_WHOLE_REFUND_ONLY', message: '拼团中的订单只能整单退款' });
    expect(await refundRowsOf(t, order.orderNo)).toEqual([]);
    expect(await orderRowOf(t, order.orderNo)).toMatchObject({ status: 'paid', refundedFen: 0 });
    expect(await teamRow(t, teamId)).toMatchObject({ seatsTaken: 2, seatsPaid: 2 });
    // Every unit named: the whole order, so the seat is given back with its units.
    await staffRefund(2).expect(201);
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'forming', seatsTaken: 1, seatsPaid: 1 });
    expect((await seatsOf(t, teamId)).map((seat) => seat.status)).toEqual(['paid', 'quit']);
    expect((await campaignRow(t, campaign.id)).unitsTaken).toBe(1);
  });

  it('the leader quitting passes leadership to the earliest paid seat; with none paid the team fails at once and its unpaid joiner is cancelled', async () => {
    const { campaign, skuId } = await campaignOf(4);
    const leader = await shopper('heir-leader');
    const { order, teamId } = await formingTeam(t, campaign.id, skuId, leader);
    await join(campaign.id, skuId, teamId, await shopper('heir-first'));
    await join(campaign.id, skuId, teamId, await shopper('heir-second'));
    await t.api().post(`${API}/group-buy/orders/${order.orderNo}/quit`).set(bearer(leader.token)).expect(204);
    const seats = await seatsOf(t, teamId);
    expect(seats.map((seat) => [seat.status, seat.isLeader])).toEqual([['quit', false], ['paid', true], ['paid', false]]);
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'forming', leaderMemberId: seats[1].memberId, seatsTaken: 2, seatsPaid: 2 });
    const seen = (await t.api().get(`${API}/group-buy/teams/${teamId}`).set(bearer(leader.token)).expect(200)).body;
    expect(seen.faces[0]).toMatchObject({ isLeader: true, isVirtual: false });
    expect(seen.mySeat).toMatchObject({ status: 'quit', orderNo: order.orderNo, isLeader: false });

    // A leader alone (one joiner reserved, unpaid): the team fails at once, is listed nowhere, the joiner's order is cancelled.
    const lone = await shopper('lone-leader');
    const alone = await formingTeam(t, campaign.id, skuId, lone);
    const waiting = await join(campaign.id, skuId, alone.teamId, await shopper('lone-waiting'), false);
    await t.api().post(`${API}/group-buy/orders/${alone.order.orderNo}/quit`).set(bearer(lone.token)).expect(204);
    expect(await teamRow(t, alone.teamId)).toMatchObject({ status: 'failed', failedAt: expect.any(Date), seatsPaid: 0 });
    expect(await eventsOf(GroupBuyEvents.teamFailed, alone.teamId)).toBe(1);
    const product = (await t.api().get(`${API}/group-buy/products/${campaign.productId}`).expect(200)).body;
    expect(product.openTeams.map((team: { id: number }) => team.id)).not.toContain(alone.teamId);
    await t.app.get(TeamExpirySweeper).sweep();
    expect(await orderRowOf(t, waiting.orderNo)).toMatchObject({ status: 'cancelled', cancelReason: 'group_ended' });

    // A merchant's whole refund of the leader's order passes leadership the same way.
    const refunded = await shopper('staff-refunded-leader');
    const staffTeam = await formingTeam(t, campaign.id, skuId, refunded);
    await join(campaign.id, skuId, staffTeam.teamId, await shopper('staff-heir'));
    await t.api().post(`${API}/admin/orders/${staffTeam.order.orderNo}/refunds`).set(bearer(owner)).send({ reason: '缺货' }).expect(201);
    const staffSeats = await seatsOf(t, staffTeam.teamId);
    expect(staffSeats.map((seat) => [seat.status, seat.isLeader])).toEqual([['quit', false], ['paid', true]]);
    expect(await teamRow(t, staffTeam.teamId)).toMatchObject({ status: 'forming', leaderMemberId: staffSeats[1].memberId });
  });

  it('a payment that comes after the team expired loses the seat and is refunded automatically, saying why', async () => {
    const { campaign, skuId } = await campaignOf(2);
    const { teamId } = await formingTeam(t, campaign.id, skuId, await shopper('lost-leader'));
    const joiner = await shopper('lost-joiner');
    const lateJoin = await join(campaign.id, skuId, teamId, joiner, false);
    // The team's time ran out before the payment arrived (the sweep has not run yet).
    await t.dataSource.getRepository(GroupBuyTeamRow).update({ id: teamId }, { expiresAt: new Date(Date.now() - 60_000) });
    await payThroughFake(t, joiner.token, lateJoin.orderNo);
    expect((await seatsOf(t, teamId)).map((seat) => [seat.status, seat.activeMemberId])).toEqual([['paid', expect.any(Number)], ['lost', null]]);
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'forming', seatsTaken: 1, seatsPaid: 1 });
    expect(await t.app.get(LostSeatRefundSweeper).sweep()).toBe(1);
    expect(await refundRowsOf(t, lateJoin.orderNo)).toEqual([expect.objectContaining({ kind: 'group_failed', outRefundNo: `${lateJoin.orderNo}G1`, reason: '拼团已结束，付款已自动退回' })]);
    const detail: OrderDetail = (await t.api().get(`${API}/orders/${lateJoin.orderNo}`).set(bearer(joiner.token)).expect(200)).body;
    expect(detail.timeline.map((entry) => entry.text)).toContainEqual(expect.stringMatching(/^拼团失败退款处理中：.*（拼团已结束，付款已自动退回）$/));
  });

  it('ending a campaign early: forming teams end at once by the rule, unpaid leaders cancelled; once only; roles enforced', async () => {
    const { campaign, skuId } = await campaignOf(3);
    const { order, teamId } = await formingTeam(t, campaign.id, skuId, await shopper('end-leader'));
    const opener = await shopper('end-opener');
    const unopened: OrderDetail = (await placeGroupOrder(t, opener.token, { ...opener, skuId, campaignId: campaign.id, teamId: null }).expect(201)).body;
    await t.api().post(`${API}/admin/group-buy/campaigns/${campaign.id}/end`).set(bearer(warehouse)).expect(403);
    await t.api().post(`${API}/admin/group-buy/campaigns/${campaign.id}/end`).set(bearer(owner)).expect(204);
    expect((await campaignRow(t, campaign.id)).endedAt).not.toBeNull();
    expect((await teamRow(t, teamId)).status).toBe('failed');
    expect((await orderRowOf(t, unopened.orderNo)).status).toBe('cancelled');
    expect(await refundRowsOf(t, order.orderNo)).toEqual([expect.objectContaining({ kind: 'group_failed', outRefundNo: `${order.orderNo}G1` })]);
    expect((await t.api().post(`${API}/admin/group-buy/campaigns/${campaign.id}/end`).set(bearer(owner)).expect(409)).body.code).toBe('GROUP_BUY_CAMPAIGN_ENDED');
    expect((await t.api().post(`${API}/admin/group-buy/campaigns/999999/end`).set(bearer(owner)).expect(404)).body.code).toBe('GROUP_BUY_CAMPAIGN_NOT_FOUND');
    const newcomer = await shopper('end-newcomer');
    expect((await placeGroupOrder(t, newcomer.token, { ...newcomer, skuId, campaignId: campaign.id, teamId: null }).expect(409)).body.code).toBe('GROUP_BUY_CAMPAIGN_NOT_RUNNING');
  });

  it('ending a campaign answers 204 once it is ended, even when the sweep run inline fails (the periodic sweep finishes it)', async () => {
    const { campaign, skuId } = await campaignOf(2);
    const { teamId } = await formingTeam(t, campaign.id, skuId, await shopper('end-sweep-leader'));
    const sweep = jest.spyOn(t.app.get(TeamExpirySweeper), 'sweep').mockRejectedValueOnce(new Error('database went away'));
    try {
      await t.api().post(`${API}/admin/group-buy/campaigns/${campaign.id}/end`).set(bearer(owner)).expect(204);
    } finally {
      sweep.mockRestore();
    }
    expect((await campaignRow(t, campaign.id)).endedAt).not.toBeNull();
    expect((await teamRow(t, teamId)).status).toBe('forming');
    await expire(teamId);
    expect((await teamRow(t, teamId)).status).toBe('failed');
  });

  // Last: its team stays forming, and the expiry sweeps above end every team due at the time they sweep at.
  it('confirming receipt is refused while the team forms, even for a held order forced past the shipping guard', async () => {
    const { campaign, skuId } = await campaignOf(2);
    const leader = await shopper('complete-leader');
    const { order } = await formingTeam(t, campaign.id, skuId, leader);
    await t.dataSource.getRepository(OrderRow).update({ orderNo: order.orderNo }, { status: 'shipped', shippedAt: new Date() });
    const refused = await t.api().post(`${API}/orders/${order.orderNo}/confirm-receipt`).set(bearer(leader.token)).expect(409);
    expect(refused.body).toMatchObject({ code: 'ORDER_TRANSITION_BLOCKED', message: '拼团中的订单成团后才能确认收货' });
    expect((await orderRowOf(t, order.orderNo)).status).toBe('shipped');
  });
});
