import { Injectable } from '@nestjs/common';
import { PeriodicSweep } from '../platform/jobs/periodic-sweep';
import { MemberLevelsService } from './member-levels.service';
import { PointsService } from './points.service';

/**
 * Recomputes the levels that may have dropped because a paid order left the window (member_level_reviews
 * by due time; also every level after the tiers or the window changed). Every instance runs it every minute;
 * a recompute derives the level from facts, so overlapping runs agree.
 */
@Injectable()
export class LevelReviewSweeper extends PeriodicSweep {
  constructor(private readonly levels: MemberLevelsService) {
    super({ name: 'loyalty.level-review', label: '会员等级复核', everyMs: 60_000 });
  }

  sweep(now: Date = new Date()): Promise<number> {
    return this.levels.reviewDue(now);
  }
}

/** Expires what is left of points lots past their expiry. Each lot is closed by a conditional update, once. */
@Injectable()
export class PointsExpirySweeper extends PeriodicSweep {
  constructor(private readonly points: PointsService) {
    super({ name: 'loyalty.points-expiry', label: '积分过期', everyMs: 60_000 });
  }

  sweep(now: Date = new Date()): Promise<number> {
    return this.points.expireDue(now);
  }
}
