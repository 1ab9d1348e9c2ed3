import type { SubscribeTemplate } from '../../shared';
import { CART_MAX_ITEMS, CART_MAX_QUANTITY } from '../../shared';
import { In } from 'typeorm';
import { MemberLevelsService } from '../../server/src/loyalty/member-levels.service';
import { MemberLevelReviewRow } from '../../server/src/loyalty/member-level-review.entity';
import { MemberPurchaseStatsService } from '../../server/src/analytics/member-purchase-stats.service';
import { MemberPurchaseStatsRow } from '../../server/src/analytics/member-purchase-stats.entity';
import { CartItemRow } from '../../server/src/cart/cart-item.entity';
import { MemberCouponCountRow } from '../../server/src/coupons/member-coupon-count.entity';
import { MemberCouponRow } from '../../server/src/coupons/member-coupon.entity';
import { MemberRow } from '../../server/src/members/member.entity';
import { retryLockConflicts } from '../../server/src/platform/database/transaction-runner';
import { SubscribeQuotaRow } from '../../server/src/subscribe-messages/subscribe-quota.entity';
import { createTemplate, claim } from './support/coupon-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { expectStockLedgerBalanced, movementsOfSku } from './support/stock-ledger';
import { API, bearer, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/**
 * Writes that insert a row the first time and change it afterwards (cart lines, subscribe quotas, coupon
 * counters, purchase stats, settings rows), fired in parallel by many members at once. On MariaDB the
 * "update, insert when nothing was updated" shape deadlocked between different members; each is one upsert now.
 */
describe(`first writes of many members at once (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let members: { token: string; id: number }[];
  const MEMBERS = 100;

  beforeAll(async () => {
    t = await startTestApp();
    shop = new ShopFixtures(t);
    await shop.init();
    members = [];
    // Logins in batches of 20: the test is about the adds, not about 100 simultaneous first logins.
    for (let batch = 0; batch < MEMBERS; batch += 20) {
      const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => memberToken(t, `race-member-${batch + i}`)));
      for (const token of tokens) {
        const me = await t.api().get(`${API}/me`).set(bearer(token)).expect(200);
        members.push({ token, id: me.body.id });
      }
    }
  }, 120_000);
  afterAll(() => t.close());

  const statuses = (responses: { status: number }[]) =>
    responses.reduce<Record<number, number>>((count, response) => ({ ...count, [response.status]: (count[response.status] ?? 0) + 1 }), {});

  it('adds the first line of one SKU for 100 members in parallel: no 5xx, one correct line each', async () => {
    const skuId = await shop.sku(1200, 10_000);
    const responses = await Promise.all(members.map(({ token }, i) => t.api().post(`${API}/cart/items`).set(bearer(token)).send({ skuId, quantity: 1 + (i % 3) })));
    expect(statuses(responses)).toEqual({ 200: MEMBERS });
    const rows = await t.dataSource.getRepository(CartItemRow).findBy({ skuId });
    expect(rows).toHaveLength(MEMBERS);
    const byMember = new Map(rows.map((row) => [row.memberId, row]));
    members.forEach(({ id }, i) => {
      expect(byMember.get(id)).toEqual(expect.objectContaining({ quantity: 1 + (i % 3), addedPriceFen: 1200, selected: true }));
    });
  }, 60_000);

  it('adds a second SKU for every member while each member also adds to the first line twice: counts add up, capped at 99', async () => {
    const first = await shop.sku(800, 10_000);
    const second = await shop.sku(900, 10_000);
    const add = (token: string, skuId: number, quantity: number) => t.api().post(`${API}/cart/items`).set(bearer(token)).send({ skuId, quantity });
    const some = members.slice(0, 40);
    const responses = await Promise.all(
      some.flatMap(({ token }) => [add(token, first, 60), add(token, first, 60), add(token, second, 2)]),
    );
    expect(statuses(responses)).toEqual({ 200: some.length * 3 });
    const rows = await t.dataSource.getRepository(CartItemRow).findBy({ memberId: some[0].id });
    for (const { id } of some) {
      const lines = await t.dataSource.getRepository(CartItemRow).findBy({ memberId: id });
      expect(lines.find((line) => line.skuId === first)?.quantity).toBe(CART_MAX_QUANTITY);
      expect(lines.find((line) => line.skuId === second)?.quantity).toBe(2);
    }
    expect(rows.length).toBeGreaterThan(0);
  }, 60_000);

  it('sells 30 units out to 100 buyers who add to the cart and check out at once: 30 orders, the rest OUT_OF_STOCK, no 5xx', async () => {
    const skuId = await shop.sku(1500, 30);
    const addresses: number[] = [];
    for (let batch = 0; batch < MEMBERS; batch += 20) {
      addresses.push(...(await Promise.all(members.slice(batch, batch + 20).map(({ token }) => shop.address(token)))));
    }
    const buy = async ({ token }: { token: string }, i: number) => {
      const added = await t.api().post(`${API}/cart/items`).set(bearer(token)).send({ skuId, quantity: 1 });
      if (added.status !== 200) return added;
      return t.api().post(`${API}/orders`).set(bearer(token)).send({ clientToken: `sellout-${i}-order`, items: [{ skuId, quantity: 1 }], addressId: addresses[i], fromCart: true });
    };
    const responses = await Promise.all(members.map(buy));
    expect(statuses(responses)).toEqual({ 201: 30, 409: MEMBERS - 30 });
    expect(responses.filter((response) => response.status === 409).every((response) => response.body.code === 'OUT_OF_STOCK')).toBe(true);
    expect(await shop.stockOf(skuId)).toBe(0);
    expect((await movementsOfSku(t, skuId)).filter((m) => m.reason === 'sale')).toHaveLength(30);
    await expectStockLedgerBalanced(t);
  }, 90_000);

  it('holds the cart at CART_MAX_ITEMS lines when one member adds 110 different SKUs at once', async () => {
    const skus: number[] = [];
    for (let made = 0; made < CART_MAX_ITEMS + 10; made += 10) skus.push(...(await Promise.all(Array.from({ length: 10 }, () => shop.sku(100, 10)))));
    const shopper = await memberToken(t, 'race-full-cart');
    const responses = await Promise.all(skus.map((skuId) => t.api().post(`${API}/cart/items`).set(bearer(shopper)).send({ skuId, quantity: 1 })));
    expect(statuses(responses)).toEqual({ 200: CART_MAX_ITEMS, 409: skus.length - CART_MAX_ITEMS });
    expect(responses.filter((response) => response.status === 409).every((response) => response.body.code === 'CART_FULL')).toBe(true);
    const me = (await t.api().get(`${API}/me`).set(bearer(shopper)).expect(200)).body;
    expect(await t.dataSource.getRepository(CartItemRow).countBy({ memberId: me.id })).toBe(CART_MAX_ITEMS);
    // A line already in the full cart can still grow.
    await t.api().post(`${API}/cart/items`).set(bearer(shopper)).send({ skuId: skus[0], quantity: 1 }).expect(200);
  }, 60_000);

  it('reviews 100 members’ levels in parallel, twice each: one review row each, no failure', async () => {
    const levels = t.app.get(MemberLevelsService);
    await Promise.all(members.flatMap(({ id }) => [levels.recompute(id, 'sweep'), levels.recompute(id, 'sweep')]));
    const reviewed = await t.dataSource.getRepository(MemberLevelReviewRow).findBy({ memberId: In(members.map(({ id }) => id)) });
    expect(reviewed).toHaveLength(MEMBERS);
  }, 60_000);

  it('records 100 members’ first subscribe answers in parallel, twice each: quota 2 per member and template', async () => {
    const templates: SubscribeTemplate[] = (await t.api().get(`${API}/subscribe-templates`).expect(200)).body;
    const answers = templates.map((template) => ({ templateId: template.templateId, accepted: true }));
    // WeChat asks about at most 3 templates at once: the answers come in groups of 3, as the storefront sends them.
    const groups = Array.from({ length: Math.ceil(answers.length / 3) }, (_, index) => answers.slice(index * 3, index * 3 + 3));
    const responses = await Promise.all(
      members.flatMap(({ token }) => [0, 1].flatMap(() => groups.map((group) => t.api().post(`${API}/me/subscriptions`).set(bearer(token)).send({ answers: group })))),
    );
    expect(Object.keys(statuses(responses)).every((status) => Number(status) < 300)).toBe(true);
    const quotas = await t.dataSource.getRepository(SubscribeQuotaRow).find();
    expect(quotas).toHaveLength(MEMBERS * templates.length);
    expect(quotas.every((quota) => quota.remaining === 2)).toBe(true);
  }, 60_000);

  it('claims one coupon per member for 100 members in parallel, each twice: one coupon and a counter of 1 each', async () => {
    const operator = await staffToken(t, 'operator');
    const template = await createTemplate(t, operator, { totalQuantity: 1000, perMemberLimit: 1 });
    const responses = await Promise.all(members.flatMap(({ token }) => [claim(t, token, template.id), claim(t, token, template.id)]));
    const byStatus = statuses(responses);
    expect(Object.keys(byStatus).every((status) => Number(status) < 500)).toBe(true);
    expect(await t.dataSource.getRepository(MemberCouponRow).countBy({ templateId: template.id })).toBe(MEMBERS);
    const counters = await t.dataSource.getRepository(MemberCouponCountRow).findBy({ templateId: template.id });
    expect(counters).toHaveLength(MEMBERS);
    expect(counters.every((counter) => counter.receivedCount === 1)).toBe(true);
  }, 60_000);

  it('recomputes purchase stats for 100 members in parallel, twice each, without a failure', async () => {
    const stats = t.app.get(MemberPurchaseStatsService);
    const [someone] = await t.dataSource.getRepository(MemberRow).find({ take: 1 });
    expect(someone).toBeDefined();
    // Members without paid orders have no row: the recompute deletes; one with a stale row is replaced.
    await expect(Promise.all(members.flatMap(({ id }) => [stats.recompute(id), stats.recompute(id)]))).resolves.toBeDefined();
    expect(await t.dataSource.getRepository(MemberPurchaseStatsRow).count()).toBe(0);
  }, 60_000);

  it('saves the shop settings 20 times in parallel: all succeed, the row is one of the saved values', async () => {
    const owner = await staffToken(t, 'owner');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.api().put(`${API}/admin/settings/shop`).set(bearer(owner)).send({ shippingFeeFen: 100 + i, freeShippingThresholdFen: 9900, unpaidTimeoutMinutes: 30, autoConfirmDays: 10 }),
      ),
    );
    expect(statuses(responses)).toEqual({ 200: 20 });
    const saved = (await t.api().get(`${API}/admin/settings/shop`).set(bearer(owner)).expect(200)).body;
    expect(saved.shippingFeeFen).toBeGreaterThanOrEqual(100);
    expect(saved.shippingFeeFen).toBeLessThan(120);
  }, 60_000);
});

describe('retryLockConflicts', () => {
  const deadlock = Object.assign(new Error('Deadlock found'), { driverError: { errno: 1213 } });
  const lockWait = Object.assign(new Error('Lock wait timeout'), { driverError: { errno: 1205 } });

  it('runs a deadlock or lock-wait victim again after growing, jittered waits, and gives up after 8 tries', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await retryLockConflicts(
      async () => {
        calls += 1;
        if (calls < 4) throw calls % 2 ? deadlock : lockWait;
        return 'done';
      },
      async (ms) => void waits.push(ms),
      () => 1,
    );
    expect(result).toBe('done');
    expect(waits).toEqual([5, 10, 20]);

    calls = 0;
    await expect(retryLockConflicts(async () => { calls += 1; throw deadlock; }, async () => undefined, () => 0.5)).rejects.toBe(deadlock);
    expect(calls).toBe(8);
  });

  it('passes any other error on at once', async () => {
    let calls = 0;
    const other = new Error('disk full');
    await expect(retryLockConflicts(async () => { calls += 1; throw other; }, async () => undefined)).rejects.toBe(other);
    expect(calls).toBe(1);
  });
});
