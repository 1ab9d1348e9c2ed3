import type { InviteRuleView, MyInvites, OrderDetail, Paginated, AdminInviteReward } from '../../shared';
import { MemberCouponRow } from '../../server/src/coupons/member-coupon.entity';
import { MemberRow } from '../../server/src/members/member.entity';
import { PointsLedgerRow } from '../../server/src/loyalty/points-ledger.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { RefundRow } from '../../server/src/payments/refund.entity';
import { InviteRewardRow } from '../../server/src/referral/invite-rewards/invite-reward.entity';
import { InviteRewardSweeper } from '../../server/src/referral/invite-rewards/invite-reward-sweeper';
import { createTemplate } from './support/coupon-fixtures';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { loginWithLink, openLink, saveReferralSettings, shareLinkOf, type Shopper } from './support/referral-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, startTestApp, staffToken, TEST_DB, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

/**
 * 邀请有礼: the inviter is rewarded once per invited friend, when the friend's FIRST paid order is completed and the
 * after-sale window (7 days here) has passed; never for a share, a registration or a binding; nothing for a first
 * order refunded in full; nothing more for later orders; parallel sweeps grant once.
 */
describe(`invite rewards (${TEST_DB})`, () => {
  let t: TestApp;
  let owner: string;
  let operator: string;
  let warehouse: string;
  let shop: ShopFixtures;
  let count = 0;
  let tea: number;
  let a: Shopper;
  let link: string;
  let templateId: number;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    [owner, operator, warehouse] = await Promise.all(['owner', 'operator', 'warehouse'].map((name) => staffToken(t, name)));
    shop = new ShopFixtures(t);
    await shop.init();
    // 分销 stays off: bindings are recorded anyway, and 邀请有礼 uses them.
    await saveReferralSettings(t, owner, { enabled: false, afterSaleWindowDays: 7 });
    tea = await shop.sku(3000, 1000);
    // One per member for shoppers; an inviter still gets one per friend.
    templateId = (await createTemplate(t, operator, { name: '邀请礼10元券', channel: 'staff', perMemberLimit: 1 })).id;
    a = await loginWithLink(t, 'invite-a');
    link = await shareLinkOf(t, a);
  });
  afterAll(() => t.close());

  const sweep = (daysFromNow: number) => t.app.get(InviteRewardSweeper).sweep(new Date(Date.now() + daysFromNow * DAY_MS));
  const rewards = () => t.dataSource.getRepository(InviteRewardRow).find({ order: { id: 'ASC' } });
  const inviteCoupons = (memberId: number) => t.dataSource.getRepository(MemberCouponRow).countBy({ memberId, source: 'invite_reward' });
  const invitePoints = (memberId: number) => t.dataSource.getRepository(PointsLedgerRow).findBy({ memberId, reason: 'invite_reward' });
  const myInvites = async (token: string): Promise<MyInvites> => (await t.api().get(`${API}/referral/invites`).set(bearer(token)).expect(200)).body;
  const friendOf = async (token: string, memberId: number) => (await myInvites(token)).items.find((friend) => friend.memberId === memberId);
  const saveRule = (token: string, body: object) => t.api().put(`${API}/admin/referral/invite-rule`).set(bearer(token)).send(body);

  async function place(buyer: Shopper, quantity = 1): Promise<string> {
    const addressId = await shop.address(buyer.token);
    const body = { clientToken: `invite-order-${++count}`, items: [{ skuId: tea, quantity }], addressId };
    return ((await t.api().post(`${API}/orders`).set(bearer(buyer.token)).send(body).expect(201)).body as OrderDetail).orderNo;
  }
  async function pay(buyer: Shopper, orderNo: string): Promise<void> {
    await payAtFake(t, (await startPayment(t, buyer.token, orderNo)).prepayId);
    await eventually(() => orderStatus(t, buyer.token, orderNo), (o) => o.status === 'paid');
  }
  async function paidOrder(buyer: Shopper, quantity = 1): Promise<string> {
    const orderNo = await place(buyer, quantity);
    await pay(buyer, orderNo);
    return orderNo;
  }
  async function complete(buyer: Shopper, orderNo: string): Promise<void> {
    await t.api().post(`${API}/admin/orders/${orderNo}/ship`).set(bearer(warehouse)).send({ carrierCode: 'SF', trackingNo: `SF${Date.now()}${++count}` }).expect(200);
    await t.api().post(`${API}/orders/${orderNo}/confirm-receipt`).set(bearer(buyer.token)).expect(200);
  }
  async function staffRefund(orderNo: string, quantity: number): Promise<void> {
    await t.api().post(`${API}/admin/orders/${orderNo}/refunds`).set(bearer(operator)).send({ reason: '测试退款', items: [{ skuId: tea, quantity }] }).expect(201);
    const orderId = (await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo })).id;
    await eventually(() => t.dataSource.getRepository(RefundRow).findBy({ orderId }), (rows) => rows.length > 0 && rows.every((row) => row.status === 'succeeded'));
  }

  describe('the rule', () => {
    it('is off with nothing chosen until the owner saves; only the owner saves it', async () => {
      const rule: InviteRuleView = (await t.api().get(`${API}/admin/referral/invite-rule`).set(bearer(operator)).expect(200)).body;
      expect(rule).toMatchObject({ enabled: false, couponTemplateId: null, points: null, summary: '邀请有礼活动暂未开启。' });
      expectApiError((await saveRule(operator, { enabled: true, rewardKind: 'points', couponTemplateId: null, points: 100, ruleText: '' }).expect(403)).body, 'FORBIDDEN');
      await t.api().get(`${API}/admin/referral/invite-rule`).set(bearer(warehouse)).expect(403);
    });

    it('refuses a coupon that does not exist or cannot be granted, a missing reward, and words promising a reward for sharing', async () => {
      expectApiError((await saveRule(owner, { enabled: true, rewardKind: 'coupon', couponTemplateId: 999_999, points: null, ruleText: '' }).expect(400)).body, 'INVITE_RULE_INVALID');
      const ended = await createTemplate(t, operator, { name: '已结束的券' });
      await t.api().post(`${API}/admin/coupon-templates/${ended.id}/end`).set(bearer(operator)).expect((response) => expect(response.status).toBeLessThan(300));
      expectApiError((await saveRule(owner, { enabled: true, rewardKind: 'coupon', couponTemplateId: ended.id, points: null, ruleText: '' }).expect(400)).body, 'INVITE_RULE_INVALID');
      expectApiError((await saveRule(owner, { enabled: true, rewardKind: 'coupon', couponTemplateId: null, points: null, ruleText: '' }).expect(400)).body, 'INVITE_RULE_INVALID');
      expectApiError((await saveRule(owner, { enabled: true, rewardKind: 'points', couponTemplateId: null, points: null, ruleText: '' }).expect(400)).body, 'INVITE_RULE_INVALID');
      expectApiError((await saveRule(owner, { enabled: true, rewardKind: 'points', couponTemplateId: null, points: 0, ruleText: '' }).expect(400)).body, 'VALIDATION_FAILED');
      const sharing = await saveRule(owner, { enabled: true, rewardKind: 'coupon', couponTemplateId: templateId, points: null, ruleText: '分享即送10元券！' }).expect(400);
      expectApiError(sharing.body, 'INVITE_RULE_INVALID');
      expect(sharing.body.message).toContain('诱导分享');
      // Any sharing word tied to a reward within a few characters, not only the fixed phrases.
      const moments = await saveRule(owner, { enabled: true, rewardKind: 'coupon', couponTemplateId: templateId, points: null, ruleText: '分享到朋友圈送积分，转发给好友就有奖励' }).expect(400);
      expectApiError(moments.body, 'INVITE_RULE_INVALID');
      expect(moments.body.message).toContain('分享到朋友圈送');
      const rule: InviteRuleView = (await t.api().get(`${API}/admin/referral/invite-rule`).set(bearer(owner)).expect(200)).body;
      expect(rule.enabled).toBe(false);
    });

    it('saves a coupon reward and says the rule in plain words', async () => {
      const rule: InviteRuleView = (await saveRule(owner, { enabled: true, rewardKind: 'coupon', couponTemplateId: templateId, points: 50, ruleText: '  奖励券 7 天内有效。 ' }).expect(200)).body;
      expect(rule).toMatchObject({ enabled: true, rewardKind: 'coupon', couponTemplateId: templateId, points: null, ruleText: '奖励券 7 天内有效。', rewardText: '「邀请礼10元券」1 张', afterSaleWindowDays: 7 });
      expect(rule.summary).toContain('确认收货并过了 7 天售后期');
      expect(rule.summary).toContain('只分享或好友只注册不会获得奖励');
    });
  });

  describe('one friend', () => {
    let b: Shopper;
    let first: string;

    it('sharing, registering and binding alone grant nothing', async () => {
      b = await loginWithLink(t, 'invite-b', link);
      // A logged-in member opening the link is bound too (a touch), and A shares again.
      const c = await loginWithLink(t, 'invite-c');
      await openLink(t, c, link);
      await shareLinkOf(t, a);
      expect(await sweep(30)).toBe(0);
      expect(await rewards()).toEqual([]);
      expect(await inviteCoupons(a.memberId)).toBe(0);
      expect(await invitePoints(a.memberId)).toEqual([]);
      const mine = await myInvites(a.token);
      expect(mine.items.map((friend) => [friend.memberId, friend.state])).toEqual([
        [c.memberId, 'registered'],
        [b.memberId, 'registered'],
      ]);
      expect(mine).toMatchObject({ total: 2, earned: { rewardedFriends: 0, coupons: 0, points: 0 }, rule: { enabled: true, rewardText: '「邀请礼10元券」1 张' } });
      // The friends are A's: B sees none of them.
      expect((await myInvites(b.token)).total).toBe(0);
      await t.api().get(`${API}/referral/invites`).expect(401);
    });

    it('a placed first order shows 已下单; its payment records the reward, waiting', async () => {
      first = await place(b);
      expect(await friendOf(a.token, b.memberId)).toMatchObject({ state: 'ordered', note: '已下单，等待付款' });
      expect(await rewards()).toEqual([]);
      await pay(b, first);
      expect((await rewards()).map((row) => [row.inviterMemberId, row.inviteeMemberId, row.orderNo, row.status])).toEqual([[a.memberId, b.memberId, first, 'waiting']]);
      expect(await sweep(30)).toBe(0);
      expect(await inviteCoupons(a.memberId)).toBe(0);
    });

    it('grants only after completion and the after-sale window: not at 6 days, at 8 days the coupon lands in A\'s coupons', async () => {
      await complete(b, first);
      expect(await sweep(0)).toBe(0);
      expect(await sweep(6)).toBe(0);
      expect(await inviteCoupons(a.memberId)).toBe(0);
      expect(await friendOf(a.token, b.memberId)).toMatchObject({ state: 'ordered' });
      expect(await sweep(8)).toBe(1);
      expect(await sweep(8)).toBe(0);
      expect(await inviteCoupons(a.memberId)).toBe(1);
      const [reward] = await rewards();
      expect(reward).toMatchObject({ status: 'granted', rewardKind: 'coupon' });
      const coupons = (await t.api().get(`${API}/me/coupons`).set(bearer(a.token)).expect(200)).body as Paginated<{ id: number; name: string }>;
      expect(coupons.items.map((coupon) => [coupon.id, coupon.name])).toEqual([[reward.memberCouponId, '邀请礼10元券']]);
      expect(await friendOf(a.token, b.memberId)).toMatchObject({ state: 'rewarded', rewardText: '「邀请礼10元券」1 张' });
      expect((await myInvites(a.token)).earned).toEqual({ rewardedFriends: 1, coupons: 1, points: 0 });
      const console: Paginated<AdminInviteReward> = (await t.api().get(`${API}/admin/referral/invite-rewards?status=granted`).set(bearer(operator)).expect(200)).body;
      expect(console.items.map((row) => [row.inviter.memberId, row.invitee.memberId, row.orderNo, row.rewardText])).toEqual([[a.memberId, b.memberId, first, '「邀请礼10元券」1 张']]);
    });

    it('a second order of the same friend grants nothing more', async () => {
      const second = await paidOrder(b);
      await complete(b, second);
      expect(await sweep(30)).toBe(0);
      expect((await rewards()).length).toBe(1);
      expect(await inviteCoupons(a.memberId)).toBe(1);
    });
  });

  it('a first order refunded in full grants nothing, and the friend\'s later orders do not either', async () => {
    const d = await loginWithLink(t, 'invite-d', link);
    const first = await paidOrder(d, 2);
    await staffRefund(first, 2);
    await eventually(() => orderStatus(t, d.token, first), (o) => o.status === 'refunded');
    // A sees it at once, before the sweep has voided the waiting reward.
    expect((await rewards()).find((row) => row.inviteeMemberId === d.memberId)).toMatchObject({ status: 'waiting' });
    expect(await friendOf(a.token, d.memberId)).toMatchObject({ state: 'ordered', note: '首单已全额退款，不发放奖励', rewardText: null });
    expect(await sweep(30)).toBe(1);
    const reward = (await rewards()).find((row) => row.inviteeMemberId === d.memberId)!;
    expect(reward).toMatchObject({ status: 'void', note: '首单已全额退款，不发放奖励', memberCouponId: null });
    const later = await paidOrder(d);
    await complete(d, later);
    expect(await sweep(30)).toBe(0);
    expect(await inviteCoupons(a.memberId)).toBe(1);
    expect(await friendOf(a.token, d.memberId)).toMatchObject({ state: 'ordered', note: '首单已全额退款，不发放奖励' });
  });

  it('points: a first order partly refunded and completed still grants, one points-ledger row', async () => {
    await saveRule(owner, { enabled: true, rewardKind: 'points', couponTemplateId: null, points: 200, ruleText: '' }).expect(200);
    const e = await loginWithLink(t, 'invite-e', link);
    const first = await paidOrder(e, 2);
    await complete(e, first);
    await staffRefund(first, 1);
    expect(await sweep(6)).toBe(0);
    expect(await sweep(8)).toBe(1);
    const rows = await invitePoints(a.memberId);
    expect(rows.map((row) => [row.delta, row.orderNo, row.note])).toEqual([[200, null, '邀请好友首单完成奖励']]);
    expect(await friendOf(a.token, e.memberId)).toMatchObject({ state: 'rewarded', rewardText: '200 积分' });
    expect((await myInvites(a.token)).earned).toEqual({ rewardedFriends: 2, coupons: 1, points: 200 });
  });

  it('parallel sweeps grant a reward once', async () => {
    await saveRule(owner, { enabled: true, rewardKind: 'coupon', couponTemplateId: templateId, points: null, ruleText: '' }).expect(200);
    const f = await loginWithLink(t, 'invite-f', link);
    const first = await paidOrder(f);
    await complete(f, first);
    const results = await Promise.all(Array.from({ length: 6 }, () => sweep(8)));
    expect(results.reduce((sum, changed) => sum + changed, 0)).toBe(1);
    expect(await sweep(8)).toBe(0);
    expect(await inviteCoupons(a.memberId)).toBe(2);
    expect((await rewards()).filter((row) => row.inviteeMemberId === f.memberId).map((row) => row.status)).toEqual(['granted']);
  });

  it('two first orders paid at the same moment record one reward', async () => {
    const g = await loginWithLink(t, 'invite-g', link);
    const orders = [await place(g), await place(g)];
    await Promise.all(orders.map((orderNo) => pay(g, orderNo)));
    expect((await rewards()).filter((row) => row.inviteeMemberId === g.memberId)).toHaveLength(1);
    for (const orderNo of orders) await complete(g, orderNo);
    expect(await sweep(8)).toBe(1);
    expect(await inviteCoupons(a.memberId)).toBe(3);
  });

  it('the inviter is the one bound when the first order was placed, even after a rebinding before payment', async () => {
    await saveReferralSettings(t, owner, { enabled: false, afterSaleWindowDays: 7, bindingMode: 'last_touch' });
    const x = await loginWithLink(t, 'invite-x');
    const h = await loginWithLink(t, 'invite-h', link);
    const first = await place(h);
    await openLink(t, h, await shareLinkOf(t, x));
    await pay(h, first);
    expect((await rewards()).find((row) => row.inviteeMemberId === h.memberId)).toMatchObject({ inviterMemberId: a.memberId });
    // H is X's friend now; the reward H's first order brings stays A's, and A still lists H.
    expect((await myInvites(x.token)).items.map((friend) => friend.memberId)).toEqual([h.memberId]);
    expect(await friendOf(a.token, h.memberId)).toMatchObject({ state: 'ordered' });
    await saveReferralSettings(t, owner, { enabled: false, afterSaleWindowDays: 7 });
  });

  it('a first order paid while the rule is off never counts, nor do the friend\'s later orders', async () => {
    await saveRule(owner, { enabled: false, rewardKind: 'coupon', couponTemplateId: templateId, points: null, ruleText: '' }).expect(200);
    const j = await loginWithLink(t, 'invite-j', link);
    const first = await paidOrder(j);
    await saveRule(owner, { enabled: true, rewardKind: 'coupon', couponTemplateId: templateId, points: null, ruleText: '' }).expect(200);
    await complete(j, first);
    const later = await paidOrder(j);
    await complete(j, later);
    expect(await sweep(30)).toBe(0);
    expect((await rewards()).filter((row) => row.inviteeMemberId === j.memberId)).toEqual([]);
    expect(await friendOf(a.token, j.memberId)).toMatchObject({ state: 'ordered', rewardText: null });
  });

  it('a member who had bought before being invited brings no reward', async () => {
    const k = await loginWithLink(t, 'invite-k');
    await paidOrder(k);
    await openLink(t, k, link);
    const after = await paidOrder(k);
    await complete(k, after);
    expect(await sweep(30)).toBe(0);
    expect((await rewards()).filter((row) => row.inviteeMemberId === k.memberId)).toEqual([]);
    expect(await friendOf(a.token, k.memberId)).toMatchObject({ state: 'ordered', note: expect.stringContaining('不计入') });
  });

  it('the console list is for the referral roles; phones are masked for roles without full phones', async () => {
    await t.api().get(`${API}/admin/referral/invite-rewards`).set(bearer(warehouse)).expect(403);
    expectApiError((await t.api().get(`${API}/admin/referral/invite-rewards?status=nope`).set(bearer(operator)).expect(400)).body, 'VALIDATION_FAILED');
    await t.dataSource.getRepository(MemberRow).update({ id: a.memberId }, { phone: '13912345678' });
    const list = async (token: string): Promise<Paginated<AdminInviteReward>> => (await t.api().get(`${API}/admin/referral/invite-rewards?pageSize=100`).set(bearer(token)).expect(200)).body;
    const seenByOperator = await list(operator);
    expect(seenByOperator.total).toBe((await rewards()).length);
    expect(new Set(seenByOperator.items.map((row) => `${row.inviter.memberId} ${row.inviter.phone}`))).toEqual(new Set([`${a.memberId} 139****5678`]));
    expect(new Set((await list(owner)).items.map((row) => row.inviter.phone))).toEqual(new Set(['13912345678']));
  });

  it('an ended reward coupon makes the reward failed, with why, and grants nothing', async () => {
    const i = await loginWithLink(t, 'invite-i', link);
    const first = await paidOrder(i);
    await complete(i, first);
    await t.api().post(`${API}/admin/coupon-templates/${templateId}/end`).set(bearer(operator)).expect((response) => expect(response.status).toBeLessThan(300));
    expect(await sweep(8)).toBe(1);
    expect((await rewards()).find((row) => row.inviteeMemberId === i.memberId)).toMatchObject({ status: 'failed', note: '奖励的优惠券已暂停或结束' });
    expect(await inviteCoupons(a.memberId)).toBe(3);
  });
});
