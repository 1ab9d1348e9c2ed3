import { Injectable } from '@nestjs/common';
import { PeriodicSweep } from '../jobs/periodic-sweep';
import { DomainEvents } from './domain-events.service';

/** Every 30 seconds: runs the event deliveries that are due (failed runs after their backoff, runs a dead process never made). */
@Injectable()
export class DomainEventSweeper extends PeriodicSweep {
  constructor(private readonly events: DomainEvents) {
    super(30_000);
  }

  sweep(now: Date = new Date()): Promise<number> {
    return this.events.redeliverDue(now);
  }
}
