import { Logger } from '@nestjs/common';

/** What the job registry needs to know about a periodic job. */
export interface JobDefinition {
  /** Stable name, `<domain>.<what>` (e.g. `orders.unpaid-timeout`): JOB_INTERVALS, the jobs table and the console use it. */
  name: string;
  /** What the owner reads in 任务. */
  label: string;
  /** How often it runs unless JOB_INTERVALS says otherwise. */
  everyMs: number;
  /**
   * Calls WeChat: runs under a lease (one instance at a time), so WeChat is not asked the same thing by every
   * instance. Pure database sweeps leave it out and run on every instance.
   */
  usesWechat?: boolean;
}

/**
 * A job the registry (JobRegistry) runs on its interval. A provider that extends this class is found and
 * registered by the registry at start: the subclass names itself in `super({...})` and is listed in its module's
 * providers, nothing else. Sweeps are idempotent conditional updates over indexed due-time columns, so
 * overlapping runs (on one instance or several) change each row once. Tests call sweep() themselves, with the
 * moment they want to sweep at.
 */
export abstract class PeriodicSweep {
  protected readonly logger = new Logger(this.constructor.name);

  constructor(readonly job: JobDefinition) {}

  /** Runs one sweep as of `now`; answers how many rows this run changed. */
  abstract sweep(now?: Date): Promise<number>;
}
