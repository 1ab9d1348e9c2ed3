import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CheckoutParticipant, ParticipantQuote, QuoteInput, ReserveInput } from '../../orders/participants/checkout-participant';
import { CheckoutParticipants } from '../../orders/participants/checkout-participants';
import { OrderRow } from '../../orders/order.entity';
import { OrderProcess } from '../../orders/process/order-process';
import { bindingInForce } from '../bindings.service';
import { CurrentReferrerRow } from '../current-referrer.entity';
import { ORDER_REFERRERS_RANK } from '../order-referrers-participant';
import { InviteOrderInviterRow } from './invite-order-inviter.entity';
import { InviteRewardsService } from './invite-rewards.service';
import { InviteRuleService } from './invite-rule.service';

interface InviterHold {
  inviterMemberId: number;
  boundAt: Date;
}

/**
 * Where 邀请有礼 follows the order:
 * - placed (a checkout participant; changes no price, refuses nothing): a buyer who has no paid order yet and whose
 *   referral binding is in force gets the order's inviter written with the order, so the reward goes to whoever
 *   invited them when the first order was PLACED;
 * - paid (a hook in the paid transition's transaction): the first paid order records the friend's reward (waiting).
 * While the rule is off neither reads anything. Costs while it is on: placing an order reads the buyer's binding
 * (by key) and, for a bound buyer, whether they paid before; paying reads the order's inviter row (by key).
 */
@Injectable()
export class InviteOrderSteps implements CheckoutParticipant<InviterHold>, OnModuleInit {
  readonly name = 'referral.invite-inviter';
  readonly rank = ORDER_REFERRERS_RANK + 10;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly participants: CheckoutParticipants,
    private readonly orders: OrderProcess,
    private readonly rules: InviteRuleService,
    private readonly rewards: InviteRewardsService,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
    this.orders.registerHook({
      name: 'referral.invite-reward-on-paid',
      from: 'pending_payment',
      to: 'paid',
      run: (manager, { orderId }) => this.rewards.recordFirstPaidOrder(manager, orderId),
    });
  }

  async quote({ memberId, forPreview, now, lines }: QuoteInput): Promise<ParticipantQuote<InviterHold>> {
    if (forPreview || lines.length === 0 || !(await this.rules.current()).enabled) return {};
    const binding = await this.dataSource.getRepository(CurrentReferrerRow).findOneBy({ memberId });
    if (!binding || !bindingInForce(binding, now)) return {};
    const paidBefore = await this.dataSource.createQueryBuilder(OrderRow, 'o').where('o.memberId = :memberId AND o.paidAt IS NOT NULL', { memberId }).getExists();
    return paidBefore ? {} : { hold: { inviterMemberId: binding.referrerMemberId, boundAt: binding.boundAt } };
  }

  async reserve(manager: EntityManager, { hold, orderId, memberId }: ReserveInput<InviterHold>): Promise<void> {
    if (hold) await manager.insert(InviteOrderInviterRow, { orderId, inviteeMemberId: memberId, ...hold });
  }

  /** Nothing to give back: an order cancelled unpaid never becomes a first paid order. */
  async release(): Promise<void> {}
}
