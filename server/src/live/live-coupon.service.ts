import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MyCoupon } from '../../../shared';
import { CouponGrantService } from '../coupons/coupon-grant.service';
import { CouponTemplateRow } from '../coupons/coupon-template.entity';
import { ApiException } from '../platform/errors/api-exception';
import { sessionNotFound } from './live-sessions.service';
import { LiveSessionRow } from './live-session.entity';

const couponUnavailable = (message: string) => new ApiException('LIVE_COUPON_UNAVAILABLE', HttpStatus.CONFLICT, message);

/**
 * 直播间领券: a member claims the session's live coupon while the session is live. The claim itself is the coupon
 * domain's (CouponGrantService.claimTemplate, whatever the template's channel), so the template's quantity and
 * per-member limit hold by its conditional updates, and the answer is the coupon center's.
 */
@Injectable()
export class LiveCouponService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grants: CouponGrantService,
  ) {}

  async claim(memberId: number, sessionId: number, now = new Date()): Promise<MyCoupon> {
    const session = await this.dataSource.getRepository(LiveSessionRow).findOne({ where: { id: sessionId }, select: ['id', 'status', 'couponTemplateId'] });
    if (!session || session.status === 'cancelled') throw sessionNotFound();
    if (session.couponTemplateId === null) throw couponUnavailable('本场直播没有直播专享券');
    if (session.status !== 'live') {
      throw couponUnavailable(session.status === 'upcoming' ? '直播开始后才能领取直播专享券' : '直播已结束，直播专享券已停止领取');
    }
    const template = await this.dataSource.getRepository(CouponTemplateRow).findOneBy({ id: session.couponTemplateId });
    // A newcomer template is given at registration only; a deleted one is simply gone.
    if (!template || template.type === 'newcomer') throw couponUnavailable('本场直播的直播专享券已下架');
    return this.grants.claimTemplate(memberId, template, now);
  }
}
