import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { OrderEvents, type OrderChangedEvent } from '../orders/order-events';
import { MemberLevelsService } from './member-levels.service';
import { PointsService } from './points.service';

/** Levels and points follow the orders (after commit; a failure here never touches the order). */
@Injectable()
export class LoyaltyOrderFollowers {
  constructor(
    private readonly levels: MemberLevelsService,
    private readonly points: PointsService,
  ) {}

  @OnEvent(OrderEvents.paid)
  async onPaid(event: OrderChangedEvent): Promise<void> {
    await this.levels.recompute(event.memberId, 'order_paid');
  }

  @OnEvent(OrderEvents.completed)
  async onCompleted(event: OrderChangedEvent): Promise<void> {
    await this.points.earnForCompletedOrder(event.orderId);
  }

  @OnEvent(OrderEvents.refunded)
  async onRefunded(event: OrderChangedEvent): Promise<void> {
    await this.points.settleRefundedOrder(event.orderId);
    await this.levels.recompute(event.memberId, 'order_refunded');
  }
}
