import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OrderEvents, type OrderRefundedPayload } from '../orders/order-events';
import { OrderProcess } from '../orders/process/order-process';
import { EventFollowers } from '../platform/events/event-followers';
import { CommissionsService } from './commissions.service';

/**
 * Where commission follows the order:
 * - paid (a hook in the paid transition's transaction): the frozen records, so no refund can ever come first;
 * - refunded (a follower, once per refund): the refunded units' share of each record is taken back.
 */
@Injectable()
export class CommissionOrderSteps implements OnModuleInit {
  constructor(
    private readonly orders: OrderProcess,
    private readonly followers: EventFollowers,
    private readonly commissions: CommissionsService,
  ) {}

  onModuleInit(): void {
    this.orders.registerHook({
      name: 'referral.commission-on-paid',
      from: 'pending_payment',
      to: 'paid',
      run: async (manager, { orderId }) => {
        await this.commissions.createForPaidOrder(manager, orderId);
      },
    });
    this.followers.register<OrderRefundedPayload>({
      name: 'referral.commission-on-refunded',
      label: '退款后扣回佣金',
      on: [OrderEvents.refunded],
      handle: async ({ payload }) => {
        await this.commissions.reverseForRefund({
          orderId: payload.orderId,
          // A stored event written before refund events carried a refund id has none (its type says required, the
          // stored JSON may not): such refunds were whole-order refunds, one per order, so 0 keys their reversal
          // (unique per record and refund) and a redelivery of that old event still reverses once.
          refundId: payload.refundId ?? 0,
          items: payload.items ?? [],
          closesOrder: payload.closesOrder ?? true,
        });
      },
    });
  }
}
