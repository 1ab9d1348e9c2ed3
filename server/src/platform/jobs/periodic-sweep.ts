import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A sweep every instance runs on a fixed interval. Sweeps are idempotent conditional updates over
 * indexed due-time columns, so overlapping runs (on one instance or several) change each row once.
 * Tests call sweep() themselves, with the moment they want to sweep at.
 */
export abstract class PeriodicSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly intervalMs: number) {}

  /** Runs one sweep as of `now`; answers how many rows this run changed. */
  abstract sweep(now?: Date): Promise<number>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error) => this.logger.error(`sweep failed: ${String(error)}`));
    }, this.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  /** Stops the periodic run (sweep() still works when called). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
