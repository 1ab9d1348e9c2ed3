import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { OrderDetail } from '../../shared';
import { MemberPurchaseStatsRow } from '../../server/src/analytics/member-purchase-stats.entity';
import { PointsLedgerRow } from '../../server/src/loyalty/points-ledger.entity';
import { OrderEvents, type OrderPaidPayload } from '../../server/src/orders/order-events';
import { OrderRow } from '../../server/src/orders/order.entity';
import { DomainEventSweeper } from '../../server/src/platform/events/domain-event-sweeper';
import { DomainEventDeliveryRow } from '../../server/src/platform/events/domain-event-delivery.entity';
import { DomainEventRow } from '../../server/src/platform/events/domain-event.entity';
import { EventFollowers } from '../../server/src/platform/events/event-followers';
import { deliveriesOf } from './support/domain-events';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, memberToken, staffToken, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './support/test-app';

const minutesFrom = (start: number, minutes: number) => new Date(start + minutes * 60_000);

/** The outbox: events written with their change, delivered after commit, redelivered until each follower succeeded once. */
describe(`domain events (${TEST_DB})`, () => {
  describe('a follower that fails', () => {
    let t: TestApp;
    let shop: ShopFixtures;

    beforeAll(async () => {
      t = await startTestApp({ payNotifications: true });
      shop = new ShopFixtures(t);
      await shop.init();
    });
    afterAll(() => t.close());

    it('is retried with backoff until it succeeds, then never again; the delivery shows its attempts and last error', async () => {
      // A follower that throws on its first three runs, and counts what it did when it succeeds.
      let runs = 0;
      const effects: string[] = [];
      t.app.get(EventFollowers).register<OrderPaidPayload>({
        name: 'test.flaky-on-paid',
        label: '测试跟随者',
        on: [OrderEvents.paid],
        handle: async ({ payload }) => {
          runs++;
          if (runs <= 3) throw new Error(`flaky run ${runs}`);
          effects.push(payload.orderNo);
        },
      });
      const member = await memberToken(t, 'events-flaky');
      const addressId = await shop.address(member);
      const skuId = await shop.sku(2500, 5);
      const placed: OrderDetail = (await t.api().post(`${API}/orders`).set(bearer(member)).send({ clientToken: 'events-flaky-1', items: [{ skuId, quantity: 1 }], addressId }).expect(201)).body;
      await payAtFake(t, (await startPayment(t, member, placed.orderNo)).prepayId);
      await eventually(() => orderStatus(t, member, placed.orderNo), (order) => order.status === 'paid');

      // The first run right after the commit failed; the other followers of order.paid succeeded at once.
      const [first] = await eventually(() => deliveriesOf(t, 'test.flaky-on-paid'), (rows) => rows[0]?.attempts === 1);
      expect(first).toEqual(expect.objectContaining({ status: 'pending', attempts: 1, lastError: 'flaky run 1', doneAt: null }));
      const paidEvent = await t.dataSource.getRepository(DomainEventRow).findOneByOrFail({ id: first.eventId });
      expect(paidEvent).toEqual(expect.objectContaining({ type: OrderEvents.paid, aggregateKey: `order:${placed.orderNo}`, memberId: expect.any(Number) }));
      const others = await eventually(
        () => t.dataSource.getRepository(DomainEventDeliveryRow).findBy({ eventId: first.eventId }),
        (rows) => rows.filter((row) => row.follower !== 'test.flaky-on-paid').every((row) => row.status === 'done'),
      );
      expect(others.map((row) => row.follower).sort()).toEqual(['analytics.purchase-stats', 'loyalty.level-on-paid', 'subscribe-messages.order-paid', 'test.flaky-on-paid']);
      expect(others.filter((row) => row.follower !== 'test.flaky-on-paid').map((row) => row.attempts)).toEqual([1, 1, 1]);

      const sweeper = t.app.get(DomainEventSweeper);
      const start = Date.now();
      // Not due yet: the first retry waits 30 s.
      expect(await sweeper.sweep(minutesFrom(start, 0.2))).toBe(0);
      expect(runs).toBe(1);
      expect(await sweeper.sweep(minutesFrom(start, 1))).toBe(0);
      expect((await deliveriesOf(t, 'test.flaky-on-paid'))[0]).toEqual(expect.objectContaining({ status: 'pending', attempts: 2, lastError: 'flaky run 2' }));
      expect(await sweeper.sweep(minutesFrom(start, 3))).toBe(0);
      // Two instances sweeping at once: the delivery is claimed by one of them and runs once.
      const together = await Promise.all([sweeper.sweep(minutesFrom(start, 10)), sweeper.sweep(minutesFrom(start, 10))]);
      expect(together.sort()).toEqual([0, 1]);
      expect(runs).toBe(4);
      expect(effects).toEqual([placed.orderNo]);
      expect((await deliveriesOf(t, 'test.flaky-on-paid'))[0]).toEqual(
        expect.objectContaining({ status: 'done', attempts: 4, lastError: 'flaky run 3', doneAt: expect.any(Date) }),
      );
      // Done is done: later sweeps run nothing.
      expect(await sweeper.sweep(minutesFrom(start, 24 * 60))).toBe(0);
      expect(runs).toBe(4);
      expect(effects).toEqual([placed.orderNo]);
    });
  });

  describe('a server killed (SIGKILL) after a commit and before its followers ran', () => {
    let t: TestApp;
    let database: TestDatabase;
    let orderNo = '';
    let memberId = 0;

    beforeAll(async () => {
      t = await startTestApp();
      database = t.database;
      const shop = new ShopFixtures(t);
      await shop.init();
      const member = await memberToken(t, 'events-crash');
      memberId = (await t.api().get(`${API}/me`).set(bearer(member)).expect(200)).body.id;
      const addressId = await shop.address(member);
      const skuId = await shop.sku(8800, 5);
      orderNo = (await t.api().post(`${API}/orders`).set(bearer(member)).send({ clientToken: 'events-crash-1', items: [{ skuId, quantity: 1 }], addressId }).expect(201)).body.orderNo;
      await t.close({ keepDatabase: true });
    });
    afterAll(async () => {
      await t.close({ keepDatabase: true });
      await database.drop();
    });

    /** Runs the step in a server process that kills itself right after the step's commit. */
    function crashAfterCommit(step: 'pay' | 'complete'): void {
      const server = join(__dirname, '../../server');
      const child = spawnSync(process.execPath, ['-r', join(__dirname, 'support/ts-register.cjs'), join(__dirname, 'support/crash-after-commit.ts'), step, orderNo], {
        cwd: server,
        env: { ...process.env, NODE_PATH: join(server, 'node_modules'), DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect({ signal: child.signal, stderr: child.stderr.slice(0, 2000) }).toEqual({ signal: 'SIGKILL', stderr: '' });
    }

    const restart = async () => {
      t = await startTestApp({ database });
      return t;
    };
    const orderRow = () => t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo });
    const deliveriesOfOrder = async (type: string) => {
      const event = await t.dataSource.getRepository(DomainEventRow).findOneByOrFail({ type, aggregateKey: `order:${orderNo}` });
      return t.dataSource.getRepository(DomainEventDeliveryRow).find({ where: { eventId: event.id }, order: { follower: 'ASC' } });
    };

    it('delivers order.paid after the restart, once: purchase stats and level follow the payment', async () => {
      crashAfterCommit('pay');
      await restart();
      // The payment committed with its event; no follower ran.
      expect((await orderRow()).status).toBe('paid');
      expect((await deliveriesOfOrder(OrderEvents.paid)).map((row) => [row.follower, row.status, row.attempts])).toEqual([
        ['analytics.purchase-stats', 'pending', 0],
        ['loyalty.level-on-paid', 'pending', 0],
        ['subscribe-messages.order-paid', 'pending', 0],
      ]);
      expect(await t.dataSource.getRepository(MemberPurchaseStatsRow).findOneBy({ memberId })).toBeNull();

      // The redelivery sweep takes over once the first run's grace is over.
      const sweeper = t.app.get(DomainEventSweeper);
      expect(await sweeper.sweep(new Date())).toBe(0);
      expect(await sweeper.sweep(minutesFrom(Date.now(), 2))).toBe(3);
      const stats = await t.dataSource.getRepository(MemberPurchaseStatsRow).findOneByOrFail({ memberId });
      expect(stats).toEqual(expect.objectContaining({ paidOrderCount: 1, totalNetPaidFen: (await orderRow()).payableFen }));
      expect((await deliveriesOfOrder(OrderEvents.paid)).map((row) => [row.status, row.attempts])).toEqual([
        ['done', 1],
        ['done', 1],
        ['done', 1],
      ]);
      expect(await sweeper.sweep(minutesFrom(Date.now(), 600))).toBe(0);
      expect(await t.dataSource.getRepository(MemberPurchaseStatsRow).findOneByOrFail({ memberId })).toEqual(stats);

      const warehouse = await staffToken(t, 'warehouse');
      await t.api().post(`${API}/admin/orders/${orderNo}/ship`).set(bearer(warehouse)).send({ carrierCode: 'SF', trackingNo: 'SF1234567890' }).expect(200);
      await t.close({ keepDatabase: true });
    });

    it('delivers order.completed after the restart, once: the points are credited once', async () => {
      crashAfterCommit('complete');
      await restart();
      expect((await orderRow()).status).toBe('completed');
      const ledger = async () => t.dataSource.getRepository(PointsLedgerRow).findBy({ orderId: (await orderRow()).id, reason: 'order_completed' });
      expect(await ledger()).toEqual([]);
      expect((await deliveriesOfOrder(OrderEvents.completed)).map((row) => [row.follower, row.status])).toEqual([['loyalty.points-on-completed', 'pending']]);

      const sweeper = t.app.get(DomainEventSweeper);
      await Promise.all([sweeper.sweep(minutesFrom(Date.now(), 2)), sweeper.sweep(minutesFrom(Date.now(), 2))]);
      await sweeper.sweep(minutesFrom(Date.now(), 600));
      const credited = await ledger();
      expect(credited).toEqual([expect.objectContaining({ memberId, delta: expect.any(Number) })]);
      expect(credited[0].delta).toBeGreaterThan(0);
      expect((await deliveriesOfOrder(OrderEvents.completed)).map((row) => [row.status, row.attempts])).toEqual([['done', 1]]);
    });
  });
});
