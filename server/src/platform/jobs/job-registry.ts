import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AdminJob } from '../../../../shared';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobStore } from './job-store';
import { PeriodicSweep, type JobDefinition } from './periodic-sweep';

interface RegisteredJob {
  definition: JobDefinition;
  sweep: PeriodicSweep;
  intervalMs: number;
  timer: NodeJS.Timeout | null;
  nextRunAt: Date | null;
  /** The run in progress on this instance (timer or runNow); one at a time per job. */
  running: Promise<unknown> | null;
}

/** What one attempt to run a job did. */
export type JobRunOutcome =
  | { status: 'ran'; rowsChanged: number | null; durationMs: number; error: string | null }
  /** Another instance holds the lease of this WeChat-calling job. */
  | { status: 'lease-held' }
  /** Already running on this instance. */
  | { status: 'running' };

/** A lease outlives its holder's next renewal by one interval, so a crashed holder is replaced within two intervals. */
const LEASE_INTERVALS = 2;

/**
 * Runs every periodic job on its interval: finds the PeriodicSweep providers at start, takes each interval
 * from JOB_INTERVALS (or the job's default), runs WeChat-calling jobs only while holding their lease, and
 * records each run in the jobs table. Timers are unref'd and chained (the next run is scheduled when the
 * previous one ends), so a slow run never overlaps itself on one instance.
 */
@Injectable()
export class JobRegistry implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** This process among the instances sharing the database (shown as the lease holder). */
  readonly instanceId = `${hostname()}:${process.pid}:${randomBytes(2).toString('hex')}`;
  private readonly logger = new Logger(JobRegistry.name);
  private readonly jobs = new Map<string, RegisteredJob>();
  private stopped = false;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly store: JobStore,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'jobIntervals'>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const wrapper of this.discovery.getProviders()) {
      if (wrapper.instance instanceof PeriodicSweep) this.register(wrapper.instance);
    }
    await this.start();
  }

  /** Adds a job; its name must be unique. The registry registers every PeriodicSweep provider itself. */
  register(sweep: PeriodicSweep): void {
    const definition = sweep.job;
    if (this.jobs.has(definition.name)) throw new Error(`periodic job ${definition.name} is registered twice`);
    const intervalMs = this.config.jobIntervals[definition.name] ?? definition.everyMs;
    this.jobs.set(definition.name, { definition, sweep, intervalMs, timer: null, nextRunAt: null, running: null });
  }

  /** Checks JOB_INTERVALS against the registered names, makes the jobs' rows and starts the timers. */
  async start(): Promise<void> {
    const unknown = Object.keys(this.config.jobIntervals).filter((name) => !this.jobs.has(name));
    if (unknown.length) {
      throw new Error(`环境变量 JOB_INTERVALS 中的任务不存在：${unknown.join('、')}（可用：${this.names().join('、')}）`);
    }
    await this.store.ensure(this.names());
    this.stopped = false;
    for (const job of this.jobs.values()) this.schedule(job);
  }

  names(): string[] {
    return [...this.jobs.keys()];
  }

  has(name: string): boolean {
    return this.jobs.has(name);
  }

  /** Runs the job now on this instance (the timer keeps its schedule). Throws for an unknown name. */
  runNow(name: string): Promise<JobRunOutcome> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no periodic job named ${name}`);
    return this.execute(job);
  }

  /** Stops every timer; runs in progress finish. sweep() and runNow() still work. */
  stopAll(): void {
    this.stopped = true;
    for (const job of this.jobs.values()) {
      if (job.timer) clearTimeout(job.timer);
      job.timer = null;
      job.nextRunAt = null;
    }
  }

  /** Before the database closes: no new runs, the running ones finish, and our leases go back. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopAll();
    await Promise.allSettled([...this.jobs.values()].map((job) => job.running));
    if ([...this.jobs.values()].some((job) => job.definition.usesWechat)) {
      await this.store.releaseLeases(this.instanceId).catch((error) => this.logger.warn(`releasing job leases failed: ${String(error)}`));
    }
  }

  /** Every job with its interval, last run (any instance), this instance's next run and the live lease. */
  async list(now: Date = new Date()): Promise<AdminJob[]> {
    const rows = await this.store.rows();
    return [...this.jobs.values()].map(({ definition, intervalMs, nextRunAt, running }) => {
      const row = rows.get(definition.name);
      const leaseLive = !!row?.leaseHolder && !!row.leaseUntil && row.leaseUntil >= now;
      return {
        name: definition.name,
        label: definition.label,
        intervalMs,
        usesWechat: !!definition.usesWechat,
        lastRunAt: row?.lastRunAt?.toISOString() ?? null,
        lastRunBy: row?.lastRunBy ?? null,
        lastDurationMs: row?.lastDurationMs ?? null,
        lastRowsChanged: row?.lastRowsChanged ?? null,
        lastError: row?.lastError ?? null,
        lastErrorAt: row?.lastErrorAt?.toISOString() ?? null,
        nextRunAt: nextRunAt?.toISOString() ?? null,
        leaseHolder: leaseLive ? row!.leaseHolder : null,
        leaseUntil: leaseLive ? row!.leaseUntil!.toISOString() : null,
        running: running !== null,
      };
    });
  }

  private schedule(job: RegisteredJob): void {
    if (this.stopped) return;
    job.nextRunAt = new Date(Date.now() + job.intervalMs);
    job.timer = setTimeout(() => {
      job.timer = null;
      this.execute(job)
        .catch((error) => this.logger.error(`job ${job.definition.name} could not run: ${String(error)}`))
        .finally(() => this.schedule(job));
    }, job.intervalMs);
    job.timer.unref();
  }

  private execute(job: RegisteredJob): Promise<JobRunOutcome> {
    if (job.running) return Promise.resolve({ status: 'running' });
    const run = this.runOnce(job).finally(() => {
      job.running = null;
    });
    job.running = run;
    return run;
  }

  private async runOnce(job: RegisteredJob): Promise<JobRunOutcome> {
    const { definition, sweep } = job;
    const startedAt = new Date();
    if (definition.usesWechat) {
      const until = new Date(startedAt.getTime() + LEASE_INTERVALS * job.intervalMs);
      if (!(await this.store.takeLease(definition.name, this.instanceId, startedAt, until))) return { status: 'lease-held' };
    }
    let rowsChanged: number | null = null;
    let error: string | null = null;
    try {
      rowsChanged = await sweep.sweep(startedAt);
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
      this.logger.error(`job ${definition.name} failed: ${error}`);
    }
    const durationMs = Date.now() - startedAt.getTime();
    await this.store.recordRun(definition.name, { startedAt, durationMs, rowsChanged, error, instanceId: this.instanceId });
    return { status: 'ran', rowsChanged, durationMs, error };
  }
}
