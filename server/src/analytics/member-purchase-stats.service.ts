import { HttpStatus, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_REPURCHASE_INTERVAL_DAYS, type MemberPurchaseStats } from '../../../shared';
import { MemberRow } from '../members/member.entity';
import { OrderEvents, type OrderEventPayload } from '../orders/order-events';
import { EventFollowers } from '../platform/events/event-followers';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { incoming, upsertRow } from '../platform/database/upsert';
import { ApiException } from '../platform/errors/api-exception';
import { chinaDay, daysBetween } from '../../../shared/china-time';
import { MemberPurchaseStatsRow } from './member-purchase-stats.entity';
import { PurchaseFacts } from './purchase-facts';
import { addNewestPaidOrder, averageDaysBetween, median, summarizePurchases } from './purchase-history';
import { lockMember } from '../platform/database/member-lock';
import { execute } from '../platform/database/plain-sql';

/** How long an instance reuses the shop's median first-to-second interval before reading it again. */
const SHOP_INTERVAL_CACHE_MS = 10 * 60_000;

/**
 * Keeps member_purchase_stats current. An order.paid newer than the row's newest order, and a partial refund,
 * are applied to the row as it stands, once (in the transaction that records their delivery); anything else
 * (an older payment, a whole refund, the sweep, a replay by hand) rewrites the member's whole row from the
 * orders and refunds tables. All of it under the member's row lock, so they take turns.
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
    this.followers.register<OrderEventPayload & { paidAt?: string; refundFen?: number }>({
      name: 'analytics.purchase-stats',
      label: '付款、退款后更新会员购买统计',
      on: [OrderEvents.paid, OrderEvents.refunded],
      handle: ({ payload }) => this.recompute(payload.memberId),
      // Delivered once, in its delivery's transaction: what the event says is applied to the row as it stands.
      apply: (manager, event) => {
        const { payload } = event;
        if (event.type === OrderEvents.paid && payload.paidAt) {
          return this.addPaidOrder(manager, { orderId: payload.orderId, memberId: payload.memberId, paidAt: new Date(payload.paidAt), payableFen: payload.payableFen });
        }
        // A refund takes what the event says was refunded (the whole payable when it does not say).
        return this.takeRefund(manager, payload.memberId, { orderStillPaid: payload.status !== 'refunded', refundFen: payload.refundFen ?? payload.payableFen, at: event.createdAt });
      },
    });
  }

  /**
   * Rewrites the member's row from their paid orders (deletes it when they have none), under the member's row
   * lock so it takes turns with the followers that add to the row.
   */
  async recompute(memberId: number, now: Date = new Date()): Promise<void> {
    await this.transactions.run((manager) => this.recomputeIn(manager, memberId, now));
  }

  /**
   * An order.paid: a payment newer than every order the row counts (paid time, then order id) is added to the
   * row as it stands, whatever the member's history; an older one (the row may count it already), a first one
   * and a row without its newest order (written before that was kept) recompute the row from the facts.
   */
  private async addPaidOrder(manager: EntityManager, order: { orderId: number; memberId: number; paidAt: Date; payableFen: number }): Promise<void> {
    const now = new Date();
    await lockMember(manager, order.memberId);
    const row = await manager.findOneBy(MemberPurchaseStatsRow, { memberId: order.memberId });
    const newer =
      row?.lastPaidOrderId != null &&
      (order.paidAt > row.lastPaidAt || (order.paidAt.getTime() === row.lastPaidAt.getTime() && order.orderId > row.lastPaidOrderId));
    if (!row || !newer || row.purchaseDayCount === 0) return this.recomputeIn(manager, order.memberId, now);
    const fact = { orderId: order.orderId, memberId: order.memberId, paidAt: order.paidAt, paidDay: chinaDay(order.paidAt), netPaidFen: order.payableFen };
    const summary = addNewestPaidOrder(row, fact, await this.shopIntervalDays(now, false, manager));
    // The row counts the facts up to this payment: the sweep has nothing to redo for it.
    const computedAt = new Date(Math.max(wholeSeconds(now).getTime(), wholeSeconds(order.paidAt).getTime() + 1000));
    await manager.update(MemberPurchaseStatsRow, { memberId: order.memberId }, { ...summary, lastPaidOrderId: order.orderId, computedAt });
  }

  /**
   * An order.refunded: while the order stays paid (a partial refund), the refunded amount comes off the net paid
   * of a row last recomputed in an earlier second than the refund (so it cannot count it yet); a wholly
   * refunded order leaves the paid orders, and any other row is recomputed from the facts.
   */
  private async takeRefund(manager: EntityManager, memberId: number, refund: { orderStillPaid: boolean; refundFen: number; at: Date }): Promise<void> {
    await lockMember(manager, memberId);
    const row = await manager.findOneBy(MemberPurchaseStatsRow, { memberId });
    if (!refund.orderStillPaid || !row || row.computedAt >= wholeSeconds(refund.at)) return this.recomputeIn(manager, memberId, new Date());
    // Arithmetic in the statement, never below zero (DESIGN: no read-compute-write of a money figure).
    await execute(manager, 'UPDATE member_purchase_stats SET totalNetPaidFen = CASE WHEN totalNetPaidFen >= ? THEN totalNetPaidFen - ? ELSE 0 END WHERE memberId = ?', [
      refund.refundFen,
      refund.refundFen,
      memberId,
    ]);
  }

  /** recompute, in the caller's transaction, under the member's row lock (lockMember costs nothing when the transaction holds it). */
  private async recomputeIn(manager: EntityManager, memberId: number, now: Date): Promise<void> {
    await lockMember(manager, memberId);
    const startedAt = wholeSeconds(now);
    const history = await this.facts.memberPaidOrders(memberId, manager);
    const summary = summarizePurchases(history, await this.shopIntervalDays(now, false, manager));
    if (!summary) {
      await manager.delete(MemberPurchaseStatsRow, { memberId });
      return;
    }
    // The facts were read under the member's lock, so they are the newest: the row is written as they say (one
    // upsert: update-then-insert on the member's key deadlocks on MariaDB).
    const values = { ...summary, lastPaidOrderId: history[history.length - 1].orderId, computedAt: startedAt };
    const set = Object.fromEntries(Object.keys(values).map((property) => [property, incoming(property)]));
    await upsertRow(manager, MemberPurchaseStatsRow, { memberId, ...values }, ['memberId'], set);
  }

  /**
   * The shop's median days from a member's first paid order to their first on a later China day (whole
   * days), which one-day buyers are expected back after; DEFAULT_REPURCHASE_INTERVAL_DAYS while nobody has
   * come back on a later day.
   */
  async shopIntervalDays(now: Date = new Date(), fresh = false, manager: EntityManager = this.dataSource.manager): Promise<number> {
    if (!fresh && this.shopInterval && now.getTime() - this.shopInterval.readAt < SHOP_INTERVAL_CACHE_MS) return this.shopInterval.days;
    // In the caller's transaction when it gives one: a transaction never waits for a second pooled connection.
    const intervals = () => manager.getRepository(MemberPurchaseStatsRow).createQueryBuilder('s').where('s.firstToSecondDays IS NOT NULL');
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
      this.dataSource.getRepository(MemberRow).findOne({ select: { id: true }, where: { id: memberId } }),
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

/** Datetime columns keep whole seconds. */
function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
