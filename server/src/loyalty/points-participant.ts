import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PARTICIPANT_RANKS, type CheckoutParticipant, type ParticipantQuote, type QuoteInput, type ReleaseInput, type ReserveInput } from '../orders/participants/checkout-participant';
import { CheckoutParticipants } from '../orders/participants/checkout-participants';
import { LoyaltyCheckoutService } from './loyalty-checkout.service';

/**
 * Points as a checkout participant. Quote: when asked, as many points as the rule allows pay for the goods
 * left after the coupon (the lines whose price source lets points pay); the preview shows what they could pay
 * either way. Reserve: redeems them with the order (409 POINTS_INSUFFICIENT when the balance went short).
 * Release: a cancel gives them back now; a refund gives them back when the money is back (the
 * `loyalty.points-and-level-on-refunded` follower), as it always did.
 */
@Injectable()
export class PointsParticipant implements CheckoutParticipant<number>, OnModuleInit {
  readonly name = 'points';
  readonly rank = PARTICIPANT_RANKS.points;

  constructor(
    private readonly participants: CheckoutParticipants,
    private readonly loyalty: LoyaltyCheckoutService,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
  }

  quote({ buyer, choice, price }: QuoteInput): ParticipantQuote<number> {
    const rule = { pointsPerYuan: buyer.pointsPerYuan, maxSharePercent: buyer.pointsMaxSharePercent, balance: buyer.pointsBalance };
    const withPoints = price({ points: rule });
    const priced = choice.usePoints ? withPoints : price();
    return {
      pricing: choice.usePoints ? { points: rule } : {},
      preview: {
        points: {
          balance: buyer.pointsBalance,
          pointsPerYuan: buyer.pointsPerYuan,
          maxSharePercent: buyer.pointsMaxSharePercent,
          used: priced.pointsUsed,
          discountFen: priced.pointsDiscountFen,
          availableDiscountFen: withPoints.pointsDiscountFen,
          applied: choice.usePoints && withPoints.pointsUsed > 0,
        },
      },
      hold: priced.pointsUsed,
    };
  }

  async reserve(manager: EntityManager, { hold, memberId, orderId, orderNo }: ReserveInput<number>): Promise<void> {
    if (hold) await this.loyalty.spendPoints(manager, { memberId, orderId, orderNo, points: hold });
  }

  async release(manager: EntityManager, { order, cause }: ReleaseInput): Promise<void> {
    if (cause.kind !== 'cancel' || order.pointsUsed <= 0) return;
    await this.loyalty.returnPointsOfCancelledOrder(manager, { memberId: order.memberId, orderId: order.id, orderNo: order.orderNo, points: order.pointsUsed });
  }
}
