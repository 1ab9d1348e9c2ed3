import { Global, Module } from '@nestjs/common';
import { DomainEventSweeper } from './domain-event-sweeper';
import { DomainEvents } from './domain-events.service';
import { EventFollowers } from './event-followers';

/** The outbox of domain events and the registry of their followers, available to every module. */
@Global()
@Module({
  providers: [DomainEvents, EventFollowers, DomainEventSweeper],
  exports: [DomainEvents, EventFollowers],
})
export class DomainEventsModule {}
