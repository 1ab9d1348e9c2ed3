import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { MyCoupon } from '../../../shared';
import { CouponGrantService } from '../coupons/coupon-grant.service';
import { CouponTemplateRow } from '../coupons/coupon-template.entity';
import { ApiException } from '../platform/errors/api-exception';
import { isLiveCouponTemplate } from './live-session-rules';
import { sessionNotFound } from './live-sessions.service';
import { LiveSessionRow } from './live-session.entity';

const couponUnavailable = (message: string) => new ApiException('LIVE_COUPON_UNAVAILABLE', HttpStatus.CONFLICT, message);

/**
 * 直播间领券: a member claims the session's live coupon while the session is live. The claim itself is the coupon
 * domain's (CouponGrantService.claimTemplate; the template is a staff-only one, checked on save), so the template's
 * quantity and per-member limit hold by its conditional updates, and the answer is the coupon center's; the session
 * is read again inside the claim's transaction, so no coupon is claimed after 结束.
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
    // A template no longer a live coupon (made public or newcomer since) is not claimable here; a deleted one is gone.
    if (!template || !isLiveCouponTemplate(template)) throw couponUnavailable('本场直播的直播专享券已下架');
    return this.grants.claimTemplate(memberId, template, now, (manager) => this.stillLive(manager, sessionId));
  }

  /**
   * Inside the claim's transaction: the session is still live. The no-op update takes the session row's lock first
   * (as LiveSessionsService.update does), so a 结束 landing meanwhile (its conditional update on status) waits for the
   * claim or is seen by it. The no-op's affected rows cannot tell: MariaDB counts only changed rows.
   */
  private async stillLive(manager: EntityManager, sessionId: number): Promise<void> {
    await manager.query('UPDATE live_sessions SET id = id WHERE id = ?', [sessionId]);
    const current = await manager.findOne(LiveSessionRow, { where: { id: sessionId }, select: ['id', 'status'] });
    if (current?.status !== 'live') throw couponUnavailable('直播已结束，直播专享券已停止领取');
  }
}
