import { Injectable, OnModuleInit } from '@nestjs/common';
import { OrderEvents, type OrderEventPayload, type OrderPaidPayload, type OrderRefundedPayload } from '../orders/order-events';
import { EventFollowers } from '../platform/events/event-followers';
import { MemberLevelsService } from './member-levels.service';
import { PointsService } from './points.service';

/**
 * Levels and points follow the orders (after commit; a failure here never touches the order, and is retried).
 * Each step is idempotent: a level recompute reads the facts, points are one ledger row per (order, reason);
 * a payment added to the level's window runs once, in the transaction that records its delivery.
 */
@Injectable()
export class LoyaltyOrderFollowers implements OnModuleInit {
  constructor(
    private readonly followers: EventFollowers,
    private readonly levels: MemberLevelsService,
    private readonly points: PointsService,
  ) {}

  onModuleInit(): void {
    this.followers.register<OrderPaidPayload>({
      name: 'loyalty.level-on-paid',
      label: '付款后更新会员等级',
      on: [OrderEvents.paid],
      handle: ({ payload }) => this.levels.recompute(payload.memberId, 'order_paid'),
      // Delivered once, in its delivery's transaction: the payment is added to the window's net paid.
      apply: (manager, { payload }) => this.levels.addPayment(manager, payload.memberId, { payableFen: payload.payableFen, paidAt: new Date(payload.paidAt) }),
    });
    this.followers.register<OrderEventPayload>({
      name: 'loyalty.points-on-completed',
      label: '确认收货后发放积分',
      on: [OrderEvents.completed],
      handle: ({ payload }) => this.points.earnForCompletedOrder(payload.orderId),
    });
    this.followers.register<Partial<OrderRefundedPayload> & OrderEventPayload>({
      name: 'loyalty.points-and-level-on-refunded',
      label: '退款后收回、退还积分并更新等级',
      on: [OrderEvents.refunded],
      handle: async ({ payload }) => {
        // Events recorded before refunds carried their facts were whole-order refunds (refund 0 closes the order).
        await this.points.settleRefund({
          orderId: payload.orderId,
          refundId: payload.refundId ?? 0,
          pointsReturned: payload.pointsReturned ?? 0,
          closesOrder: payload.closesOrder ?? true,
          orderRefundedFen: payload.orderRefundedFen ?? payload.payableFen,
        });
        await this.levels.recompute(payload.memberId, 'order_refunded');
      },
    });
  }
}
