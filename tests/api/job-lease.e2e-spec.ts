import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, In } from 'typeorm';
import { OrderRow } from '../../server/src/orders/order.entity';
import { buildDataSourceOptions } from '../../server/src/platform/database/data-source-options';
import { JobRow } from '../../server/src/platform/jobs/job.entity';
import { FakeWechatServer } from '../../server/src/wechat-fake/fake-wechat-server';
import { callServer, sharedServerSetup, sleep, startServerProcess, stopServerProcesses, waitFor, type ServerProcess } from './support/server-processes';
import { ADDRESS } from './support/shop-fixtures';
import { createMariadbDatabase, TEST_DB } from './support/test-app';

/**
 * Two real server processes on ONE database, both talking to one fake WeChat (this test's): the WeChat-calling
 * payment reconciliation runs on one of them at a time (the lease), so each due order is queried once per run
 * and not once per instance; when the holder is killed (no graceful release) the other takes over once the
 * lease lapses. The processes run the TypeScript sources through swc (support/ts-register.cjs).
 */
const INTERVAL_MS = 2_000;
/** The registry's lease is two intervals. */
const LEASE_MS = 2 * INTERVAL_MS;
const DUE_ORDERS = 3;
const QUERY_PATH = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/;

describe('one instance at a time runs a WeChat-calling sweep (two server processes, one database)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'storefront-lease-'));
  const processes: ServerProcess[] = [];
  let fake: FakeWechatServer;
  let dataSource: DataSource;
  let dropDatabase: (() => Promise<void>) | null = null;
  let env: NodeJS.ProcessEnv;

  async function startServer(): Promise<ServerProcess> {
    const server = await startServerProcess(env);
    processes.push(server);
    return server;
  }

  /** An order in 待付款 whose payment was started (the fake holds it as NOTPAY) more than 5 minutes ago. */
  async function orderNeedingReconciliation(server: ServerProcess, index: number): Promise<string> {
    const code = fake.state.loginCodes.issue({ identity: `lease-shopper-${index}`, withUnionid: true });
    const { token } = await callServer<{ token: string }>(server, 'POST', '/auth/wechat-login', { code });
    const [{ id: skuId }] = await dataSource.query('SELECT id FROM skus WHERE stock >= 1 ORDER BY id LIMIT 1');
    const { id: addressId } = await callServer<{ id: number }>(server, 'POST', '/addresses', ADDRESS, token);
    const { orderNo } = await callServer<{ orderNo: string }>(server, 'POST', '/orders', { clientToken: `lease-order-${index}`, items: [{ skuId, quantity: 1 }], addressId }, token);
    await callServer(server, 'POST', `/orders/${orderNo}/payment`, {}, token);
    return orderNo;
  }

  const queriesOf = (orderNos: string[], since: number) =>
    fake.state.calls.filter((entry) => entry.at >= since && entry.method === 'GET' && orderNos.includes(QUERY_PATH.exec(entry.path)?.[1] ?? ''));

  const leaseRow = () => dataSource.getRepository(JobRow).findOneByOrFail({ name: 'payments.reconcile' });
  const holderOf = (holder: string | null) => processes.find((server) => holder?.includes(`:${server.child.pid}:`)) ?? null;

  beforeAll(async () => {
    const mariadb = TEST_DB === 'mariadb' ? await createMariadbDatabase() : null;
    dropDatabase = mariadb ? () => mariadb.drop() : null;
    const setup = await sharedServerSetup(dataDir, mariadb?.url ?? null, {
      JWT_SECRET: 'job-lease-test-secret-0123456789',
      JOB_INTERVALS: `payments.reconcile=${INTERVAL_MS}ms`,
    });
    ({ env, fake } = setup);

    // One after the other: the first runs the migrations and seeds the demo store.
    await startServer();
    await startServer();
    dataSource = new DataSource({ ...buildDataSourceOptions(setup.config.database), migrationsRun: false });
    await dataSource.initialize();
  }, 240_000);

  afterAll(async () => {
    await stopServerProcesses(processes);
    await dataSource?.destroy();
    await fake?.stop();
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('queries each due order once per run on one instance, and the other takes over after the killed holder’s lease lapses', async () => {
    const orderNos: string[] = [];
    for (let index = 0; index < DUE_ORDERS; index++) orderNos.push(await orderNeedingReconciliation(processes[index % 2], index));
    // The payment attempts were made 10 minutes ago, as far as the sweep can tell.
    await dataSource.getRepository(OrderRow).update({ orderNo: In(orderNos) }, { paymentAttemptAt: new Date(Date.now() - 10 * 60_000) });

    const windowStart = Date.now();
    await sleep(4 * INTERVAL_MS);
    const windowEnd = Date.now();
    const seen = queriesOf(orderNos, windowStart);
    for (const orderNo of orderNos) {
      const times = seen.filter((entry) => entry.path.endsWith(`/${orderNo}`)).map((entry) => entry.at);
      // Both instances tick every interval: with no lease each order would be queried about twice per interval.
      expect(times.length).toBeGreaterThanOrEqual(1);
      expect(times.length).toBeLessThanOrEqual(Math.floor((windowEnd - windowStart) / INTERVAL_MS) + 1);
      // Runs follow each other one interval apart at least: never two instances' runs close together.
      for (let index = 1; index < times.length; index++) expect(times[index] - times[index - 1]).toBeGreaterThanOrEqual(INTERVAL_MS * 0.75);
    }
    // Still unpaid at WeChat: nothing changed, and both processes are alive.
    expect(await dataSource.getRepository(OrderRow).countBy({ orderNo: In(orderNos), status: 'pending_payment' })).toBe(DUE_ORDERS);

    // Kill the holder outright (no shutdown, so no release): the lease has to lapse before the other runs it.
    const before = await leaseRow();
    const holder = holderOf(before.leaseHolder);
    expect(holder).not.toBeNull();
    const survivor = processes.find((server) => server !== holder)!;
    holder!.child.kill('SIGKILL');
    await new Promise((resolve) => holder!.child.once('exit', resolve));
    const killedAt = Date.now();
    const lapsesAt = before.leaseUntil!.getTime();

    // The survivor holds the lease and has recorded a run of its own (the run is recorded when it ends).
    await waitFor(
      'the surviving instance to take the lease and run',
      async () => {
        const row = await leaseRow();
        return holderOf(row.leaseHolder) === survivor && row.lastRunBy?.includes(`:${survivor.child.pid}:`) ? row : null;
      },
      LEASE_MS + 4 * INTERVAL_MS,
    );
    const afterKill = queriesOf(orderNos, killedAt);
    expect(afterKill.length).toBeGreaterThanOrEqual(1);
    // Nobody queried between the kill and the lapse of the lease (1 s slack: MariaDB keeps whole seconds).
    expect(afterKill[0].at).toBeGreaterThanOrEqual(Math.min(lapsesAt, killedAt + LEASE_MS) - 1_000);
  }, 120_000);
});
