import type { DiscoveryService } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { JobRow } from './job.entity';
import { JobRegistry } from './job-registry';
import { JobStore } from './job-store';
import { PeriodicSweep, type JobDefinition } from './periodic-sweep';

/** A sweep whose runs the test scripts: each run answers the next result (a number or an error). */
class ScriptedSweep extends PeriodicSweep {
  readonly runs: Date[] = [];
  constructor(
    job: JobDefinition,
    private readonly results: (number | Error)[] = [],
    private readonly gate: Promise<void> | null = null,
  ) {
    super(job);
  }

  async sweep(now: Date = new Date()): Promise<number> {
    this.runs.push(now);
    if (this.gate) await this.gate;
    const result = this.results.shift() ?? 0;
    if (result instanceof Error) throw result;
    return result;
  }
}

const discoveryOf = (...sweeps: PeriodicSweep[]) => ({ getProviders: () => sweeps.map((instance) => ({ instance })) }) as unknown as DiscoveryService;

describe('JobRegistry', () => {
  let dataSource: DataSource;
  let store: JobStore;
  const registries: JobRegistry[] = [];

  const registry = (sweeps: PeriodicSweep[], jobIntervals: Record<string, number> = {}) => {
    const created = new JobRegistry(discoveryOf(...sweeps), store, { jobIntervals });
    registries.push(created);
    return created;
  };

  beforeEach(async () => {
    // Timers are faked; the database (an in-memory SQLite with the jobs table) is real.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [JobRow], synchronize: true });
    await dataSource.initialize();
    store = new JobStore(dataSource);
  });

  afterEach(async () => {
    for (const created of registries.splice(0)) created.stopAll();
    jest.useRealTimers();
    await dataSource.destroy();
  });

  it('runs each job on its interval, the configured one over the default', async () => {
    const unpaid = new ScriptedSweep({ name: 'orders.unpaid-timeout', label: '超时取消', everyMs: 60_000 });
    const stats = new ScriptedSweep({ name: 'analytics.purchase-stats', label: '统计', everyMs: 60_000 });
    const jobs = registry([unpaid, stats], { 'analytics.purchase-stats': 10_000 });
    await jobs.onApplicationBootstrap();
    expect(jest.getTimerCount()).toBe(2);

    await jest.advanceTimersByTimeAsync(59_000);
    expect(stats.runs).toHaveLength(5);
    expect(unpaid.runs).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(stats.runs).toHaveLength(6);
    expect(unpaid.runs).toHaveLength(1);

    const listed = await jobs.list();
    expect(listed.map(({ name, intervalMs }) => ({ name, intervalMs }))).toEqual([
      { name: 'orders.unpaid-timeout', intervalMs: 60_000 },
      { name: 'analytics.purchase-stats', intervalMs: 10_000 },
    ]);
    expect(Date.parse(listed[0].nextRunAt!)).toBe(Date.now() + 60_000);
  });

  it('records rows changed, and a failure with its message; the job keeps its schedule after failing', async () => {
    const sweep = new ScriptedSweep({ name: 'loyalty.points-expiry', label: '积分过期', everyMs: 1_000 }, [3, new Error('database went away'), 2]);
    const jobs = registry([sweep]);
    await jobs.onApplicationBootstrap();

    await jest.advanceTimersByTimeAsync(1_000);
    expect(await jobs.list()).toEqual([expect.objectContaining({ lastRowsChanged: 3, lastError: null, lastRunBy: jobs.instanceId })]);

    await jest.advanceTimersByTimeAsync(1_000);
    const [failed] = await jobs.list();
    expect(failed).toEqual(expect.objectContaining({ lastRowsChanged: null, lastError: 'database went away' }));
    expect(failed.lastErrorAt).toBe(failed.lastRunAt);

    await jest.advanceTimersByTimeAsync(1_000);
    const [recovered] = await jobs.list();
    // The failure stays visible, dated before the last (successful) run.
    expect(recovered).toEqual(expect.objectContaining({ lastRowsChanged: 2, lastError: 'database went away' }));
    expect(Date.parse(recovered.lastErrorAt!)).toBeLessThan(Date.parse(recovered.lastRunAt!));
    expect(sweep.runs).toHaveLength(3);
  });

  it('runs a WeChat-calling job on the lease holder only; a stopped holder gives the lease back, a silent one loses it when it lapses', async () => {
    const definition = { name: 'payments.reconcile', label: '支付对账', everyMs: 1_000, usesWechat: true };
    const onA = new ScriptedSweep(definition);
    const onB = new ScriptedSweep(definition);
    const a = registry([onA]);
    const b = registry([onB]);
    await a.onApplicationBootstrap();
    await b.onApplicationBootstrap();

    await jest.advanceTimersByTimeAsync(5_000);
    // Both timers fired five times; the first to take the lease keeps it by renewing it at each run.
    expect(onA.runs.length + onB.runs.length).toBe(5);
    const [holder, holderSweep, other, otherSweep] = onA.runs.length ? [a, onA, b, onB] : [b, onB, a, onA];
    expect(holderSweep.runs).toHaveLength(5);
    expect((await other.list())[0].leaseHolder).toBe(holder.instanceId);
    expect(await other.runNow('payments.reconcile')).toEqual({ status: 'lease-held' });

    // The holder goes silent (a crash: no release): the other takes over once the lease (two intervals) lapses.
    holder.stopAll();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(otherSweep.runs).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(2_000);
    expect(otherSweep.runs.length).toBeGreaterThanOrEqual(1);
    expect((await holder.list())[0].leaseHolder).toBe(other.instanceId);

    // A graceful shutdown gives the lease back: the former holder's next runNow takes it at once.
    await other.beforeApplicationShutdown();
    expect((await holder.list())[0].leaseHolder).toBeNull();
    expect(await holder.runNow('payments.reconcile')).toEqual(expect.objectContaining({ status: 'ran' }));
  });

  it('answers running for a second run of a job still running here, and never overlaps it', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const sweep = new ScriptedSweep({ name: 'orders.auto-confirm', label: '自动确认收货', everyMs: 1_000 }, [4], gate);
    const jobs = registry([sweep]);
    await jobs.onApplicationBootstrap();
    const first = jobs.runNow('orders.auto-confirm');
    expect(await jobs.runNow('orders.auto-confirm')).toEqual({ status: 'running' });
    expect((await jobs.list())[0].running).toBe(true);
    // The timer's tick while it runs is refused too (one run at a time per instance).
    await jest.advanceTimersByTimeAsync(1_000);
    expect(sweep.runs).toHaveLength(1);
    open();
    expect(await first).toEqual(expect.objectContaining({ status: 'ran', rowsChanged: 4, error: null }));
  });

  it('stopAll clears every timer; sweep() and runNow() still work', async () => {
    const sweep = new ScriptedSweep({ name: 'orders.unpaid-timeout', label: '超时取消', everyMs: 1_000 }, [1, 1]);
    const jobs = registry([sweep]);
    await jobs.onApplicationBootstrap();
    jobs.stopAll();
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(sweep.runs).toHaveLength(0);
    expect((await jobs.list())[0].nextRunAt).toBeNull();
    expect(await jobs.runNow('orders.unpaid-timeout')).toEqual(expect.objectContaining({ rowsChanged: 1 }));
  });

  it('refuses a JOB_INTERVALS name no job has, and a name registered twice', async () => {
    const sweep = new ScriptedSweep({ name: 'orders.unpaid-timeout', label: '超时取消', everyMs: 1_000 });
    await expect(registry([sweep], { 'orders.unpaid-timout': 5_000 }).onApplicationBootstrap()).rejects.toThrow(/JOB_INTERVALS.*orders\.unpaid-timout/);
    const twin = new ScriptedSweep({ name: 'orders.unpaid-timeout', label: '又一个', everyMs: 1_000 });
    await expect(registry([sweep, twin]).onApplicationBootstrap()).rejects.toThrow(/registered twice/);
  });
});
