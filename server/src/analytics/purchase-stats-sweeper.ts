import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not } from 'typeorm';
import { PeriodicSweep } from '../platform/jobs/periodic-sweep';
import { MemberPurchaseStatsRow } from './member-purchase-stats.entity';
import { MemberPurchaseStatsService } from './member-purchase-stats.service';
import { PurchaseFacts } from './purchase-facts';

/** Changes this recent are checked against the rows every run: an instance that died between a payment's
 * commit and its event is back (or replaced) well within it; anything older is the backfill's. */
const CHANGE_LOOKBACK_MS = 60 * 60_000;
const SWEEP_BATCH = 200;

/**
 * Every minute: recomputes the purchase stats whose facts changed without the row following (a payment,
 * refund or refund success in the last hour newer than the row's recompute, e.g. an event lost with its
 * instance), then re-dates one-day buyers dated with an outdated shop interval. Every recompute
 * rewrites a row from the facts, so instances sweeping at once agree.
 */
@Injectable()
export class PurchaseStatsSweeper extends PeriodicSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: PurchaseFacts,
    private readonly stats: MemberPurchaseStatsService,
  ) {
    super({ name: 'analytics.purchase-stats', label: '复购统计补算', everyMs: 60_000 });
  }

  async sweep(now: Date = new Date()): Promise<number> {
    const stale = await this.changedAfterTheirRow(now);
    for (const memberId of stale) await this.stats.recompute(memberId, now);
    // Rows written before purchase days were counted (purchaseDayCount 0) took same-day orders for repeat
    // purchases; they are rewritten before the shop interval is read from the rows.
    const legacy = await this.dataSource.getRepository(MemberPurchaseStatsRow).find({
      select: { memberId: true },
      where: { purchaseDayCount: 0 },
      take: SWEEP_BATCH,
    });
    for (const { memberId } of legacy) await this.stats.recompute(memberId, now);
    // Then the shop interval as of those rows, and the one-day buyers still dated with another one.
    const interval = await this.stats.shopIntervalDays(now, true);
    const outdated = await this.dataSource.getRepository(MemberPurchaseStatsRow).find({
      select: { memberId: true },
      where: { purchaseDayCount: 1, expectedIntervalDays: Not(interval) },
      take: SWEEP_BATCH,
    });
    for (const { memberId } of outdated) await this.stats.recompute(memberId, now);
    return stale.length + legacy.length + outdated.length;
  }

  private async changedAfterTheirRow(now: Date): Promise<number[]> {
    const changed = await this.facts.membersChangedSince(new Date(now.getTime() - CHANGE_LOOKBACK_MS));
    const ids = [...changed.keys()];
    const computed = new Map<number, Date>();
    for (let start = 0; start < ids.length; start += SWEEP_BATCH) {
      const rows = await this.dataSource.getRepository(MemberPurchaseStatsRow).find({
        select: { memberId: true, computedAt: true },
        where: { memberId: In(ids.slice(start, start + SWEEP_BATCH)) },
      });
      for (const row of rows) computed.set(row.memberId, row.computedAt);
    }
    // No row yet: a new buyer. A row computed in the same second as the change may have read before it.
    return ids.filter((id) => {
      const at = computed.get(id);
      return at === undefined || at <= changed.get(id)!;
    });
  }
}

/**
 * Every 30 minutes: members with paid orders and no stats row at all (orders paid before the stats
 * existed, or an event lost longer ago than the sweep looks back) get one, SWEEP_BATCH per run. It reads
 * the whole orders table, hence the longer interval.
 */
@Injectable()
export class PurchaseStatsBackfill extends PeriodicSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stats: MemberPurchaseStatsService,
  ) {
    super({ name: 'analytics.purchase-stats-backfill', label: '复购统计回填', everyMs: 30 * 60_000 });
  }

  async sweep(now: Date = new Date()): Promise<number> {
    const rows: { memberId: number | string }[] = await this.dataSource.query(
      `SELECT DISTINCT o.memberId AS memberId FROM orders o
       LEFT JOIN member_purchase_stats s ON s.memberId = o.memberId
       WHERE o.paidAt IS NOT NULL AND o.status <> 'refunded' AND s.memberId IS NULL
       LIMIT ${SWEEP_BATCH}`,
    );
    for (const row of rows) await this.stats.recompute(Number(row.memberId), now);
    return rows.length;
  }
}
