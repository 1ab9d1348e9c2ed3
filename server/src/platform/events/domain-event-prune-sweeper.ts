import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PeriodicSweep } from '../jobs/periodic-sweep';
import { DomainEvents } from './domain-events.service';

const DAY_MS = 86_400_000;

/** Removes settled events older than EVENT_RETENTION_DAYS, so the outbox does not grow with every order forever. */
@Injectable()
export class DomainEventPruneSweeper extends PeriodicSweep {
  constructor(
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super({ name: 'events.prune', label: '清理已处理完的旧领域事件', everyMs: 60 * 60_000 });
  }

  /** Answers how many events it removed. */
  sweep(now: Date = new Date()): Promise<number> {
    return this.events.prune(new Date(now.getTime() - this.config.eventRetentionDays * DAY_MS));
  }
}
