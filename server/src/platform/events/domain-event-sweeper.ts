import { Injectable } from '@nestjs/common';
import { PeriodicSweep } from '../jobs/periodic-sweep';
import { DomainEvents } from './domain-events.service';

/** Runs the event deliveries that are due: failed runs after their backoff, and runs a dead process never made. */
@Injectable()
export class DomainEventSweeper extends PeriodicSweep {
  constructor(private readonly events: DomainEvents) {
    super({ name: 'events.redeliver', label: '领域事件重投（跟随者失败或进程中断后）', everyMs: 30_000 });
  }

  /** Answers how many deliveries succeeded. */
  sweep(now: Date = new Date()): Promise<number> {
    return this.events.redeliverDue(now);
  }
}
