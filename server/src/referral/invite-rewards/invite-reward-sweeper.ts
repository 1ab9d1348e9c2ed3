import { Injectable } from '@nestjs/common';
import { drainInBatches } from '../../platform/jobs/drain';
import { PeriodicSweep } from '../../platform/jobs/periodic-sweep';
import { ReferralSettingsService } from '../referral-settings.service';
import { InviteRewardsService } from './invite-rewards.service';

const SWEEP_BATCH = 100;
const DAY_MS = 86_400_000;

/**
 * Grants waiting invite rewards once the friend's first order is completed and 分销设置's after-sale window has
 * passed since (voids those whose order was refunded in full). Pure database work (no WeChat call, no lease): each
 * reward moves waiting → granted by a conditional update in the transaction that grants it, so every instance may
 * run it at once and a reward is granted once.
 */
@Injectable()
export class InviteRewardSweeper extends PeriodicSweep {
  constructor(
    private readonly rewards: InviteRewardsService,
    private readonly settings: ReferralSettingsService,
  ) {
    super({ name: 'referral.invite-rewards', label: '邀请有礼发放', everyMs: 10 * 60_000 });
  }

  async sweep(now: Date = new Date()): Promise<number> {
    const { afterSaleWindowDays } = await this.settings.current();
    const completedBefore = new Date(now.getTime() - afterSaleWindowDays * DAY_MS);
    return drainInBatches(
      SWEEP_BATCH,
      () => this.rewards.due(completedBefore, SWEEP_BATCH),
      ({ id }) => this.rewards.decide(id, completedBefore, now),
    );
  }
}
