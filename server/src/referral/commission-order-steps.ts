import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OrderEvents, type OrderEventPayload, type OrderPaidPayload, type OrderRefundedPayload } from '../orders/order-events';
import { OrderProcess } from '../orders/process/order-process';
import { EventFollowers } from '../platform/events/event-followers';
import { CommissionsService } from './commissions.service';
import { PromotersService } from './promoters.service';
import { ReferralSettingsService } from './referral-settings.service';

/**
 * Where commission follows the order:
 * - paid (a hook in the paid transition's transaction): the frozen records, so no refund can ever come first;
 * - refunded (a follower, once per refund): the refunded units' share of each record is taken back;
 * - paid (a follower): 人人分销 with a minimum spend makes the buyer a promoter once they reach it.
 */
@Injectable()
export class CommissionOrderSteps implements OnModuleInit {
  constructor(
    private readonly orders: OrderProcess,
    private readonly followers: EventFollowers,
    private readonly commissions: CommissionsService,
    private readonly promoters: PromotersService,
    private readonly settings: ReferralSettingsService,
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
          refundId: payload.refundId ?? 0,
          items: payload.items ?? [],
          closesOrder: payload.closesOrder ?? true,
        });
      },
    });
    this.followers.register<OrderPaidPayload & OrderEventPayload>({
      name: 'referral.promoter-on-paid',
      label: '付款后达到消费门槛的会员成为推广员',
      on: [OrderEvents.paid],
      handle: async ({ payload }) => this.promoters.promoteIfQualified(payload.memberId, await this.settings.current()),
    });
  }
}
