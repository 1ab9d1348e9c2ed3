import type { AdminMemberLoyalty, MemberLevel, MembershipCard, OrderDetail, Paginated, PointsLedgerEntry } from '../../shared';
import { LoyaltyCheckoutService } from '../../server/src/loyalty/loyalty-checkout.service';
import { LevelReviewSweeper, PointsExpirySweeper } from '../../server/src/loyalty/loyalty-sweepers';
import { MemberLevelChangeRow } from '../../server/src/loyalty/member-level-change.entity';
import { MemberLevelReviewRow } from '../../server/src/loyalty/member-level-review.entity';
import { PointsLedgerRow } from '../../server/src/loyalty/points-ledger.entity';
import { MemberRow } from '../../server/src/members/member.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { TransactionRunner } from '../../server/src/platform/database/transaction-runner';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

const DAY_MS = 24 * 60 * 60 * 1000;

describe(`member levels and points (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let owner: string;
  let service: string;
  let warehouse: string;
  let tokenCount = 0;
  let fakeOrderId = 900_000;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
    owner = await staffToken(t, 'owner');
    service = await staffToken(t, 'service');
    warehouse = await staffToken(t, 'warehouse');
  });
  afterAll(() => t.close());

  /** A new member: token and id. */
  async function newMember(name: string): Promise<{ token: string; id: number }> {
    const token = await memberToken(t, `loyalty-${name}`);
    const id = (await t.api().get(`${API}/me`).set(bearer(token)).expect(200)).body.id;
    return { token, id };
  }

  /** Places and pays (through the fake WeChat Pay) an order of one unit at `priceFen` (free shipping from 99 元). */
  async function paidOrder(token: string, priceFen: number): Promise<OrderDetail> {
    const skuId = await shop.sku(priceFen, 10);
    const addressId = await shop.address(token);
    const body = { clientToken: `loyalty-${Date.now().toString(36)}-${++tokenCount}`, items: [{ skuId, quantity: 1 }], addressId };
    const placed: OrderDetail = (await t.api().post(`${API}/orders`).set(bearer(token)).send(body).expect(201)).body;
    await payAtFake(t, (await startPayment(t, token, placed.orderNo)).prepayId);
    return eventually(() => orderStatus(t, token, placed.orderNo), (order) => order.status === 'paid');
  }

  async function completedOrder(token: string, priceFen: number): Promise<OrderDetail> {
    const order = await paidOrder(token, priceFen);
    await t.api().post(`${API}/admin/orders/${order.orderNo}/ship`).set(bearer(warehouse)).send({ carrierCode: 'SF', trackingNo: `SF${Date.now()}${tokenCount}` }).expect(200);
    await t.api().post(`${API}/orders/${order.orderNo}/confirm-receipt`).set(bearer(token)).expect(200);
    return order;
  }

  async function refund(token: string, orderNo: string): Promise<void> {
    const applied: OrderDetail = (await t.api().post(`${API}/orders/${orderNo}/after-sales`).set(bearer(token)).send({ type: 'return_refund', reason: '商品破损' }).expect(201)).body;
    const id = applied.afterSale!.id;
    await t.api().post(`${API}/admin/after-sales/${id}/approve`).set(bearer(service)).send({}).expect(200);
    // The goods came back: receipt confirmed, then the refund.
    await t.api().post(`${API}/admin/after-sales/${id}/receive`).set(bearer(service)).send({}).expect(200);
    await t.api().post(`${API}/admin/after-sales/${id}/refund`).set(bearer(service)).send({}).expect(200);
    await eventually(() => orderStatus(t, token, orderNo), (order) => order.status === 'refunded');
  }

  const card = async (token: string): Promise<MembershipCard> => (await t.api().get(`${API}/me/membership`).set(bearer(token)).expect(200)).body;
  const balanceOf = async (memberId: number) => (await t.dataSource.getRepository(MemberRow).findOneByOrFail({ id: memberId })).pointsBalance;
  const ledgerOf = (memberId: number) => t.dataSource.getRepository(PointsLedgerRow).find({ where: { memberId }, order: { id: 'ASC' } });
  const adjust = (memberId: number, delta: number, reason = '活动补偿') =>
    t.api().post(`${API}/admin/members/${memberId}/points-adjustments`).set(bearer(service)).send({ delta, reason });
  const checkout = () => t.app.get(LoyaltyCheckoutService);
  const inTransaction = <T>(work: Parameters<TransactionRunner['run']>[0]) => t.app.get(TransactionRunner).run(work) as Promise<T>;

  describe('level configuration', () => {
    it('a fresh database has the four default tiers and the default points rule', async () => {
      const levels: MemberLevel[] = (await t.api().get(`${API}/admin/member-levels`).set(bearer(owner)).expect(200)).body;
      expect(levels.map(({ name, rank, minPaidFen, memberPricePercent, freeShippingThresholdFen }) => ({ name, rank, minPaidFen, memberPricePercent, freeShippingThresholdFen }))).toEqual([
        { name: '普通会员', rank: 0, minPaidFen: 0, memberPricePercent: 100, freeShippingThresholdFen: null },
        { name: '银卡', rank: 1, minPaidFen: 100_000, memberPricePercent: 98, freeShippingThresholdFen: null },
        { name: '金卡', rank: 2, minPaidFen: 300_000, memberPricePercent: 95, freeShippingThresholdFen: 9_900 },
        { name: '黑金', rank: 3, minPaidFen: 1_000_000, memberPricePercent: 90, freeShippingThresholdFen: 0 },
      ]);
      expect((await t.api().get(`${API}/admin/loyalty-settings`).set(bearer(owner)).expect(200)).body).toEqual({
        levelWindowDays: 365,
        pointsEarnedPerYuan: 1,
        pointsPerYuan: 100,
        pointsMaxSharePercent: 50,
        pointsExpiryMonths: 12,
      });
    });

    it('bad level lists are 400 with a code and the field, and change nothing', async () => {
      const before = (await t.api().get(`${API}/admin/member-levels`).set(bearer(owner)).expect(200)).body;
      const tier = (name: string, minPaidFen: number, extra: object = {}) => ({ name, minPaidFen, memberPricePercent: 100, freeShippingThresholdFen: null, ...extra });
      const cases: [object, string, string][] = [
        [{ levels: [tier('普通', 0)] }, 'VALIDATION_FAILED', 'levels'],
        [{ levels: Array.from({ length: 9 }, (_, i) => tier(`L${i}`, i)) }, 'VALIDATION_FAILED', 'levels'],
        [{ levels: [tier('普通', 0), tier('银卡', 100, { memberPricePercent: 0 })] }, 'VALIDATION_FAILED', 'levels.1.memberPricePercent'],
        [{ levels: [tier('普通', 0), tier('银卡', 100, { memberPricePercent: 101 })] }, 'VALIDATION_FAILED', 'levels.1.memberPricePercent'],
        [{ levels: [tier('普通', 0), tier('银卡', 100, { memberPricePercent: 95.5 })] }, 'VALIDATION_FAILED', 'levels.1.memberPricePercent'],
        [{ levels: [tier('普通', 0), tier('银卡', -100)] }, 'VALIDATION_FAILED', 'levels.1.minPaidFen'],
        [{ levels: [tier('普通', 0), tier('银卡', 100_000_001)] }, 'VALIDATION_FAILED', 'levels.1.minPaidFen'],
        [{ levels: [tier('普通', 0), tier('银卡', 100, { freeShippingThresholdFen: -1 })] }, 'VALIDATION_FAILED', 'levels.1.freeShippingThresholdFen'],
        [{ levels: [tier('普通', 0), tier('一二三四五六七八九十一', 100)] }, 'VALIDATION_FAILED', 'levels.1.name'],
        [{ levels: [tier('普通', 0), tier('   ', 100)] }, 'VALIDATION_FAILED', 'levels.1.name'],
        [{ levels: [tier('普通', 0), tier('银卡', 100, { extra: 1 })] }, 'VALIDATION_FAILED', 'levels.1.extra'],
        [{ levels: [tier('普通', 1), tier('银卡', 100)] }, 'MEMBER_LEVELS_INVALID', 'levels.0.minPaidFen'],
        [{ levels: [tier('普通', 0), tier('银卡', 100), tier('金卡', 100)] }, 'MEMBER_LEVELS_INVALID', 'levels.2.minPaidFen'],
        [{ levels: [tier('普通', 0), tier('银卡', 500), tier('金卡', 400)] }, 'MEMBER_LEVELS_INVALID', 'levels.2.minPaidFen'],
      ];
      for (const [body, code, field] of cases) {
        const answer = await t.api().put(`${API}/admin/member-levels`).set(bearer(owner)).send(body).expect(400);
        expectApiError(answer.body, code);
        expect(JSON.stringify(answer.body.details)).toContain(`"${field}`);
      }
      // Customer service may read the tiers but not change them.
      await t.api().put(`${API}/admin/member-levels`).set(bearer(service)).send({ levels: [tier('普通', 0), tier('银卡', 100)] }).expect(403);
      expect((await t.api().get(`${API}/admin/member-levels`).set(bearer(service)).expect(200)).body).toEqual(before);
    });

    it('bad settings are 400 naming the field', async () => {
      const good = { levelWindowDays: 365, pointsEarnedPerYuan: 1, pointsPerYuan: 100, pointsMaxSharePercent: 50, pointsExpiryMonths: 12 };
      for (const [field, value] of [['levelWindowDays', 0], ['pointsPerYuan', 0], ['pointsMaxSharePercent', 101], ['pointsExpiryMonths', 121], ['pointsEarnedPerYuan', -1], ['pointsPerYuan', 1.5]] as const) {
        const answer = await t.api().put(`${API}/admin/loyalty-settings`).set(bearer(owner)).send({ ...good, [field]: value }).expect(400);
        expectApiError(answer.body, 'VALIDATION_FAILED');
        expect(answer.body.details).toEqual([expect.objectContaining({ field })]);
      }
      expect((await t.api().put(`${API}/admin/loyalty-settings`).set(bearer(owner)).send(good).expect(200)).body).toEqual(good);
    });

    it('products take part in member price unless staff switch it off', async () => {
      const product = await shop.product([{ priceFen: 1000, stock: 1 }]);
      expect(product.memberPriceEnabled).toBe(true);
      const { id, createdAt, updatedAt, salesCount, ...body } = product;
      const saved = (await t.api().put(`${API}/admin/products/${id}`).set(bearer(owner)).send({ ...body, memberPriceEnabled: false }).expect(200)).body;
      expect(saved.memberPriceEnabled).toBe(false);
      const row = (await t.api().get(`${API}/admin/products?keyword=${encodeURIComponent(product.title)}`).set(bearer(owner)).expect(200)).body.items[0];
      expect(row).toEqual(expect.objectContaining({ id, memberPriceEnabled: false }));
    });
  });

  describe('points at checkout', () => {
    it('10 parallel redemptions of 100 from a balance of 500: exactly 5 succeed, balance 0, 5 ledger rows', async () => {
      const member = await newMember('parallel');
      await adjust(member.id, 500).expect(201);
      const orderIds = Array.from({ length: 10 }, () => ++fakeOrderId);
      const outcomes = await Promise.allSettled(
        orderIds.map((orderId) => inTransaction((manager) => checkout().spendPoints(manager, { memberId: member.id, orderId, orderNo: `P${orderId}`, points: 100 }))),
      );
      const failures = outcomes.filter((outcome) => outcome.status === 'rejected') as PromiseRejectedResult[];
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(5);
      expect(failures.map((failure) => (failure.reason as { code?: string }).code)).toEqual(Array(5).fill('POINTS_INSUFFICIENT'));
      expect(await balanceOf(member.id)).toBe(0);
      const ledger = await ledgerOf(member.id);
      const redeemed = ledger.filter((row) => row.reason === 'order_redeemed');
      expect(redeemed).toHaveLength(5);
      expect(redeemed.map((row) => row.delta)).toEqual(Array(5).fill(-100));
      expect(redeemed.map((row) => row.balanceAfter).sort((a, b) => b - a)).toEqual([400, 300, 200, 100, 0]);
      // The one lot of 500 is used up.
      expect(ledger.find((row) => row.reason === 'staff_adjustment')).toEqual(expect.objectContaining({ remaining: 0, openLotExpiresAt: null }));
      expect((await checkout().forCheckout(member.id)).pointsBalance).toBe(0);
    });

    it('a cancelled order gets its points back once, however often it is asked, with the expiry they had', async () => {
      const member = await newMember('cancel');
      await adjust(member.id, 300).expect(201);
      const order = { memberId: member.id, orderId: ++fakeOrderId, orderNo: `C${fakeOrderId}`, points: 120 };
      await inTransaction((manager) => checkout().spendPoints(manager, order));
      expect(await balanceOf(member.id)).toBe(180);
      await Promise.all(Array.from({ length: 4 }, () => inTransaction((manager) => checkout().returnPointsOfCancelledOrder(manager, order))));
      await inTransaction((manager) => checkout().returnPointsOfCancelledOrder(manager, order));
      expect(await balanceOf(member.id)).toBe(300);
      const ledger = await ledgerOf(member.id);
      expect(ledger.map((row) => [row.reason, row.delta, row.balanceAfter])).toEqual([
        ['staff_adjustment', 300, 300],
        ['order_redeemed', -120, 180],
        ['order_cancelled_return', 120, 300],
      ]);
      expect(ledger[2].expiresAt).toEqual(ledger[0].expiresAt);
      // An order that redeemed nothing has nothing to give back.
      await inTransaction((manager) => checkout().returnPointsOfCancelledOrder(manager, { ...order, orderId: ++fakeOrderId, orderNo: `C${fakeOrderId}` }));
      expect(await balanceOf(member.id)).toBe(300);
      // A redemption beyond the balance is refused and changes nothing.
      await expect(inTransaction((manager) => checkout().spendPoints(manager, { ...order, orderId: ++fakeOrderId, points: 301 }))).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' });
      expect(await balanceOf(member.id)).toBe(300);
    });
  });

  describe('levels and points follow the orders', () => {
    it('paying raises the level; completing earns points; a refund takes them back (up to the balance) and lowers the level', async () => {
      const alice = await newMember('alice');
      expect((await checkout().forCheckout(alice.id)).level.name).toBe('普通会员');

      // 1 200 元 paid (free shipping from 99 元): 普通会员 → 银卡 (from 1 000 元).
      const order = await completedOrder(alice.token, 120_000);
      expect(order.payableFen).toBe(120_000);
      const silver = await eventually(() => card(alice.token), (c) => c.level.name === '银卡');
      expect(silver).toEqual(
        expect.objectContaining({ netPaidFen: 120_000, levelWindowDays: 365, fenToNextLevel: 180_000, pointsExpiringSoon: 0, pointsExpiringSoonAt: null }),
      );
      expect(silver.nextLevel?.name).toBe('金卡');
      expect(silver.levels.map((level) => level.name)).toEqual(['普通会员', '银卡', '金卡', '黑金']);
      expect(silver.pointsRule).toEqual({ pointsEarnedPerYuan: 1, pointsPerYuan: 100, pointsMaxSharePercent: 50, pointsExpiryMonths: 12 });
      const benefits = await checkout().forCheckout(alice.id);
      expect(benefits).toEqual(expect.objectContaining({ memberPricePercent: 98, freeShippingThresholdFen: null, pointsPerYuan: 100, pointsMaxSharePercent: 50 }));

      // Completed: 1 200 元 of goods at 1 point per 元 = 1 200 points, expiring 12 months after completion.
      await eventually(() => balanceOf(alice.id), (balance) => balance === 1_200);
      const myPoints: Paginated<PointsLedgerEntry> = (await t.api().get(`${API}/me/points?page=1&pageSize=10`).set(bearer(alice.token)).expect(200)).body;
      expect(myPoints.total).toBe(1);
      expect(myPoints.items[0]).toEqual(expect.objectContaining({ delta: 1_200, balanceAfter: 1_200, reason: 'order_completed', orderNo: order.orderNo }));
      const completedAt = new Date((await orderStatus(t, alice.token, order.orderNo)).completedAt!);
      const expiresAt = new Date(myPoints.items[0].expiresAt!);
      expect(expiresAt.getUTCFullYear() * 12 + expiresAt.getUTCMonth() - (completedAt.getUTCFullYear() * 12 + completedAt.getUTCMonth())).toBe(12);

      // 1 000 of the 1 200 points are spent on another order: the refund can take back only the 200 left.
      await inTransaction((manager) => checkout().spendPoints(manager, { memberId: alice.id, orderId: ++fakeOrderId, orderNo: `A${fakeOrderId}`, points: 1_000 }));
      await refund(alice.token, order.orderNo);
      await eventually(() => card(alice.token), (c) => c.level.name === '普通会员');
      const takeBack = (await ledgerOf(alice.id)).find((row) => row.reason === 'order_refunded_takeback')!;
      expect(takeBack).toEqual(expect.objectContaining({ delta: -200, balanceAfter: 0, orderNo: order.orderNo }));
      expect(takeBack.note).toContain('1000 积分未能扣回');
      expect(await balanceOf(alice.id)).toBe(0);

      const refunded = await card(alice.token);
      expect(refunded).toEqual(expect.objectContaining({ netPaidFen: 0, fenToNextLevel: 100_000, pointsBalance: 0 }));
      const forStaff: AdminMemberLoyalty = (await t.api().get(`${API}/admin/members/${alice.id}/loyalty`).set(bearer(service)).expect(200)).body;
      expect(forStaff).toEqual(expect.objectContaining({ memberId: alice.id, netPaidFen: 0, pointsBalance: 0 }));
      expect(forStaff.level.name).toBe('普通会员');
      expect(forStaff.levelHistory.map((change) => [change.fromLevelName, change.toLevelName, change.reason, change.netPaidFen])).toEqual([
        ['银卡', '普通会员', 'order_refunded', 0],
        ['普通会员', '银卡', 'order_paid', 120_000],
      ]);
      const staffPoints: Paginated<PointsLedgerEntry> = (await t.api().get(`${API}/admin/members/${alice.id}/points`).set(bearer(service)).expect(200)).body;
      expect(staffPoints.items.map((entry) => [entry.reason, entry.delta, entry.balanceAfter])).toEqual([
        ['order_refunded_takeback', -200, 0],
        ['order_redeemed', -1_000, 200],
        ['order_completed', 1_200, 1_200],
      ]);
    });

    it('a refund gives back the points the refunded order redeemed', async () => {
      const bob = await newMember('bob');
      const order = await paidOrder(bob.token, 20_000);
      // As checkout would have recorded it for this order: 500 points redeemed.
      await adjust(bob.id, 500).expect(201);
      const orderId = (await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: order.orderNo })).id;
      await inTransaction((manager) => checkout().spendPoints(manager, { memberId: bob.id, orderId, orderNo: order.orderNo, points: 500 }));
      expect(await balanceOf(bob.id)).toBe(0);
      const applied: OrderDetail = (await t.api().post(`${API}/orders/${order.orderNo}/after-sales`).set(bearer(bob.token)).send({ type: 'refund_only', reason: '不想要了' }).expect(201)).body;
      await t.api().post(`${API}/admin/after-sales/${applied.afterSale!.id}/approve`).set(bearer(service)).send({}).expect(200);
      await eventually(() => balanceOf(bob.id), (balance) => balance === 500);
      expect((await ledgerOf(bob.id)).map((row) => [row.reason, row.delta])).toEqual([
        ['staff_adjustment', 500],
        ['order_redeemed', -500],
        ['order_refunded_return', 500],
      ]);
    });

    it('the level review sweep lowers a level once its orders leave the window, once', async () => {
      const carol = await newMember('carol');
      await paidOrder(carol.token, 310_000);
      await eventually(() => card(carol.token), (c) => c.level.name === '金卡');
      const sweeper = t.app.get(LevelReviewSweeper);
      // Nothing is due yet.
      expect(await sweeper.sweep(new Date(Date.now() + 364 * DAY_MS))).toBe(0);
      const later = new Date(Date.now() + 366 * DAY_MS);
      // Three instances sweeping at once agree on the level and record the change once.
      await Promise.all([sweeper.sweep(later), sweeper.sweep(later), sweeper.sweep(later)]);
      expect((await checkout().forCheckout(carol.id)).level.name).toBe('普通会员');
      expect(await sweeper.sweep(later)).toBe(0);
      const changes = await t.dataSource.getRepository(MemberLevelChangeRow).find({ where: { memberId: carol.id }, order: { id: 'ASC' } });
      expect(changes.map((change) => [change.fromLevelName, change.toLevelName, change.reason])).toEqual([
        ['普通会员', '金卡', 'order_paid'],
        ['金卡', '普通会员', 'sweep'],
      ]);
    });

    it('new tiers re-evaluate members: a lower 银卡 threshold lifts a member at once', async () => {
      const dave = await newMember('dave');
      await paidOrder(dave.token, 60_000);
      // The payment's recompute has run (it writes the member's review row): 600 元 is below 银卡.
      await eventually(() => t.dataSource.getRepository(MemberLevelReviewRow).countBy({ memberId: dave.id }), (count) => count === 1);
      expect(await card(dave.token)).toEqual(expect.objectContaining({ netPaidFen: 60_000, level: expect.objectContaining({ name: '普通会员' }) }));
      const levels: MemberLevel[] = (await t.api().get(`${API}/admin/member-levels`).set(bearer(owner)).expect(200)).body;
      const inputs = levels.map(({ name, minPaidFen, memberPricePercent, freeShippingThresholdFen }) => ({ name, minPaidFen, memberPricePercent, freeShippingThresholdFen }));
      inputs[1].minPaidFen = 50_000;
      const saved: MemberLevel[] = (await t.api().put(`${API}/admin/member-levels`).set(bearer(owner)).send({ levels: inputs }).expect(200)).body;
      expect(saved.map((level) => level.id)).toEqual(levels.map((level) => level.id));
      expect(saved[1].minPaidFen).toBe(50_000);
      await eventually(() => card(dave.token), (c) => c.level.name === '银卡');
      inputs[1].minPaidFen = 100_000;
      await t.api().put(`${API}/admin/member-levels`).set(bearer(owner)).send({ levels: inputs }).expect(200);
      await eventually(() => card(dave.token), (c) => c.level.name === '普通会员');
    });
  });

  describe('points expiry', () => {
    it('expires what is left of each lot when it is due, oldest lots spent first, once', async () => {
      const erin = await newMember('erin');
      const settings = (await t.api().get(`${API}/admin/loyalty-settings`).set(bearer(owner)).expect(200)).body;
      // Lot A: 300 points expiring in 12 months; lot B: 200 points expiring in 24 months.
      await adjust(erin.id, 300).expect(201);
      await t.api().put(`${API}/admin/loyalty-settings`).set(bearer(owner)).send({ ...settings, pointsExpiryMonths: 24 }).expect(200);
      await adjust(erin.id, 200).expect(201);
      await t.api().put(`${API}/admin/loyalty-settings`).set(bearer(owner)).send(settings).expect(200);
      // Spending 100 takes them from lot A (expires first): A 200 left, B 200.
      await inTransaction((manager) => checkout().spendPoints(manager, { memberId: erin.id, orderId: ++fakeOrderId, orderNo: `E${fakeOrderId}`, points: 100 }));
      expect(await balanceOf(erin.id)).toBe(400);

      const sweeper = t.app.get(PointsExpirySweeper);
      const month = 31 * DAY_MS;
      // (Other members' lots expire in these sweeps too: the figures asserted are erin's.)
      await sweeper.sweep(new Date(Date.now() + 11 * month));
      expect(await balanceOf(erin.id)).toBe(400);
      const afterA = new Date(Date.now() + 13 * month);
      expect(await sweeper.sweep(afterA)).toBeGreaterThanOrEqual(1);
      expect(await balanceOf(erin.id)).toBe(200);
      expect(await Promise.all([sweeper.sweep(afterA), sweeper.sweep(afterA)])).toEqual([0, 0]);
      expect(await balanceOf(erin.id)).toBe(200);
      await sweeper.sweep(new Date(Date.now() + 25 * month));
      expect(await balanceOf(erin.id)).toBe(0);
      expect((await ledgerOf(erin.id)).map((row) => [row.reason, row.delta, row.balanceAfter])).toEqual([
        ['staff_adjustment', 300, 300],
        ['staff_adjustment', 200, 500],
        ['order_redeemed', -100, 400],
        ['expired', -200, 200],
        ['expired', -200, 0],
      ]);
    });

    it('the card shows the points expiring within 30 days', async () => {
      const frank = await newMember('frank');
      await adjust(frank.id, 80).expect(201);
      // Bring the lot's expiry to 10 days from now, as if it was earned almost a year ago.
      const soon = new Date(Date.now() + 10 * DAY_MS);
      await t.dataSource.getRepository(PointsLedgerRow).update({ memberId: frank.id }, { expiresAt: soon, openLotExpiresAt: soon });
      await adjust(frank.id, 20).expect(201);
      const shown = await card(frank.token);
      expect(shown).toEqual(expect.objectContaining({ pointsBalance: 100, pointsExpiringSoon: 80 }));
      expect(Math.abs(new Date(shown.pointsExpiringSoonAt!).getTime() - soon.getTime())).toBeLessThan(1000);
    });
  });

  describe('staff adjustment', () => {
    it('credits and debits with a reason; never below zero; bad input is 400', async () => {
      const gina = await newMember('gina');
      const credited: PointsLedgerEntry = (await adjust(gina.id, 50, '客诉补偿').expect(201)).body;
      expect(credited).toEqual(expect.objectContaining({ delta: 50, balanceAfter: 50, reason: 'staff_adjustment', note: '客诉补偿' }));
      expectApiError((await adjust(gina.id, -51).expect(409)).body, 'POINTS_INSUFFICIENT');
      expect((await adjust(gina.id, -50).expect(201)).body).toEqual(expect.objectContaining({ delta: -50, balanceAfter: 0 }));
      for (const body of [{ delta: 0, reason: 'x' }, { delta: 1.5, reason: 'x' }, { delta: 10 }, { delta: 10, reason: '' }, { delta: 2_000_000, reason: 'x' }]) {
        expectApiError((await t.api().post(`${API}/admin/members/${gina.id}/points-adjustments`).set(bearer(service)).send(body).expect(400)).body, 'VALIDATION_FAILED');
      }
      expectApiError((await adjust(999_999, 10).expect(404)).body, 'MEMBER_NOT_FOUND');
      await t.api().post(`${API}/admin/members/${gina.id}/points-adjustments`).set(bearer(warehouse)).send({ delta: 10, reason: 'x' }).expect(403);
      expect(await balanceOf(gina.id)).toBe(0);
    });
  });
});
