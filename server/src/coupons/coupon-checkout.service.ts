import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { COUPON_UNUSABLE_REASON_LABELS, type CouponOption, type Fen } from '../../../shared';
import { ApiException } from '../platform/errors/api-exception';
import { CategoryParentsCache } from './category-parents';
import { judgeCoupon, ruleText, type CouponLine } from './coupon-rules';
import { CouponTemplateRow } from './coupon-template.entity';
import { MemberCouponRow } from './member-coupon.entity';
import { DomainEvents } from '../platform/events/domain-events.service';
import { CouponEvents, type CouponRedeemedPayload } from './coupon-events';

export type { CouponLine } from './coupon-rules';

/** Coupons that expired this long ago still show at checkout, as unusable with the reason; older ones do not. */
const SHOW_EXPIRED_FOR_MS = 30 * 24 * 3600_000;

/**
 * What checkout needs of coupons: the member's options for a set of lines, spending one with the order
 * (in the order's transaction), and giving it back when that order is cancelled unpaid.
 */
@Injectable()
export class CouponCheckoutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly categoryParents: CategoryParentsCache,
    private readonly events: DomainEvents,
  ) {}

  /** Every unused coupon of the member judged against the lines: usable ones by discount (largest first), then the unusable ones with their reason. */
  async optionsFor(memberId: number, lines: CouponLine[], now: Date): Promise<CouponOption[]> {
    // Each coupon with its template, in one read.
    const coupons = (await this.dataSource
      .getRepository(MemberCouponRow)
      .createQueryBuilder('c')
      .innerJoinAndMapOne('c.template', CouponTemplateRow, 't', 't.id = c.templateId')
      .where("c.memberId = :memberId AND c.status = 'unused' AND c.validTo >= :shownFrom", { memberId, shownFrom: new Date(now.getTime() - SHOW_EXPIRED_FOR_MS) })
      .orderBy('c.validTo', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany()) as (MemberCouponRow & { template: CouponTemplateRow })[];
    if (coupons.length === 0) return [];
    const parents = await this.categoryParents.current();
    const options = coupons.map((coupon): CouponOption => {
      const template = coupon.template;
      const judgement = judgeCoupon(template, coupon, lines, parents, now);
      return {
        memberCouponId: coupon.id,
        templateId: template.id,
        name: template.name,
        ruleText: ruleText(template),
        type: template.type,
        thresholdFen: template.thresholdFen,
        amountOffFen: template.amountOffFen,
        payPercent: template.payPercent,
        maxDiscountFen: template.maxDiscountFen,
        discountFen: judgement.discountFen,
        usable: judgement.usable,
        reason: judgement.reason,
        validFrom: coupon.validFrom.toISOString(),
        validTo: coupon.validTo.toISOString(),
      };
    });
    // Stable sort: within equal discounts the coupon expiring first comes first (the query's order).
    return [...options.filter((option) => option.usable).sort((a, b) => b.discountFen - a.discountFen), ...options.filter((option) => !option.usable)];
  }

  /**
   * Spends the member's coupon on the order, inside the order's transaction: judges it again on these lines,
   * then moves it unused → used with one conditional update (one row = this order won it) and counts the use
   * on its template.
   */
  async redeem(
    manager: EntityManager,
    p: { memberId: number; memberCouponId: number; orderId: number; lines: CouponLine[]; now: Date },
  ): Promise<{ templateId: number; discountFen: Fen }> {
    const coupon = await this.unusedCoupon(manager, p.memberId, p.memberCouponId);
    const template = await manager.findOneByOrFail(CouponTemplateRow, { id: coupon.templateId });
    const judgement = judgeCoupon(template, coupon, p.lines, await this.categoryParents.current(), p.now);
    if (!judgement.usable) {
      throw new ApiException('COUPON_NOT_APPLICABLE', HttpStatus.CONFLICT, `优惠券不可用：${COUPON_UNUSABLE_REASON_LABELS[judgement.reason!]}`, {
        memberCouponId: p.memberCouponId,
        reason: judgement.reason,
      });
    }
    const spent = await manager
      .createQueryBuilder()
      .update(MemberCouponRow)
      .set({ status: 'used', orderId: p.orderId, usedAt: wholeSecond(p.now) })
      .where(`id = :id AND status = 'unused'`, { id: coupon.id })
      .execute();
    if (spent.affected !== 1) throw couponUnavailable(p.memberCouponId);
    await manager
      .createQueryBuilder()
      .update(CouponTemplateRow)
      .set({ usedCount: () => 'usedCount + 1' })
      .where('id = :id', { id: template.id })
      .execute();
    const payload: CouponRedeemedPayload = { memberCouponId: coupon.id, templateId: template.id, memberId: p.memberId, orderId: p.orderId, discountFen: judgement.discountFen };
    this.events.record(manager, { type: CouponEvents.redeemed, aggregateKey: `member-coupon:${coupon.id}`, memberId: p.memberId, payload });
    return { templateId: template.id, discountFen: judgement.discountFen };
  }

  /**
   * The member's coupon while it is still unused; an unknown id or another member's coupon is a 400
   * COUPON_NOT_FOUND, a coupon already spent (by a parallel checkout, say) a 409 COUPON_UNAVAILABLE.
   */
  async unusedCoupon(manager: EntityManager, memberId: number, memberCouponId: number): Promise<MemberCouponRow> {
    const coupon = await manager.findOneBy(MemberCouponRow, { id: memberCouponId });
    if (!coupon || coupon.memberId !== memberId) {
      throw new ApiException('COUPON_NOT_FOUND', HttpStatus.BAD_REQUEST, '优惠券不存在', { memberCouponId });
    }
    if (coupon.status !== 'unused') throw couponUnavailable(memberCouponId);
    return coupon;
  }

  /** Gives the coupon of a cancelled (unpaid) order back to its member; a second call finds nothing to give back. */
  async releaseForCancelledOrder(manager: EntityManager, p: { orderId: number }): Promise<void> {
    const coupon = await manager.findOneBy(MemberCouponRow, { orderId: p.orderId, status: 'used' });
    if (!coupon) return;
    const released = await manager
      .createQueryBuilder()
      .update(MemberCouponRow)
      .set({ status: 'unused', orderId: null, usedAt: null })
      .where(`id = :id AND orderId = :orderId AND status = 'used'`, { id: coupon.id, orderId: p.orderId })
      .execute();
    if (released.affected !== 1) return;
    await manager
      .createQueryBuilder()
      .update(CouponTemplateRow)
      .set({ usedCount: () => 'usedCount - 1' })
      .where('id = :id AND usedCount > 0', { id: coupon.templateId })
      .execute();
  }
}

function couponUnavailable(memberCouponId: number): ApiException {
  return new ApiException('COUPON_UNAVAILABLE', HttpStatus.CONFLICT, '优惠券已被使用', { memberCouponId });
}

/** MySQL DATETIME keeps whole seconds. */
function wholeSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
