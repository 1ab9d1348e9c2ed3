import type { OrderDetail } from '../../shared';
import { MemberPurchaseStatsRow } from '../../server/src/analytics/member-purchase-stats.entity';
import { MemberRow } from '../../server/src/members/member.entity';
import { OrderEvents, type OrderPaidPayload } from '../../server/src/orders/order-events';
import { DomainEventSweeper } from '../../server/src/platform/events/domain-event-sweeper';
import { EventFollowers } from '../../server/src/platform/events/event-followers';
import { deliveriesOf } from './support/domain-events';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, memberToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

const minutesFrom = (start: number, minutes: number) => new Date(start + minutes * 60_000);

/**
 * A follower that applies an event inside the transaction recording its delivery done: a failed run leaves no
 * write behind (it rolls back with the delivery still pending), the run that succeeds writes once, and the
 * followers that applied beside it in the event's first transaction are not applied twice.
 */
describe(`followers applied in their delivery's transaction (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
  });
  afterAll(() => t.close());

  it('rolls back the writes of failed runs, applies once when it succeeds, and never calls handle', async () => {
    let runs = 0;
    let handled = 0;
    t.app.get(EventFollowers).register<OrderPaidPayload>({
      name: 'test.flaky-apply-on-paid',
      label: '测试跟随者',
      on: [OrderEvents.paid],
      handle: async () => {
        handled++;
      },
      // Adds one to a column of the member, then fails on its first three runs.
      apply: async (manager, { payload }) => {
        runs++;
        await manager.query('UPDATE members SET pointsBalance = pointsBalance + 1 WHERE id = ?', [payload.memberId]);
        if (runs <= 3) throw new Error(`flaky run ${runs}`);
      },
    });
    const member = await memberToken(t, 'applying-flaky');
    const memberId = (await t.api().get(`${API}/me`).set(bearer(member)).expect(200)).body.id;
    const balance = async () => (await t.dataSource.getRepository(MemberRow).findOneByOrFail({ id: memberId })).pointsBalance;
    const before = await balance();
    const addressId = await shop.address(member);
    const skuId = await shop.sku(2500, 5);
    const placed: OrderDetail = (await t.api().post(`${API}/orders`).set(bearer(member)).send({ clientToken: 'applying-flaky-1', items: [{ skuId, quantity: 1 }], addressId }).expect(201)).body;
    await payAtFake(t, (await startPayment(t, member, placed.orderNo)).prepayId);
    await eventually(() => orderStatus(t, member, placed.orderNo), (order) => order.status === 'paid');

    // The first run failed twice (in the event's shared transaction, then on its own), and both writes rolled back;
    // the other applying followers of order.paid (level, stats) were applied once, on their own.
    await eventually(() => deliveriesOf(t, 'test.flaky-apply-on-paid'), (rows) => rows[0]?.attempts === 1);
    expect(runs).toBe(2);
    expect(await balance()).toBe(before);
    const stats = await eventually(() => t.dataSource.getRepository(MemberPurchaseStatsRow).findOneBy({ memberId }), (row) => row !== null);
    expect(stats).toEqual(expect.objectContaining({ paidOrderCount: 1, totalNetPaidFen: placed.payableFen }));
    for (const follower of ['analytics.purchase-stats', 'loyalty.level-on-paid']) {
      expect((await deliveriesOf(t, follower)).at(-1)).toEqual(expect.objectContaining({ status: 'done', attempts: 1 }));
    }

    const sweeper = t.app.get(DomainEventSweeper);
    const start = Date.now();
    expect(await sweeper.sweep(minutesFrom(start, 1))).toBe(0);
    expect(runs).toBe(3);
    expect(await balance()).toBe(before);
    // Two instances sweeping at once: one claims it, applies it once.
    const together = await Promise.all([sweeper.sweep(minutesFrom(start, 10)), sweeper.sweep(minutesFrom(start, 10))]);
    expect(together.sort()).toEqual([0, 1]);
    expect(runs).toBe(4);
    expect(await balance()).toBe(before + 1);
    expect((await deliveriesOf(t, 'test.flaky-apply-on-paid'))[0]).toEqual(expect.objectContaining({ status: 'done', attempts: 3, lastError: 'flaky run 3' }));
    // Done is done; handle was never the way it ran.
    expect(await sweeper.sweep(minutesFrom(start, 24 * 60))).toBe(0);
    expect(runs).toBe(4);
    expect(await balance()).toBe(before + 1);
    expect(handled).toBe(0);
    expect((await t.dataSource.getRepository(MemberPurchaseStatsRow).findOneByOrFail({ memberId })).paidOrderCount).toBe(1);
  });
});
