import { Global, Module } from '@nestjs/common';
import { StaffModule } from '../../staff/staff.module';
import { DomainEventPruneSweeper } from './domain-event-prune-sweeper';
import { DomainEventSweeper } from './domain-event-sweeper';
import { DomainEvents } from './domain-events.service';
import { EventDeliveriesController } from './event-deliveries.controller';
import { EventFollowers } from './event-followers';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DomainEventDeliveryRow } from './domain-event-delivery.entity';
import { DomainEventRow } from './domain-event.entity';

/** The outbox of domain events and the registry of their followers, available to every module. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([DomainEventDeliveryRow, DomainEventRow]), StaffModule],
  controllers: [EventDeliveriesController],
  providers: [DomainEvents, EventFollowers, DomainEventSweeper, DomainEventPruneSweeper],
  exports: [DomainEvents, EventFollowers],
})
export class DomainEventsModule {}
