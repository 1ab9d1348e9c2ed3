import { Injectable } from '@nestjs/common';
import { drainInBatches } from '../platform/jobs/drain';
import { PeriodicSweep } from '../platform/jobs/periodic-sweep';
import { CommissionsService } from './commissions.service';
import { ReferralSettingsService } from './referral-settings.service';

const SWEEP_BATCH = 100;
const DAY_MS = 86_400_000;

/**
 * Settles frozen commission once its order is completed (received) and the after-sale window has passed since.
 * Pure database work (no WeChat call, no lease): each record moves frozen → settled by a conditional update and
 * is credited once, so every instance may run it at once.
 */
@Injectable()
export class CommissionSettlementSweeper extends PeriodicSweep {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly settings: ReferralSettingsService,
  ) {
    super({ name: 'referral.settle-commission', label: '佣金结算', everyMs: 10 * 60_000 });
  }

  async sweep(now: Date = new Date()): Promise<number> {
    const { afterSaleWindowDays } = await this.settings.current();
    const completedBefore = new Date(now.getTime() - afterSaleWindowDays * DAY_MS);
    return drainInBatches(
      SWEEP_BATCH,
      () => this.commissions.dueForSettlement(completedBefore, SWEEP_BATCH),
      ({ id }) => this.commissions.settle(id, now),
    );
  }
}
