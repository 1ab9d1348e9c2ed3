import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { pointsAdjustLimitFor, type AdminPointsLedgerEntry, type Paginated, type PointsLedgerEntry, type PointsReason } from '../../../shared';
import { MemberRow } from '../members/member.entity';
import { OrderRow } from '../orders/order.entity';
import { RefundRow } from '../payments/refund.entity';
import { execute } from '../platform/database/plain-sql';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { paginated, PageQueryDto } from '../platform/http/page-query.dto';
import { StaffRow } from '../staff/staff.entity';
import { lockedForUpdate } from '../platform/database/locking-read';
import { drainInBatches } from '../platform/jobs/drain';
import { LoyaltySettingsService } from './loyalty-settings.service';
import { PointsLedgerRow } from './points-ledger.entity';
import { PointsEvents, type PointsChangedPayload } from './points-events';
import { DomainEvents } from '../platform/events/domain-events.service';
import { addMonths, planDebit, pointsEarned } from './points-lots';

const EXPIRY_BATCH = 100;
const EXPIRING_SOON_DAYS = 30;

interface Entry {
  reason: PointsReason;
  orderId?: number | null;
  /** The refund a return or take-back belongs to. */
  refundId?: number;
  orderNo?: string | null;
  note?: string | null;
  staffId?: number | null;
}

/**
 * The points balance and its ledger. Every change locks the member's row first (which orders all points
 * changes of one member), moves members.pointsBalance by conditional arithmetic, moves the lots, and
 * writes the ledger row, all in the caller's transaction.
 */
@Injectable()
export class PointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly settings: LoyaltySettingsService,
    private readonly events: DomainEvents,
  ) {}

  /** Redeems points for an order; 409 POINTS_INSUFFICIENT when the balance is short. */
  async spend(manager: EntityManager, p: { memberId: number; orderId: number; orderNo: string; points: number }): Promise<void> {
    if (p.points <= 0) return;
    const entry = await this.debit(manager, p.memberId, p.points, { reason: 'order_redeemed', orderId: p.orderId, orderNo: p.orderNo });
    if (!entry) {
      throw new ApiException('POINTS_INSUFFICIENT', HttpStatus.CONFLICT, '积分余额不足', { points: p.points });
    }
  }

  /** Gives back what an order redeemed when it is cancelled unpaid; a second call changes nothing. */
  async returnForCancelledOrder(manager: EntityManager, p: { memberId: number; orderId: number; orderNo: string }): Promise<void> {
    await this.lockBalance(manager, p.memberId);
    const redeemed = await this.entryOf(manager, p.orderId, 'order_redeemed');
    if (!redeemed || (await this.entryOf(manager, p.orderId, 'order_cancelled_return'))) return;
    const expiresAt = redeemed.expiresAt ?? addMonths(new Date(), (await this.settings.get()).pointsExpiryMonths);
    await this.credit(manager, p.memberId, -redeemed.delta, expiresAt, { reason: 'order_cancelled_return', orderId: p.orderId, orderNo: p.orderNo });
  }

  /**
   * Credits what a completed order earns, once; expires after the configured months. Earned on what the shopper
   * kept: the payable minus the order's refunds that already succeeded (a later refund takes its share back).
   */
  async earnForCompletedOrder(orderId: number): Promise<void> {
    const settings = await this.settings.get();
    await this.transactions.run(async (manager) => {
      const memberId = (await manager.findOne(OrderRow, { select: { id: true, memberId: true }, where: { id: orderId } }))?.memberId;
      if (memberId === undefined) return;
      await this.lockBalance(manager, memberId);
      // Read under the order's lock: a refund that lands meanwhile either sees these points (and takes them back) or stops them here.
      const order = await lockedForUpdate(manager.createQueryBuilder(OrderRow, 'o').where('o.id = :orderId', { orderId })).getOneOrFail();
      if (!order.completedAt || order.status === 'refunding' || order.status === 'refunded') return;
      const refundedFen = Number((await manager.sum(RefundRow, 'amountFen', { orderId, status: 'succeeded' })) ?? 0);
      const points = pointsEarned(order.payableFen - refundedFen, order.shippingFeeFen, settings.pointsEarnedPerYuan);
      if (points === 0 || (await this.entryOf(manager, orderId, 'order_completed'))) return;
      await this.credit(manager, memberId, points, addMonths(order.completedAt, settings.pointsExpiryMonths), {
        reason: 'order_completed',
        orderId,
        orderNo: order.orderNo,
      });
    });
  }

  /**
   * After one refund of an order succeeded (full or partial), once per refund:
   * - earned points: what the order earned beyond what its kept goods earn (payable − its succeeded refunds, at
   *   today's rule) is taken back, up to the balance (the row's note says what could not be taken back);
   * - redeemed points: the refund's share goes back (`pointsReturned`); the refund of the last goods returns
   *   whatever is left of them, so the returns add up to what was redeemed.
   * Needs only the refund's facts (OrderRefund in the event) and the order's own ledger rows.
   */
  async settleRefund(refund: { orderId: number; refundId: number; pointsReturned: number; closesOrder: boolean; orderRefundedFen: number }): Promise<void> {
    const settings = await this.settings.get();
    await this.transactions.run(async (manager) => {
      const { orderId, refundId } = refund;
      const order = await manager.findOne(OrderRow, {
        select: { id: true, memberId: true, orderNo: true, payableFen: true, shippingFeeFen: true },
        where: { id: orderId },
      });
      if (!order) return;
      const balance = await this.lockBalance(manager, order.memberId);
      const orderRef = { orderId, orderNo: order.orderNo, refundId };
      const rows = await manager.find(PointsLedgerRow, { where: { orderId } });
      const total = (reason: PointsReason) => rows.filter((row) => row.reason === reason).reduce((sum, row) => sum + row.delta, 0);
      const done = (reason: PointsReason) => rows.some((row) => row.reason === reason && row.refundId === refundId);

      const earned = rows.find((row) => row.reason === 'order_completed');
      if (earned && !done('order_refunded_takeback')) {
        const held = earned.delta + total('order_refunded_takeback');
        const keeps = refund.closesOrder ? 0 : pointsEarned(order.payableFen - refund.orderRefundedFen, order.shippingFeeFen, settings.pointsEarnedPerYuan);
        const owed = Math.max(0, held - keeps);
        const takeBack = Math.min(owed, balance);
        const note = takeBack < owed ? `应扣回 ${owed} 积分，余额不足，实扣 ${takeBack}，${owed - takeBack} 积分未能扣回` : null;
        if (owed > 0) await this.debit(manager, order.memberId, takeBack, { reason: 'order_refunded_takeback', ...orderRef, note }, earned.id);
      }

      const redeemed = rows.find((row) => row.reason === 'order_redeemed');
      if (redeemed && !done('order_refunded_return') && !rows.some((row) => row.reason === 'order_cancelled_return')) {
        const left = -redeemed.delta - total('order_refunded_return');
        const points = refund.closesOrder ? left : Math.min(refund.pointsReturned, left);
        if (points > 0) {
          const expiresAt = redeemed.expiresAt ?? addMonths(new Date(), settings.pointsExpiryMonths);
          await this.credit(manager, order.memberId, points, expiresAt, { reason: 'order_refunded_return', ...orderRef });
        }
      }
    });
  }

  /**
   * 邀请有礼: credits the inviter once for the invited friend's first order (`inviteeOrderId`), in the caller's
   * transaction. The ledger's unique (orderId, reason, refundId) is the once-only key: a second call answers null.
   * The row names no order number (the order is the friend's, not the inviter's).
   */
  async creditInviteReward(manager: EntityManager, p: { memberId: number; points: number; inviteeOrderId: number; note: string }): Promise<number | null> {
    await this.lockBalance(manager, p.memberId);
    if (await this.entryOf(manager, p.inviteeOrderId, 'invite_reward')) return null;
    const expiresAt = addMonths(new Date(), (await this.settings.get(manager)).pointsExpiryMonths);
    return this.credit(manager, p.memberId, p.points, expiresAt, { reason: 'invite_reward', orderId: p.inviteeOrderId, note: p.note });
  }

  /**
   * Staff adjustment with a reason, recorded with the staff member. Beyond the role's per-adjustment limit
   * (pointsAdjustLimitFor) it is 403 POINTS_ADJUST_LIMIT_EXCEEDED; a debit beyond the balance is 409 POINTS_INSUFFICIENT.
   */
  async adjust(memberId: number, delta: number, reason: string, staff: Pick<StaffRow, 'id' | 'role'>): Promise<AdminPointsLedgerEntry> {
    const limit = pointsAdjustLimitFor(staff.role);
    if (limit !== null && Math.abs(delta) > limit) {
      throw new ApiException(
        'POINTS_ADJUST_LIMIT_EXCEEDED',
        HttpStatus.FORBIDDEN,
        `单次调整不能超过 ±${limit} 积分，更大的调整请由运营或店主操作`,
        { limit, delta },
      );
    }
    const expiresAt = addMonths(new Date(), (await this.settings.get()).pointsExpiryMonths);
    const id = await this.transactions.run(async (manager) => {
      if (!(await manager.existsBy(MemberRow, { id: memberId }))) {
        throw new ApiException('MEMBER_NOT_FOUND', HttpStatus.NOT_FOUND, '会员不存在');
      }
      const entry: Entry = { reason: 'staff_adjustment', note: reason.trim(), staffId: staff.id };
      if (delta > 0) return this.credit(manager, memberId, delta, expiresAt, entry);
      const debited = await this.debit(manager, memberId, -delta, entry);
      if (!debited) throw new ApiException('POINTS_INSUFFICIENT', HttpStatus.CONFLICT, '积分余额不足，不能扣减这么多', { points: -delta });
      return debited;
    });
    const [entry] = await this.withStaff([await this.dataSource.getRepository(PointsLedgerRow).findOneByOrFail({ id })]);
    return entry;
  }

  /** Expires what is left of every lot due by `now`; answers how many lots this run expired. */
  async expireDue(now: Date = new Date()): Promise<number> {
    return drainInBatches(
      EXPIRY_BATCH,
      () =>
        this.dataSource.getRepository(PointsLedgerRow).find({
          select: { id: true, memberId: true },
          where: { openLotExpiresAt: LessThanOrEqual(now) },
          order: { openLotExpiresAt: 'ASC', id: 'ASC' },
          take: EXPIRY_BATCH,
        }),
      (lot) => this.transactions.run((manager) => this.expireLot(manager, lot.id, lot.memberId, now)),
    );
  }

  async ledger(memberId: number, query: PageQueryDto): Promise<Paginated<PointsLedgerEntry>> {
    const [rows, total] = await this.ledgerRows(memberId, query);
    return paginated(rows.map(toLedgerEntry), total, query);
  }

  /** The staff's view of the ledger: each hand adjustment names who made it. */
  async ledgerForStaff(memberId: number, query: PageQueryDto): Promise<Paginated<AdminPointsLedgerEntry>> {
    const [rows, total] = await this.ledgerRows(memberId, query);
    return paginated(await this.withStaff(rows), total, query);
  }

  private ledgerRows(memberId: number, query: PageQueryDto): Promise<[PointsLedgerRow[], number]> {
    return this.dataSource.getRepository(PointsLedgerRow).findAndCount({
      where: { memberId },
      order: { id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
  }

  private async withStaff(rows: PointsLedgerRow[]): Promise<AdminPointsLedgerEntry[]> {
    const staffIds = [...new Set(rows.map((row) => row.staffId).filter((id): id is number => id !== null))];
    const staff = staffIds.length
      ? await this.dataSource.getRepository(StaffRow).find({ select: { id: true, displayName: true }, where: { id: In(staffIds) } })
      : [];
    const names = new Map(staff.map((member) => [member.id, member.displayName]));
    return rows.map((row) => ({
      ...toLedgerEntry(row),
      staff: row.staffId === null ? null : { id: row.staffId, displayName: names.get(row.staffId) ?? `员工${row.staffId}` },
    }));
  }

  /** Points whose lots expire within the next 30 days, and the earliest such date. */
  async expiringSoon(memberId: number, now: Date = new Date()): Promise<{ points: number; at: Date | null }> {
    const lots = await this.dataSource.getRepository(PointsLedgerRow).find({
      select: { id: true, remaining: true, openLotExpiresAt: true },
      where: { memberId, openLotExpiresAt: LessThanOrEqual(new Date(now.getTime() + EXPIRING_SOON_DAYS * 24 * 60 * 60 * 1000)) },
      order: { openLotExpiresAt: 'ASC' },
    });
    return { points: lots.reduce((sum, lot) => sum + lot.remaining, 0), at: lots[0]?.openLotExpiresAt ?? null };
  }

  /** Locks the member's row (ordering every points change of the member) and answers the balance. */
  private async lockBalance(manager: EntityManager, memberId: number): Promise<number> {
    const member = await lockedForUpdate(
      manager.createQueryBuilder(MemberRow, 'm').select(['m.id', 'm.pointsBalance']).where('m.id = :memberId', { memberId }),
    ).getOne();
    if (!member) throw new ApiException('MEMBER_NOT_FOUND', HttpStatus.NOT_FOUND, '会员不存在');
    return member.pointsBalance;
  }

  private async balanceOf(manager: EntityManager, memberId: number): Promise<number> {
    return (await manager.findOneOrFail(MemberRow, { select: { id: true, pointsBalance: true }, where: { id: memberId } })).pointsBalance;
  }

  private entryOf(manager: EntityManager, orderId: number, reason: PointsReason): Promise<PointsLedgerRow | null> {
    return manager.findOne(PointsLedgerRow, { where: { orderId, reason, refundId: 0 } });
  }

  /** Adds a lot of `amount` points expiring at `expiresAt`; answers the ledger row's id. */
  private async credit(manager: EntityManager, memberId: number, amount: number, expiresAt: Date, entry: Entry): Promise<number> {
    await execute(manager, 'UPDATE members SET pointsBalance = pointsBalance + ? WHERE id = ?', [amount, memberId]);
    return this.insertEntry(manager, memberId, amount, entry, { expiresAt, remaining: amount, openLotExpiresAt: expiresAt });
  }

  /**
   * Takes `amount` points: the conditional decrement decides (null when the balance is short), then the
   * open lots give them up, `preferredLotId` first, then the one expiring first. Answers the ledger row's id.
   * The row of a redemption keeps the latest expiry among the lots it used, for points given back later.
   */
  private async debit(manager: EntityManager, memberId: number, amount: number, entry: Entry, preferredLotId?: number): Promise<number | null> {
    let latestExpiry: Date | null = null;
    if (amount > 0) {
      const won = await execute(manager, 'UPDATE members SET pointsBalance = pointsBalance - ? WHERE id = ? AND pointsBalance >= ?', [amount, memberId, amount]);
      if (won === 0) return null;
      const lots = await lockedForUpdate(
        manager
          .createQueryBuilder(PointsLedgerRow, 'l')
          .select(['l.id', 'l.remaining', 'l.openLotExpiresAt'])
          .where('l.memberId = :memberId AND l.openLotExpiresAt IS NOT NULL', { memberId })
          .orderBy('l.openLotExpiresAt', 'ASC')
          .addOrderBy('l.id', 'ASC'),
      ).getMany();
      for (const { lotId, take } of planDebit(lots, amount, preferredLotId)) {
        const taken = await execute(
          manager,
          // openLotExpiresAt is set first: MySQL evaluates SET left to right with the new values, SQLite with the old.
          'UPDATE points_ledger SET openLotExpiresAt = CASE WHEN remaining = ? THEN NULL ELSE openLotExpiresAt END, remaining = remaining - ? WHERE id = ? AND remaining >= ?',
          [take, take, lotId, take],
        );
        if (taken === 0) throw new Error(`points lot ${lotId} changed under the member's lock`);
        const expiry = lots.find((lot) => lot.id === lotId)!.openLotExpiresAt!;
        if (!latestExpiry || expiry > latestExpiry) latestExpiry = expiry;
      }
    }
    return this.insertEntry(manager, memberId, -amount, entry, { expiresAt: entry.reason === 'order_redeemed' ? latestExpiry : null });
  }

  /** Expires what is left of one lot, if it is still open and due; answers whether it did. */
  private async expireLot(manager: EntityManager, lotId: number, memberId: number, now: Date): Promise<boolean> {
    const balance = await this.lockBalance(manager, memberId);
    const lot = await lockedForUpdate(manager.createQueryBuilder(PointsLedgerRow, 'l').where('l.id = :lotId', { lotId })).getOne();
    if (!lot?.openLotExpiresAt || lot.openLotExpiresAt > now) return false;
    const closed = await execute(manager, 'UPDATE points_ledger SET remaining = 0, openLotExpiresAt = NULL WHERE id = ? AND remaining = ?', [lotId, lot.remaining]);
    if (closed === 0) return false;
    // The lots hold the balance, so this takes all that is left; min() keeps the balance at 0 or above regardless.
    const expiring = Math.min(lot.remaining, balance);
    if (expiring > 0) {
      await execute(manager, 'UPDATE members SET pointsBalance = pointsBalance - ? WHERE id = ? AND pointsBalance >= ?', [expiring, memberId, expiring]);
    }
    await this.insertEntry(manager, memberId, -expiring, { reason: 'expired', orderNo: lot.orderNo, note: null }, { expiresAt: lot.expiresAt });
    return true;
  }

  private async insertEntry(
    manager: EntityManager,
    memberId: number,
    delta: number,
    entry: Entry,
    lot: { expiresAt: Date | null; remaining?: number; openLotExpiresAt?: Date | null },
  ): Promise<number> {
    const balanceAfter = await this.balanceOf(manager, memberId);
    const result = await manager.insert(PointsLedgerRow, {
      memberId,
      delta,
      balanceAfter,
      reason: entry.reason,
      orderId: entry.orderId ?? null,
      refundId: entry.refundId ?? 0,
      orderNo: entry.orderNo ?? null,
      note: entry.note ?? null,
      staffId: entry.staffId ?? null,
      expiresAt: lot.expiresAt,
      remaining: lot.remaining ?? 0,
      openLotExpiresAt: lot.openLotExpiresAt ?? null,
    });
    const ledgerId = result.identifiers[0].id as number;
    const payload: PointsChangedPayload = { ledgerId, memberId, delta, balanceAfter, reason: entry.reason, orderId: entry.orderId ?? null, orderNo: entry.orderNo ?? null };
    this.events.record(manager, { type: PointsEvents.changed, aggregateKey: `member:${memberId}`, memberId, payload });
    return ledgerId;
  }
}

export function toLedgerEntry(row: PointsLedgerRow): PointsLedgerEntry {
  return {
    id: row.id,
    delta: row.delta,
    balanceAfter: row.balanceAfter,
    reason: row.reason,
    orderNo: row.orderNo,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}
