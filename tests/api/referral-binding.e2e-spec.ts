import type { MemberReferralBindings, MyPromoterStatus, OrderDetail, Paginated, PromoterTeamTree, TeamMember } from '../../shared';
import { MemberRow } from '../../server/src/members/member.entity';
import { BindingsService } from '../../server/src/referral/bindings.service';
import { OrderRow } from '../../server/src/orders/order.entity';
import { CurrentReferrerRow } from '../../server/src/referral/current-referrer.entity';
import { OrderReferrersRow } from '../../server/src/referral/order-referrers.entity';
import { ReferralBindingRow } from '../../server/src/referral/referral-binding.entity';
import { loginWithLink, openLink, saveReferralSettings, shareLinkOf, type Shopper } from './support/referral-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { countTransactionAttempts } from './support/transaction-attempts';
import { API, bearer, startTestApp, staffToken, TEST_DB, type TestApp } from './support/test-app';

/**
 * Binding (who brought whom) per the shop's mode and scope, through the attribution seams (the login's share link,
 * a logged-in member's touch), with every attempt recorded; and the order's earners fixed when it is placed.
 */
describe(`referral binding (${TEST_DB})`, () => {
  let t: TestApp;
  let owner: string;
  let operator: string;
  let shop: ShopFixtures;
  let count = 0;

  beforeAll(async () => {
    t = await startTestApp();
    [owner, operator] = await Promise.all([staffToken(t, 'owner'), staffToken(t, 'operator')]);
    shop = new ShopFixtures(t);
    await shop.init();
  });
  afterAll(() => t.close());

  /** A member who shares: logged in, with a page link. */
  async function sharer(): Promise<Shopper & { link: string }> {
    const member = await loginWithLink(t, `binding-sharer-${++count}`);
    return { ...member, link: await shareLinkOf(t, member) };
  }
  const newcomer = (shortId?: string) => loginWithLink(t, `binding-newcomer-${++count}`, shortId);
  const current = (memberId: number) => t.dataSource.getRepository(CurrentReferrerRow).findOneBy({ memberId });
  const attempts = async (memberId: number) =>
    (await t.dataSource.getRepository(ReferralBindingRow).find({ where: { memberId }, order: { id: 'ASC' } })).map((row) => [row.outcome, row.reason, row.referrerMemberId]);
  const history = async (memberId: number): Promise<MemberReferralBindings> =>
    (await t.api().get(`${API}/admin/referral/members/${memberId}/bindings`).set(bearer(operator)).expect(200)).body;

  describe('first touch, permanent (the default)', () => {
    it('binds at the first login with a link, keeps that referrer when another link comes, and records why', async () => {
      await saveReferralSettings(t, owner, { bindingMode: 'first_touch' });
      const [a, c] = [await sharer(), await sharer()];
      const b = await newcomer(a.link);
      expect(b.isNew).toBe(true);
      expect(await current(b.memberId)).toMatchObject({ referrerMemberId: a.memberId, expiresAt: null });
      await openLink(t, b, c.link);
      // Opening the same referrer's link again records nothing.
      await openLink(t, b, a.link);
      expect(await current(b.memberId)).toMatchObject({ referrerMemberId: a.memberId });
      expect(await attempts(b.memberId)).toEqual([
        ['bound', 'first_binding', a.memberId],
        ['refused', 'already_bound', c.memberId],
      ]);
      const seen = await history(b.memberId);
      expect(seen.current).toMatchObject({ referrerMemberId: a.memberId, expiresAt: null });
      expect(seen.history.map((row) => row.reasonText)).toEqual(['已有推荐人', '首次绑定']);
      expect((await t.api().get(`${API}/referral/promoter`).set(bearer(b.token)).expect(200)).body.referrer).toEqual({ memberId: a.memberId, nickname: '' });
      await t.api().get(`${API}/admin/referral/members/999999/bindings`).set(bearer(operator)).expect(404);
    });

    it('never binds to oneself', async () => {
      const a = await sharer();
      await openLink(t, a, a.link);
      expect(await current(a.memberId)).toBeNull();
      expect(await attempts(a.memberId)).toEqual([['refused', 'self', a.memberId]]);
    });

    it('never closes a cycle: A→B→A and A→B→C→A are refused', async () => {
      const m1 = await sharer();
      const m2 = await loginWithLink(t, `binding-cycle-${++count}`, m1.link);
      const m2Link = await shareLinkOf(t, m2);
      await openLink(t, m1, m2Link);
      expect(await current(m1.memberId)).toBeNull();
      const m3 = await loginWithLink(t, `binding-cycle-${++count}`, m2Link);
      expect(await current(m3.memberId)).toMatchObject({ referrerMemberId: m2.memberId });
      await openLink(t, m1, await shareLinkOf(t, m3));
      expect(await current(m1.memberId)).toBeNull();
      expect(await attempts(m1.memberId)).toEqual([
        ['refused', 'cycle', m2.memberId],
        ['refused', 'cycle', m3.memberId],
      ]);
    });

    it('two members opening each other\'s links at the same moment: never both bound (5 pairs, in parallel)', async () => {
      const pairs = await Promise.all(Array.from({ length: 5 }, async () => [await sharer(), await sharer()] as const));
      await Promise.all(pairs.flatMap(([u, v]) => [openLink(t, u, v.link), openLink(t, v, u.link)]));
      for (const [u, v] of pairs) {
        const bound = [await current(u.memberId), await current(v.memberId)].filter(Boolean);
        expect(bound).toHaveLength(1);
        const refusals = [...(await attempts(u.memberId)), ...(await attempts(v.memberId))].filter(([outcome]) => outcome === 'refused');
        expect(refusals.map(([, reason]) => reason)).toEqual(['cycle']);
      }
    });

    it('three members closing a loop at the same moment (A→B, B→C, C→A; 5 triples in parallel): never all three bound', async () => {
      const triples = await Promise.all(Array.from({ length: 5 }, async () => [await sharer(), await sharer(), await sharer()] as const));
      await Promise.all(triples.flatMap(([u, v, w]) => [openLink(t, u, v.link), openLink(t, v, w.link), openLink(t, w, u.link)]));
      for (const triple of triples) {
        const rows = await Promise.all(triple.map((member) => current(member.memberId)));
        expect(rows.filter(Boolean)).toHaveLength(2);
        const refusals = (await Promise.all(triple.map((member) => attempts(member.memberId)))).flat().filter(([outcome]) => outcome === 'refused');
        expect(refusals.map(([, reason]) => reason)).toEqual(['cycle']);
      }
    });

    it('parallel attempts for one member (8 links at once) end with one binding', async () => {
      const sharers = await Promise.all(Array.from({ length: 8 }, () => sharer()));
      const member = await newcomer();
      await Promise.all(sharers.map((s) => openLink(t, member, s.link)));
      const rows = await attempts(member.memberId);
      expect(rows.filter(([outcome]) => outcome === 'bound')).toHaveLength(1);
      expect(rows.filter(([outcome, reason]) => outcome === 'refused' && reason === 'already_bound')).toHaveLength(7);
      const winner = rows.find(([outcome]) => outcome === 'bound')![2];
      expect(await current(member.memberId)).toMatchObject({ referrerMemberId: winner });
    });

    it('30 new members binding at once, to 30 promoters and then 30 more to one promoter: all bound, no deadlock retried', async () => {
      const promoters = await Promise.all(Array.from({ length: 30 }, () => sharer()));
      const members = await Promise.all(Array.from({ length: 60 }, () => newcomer()));
      const bindings = t.app.get(BindingsService);
      const bindAll = (pairs: [Shopper, Shopper][]) =>
        Promise.all(pairs.map(([member, promoter]) => bindings.attempt({ memberId: member.memberId, referrerMemberId: promoter.memberId, shareLinkId: null, registered: false, at: new Date() })));
      const { result, attempts: tries } = await countTransactionAttempts(t, async () => [
        ...(await bindAll(members.slice(0, 30).map((member, index) => [member, promoters[index]]))),
        ...(await bindAll(members.slice(30).map((member) => [member, promoters[0]]))),
      ]);
      expect(result.every((bound) => bound?.outcome === 'bound')).toBe(true);
      // Each binding ran once: none was rolled back as a deadlock victim and retried.
      expect(tries).toBe(60);
      for (const [index, member] of members.entries()) {
        expect(await current(member.memberId)).toMatchObject({ referrerMemberId: promoters[index < 30 ? index : 0].memberId });
      }
    });

    it('never binds to a frozen promoter', async () => {
      const z = await sharer();
      // 人人分销: Z is a promoter (opening the promoter center makes the row), then staff freeze Z.
      expect(((await t.api().get(`${API}/referral/promoter`).set(bearer(z.token)).expect(200)).body as MyPromoterStatus).status).toBe('active');
      await t.api().post(`${API}/admin/referral/promoters/${z.memberId}/freeze`).set(bearer(operator)).send({ reason: '违规' }).expect(200);
      const member = await newcomer(z.link);
      expect(await current(member.memberId)).toBeNull();
      expect(await attempts(member.memberId)).toEqual([['refused', 'referrer_frozen', z.memberId]]);
    });
  });

  it('指定分销: only to an active promoter', async () => {
    await saveReferralSettings(t, owner, { programMode: 'approved' });
    const [plain, approved] = [await sharer(), await sharer()];
    await t.api().post(`${API}/referral/promoter/apply`).set(bearer(approved.token)).send({}).expect(200);
    await t.api().post(`${API}/admin/referral/promoters/${approved.memberId}/approve`).set(bearer(operator)).send({}).expect(200);
    const first = await newcomer(plain.link);
    expect(await attempts(first.memberId)).toEqual([['refused', 'referrer_not_promoter', plain.memberId]]);
    const second = await newcomer(approved.link);
    expect(await current(second.memberId)).toMatchObject({ referrerMemberId: approved.memberId });
    await saveReferralSettings(t, owner);
  });

  it('valid for N days: a second referrer is refused within them, takes over after', async () => {
    await saveReferralSettings(t, owner, { bindingMode: 'valid_days', bindingValidDays: 30 });
    const [a, e] = [await sharer(), await sharer()];
    const d = await newcomer(a.link);
    const bound = (await current(d.memberId))!;
    expect(bound.expiresAt!.getTime() - bound.boundAt.getTime()).toBe(30 * 86_400_000);
    await openLink(t, d, e.link);
    expect(await current(d.memberId)).toMatchObject({ referrerMemberId: a.memberId });
    // 30 days later (the binding's term moved into the past).
    await t.dataSource.getRepository(CurrentReferrerRow).update({ memberId: d.memberId }, { boundAt: new Date(Date.now() - 31 * 86_400_000), expiresAt: new Date(Date.now() - 86_400_000) });
    expect((await history(d.memberId)).current).toBeNull();
    await openLink(t, d, e.link);
    expect(await current(d.memberId)).toMatchObject({ referrerMemberId: e.memberId });
    expect(await attempts(d.memberId)).toEqual([
      ['bound', 'first_binding', a.memberId],
      ['refused', 'already_bound', e.memberId],
      ['rebound', 'expired_takeover', e.memberId],
    ]);
  });

  it('last touch: every new referrer takes over', async () => {
    await saveReferralSettings(t, owner, { bindingMode: 'last_touch' });
    const [a, c] = [await sharer(), await sharer()];
    const f = await newcomer(a.link);
    await openLink(t, f, c.link);
    expect(await current(f.memberId)).toMatchObject({ referrerMemberId: c.memberId, expiresAt: null });
    expect(await attempts(f.memberId)).toEqual([
      ['bound', 'first_binding', a.memberId],
      ['rebound', 'last_touch', c.memberId],
    ]);
  });

  it('new members only: a member who registered earlier is not bound; one who registers with the link is', async () => {
    await saveReferralSettings(t, owner, { bindScope: 'new_members' });
    const a = await sharer();
    const old = await newcomer();
    await openLink(t, old, a.link);
    // Logging in again with the link is not a registration either.
    const again = await loginWithLink(t, `binding-newcomer-${count}`, a.link);
    expect(again).toMatchObject({ memberId: old.memberId, isNew: false });
    expect(await current(old.memberId)).toBeNull();
    expect(await attempts(old.memberId)).toEqual([
      ['refused', 'not_new_member', a.memberId],
      ['refused', 'not_new_member', a.memberId],
    ]);
    const fresh = await newcomer(a.link);
    expect(await current(fresh.memberId)).toMatchObject({ referrerMemberId: a.memberId });
    await saveReferralSettings(t, owner);
  });

  it('my team, level 1 and level 2 (phones masked), and the console tree two levels deep', async () => {
    await saveReferralSettings(t, owner);
    const top = await sharer();
    const child = await loginWithLink(t, `binding-team-${++count}`, top.link);
    const childLink = await shareLinkOf(t, child);
    const grandchildren = [await loginWithLink(t, `binding-team-${++count}`, childLink), await loginWithLink(t, `binding-team-${++count}`, childLink)];
    // A third level exists in the data but is nobody's team below two.
    const great = await loginWithLink(t, `binding-team-${++count}`, await shareLinkOf(t, grandchildren[0]));
    const team = async (level: number): Promise<Paginated<TeamMember>> => (await t.api().get(`${API}/referral/team?level=${level}`).set(bearer(top.token)).expect(200)).body;
    await t.dataSource.getRepository(MemberRow).update({ id: child.memberId }, { phone: '13812345678', nickname: '小明' });
    expect((await team(1)).items).toEqual([{ memberId: child.memberId, nickname: '小明', avatarUrl: '', phoneMasked: '138****5678', joinedAt: expect.any(String) }]);
    expect((await team(2)).items.map((row) => row.memberId).sort()).toEqual(grandchildren.map((g) => g.memberId).sort());
    expect((await team(2)).items.map((row) => row.memberId)).not.toContain(great.memberId);
    await t.api().get(`${API}/referral/team?level=3`).set(bearer(top.token)).expect(400);
    await t.api().get(`${API}/referral/team`).set(bearer(top.token)).expect(400);
    const status: MyPromoterStatus = (await t.api().get(`${API}/referral/promoter`).set(bearer(top.token)).expect(200)).body;
    expect(status).toMatchObject({ teamLevel1Count: 1, teamLevel2Count: 2 });
    const tree: PromoterTeamTree = (await t.api().get(`${API}/admin/referral/promoters/${top.memberId}/team`).set(bearer(operator)).expect(200)).body;
    expect(tree.level1.map((row) => [row.memberId, row.phone])).toEqual([[child.memberId, '138****5678']]);
    // The owner sees full phones (FULL_PHONE_ROLES).
    const ownerTree: PromoterTeamTree = (await t.api().get(`${API}/admin/referral/promoters/${top.memberId}/team`).set(bearer(owner)).expect(200)).body;
    expect(ownerTree.level1[0].phone).toBe('13812345678');
    expect(tree.level1[0].level2.map((row) => row.memberId).sort()).toEqual(grandchildren.map((g) => g.memberId).sort());
    expect(JSON.stringify(tree)).not.toContain('level3');
    await t.api().get(`${API}/admin/referral/promoters/999999/team`).set(bearer(operator)).expect(404);
  });

  describe("the order's earners, fixed when it is placed", () => {
    let skuId: number;
    beforeAll(async () => {
      skuId = await shop.sku(5000, 100);
    });

    async function place(buyer: Shopper, headers: Record<string, string> = {}): Promise<OrderDetail> {
      const addressId = await shop.address(buyer.token);
      return (await t.api().post(`${API}/orders`).set(bearer(buyer.token)).set(headers).send({ clientToken: `binding-order-${++count}`, items: [{ skuId, quantity: 1 }], addressId }).expect(201)).body;
    }
    const snapshot = async (orderNo: string) => {
      const order = await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo });
      return t.dataSource.getRepository(OrderReferrersRow).findOneBy({ orderId: order.id });
    };

    it('a rebinding after the order never moves it; a client header never names the referrer', async () => {
      await saveReferralSettings(t, owner, { bindingMode: 'last_touch' });
      const [grand, c] = [await sharer(), await sharer()];
      const a = await loginWithLink(t, `binding-order-${++count}`, grand.link);
      const aLink = await shareLinkOf(t, a);
      const buyer = await newcomer(aLink);
      // The buyer sends C's link as the order's header: the order's source shows it, the earners do not.
      const first = await place(buyer, { 'x-share-link': c.link });
      expect(await snapshot(first.orderNo)).toMatchObject({ buyerMemberId: buyer.memberId, level1MemberId: a.memberId, level2MemberId: grand.memberId, selfPurchase: false });
      await openLink(t, buyer, c.link);
      expect(await current(buyer.memberId)).toMatchObject({ referrerMemberId: c.memberId });
      expect(await snapshot(first.orderNo)).toMatchObject({ level1MemberId: a.memberId, level2MemberId: grand.memberId });
      const second = await place(buyer);
      expect(await snapshot(second.orderNo)).toMatchObject({ level1MemberId: c.memberId, level2MemberId: null });
    });

    it('level 2 only through a qualifying level 1: C→B lapsed or B frozen, B→A: A earns nothing on C', async () => {
      await saveReferralSettings(t, owner, { bindingMode: 'valid_days', bindingValidDays: 30 });
      const a = await sharer();
      const b = await loginWithLink(t, `binding-order-${++count}`, a.link);
      const c = await newcomer(await shareLinkOf(t, b));
      expect(await current(c.memberId)).toMatchObject({ referrerMemberId: b.memberId });
      // C's binding to B lapsed (its 30 days are over); B's to A is still in force.
      await t.dataSource.getRepository(CurrentReferrerRow).update({ memberId: c.memberId }, { expiresAt: new Date(Date.now() - 86_400_000) });
      expect(await snapshot((await place(c)).orderNo)).toBeNull();
      // In force again, but B frozen: neither B nor A earns on C's order.
      await t.dataSource.getRepository(CurrentReferrerRow).update({ memberId: c.memberId }, { expiresAt: new Date(Date.now() + 86_400_000) });
      expect(await snapshot((await place(c)).orderNo)).toMatchObject({ level1MemberId: b.memberId, level2MemberId: a.memberId });
      await t.api().get(`${API}/referral/promoter`).set(bearer(b.token)).expect(200);
      await t.api().post(`${API}/admin/referral/promoters/${b.memberId}/freeze`).set(bearer(operator)).send({ reason: '暂停' }).expect(200);
      expect(await snapshot((await place(c)).orderNo)).toBeNull();
      await saveReferralSettings(t, owner);
    });

    it('nobody earns when 分销 is off or the buyer has no referrer; a frozen referrer earns nothing on new orders', async () => {
      await saveReferralSettings(t, owner, { enabled: false });
      const a = await sharer();
      const buyer = await newcomer(a.link);
      // Binding is recorded even while 分销 is off (who brought whom); earning is not.
      expect(await current(buyer.memberId)).toMatchObject({ referrerMemberId: a.memberId });
      expect(await snapshot((await place(buyer)).orderNo)).toBeNull();
      await saveReferralSettings(t, owner);
      expect(await snapshot((await place(await newcomer())).orderNo)).toBeNull();
      await t.api().get(`${API}/referral/promoter`).set(bearer(a.token)).expect(200);
      await t.api().post(`${API}/admin/referral/promoters/${a.memberId}/freeze`).set(bearer(operator)).send({ reason: '暂停' }).expect(200);
      expect(await snapshot((await place(buyer)).orderNo)).toBeNull();
    });
  });
});
