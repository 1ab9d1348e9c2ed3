import type { AdminJob, AdminJobList, OrderDetail } from '../../shared';
import { OrderRow } from '../../server/src/orders/order.entity';
import { JobRow } from '../../server/src/platform/jobs/job.entity';
import { JobRegistry } from '../../server/src/platform/jobs/job-registry';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, type TestApp } from './support/test-app';

describe('periodic jobs (任务)', () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let owner: string;
  let operator: string;

  beforeAll(async () => {
    t = await startTestApp();
    shop = new ShopFixtures(t);
    await shop.init();
    owner = await staffToken(t, 'owner');
    operator = await staffToken(t, 'operator');
  });
  afterAll(() => t.close());

  const list = async (): Promise<AdminJobList> => (await t.api().get(`${API}/admin/jobs`).set(bearer(owner)).expect(200)).body;
  const job = async (name: string): Promise<AdminJob> => (await list()).jobs.find((entry) => entry.name === name)!;

  it('lists every registered sweep with its interval, lease need and no timer running under the test harness', async () => {
    const body = await list();
    expect(body.instanceId).toBe(t.app.get(JobRegistry).instanceId);
    expect(body.jobs.map((entry) => entry.name).sort()).toEqual([
      'analytics.purchase-stats',
      'analytics.purchase-stats-backfill',
      'events.prune',
      'events.redeliver',
      'group-buy.expire-teams',
      'group-buy.refund-lost-seats',
      'live.send-reminders',
      'live.sync-sessions',
      'loyalty.level-review',
      'loyalty.points-expiry',
      'orders.auto-confirm',
      'orders.unpaid-timeout',
      'payments.reconcile',
      'payments.refund-resend',
      'referral.invite-rewards',
      'referral.settle-commission',
      'referral.withdrawal-transfers',
    ]);
    const byName = new Map(body.jobs.map((entry) => [entry.name, entry]));
    expect(byName.get('payments.reconcile')).toEqual(expect.objectContaining({ label: expect.any(String), intervalMs: 60_000, usesWechat: true }));
    expect(byName.get('orders.unpaid-timeout')).toEqual(expect.objectContaining({ usesWechat: false, lastRunAt: null }));
    expect(byName.get('analytics.purchase-stats-backfill')!.intervalMs).toBe(30 * 60_000);
    // The withdrawal sweep asks WeChat about transfer bills: one instance at a time.
    expect(byName.get('referral.withdrawal-transfers')).toEqual(expect.objectContaining({ intervalMs: 60_000, usesWechat: true }));
    // 拼团: the expiry sweep only writes the database (every instance); the refund sweep calls WeChat Pay (one at a time).
    expect(byName.get('group-buy.expire-teams')).toEqual(expect.objectContaining({ intervalMs: 60_000, usesWechat: false }));
    expect(byName.get('group-buy.refund-lost-seats')).toEqual(expect.objectContaining({ intervalMs: 60_000, usesWechat: true }));
    // 直播: plugin rooms' states come from getliveinfo (one instance at a time).
    expect(byName.get('live.sync-sessions')).toEqual(expect.objectContaining({ intervalMs: 60_000, usesWechat: true }));
    // The live reminder sends subscribe messages (one instance at a time; its claims make a second one harmless anyway).
    expect(byName.get('live.send-reminders')).toEqual(expect.objectContaining({ intervalMs: 60_000, usesWechat: true }));
    // The harness stopped every sweep through the registry: no timer is set on any of them.
    for (const entry of body.jobs) expect(entry.nextRunAt).toBeNull();
  });

  it('is the owner’s: other roles get 403, no token 401', async () => {
    expectApiError((await t.api().get(`${API}/admin/jobs`).set(bearer(operator)).expect(403)).body, 'FORBIDDEN');
    expectApiError((await t.api().post(`${API}/admin/jobs/orders.unpaid-timeout/run`).set(bearer(operator)).expect(403)).body, 'FORBIDDEN');
    await t.api().get(`${API}/admin/jobs`).expect(401);
  });

  it('answers 404 JOB_NOT_FOUND for a name no job has', async () => {
    const response = await t.api().post(`${API}/admin/jobs/orders.no-such-job/run`).set(bearer(owner)).expect(404);
    expectApiError(response.body, 'JOB_NOT_FOUND');
  });

  it('runs a job now: the overdue unpaid order is cancelled and the run is recorded with its rows', async () => {
    const shopper = await memberToken(t, 'jobs-shopper');
    const addressId = await shop.address(shopper);
    const skuId = await shop.sku(100, 5);
    const order: OrderDetail = (
      await t.api().post(`${API}/orders`).set(bearer(shopper)).send({ clientToken: 'jobs-run-now-1', items: [{ skuId, quantity: 1 }], addressId }).expect(201)
    ).body;
    await t.dataSource.getRepository(OrderRow).update({ orderNo: order.orderNo }, { payDeadlineAt: new Date(Date.now() - 60_000) });

    const run = await t.api().post(`${API}/admin/jobs/orders.unpaid-timeout/run`).set(bearer(owner)).expect(200);
    expect(run.body).toEqual({ name: 'orders.unpaid-timeout', rowsChanged: 1, durationMs: expect.any(Number), error: null });
    expect((await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: order.orderNo })).status).toBe('cancelled');
    expect(await shop.stockOf(skuId)).toBe(5);

    const recorded = await job('orders.unpaid-timeout');
    expect(recorded).toEqual(expect.objectContaining({ lastRowsChanged: 1, lastError: null, lastRunBy: t.app.get(JobRegistry).instanceId }));
    expect(Date.parse(recorded.lastRunAt!)).toBeGreaterThan(Date.now() - 60_000);

    // Nothing left to cancel: the next run changes nothing.
    expect((await t.api().post(`${API}/admin/jobs/orders.unpaid-timeout/run`).set(bearer(owner)).expect(200)).body.rowsChanged).toBe(0);
  });

  it('runs a WeChat-calling job only with its lease: 409 JOB_LEASE_HELD while another instance holds it, then takes it', async () => {
    const jobs = t.dataSource.getRepository(JobRow);
    await jobs.update({ name: 'payments.reconcile' }, { leaseHolder: 'other-host:1:abcd', leaseUntil: new Date(Date.now() + 60_000) });
    const refused = await t.api().post(`${API}/admin/jobs/payments.reconcile/run`).set(bearer(owner)).expect(409);
    expectApiError(refused.body, 'JOB_LEASE_HELD');
    expect(await job('payments.reconcile')).toEqual(expect.objectContaining({ leaseHolder: 'other-host:1:abcd', lastRunAt: null }));

    // The holder stopped renewing (it crashed): once the lease lapses, this instance takes it and runs.
    await jobs.update({ name: 'payments.reconcile' }, { leaseUntil: new Date(Date.now() - 1000) });
    const ran = await t.api().post(`${API}/admin/jobs/payments.reconcile/run`).set(bearer(owner)).expect(200);
    expect(ran.body).toEqual(expect.objectContaining({ rowsChanged: 0, error: null }));
    expect((await job('payments.reconcile')).leaseHolder).toBe(t.app.get(JobRegistry).instanceId);
  });
});
