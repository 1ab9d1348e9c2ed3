import { HttpStatus, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { COUPON_UNUSABLE_REASON_LABELS, type CouponOption } from '../../../shared';
import { PARTICIPANT_RANKS, type CheckoutParticipant, type ParticipantQuote, type QuoteInput, type ReleaseInput, type ReserveInput } from '../orders/participants/checkout-participant';
import { CheckoutParticipants } from '../orders/participants/checkout-participants';
import { ApiException } from '../platform/errors/api-exception';
import { memberPricedAmounts } from '../pricing/pricing';
import { CouponCheckoutService, type CouponLine } from './coupon-checkout.service';

/** What the coupon's reserve spends: the chosen coupon, judged again on the same lines to the same saving. */
interface CouponHold {
  memberCouponId: number;
  lines: CouponLine[];
  /** The saving the quote judged (the order may apply less of it: pricing keeps 1 fen to pay). */
  discountFen: number;
}

/**
 * Coupons as a checkout participant. Quote: the member's coupons judged on the member-priced lines whose price
 * source lets a coupon take from them, and the chosen one's saving (undefined = the best usable one, null =
 * none; an explicitly chosen coupon the member does not have is a 400, one that does not apply a 409).
 * Reserve: spends it with the order. Release: a cancel gives it back; a refund keeps it spent, as it always
 * did (a refunded order leaves the coupon's statistics, see coupon-templates.service.ts).
 */
@Injectable()
export class CouponParticipant implements CheckoutParticipant<CouponHold>, OnModuleInit {
  readonly name = 'coupons';
  readonly rank = PARTICIPANT_RANKS.coupons;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly participants: CheckoutParticipants,
    private readonly coupons: CouponCheckoutService,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
  }

  async quote({ memberId, lines, pricing, forPreview, choice, now }: QuoteInput): Promise<ParticipantQuote<CouponHold>> {
    const memberAmounts = memberPricedAmounts(lines, pricing.memberPricePercent);
    const couponLines: CouponLine[] = lines.flatMap((line, index) =>
      line.couponEnabled === false ? [] : [{ productId: line.productId, categoryId: line.categoryId, amountFen: memberAmounts[index] }],
    );
    // No line lets a coupon take from it (a 拼团 whose campaign allows none): no coupon is listed, and one named is refused.
    if (lines.length > 0 && couponLines.length === 0) {
      if (typeof choice.memberCouponId === 'number') throw couponNotApplicable(choice.memberCouponId, '这笔订单不能使用优惠券', 'out_of_scope');
      return { pricing: { couponDiscountFen: 0 }, order: { memberCouponId: null, couponTemplateId: null, couponName: null }, preview: { coupons: [], selectedMemberCouponId: null } };
    }
    // A preview lists the member's coupons to choose from; an order judges them only when it names one.
    const judge = lines.length > 0 && (forPreview || choice.memberCouponId !== null);
    const options = judge ? await this.coupons.optionsFor(memberId, couponLines, now) : [];
    // Nothing left to order (a preview whose lines all sold out): no coupon applies, whichever was chosen.
    const coupon = lines.length === 0 ? null : await this.chosen(memberId, options, choice.memberCouponId);
    return {
      pricing: { couponDiscountFen: coupon?.discountFen ?? 0 },
      order: { memberCouponId: coupon?.memberCouponId ?? null, couponTemplateId: coupon?.templateId ?? null, couponName: coupon?.name ?? null },
      preview: { coupons: options, selectedMemberCouponId: coupon?.memberCouponId ?? null },
      hold: coupon ? { memberCouponId: coupon.memberCouponId, lines: couponLines, discountFen: coupon.discountFen } : undefined,
    };
  }

  /** Spent with the order, or not at all: a parallel checkout that used it first makes this one fail. */
  async reserve(manager: EntityManager, { hold, memberId, orderId, now }: ReserveInput<CouponHold>): Promise<void> {
    if (!hold) return;
    const redeemed = await this.coupons.redeem(manager, { memberId, memberCouponId: hold.memberCouponId, orderId, lines: hold.lines, now });
    if (redeemed.discountFen !== hold.discountFen) throw couponChanged(hold.memberCouponId);
  }

  async release(manager: EntityManager, { order, cause }: ReleaseInput): Promise<void> {
    if (cause.kind === 'cancel' && order.memberCouponId !== null) await this.coupons.releaseForCancelledOrder(manager, { orderId: order.id });
  }

  /** The coupon to apply: the best usable one when none was named, none for null, else the named one if it applies. */
  private async chosen(memberId: number, options: CouponOption[], memberCouponId: number | null | undefined): Promise<CouponOption | null> {
    if (memberCouponId === undefined) return options.find((option) => option.usable) ?? null;
    if (memberCouponId === null) return null;
    const named = options.find((option) => option.memberCouponId === memberCouponId);
    if (!named) {
      // Not among the member's unused coupons: say whether it is unknown or already spent.
      await this.coupons.unusedCoupon(this.dataSource.manager, memberId, memberCouponId);
      throw couponNotApplicable(memberCouponId, '优惠券已过期', 'expired');
    }
    if (!named.usable) {
      throw couponNotApplicable(memberCouponId, `「${named.name}」${COUPON_UNUSABLE_REASON_LABELS[named.reason ?? 'out_of_scope']}`, named.reason);
    }
    return named;
  }
}

function couponNotApplicable(memberCouponId: number, message: string, reason: string | null): ApiException {
  return new ApiException('COUPON_NOT_APPLICABLE', HttpStatus.CONFLICT, message, { memberCouponId, reason });
}

/** The coupon judged differently inside the transaction than a moment before (its template changed meanwhile). */
function couponChanged(memberCouponId: number): ApiException {
  return couponNotApplicable(memberCouponId, '优惠券规则已变更，请重新确认订单', null);
}
