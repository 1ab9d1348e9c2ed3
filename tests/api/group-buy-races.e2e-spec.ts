import type { OrderDetail } from '../../shared';
import { GroupBuyEvents } from '../../server/src/group-buy/group-buy-events';
import { GroupBuySeatRow } from '../../server/src/group-buy/group-buy-seat.entity';
import { GroupBuyTeamRow } from '../../server/src/group-buy/group-buy-team.entity';
import { LostSeatRefundSweeper } from '../../server/src/group-buy/lost-seat-refund-sweeper';
import { TeamExpirySweeper } from '../../server/src/group-buy/team-expiry-sweeper';
import { OrderRow } from '../../server/src/orders/order.entity';
import { RefundResendSweeper } from '../../server/src/payments/payment-sweeper';
import { RefundsService } from '../../server/src/payments/refunds.service';
import { DomainEventRow } from '../../server/src/platform/events/domain-event.entity';
import { CommissionRow } from '../../server/src/referral/commission.entity';
import { campaignRow, createCampaign, formingTeam, notifyPaid, orderRowOf, payThroughFake, placeGroupOrder, refundRowsOf, seatsOf, teamRow } from './support/group-buy-fixtures';
import { deliver, eventually, payAtFake, signedHeaders, startPayment, transactionNotification } from './support/pay-helpers';
import { loginWithLink, saveReferralSettings, shareLinkOf } from './support/referral-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

type Shopper = { token: string; addressId: number };

/** 拼团 under races: seats, payments, the expiry sweep against the last payment, refund reruns, quota and member limits. */
describe(`group-buy races (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let people = 0;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
  });
  afterAll(() => t.close());

  async function shoppers(n: number): Promise<Shopper[]> {
    return Promise.all(
      Array.from({ length: n }, async () => {
        const token = await memberToken(t, `gb-race-${++people}`);
        return { token, addressId: await shop.address(token) };
      }),
    );
  }
  async function campaignOf(teamSize: number, overrides: Record<string, unknown> = {}, stock = 200) {
    const product = await shop.product([{ priceFen: 5000, stock }]);
    const skuId = product.skus[0].id;
    const campaign = await createCampaign(t, { productId: product.id, skus: [{ skuId, groupPriceFen: 3000 }], teamSize, ...overrides });
    return { campaign, skuId };
  }
  async function formingTeamOf(campaignId: number, skuId: number) {
    const [leader] = await shoppers(1);
    return formingTeam(t, campaignId, skuId, leader);
  }
  const succeededEvents = (teamId: number) => t.dataSource.getRepository(DomainEventRow).countBy({ type: GroupBuyEvents.teamSucceeded, aggregateKey: `group-buy-team:${teamId}` });

  it('20 shoppers race for the last seat: one order holds it, 19 get 409 GROUP_BUY_TEAM_FULL, no stock taken and nothing to pay for them', async () => {
    const { campaign, skuId } = await campaignOf(2);
    const { teamId } = await formingTeamOf(campaign.id, skuId);
    const racers = await shoppers(20);
    const answers = await Promise.all(racers.map((racer) => placeGroupOrder(t, racer.token, { ...racer, skuId, campaignId: campaign.id, teamId })));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(refused.map((answer) => [answer.status, answer.body.code])).toEqual(Array(19).fill([409, 'GROUP_BUY_TEAM_FULL']));
    expect(refused[0].body.message).toBe('这个团已满员，可以发起一个新团');
    expect(await teamRow(t, teamId)).toMatchObject({ seatsTaken: 2, seatsPaid: 1 });
    expect(await t.dataSource.getRepository(GroupBuySeatRow).countBy({ teamId })).toBe(2);
    expect(await t.dataSource.getRepository(OrderRow).countBy({ groupBuyTeamId: teamId })).toBe(2);
    expect(await shop.stockOf(skuId)).toBe(198);
    expect((await campaignRow(t, campaign.id)).unitsTaken).toBe(2);
  });

  it('parallel payment notifications for the last seats: the team succeeds once, seatsPaid never passes the size, every order released', async () => {
    const { campaign, skuId } = await campaignOf(5);
    const { order: leaderOrder, teamId } = await formingTeamOf(campaign.id, skuId);
    const joiners = await shoppers(4);
    const orders: OrderDetail[] = [];
    for (const joiner of joiners) orders.push((await placeGroupOrder(t, joiner.token, { ...joiner, skuId, campaignId: campaign.id, teamId }).expect(201)).body);
    // Each notification delivered three times at once, all four orders together.
    const statuses = await Promise.all(orders.flatMap((order) => [notifyPaid(t, order), notifyPaid(t, order), notifyPaid(t, order)]));
    expect(statuses.every((status) => status === 204)).toBe(true);
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'succeeded', seatsPaid: 5, seatsTaken: 5 });
    expect(await succeededEvents(teamId)).toBe(1);
    for (const order of [leaderOrder, ...orders]) expect(await orderRowOf(t, order.orderNo)).toMatchObject({ status: 'paid', fulfilmentHold: null });
    expect((await seatsOf(t, teamId)).map((seat) => seat.status)).toEqual(Array(5).fill('paid'));
  });

  it('the expiry sweep racing the final payment ends each team one way: succeeded, or failed with every paid order refunded once', async () => {
    for (let round = 0; round < 8; round++) {
      const { campaign, skuId } = await campaignOf(2);
      const { order: leaderOrder, teamId } = await formingTeamOf(campaign.id, skuId);
      const [joiner] = await shoppers(1);
      const last: OrderDetail = (await placeGroupOrder(t, joiner.token, { ...joiner, skuId, campaignId: campaign.id, teamId }).expect(201)).body;
      const { prepayId } = await startPayment(t, joiner.token, last.orderNo);
      const team = await t.dataSource.getRepository(GroupBuyTeamRow).findOneByOrFail({ id: teamId });
      // The shopper pays at the cashier and the notification (WeChat's, and a copy delivered at once) races the sweep.
      const pay = async () => {
        const { transactionId } = await payAtFake(t, prepayId);
        const body = transactionNotification(t, { orderNo: last.orderNo, amountFen: last.payableFen, transactionId });
        await deliver(t, body, signedHeaders(t, body));
      };
      // The sweep starts a little later each round, so the rounds fall on both sides of the payment and in between.
      const sweep = async () => {
        await new Promise((resolve) => setTimeout(resolve, round * 3));
        return t.app.get(TeamExpirySweeper).sweep(new Date(team.expiresAt!.getTime() + 1000));
      };
      await Promise.all([pay(), sweep()]);
      // The payment lands (as paid, or as a late payment on an order the sweep cancelled first).
      await eventually(() => orderRowOf(t, last.orderNo), (row) => row.paidAt !== null || row.status === 'cancelled');
      await t.app.get(LostSeatRefundSweeper).sweep();
      const ended = await teamRow(t, teamId);
      expect(['succeeded', 'failed']).toContain(ended.status);
      expect(ended.seatsPaid).toBeLessThanOrEqual(2);
      if (ended.status === 'succeeded') {
        for (const order of [leaderOrder, last]) {
          expect(await orderRowOf(t, order.orderNo)).toMatchObject({ status: 'paid', fulfilmentHold: null });
          expect(await refundRowsOf(t, order.orderNo)).toEqual([]);
        }
      } else {
        // Every order that was paid is refunded exactly once (the leader's as group_failed; the last one as a lost
        // seat, or as a late payment when the sweep cancelled it first).
        for (const order of [leaderOrder, last]) {
          await eventually(async () => t.fake.state.pay.refundsOf(order.orderNo).length, (sent) => sent > 0);
          await t.app.get(LostSeatRefundSweeper).sweep();
          expect(await refundRowsOf(t, order.orderNo)).toHaveLength(1);
          expect(t.fake.state.pay.refundsOf(order.orderNo)).toHaveLength(1);
        }
      }
    }
  });

  it('a refund run killed halfway and run again (twice at once): each order refunded exactly once', async () => {
    const { campaign, skuId } = await campaignOf(5);
    const { order: leaderOrder, teamId } = await formingTeamOf(campaign.id, skuId);
    const paid: OrderDetail[] = [leaderOrder];
    for (const joiner of await shoppers(3)) {
      const order: OrderDetail = (await placeGroupOrder(t, joiner.token, { ...joiner, skuId, campaignId: campaign.id, teamId }).expect(201)).body;
      await payThroughFake(t, joiner.token, order.orderNo);
      paid.push(order);
    }
    const refunds = t.app.get(RefundsService);
    // The process dies right after the first refund is written, before it reaches WeChat Pay.
    const send = jest.spyOn(refunds, 'send').mockImplementationOnce(async () => {
      throw new Error('process killed');
    });
    const team = await t.dataSource.getRepository(GroupBuyTeamRow).findOneByOrFail({ id: teamId });
    await expect(t.app.get(TeamExpirySweeper).sweep(new Date(team.expiresAt!.getTime() + 1000))).rejects.toThrow('process killed');
    send.mockRestore();
    expect((await teamRow(t, teamId)).status).toBe('failed');
    // Rerun, twice at once: nothing is refunded again; the unsent refund goes out once with its own number.
    const reruns = await Promise.all([t.app.get(LostSeatRefundSweeper).sweep(), t.app.get(LostSeatRefundSweeper).sweep()]);
    expect(reruns).toEqual([0, 0]);
    expect(await t.app.get(RefundResendSweeper).sweep(new Date(Date.now() + 3_600_000))).toBeGreaterThanOrEqual(1);
    for (const order of paid) {
      expect((await refundRowsOf(t, order.orderNo)).map((refund) => refund.outRefundNo)).toEqual([`${order.orderNo}G1`]);
      expect(t.fake.state.pay.refundsOf(order.orderNo)).toHaveLength(1);
      await eventually(() => orderRowOf(t, order.orderNo), (row) => row.status === 'refunded');
    }
  });

  it('staff end the campaign while leaders\' payments land: no team is left open, every payment refunded once', async () => {
    const { campaign, skuId } = await campaignOf(2);
    const leaders = await shoppers(6);
    const orders: OrderDetail[] = [];
    for (const leader of leaders) orders.push((await placeGroupOrder(t, leader.token, { ...leader, skuId, campaignId: campaign.id, teamId: null }).expect(201)).body);
    const staff = await staffToken(t, 'owner');
    const [ended] = await Promise.all([
      t.api().post(`${API}/admin/group-buy/campaigns/${campaign.id}/end`).set(bearer(staff)),
      ...orders.map((order) => notifyPaid(t, order)),
    ]);
    expect(ended.status).toBe(204);
    await t.app.get(LostSeatRefundSweeper).sweep();
    const teams = await t.dataSource.getRepository(GroupBuyTeamRow).findBy({ campaignId: campaign.id });
    expect(teams).toHaveLength(6);
    // Opened before the end (then failed by it), lost its seat after it (failed), or cancelled unpaid (late payment refunded).
    for (const team of teams) expect(['failed', 'cancelled']).toContain(team.status);
    for (const order of orders) {
      const refunds = await refundRowsOf(t, order.orderNo);
      expect(refunds).toHaveLength(1);
      expect(['group_failed', 'late_payment']).toContain(refunds[0].kind);
    }
    expect((await campaignRow(t, campaign.id)).unitsTaken).toBe(0);
  });

  it('取消拼团 tapped five times at once refunds once; the others say the refund is under way; an unpaid order is told to cancel instead', async () => {
    const { campaign, skuId } = await campaignOf(3);
    const { teamId } = await formingTeamOf(campaign.id, skuId);
    const [quitter, unpaid] = await shoppers(2);
    const order: OrderDetail = (await placeGroupOrder(t, quitter.token, { ...quitter, skuId, campaignId: campaign.id, teamId }).expect(201)).body;
    await payThroughFake(t, quitter.token, order.orderNo);
    const quit = () => t.api().post(`${API}/group-buy/orders/${order.orderNo}/quit`).set(bearer(quitter.token));
    const answers = await Promise.all(Array.from({ length: 5 }, quit));
    expect(answers.map((answer) => answer.status).sort()).toEqual([204, 409, 409, 409, 409]);
    for (const loser of answers.filter((answer) => answer.status === 409)) {
      expect(loser.body).toMatchObject({ code: 'REFUND_NOT_ALLOWED', message: expect.stringMatching(/退款/) });
      expect(loser.body.message).not.toMatch(/团已结束/);
    }
    expect(await refundRowsOf(t, order.orderNo)).toHaveLength(1);
    expect((await seatsOf(t, teamId)).map((seat) => seat.status)).toEqual(['paid', 'quit']);
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'forming', seatsTaken: 1, seatsPaid: 1 });
    expect(['refunding', 'refunded']).toContain((await orderRowOf(t, order.orderNo)).status);
    expect((await quit().expect(409)).body.message).toMatch(/^(退款已在处理中|订单已退款)/);

    const reserved: OrderDetail = (await placeGroupOrder(t, unpaid.token, { ...unpaid, skuId, campaignId: campaign.id, teamId }).expect(201)).body;
    const refused = await t.api().post(`${API}/group-buy/orders/${reserved.orderNo}/quit`).set(bearer(unpaid.token)).expect(409);
    expect(refused.body).toMatchObject({ code: 'ORDER_TRANSITION_BLOCKED', message: '订单还未付款，直接取消订单即可' });
    expect((await orderRowOf(t, reserved.orderNo)).status).toBe('pending_payment');
  });

  it('campaign quota: the quantity equal to what is left is accepted; parallel orders beyond it get only what fits', async () => {
    const { campaign, skuId } = await campaignOf(2, { unitQuota: 5 });
    const [a, b, c] = await shoppers(3);
    await placeGroupOrder(t, a.token, { ...a, skuId, quantity: 3, campaignId: campaign.id, teamId: null }).expect(201);
    await placeGroupOrder(t, b.token, { ...b, skuId, quantity: 2, campaignId: campaign.id, teamId: null }).expect(201);
    expect((await placeGroupOrder(t, c.token, { ...c, skuId, quantity: 1, campaignId: campaign.id, teamId: null }).expect(409)).body.code).toBe('GROUP_BUY_QUOTA_EXHAUSTED');
    expect((await campaignRow(t, campaign.id)).unitsTaken).toBe(5);

    const racing = await campaignOf(2, { unitQuota: 5 });
    const racers = await shoppers(8);
    const answers = await Promise.all(racers.map((racer) => placeGroupOrder(t, racer.token, { ...racer, skuId: racing.skuId, campaignId: racing.campaign.id, teamId: null })));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(5);
    expect(answers.filter((answer) => answer.status !== 201).map((answer) => answer.body.code)).toEqual(Array(3).fill('GROUP_BUY_QUOTA_EXHAUSTED'));
    expect((await campaignRow(t, racing.campaign.id)).unitsTaken).toBe(5);
    expect(await shop.stockOf(racing.skuId)).toBe(195);
  });

  it('per-member limits hold against one member’s parallel orders (teams and units), the exact limit accepted', async () => {
    const teams = await campaignOf(2, { memberTeamLimit: 2 });
    const [member] = await shoppers(1);
    const opened = await Promise.all(Array.from({ length: 6 }, () => placeGroupOrder(t, member.token, { ...member, skuId: teams.skuId, campaignId: teams.campaign.id, teamId: null })));
    expect(opened.filter((answer) => answer.status === 201)).toHaveLength(2);
    expect(opened.filter((answer) => answer.status !== 201).map((answer) => answer.body.code)).toEqual(Array(4).fill('GROUP_BUY_LIMIT_REACHED'));

    const units = await campaignOf(2, { memberUnitLimit: 3 });
    const [buyer] = await shoppers(1);
    await placeGroupOrder(t, buyer.token, { ...buyer, skuId: units.skuId, quantity: 1, campaignId: units.campaign.id, teamId: null }).expect(201);
    const more = await Promise.all(Array.from({ length: 4 }, () => placeGroupOrder(t, buyer.token, { ...buyer, skuId: units.skuId, quantity: 2, campaignId: units.campaign.id, teamId: null })));
    expect(more.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(more.filter((answer) => answer.status !== 201).map((answer) => answer.body.code)).toEqual(Array(3).fill('GROUP_BUY_LIMIT_REACHED'));
    expect((await placeGroupOrder(t, buyer.token, { ...buyer, skuId: units.skuId, quantity: 4, campaignId: units.campaign.id, teamId: null }).expect(409)).body.code).toBe('GROUP_BUY_LIMIT_REACHED');
    expect(await shop.stockOf(units.skuId)).toBe(197);
  });

  it('parallel payments that complete a team: every released order gets its commission, none left out', async () => {
    await saveReferralSettings(t, await staffToken(t, 'owner'));
    const promoter = await loginWithLink(t, 'gb-race-promoter');
    const link = await shareLinkOf(t, promoter);
    const members = await Promise.all(
      Array.from({ length: 5 }, async (_, index) => {
        const { token } = await loginWithLink(t, `gb-race-referred-${index}`, link);
        return { token, addressId: await shop.address(token) };
      }),
    );
    const { campaign, skuId } = await campaignOf(5);
    const [leader, ...joiners] = members;
    const { order: leaderOrder, teamId } = await formingTeam(t, campaign.id, skuId, leader);
    const orders: OrderDetail[] = [];
    for (const joiner of joiners) orders.push((await placeGroupOrder(t, joiner.token, { ...joiner, skuId, campaignId: campaign.id, teamId }).expect(201)).body);
    await Promise.all(orders.flatMap((order) => [notifyPaid(t, order), notifyPaid(t, order)]));
    expect(await teamRow(t, teamId)).toMatchObject({ status: 'succeeded', seatsPaid: 5 });
    for (const order of [leaderOrder, ...orders]) {
      expect(await orderRowOf(t, order.orderNo)).toMatchObject({ status: 'paid', fulfilmentHold: null });
      expect(await t.dataSource.getRepository(CommissionRow).countBy({ orderNo: order.orderNo, promoterMemberId: promoter.memberId })).toBe(1);
    }
  });
});
