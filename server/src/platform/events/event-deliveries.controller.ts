import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { JOB_ADMIN_ROLES, type AdminEventDelivery, type AdminEventDeliveryList } from '../../../../shared';
import { Roles } from '../auth/staff-auth.guard';
import { DomainEvents } from './domain-events.service';

/** 任务 in the console, second part: the event deliveries that failed or are stuck, and running one again (the owner). */
@Controller('admin/event-deliveries')
@Roles(...JOB_ADMIN_ROLES)
export class EventDeliveriesController {
  constructor(private readonly events: DomainEvents) {}

  @Get()
  list(): Promise<AdminEventDeliveryList> {
    return this.events.needingLook();
  }

  @Post(':eventId/:follower/retry')
  @HttpCode(200)
  retry(@Param('eventId') eventId: string, @Param('follower') follower: string): Promise<AdminEventDelivery> {
    return this.events.retryNow(eventId, follower);
  }
}
