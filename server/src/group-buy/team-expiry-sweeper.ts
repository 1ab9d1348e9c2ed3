import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { OrdersService } from '../orders/orders.service';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { drainInBatches } from '../platform/jobs/drain';
import { PeriodicSweep } from '../platform/jobs/periodic-sweep';
import { GroupBuyCampaignRow } from './group-buy-campaign.entity';
import { GroupBuySeats } from './group-buy-seats';
import { GroupBuyTeamRow } from './group-buy-team.entity';
import { LostSeatRefundSweeper } from './lost-seat-refund-sweeper';

const SWEEP_BATCH = 100;

/**
 * Ends every forming team whose time is up: with 模拟成团 on and the paid share at or above the threshold it
 * succeeds with virtual seats (its orders are released like a full team's), else it fails. Each is one conditional
 * update on `status = 'forming' AND expiresAt <= now`, so racing the last payment (which counts only while
 * `expiresAt > now`) ends the team one way, once. Then the unpaid orders of ended teams are cancelled (each in
 * its own transaction, giving the seat back), and the refund sweep refunds the failed teams' paid orders at once.
 * A database sweep: every instance runs it, no lease.
 */
@Injectable()
export class TeamExpirySweeper extends PeriodicSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly seats: GroupBuySeats,
    private readonly orders: OrdersService,
    private readonly refunds: LostSeatRefundSweeper,
  ) {
    super({ name: 'group-buy.expire-teams', label: '到期拼团成团或失败', everyMs: 60_000 });
  }

  async sweep(now: Date = new Date()): Promise<number> {
    const campaigns = new Map<number, GroupBuyCampaignRow | null>();
    const ended = await drainInBatches(
      SWEEP_BATCH,
      () =>
        this.dataSource.getRepository(GroupBuyTeamRow).find({
          select: { id: true, campaignId: true },
          where: { status: 'forming', expiresAt: LessThanOrEqual(now) },
          order: { expiresAt: 'ASC' },
          take: SWEEP_BATCH,
        }),
      async (team) => {
        if (!campaigns.has(team.campaignId)) campaigns.set(team.campaignId, await this.dataSource.getRepository(GroupBuyCampaignRow).findOneBy({ id: team.campaignId }));
        return this.expire(team, campaigns.get(team.campaignId) ?? null, now);
      },
    );
    await this.cancelUnpaidOfEndedTeams();
    if (ended > 0) await this.refunds.sweep();
    return ended;
  }

  /** Completes the team virtually when the campaign's rule allows, else fails it; false when it was no longer forming. */
  private expire(team: Pick<GroupBuyTeamRow, 'id' | 'campaignId'>, campaign: GroupBuyCampaignRow | null, now: Date): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const threshold = campaign?.virtualCompletion ? campaign.virtualThresholdPercent : null;
      if (threshold !== null && (await this.seats.succeed(manager, team, now, { thresholdPercent: threshold }))) return true;
      return this.seats.fail(manager, team, now);
    });
  }

  /** Orders still unpaid in a team that ended (a reserved seat of a failed or virtually completed team): cancelled one by one. */
  private async cancelUnpaidOfEndedTeams(): Promise<void> {
    await drainInBatches(
      SWEEP_BATCH,
      async () => {
        const rows: { id: number | string }[] = await this.dataSource.query(
          'SELECT o.id AS id FROM orders o JOIN group_buy_teams tm ON tm.id = o.groupBuyTeamId ' +
            "WHERE o.status = 'pending_payment' AND o.fulfilmentHold = 'group_buy' AND tm.status IN ('succeeded', 'failed', 'cancelled') " +
            `ORDER BY o.id LIMIT ${SWEEP_BATCH}`,
        );
        return rows.map((row) => Number(row.id));
      },
      // Not 超时未付款: the team ended before the shopper paid (expiry, 模拟成团, the leader quitting, the campaign ended).
      (orderId) => this.orders.cancelUnpaid(orderId, 'group_ended'),
    );
  }
}
