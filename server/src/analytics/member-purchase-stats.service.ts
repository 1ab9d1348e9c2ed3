import { HttpStatus, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_REPURCHASE_INTERVAL_DAYS, type MemberPurchaseStats } from '../../../shared';
import { Member } from '../members/member.entity';
import { OrderEvents, type OrderEventPayload } from '../orders/order-events';
import { EventFollowers } from '../platform/events/event-followers';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { upsertRow, type UpsertSet } from '../platform/database/upsert';
import { ApiException } from '../platform/errors/api-exception';
import { chinaDay, daysBetween } from '../../../shared/china-time';
import { MemberPurchaseStatsRow } from './member-purchase-stats.entity';
import { PurchaseFacts } from './purchase-facts';
import { averageDaysBetween, median, summarizePurchases } from './purchase-history';

/** How long an instance reuses the shop's median first-to-second interval before reading it again. */
const SHOP_INTERVAL_CACHE_MS = 10 * 60_000;

/**
 * Keeps member_purchase_stats current. Every change rewrites the member's whole row from the orders and
 * refunds tables, so the same event twice, two events out of order or an event and the sweep at once all
 * end with the same row.
 */
@Injectable()
export class MemberPurchaseStatsService implements OnModuleInit {
  private shopInterval: { days: number; readAt: number } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: PurchaseFacts,
    private readonly transactions: TransactionRunner,
    private readonly followers: EventFollowers,
  ) {}

  onModuleInit(): void {
    this.followers.register<OrderEventPayload>({
      name: 'analytics.purchase-stats',
      on: [OrderEvents.paid, OrderEvents.refunded],
      handle: ({ payload }) => this.recompute(payload.memberId),
    });
  }

  /**
   * Rewrites the member's row from their paid orders (deletes it when they have none). The row records
   * when this recompute started reading; a write only replaces a row read no later than that, so a slow
   * recompute cannot overwrite a newer one, and the sweep redoes any recompute that started before a change.
   */
  async recompute(memberId: number, now: Date = new Date()): Promise<void> {
    const startedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
    const summary = summarizePurchases(await this.facts.memberPaidOrders(memberId), await this.shopIntervalDays(now));
    if (!summary) {
      await this.transactions.run((manager) =>
        manager
          .createQueryBuilder()
          .delete()
          .from(MemberPurchaseStatsRow)
          .where('memberId = :memberId AND computedAt <= :startedAt', { memberId, startedAt })
          .execute(),
      );
      return;
    }
    // One upsert (no update-then-insert on the member's key, which deadlocks on MariaDB): a new row is
    // written; an existing one is replaced only when it was read no later than us. computedAt comes last,
    // so MySQL's left-to-right assignments still compare against the old computedAt for every column.
    const newer = (property: string): UpsertSet => ({ column, incoming }) =>
      `CASE WHEN ${column('computedAt')} <= ${incoming('computedAt')} THEN ${incoming(property)} ELSE ${column(property)} END`;
    const set = Object.fromEntries([...Object.keys(summary), 'computedAt'].map((property) => [property, newer(property)]));
    await this.transactions.run((manager) =>
      upsertRow(manager, MemberPurchaseStatsRow, { memberId, ...summary, computedAt: startedAt }, ['memberId'], set),
    );
  }

  /**
   * The shop's median days from a member's first paid order to their first on a later China day (whole
   * days), which one-day buyers are expected back after; DEFAULT_REPURCHASE_INTERVAL_DAYS while nobody has
   * come back on a later day.
   */
  async shopIntervalDays(now: Date = new Date(), fresh = false): Promise<number> {
    if (!fresh && this.shopInterval && now.getTime() - this.shopInterval.readAt < SHOP_INTERVAL_CACHE_MS) return this.shopInterval.days;
    const intervals = () => this.dataSource.getRepository(MemberPurchaseStatsRow).createQueryBuilder('s').where('s.firstToSecondDays IS NOT NULL');
    const count = await intervals().getCount();
    let days = DEFAULT_REPURCHASE_INTERVAL_DAYS;
    if (count > 0) {
      // The middle one (odd count) or the two middle ones (even), straight off the index.
      const middle: { days: number | string }[] = await intervals()
        .select('s.firstToSecondDays', 'days')
        .orderBy('s.firstToSecondDays', 'ASC')
        .offset(Math.floor((count - 1) / 2))
        .limit(count % 2 === 1 ? 1 : 2)
        .getRawMany();
      days = Math.round(median(middle.map((row) => Number(row.days)))!);
    }
    this.shopInterval = { days, readAt: now.getTime() };
    return days;
  }

  /** `GET /admin/members/:id/purchase-stats`; days since the last purchase are counted as of `now`. */
  async forStaff(memberId: number, now: Date = new Date()): Promise<MemberPurchaseStats> {
    const [member, row] = await Promise.all([
      this.dataSource.getRepository(Member).findOne({ select: { id: true }, where: { id: memberId } }),
      this.dataSource.getRepository(MemberPurchaseStatsRow).findOneBy({ memberId }),
    ]);
    if (!member) throw new ApiException('MEMBER_NOT_FOUND', HttpStatus.NOT_FOUND, '会员不存在');
    if (!row) {
      return {
        memberId,
        paidOrderCount: 0,
        purchaseDayCount: 0,
        totalNetPaidFen: 0,
        firstPaidAt: null,
        lastPaidAt: null,
        averageDaysBetweenOrders: null,
        expectedNextPurchaseDate: null,
        expectedNextBasis: null,
        expectedIntervalDays: null,
        daysSinceLastPurchase: null,
        computedAt: null,
      };
    }
    return {
      memberId,
      paidOrderCount: row.paidOrderCount,
      totalNetPaidFen: row.totalNetPaidFen,
      firstPaidAt: row.firstPaidAt.toISOString(),
      lastPaidAt: row.lastPaidAt.toISOString(),
      purchaseDayCount: row.purchaseDayCount,
      averageDaysBetweenOrders: averageDaysBetween(row.firstPaidAt, row.lastPaidAt, row.purchaseDayCount),
      expectedNextPurchaseDate: row.expectedNextDate,
      expectedNextBasis: row.expectedNextBasis,
      expectedIntervalDays: row.expectedIntervalDays,
      daysSinceLastPurchase: daysBetween(chinaDay(row.lastPaidAt), chinaDay(now)),
      computedAt: row.computedAt.toISOString(),
    };
  }
}
