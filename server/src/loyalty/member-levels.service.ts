import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager, IsNull, LessThanOrEqual, MoreThanOrEqual, Not } from 'typeorm';
import type { MemberLevel, MemberLevelInput } from '../../../shared';
import { MemberRow } from '../members/member.entity';
import { OrderRow } from '../orders/order.entity';
import { RefundRow } from '../payments/refund.entity';
import { ShortLivedValue } from '../platform/cache/short-lived-value';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { levelFor, levelListProblem } from './level-rules';
import { lockedForUpdate } from '../platform/database/locking-read';
import { noteMemberLocked } from '../platform/database/member-lock';
import { LOYALTY_TERMS_CACHE_MS, LoyaltySettingsService } from './loyalty-settings.service';
import { MemberLevelChangeRow, type LevelChangeReason } from './member-level-change.entity';
import { MemberLevelReviewRow } from './member-level-review.entity';
import { MemberLevelRow } from './member-level.entity';
import { incoming, upsertRow } from '../platform/database/upsert';
import { drainInBatches } from '../platform/jobs/drain';

const REVIEW_BATCH = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Member levels: the configured tiers, and each member's level as a value derived from facts (paid
 * orders and succeeded refunds over the trailing window). Recomputing reads the facts under the member's
 * row lock and writes the result, so parallel recomputes of one member agree and a change is recorded once.
 */
@Injectable()
export class MemberLevelsService {
  private readonly logger = new Logger('MemberLevels');
  private readonly cached = new ShortLivedValue(LOYALTY_TERMS_CACHE_MS, () => this.list());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly settings: LoyaltySettingsService,
  ) {}

  /** The tiers as checkout applies them: up to LOYALTY_TERMS_CACHE_MS old (read in `manager`'s transaction when stale). */
  current(manager?: EntityManager): Promise<MemberLevel[]> {
    return this.cached.get(manager && (() => this.list(manager)));
  }

  async list(manager: EntityManager = this.dataSource.manager): Promise<MemberLevel[]> {
    const rows = await manager.find(MemberLevelRow, { order: { rank: 'ASC' } });
    return rows.map(toMemberLevel);
  }

  /** The member's stored level; the entry level when never computed (or when its tier was removed since). */
  async levelOf(levelId: number | null, levels?: MemberLevel[]): Promise<MemberLevel> {
    const all = levels ?? (await this.list());
    return all.find((level) => level.id === levelId) ?? all[0];
  }

  /**
   * Replaces the tier list: tiers keep their id by rank, extra ranks are added, missing ones removed.
   * Every member with a computed level is then due for review, which the sweep (started here at once,
   * and every minute on every instance) carries out.
   */
  async save(levels: MemberLevelInput[]): Promise<MemberLevel[]> {
    const problem = levelListProblem(levels);
    if (problem) {
      throw new ApiException('MEMBER_LEVELS_INVALID', HttpStatus.BAD_REQUEST, `${problem.field}：${problem.message}`, problem);
    }
    await this.transactions.run(async (manager) => {
      // One upsert per tier (by its unique rank): two saves at once cannot both insert a rank.
      for (const [rank, level] of levels.entries()) {
        const values = {
          name: level.name.trim(),
          minPaidFen: level.minPaidFen,
          memberPricePercent: level.memberPricePercent,
          freeShippingThresholdFen: level.freeShippingThresholdFen,
        };
        const set = Object.fromEntries(Object.keys(values).map((property) => [property, incoming(property)]));
        await upsertRow(manager, MemberLevelRow, { rank, ...values }, ['rank'], set);
      }
      await manager.delete(MemberLevelRow, { rank: MoreThanOrEqual(levels.length) });
      await this.markAllForReview(manager);
    });
    this.cached.forget();
    this.startReview();
    return this.list();
  }

  /** After the window changed: every computed level is due for review. */
  async windowChanged(): Promise<void> {
    await this.transactions.run((manager) => this.markAllForReview(manager));
    this.startReview();
  }

  /** Net paid over the window as of `now`: paid orders not cancelled, minus their succeeded refunds (never below 0). */
  async netPaid(memberId: number, windowDays: number, now: Date = new Date(), manager: EntityManager = this.dataSource.manager) {
    const since = new Date(now.getTime() - windowDays * DAY_MS);
    const inWindow = { memberId, paidAt: Between(since, now), status: Not('cancelled' as const) };
    const paid = await manager
      .createQueryBuilder(OrderRow, 'o')
      .select('COALESCE(SUM(o.payableFen), 0)', 'fen')
      .where('o.memberId = :memberId', { memberId })
      .andWhere('o.paidAt BETWEEN :since AND :now', { since, now })
      .andWhere("o.status <> 'cancelled'")
      .getRawOne<{ fen: string | number }>();
    const refunded = await manager
      .createQueryBuilder(RefundRow, 'r')
      .innerJoin(OrderRow, 'o', 'o.id = r.orderId')
      .select('COALESCE(SUM(r.amountFen), 0)', 'fen')
      .where('o.memberId = :memberId', { memberId })
      .andWhere('o.paidAt BETWEEN :since AND :now', { since, now })
      .andWhere("o.status <> 'cancelled'")
      .andWhere("r.status = 'succeeded'")
      .getRawOne<{ fen: string | number }>();
    const oldest = await manager.findOne(OrderRow, { select: { id: true, paidAt: true }, where: inWindow, order: { paidAt: 'ASC' } });
    return {
      netPaidFen: Math.max(0, Number(paid?.fen ?? 0) - Number(refunded?.fen ?? 0)),
      /** When the oldest paid order leaves the window (null: none in it). */
      reviewAt: oldest?.paidAt ? new Date(oldest.paidAt.getTime() + windowDays * DAY_MS) : null,
    };
  }

  /** Recomputes the member's level from the facts as of `now`; records a change when there is one. */
  async recompute(memberId: number, reason: LevelChangeReason, now: Date = new Date()): Promise<void> {
    await this.transactions.run((manager) => this.recomputeIn(manager, memberId, reason, now));
  }

  /** recompute, in the caller's transaction. */
  async recomputeIn(manager: EntityManager, memberId: number, reason: LevelChangeReason, now: Date = new Date()): Promise<void> {
    // The member's row lock orders parallel recomputes; the facts are read after it, so the last one sees them all.
    const member = await lockedMember(manager, memberId);
    if (!member) {
      await manager.delete(MemberLevelReviewRow, { memberId });
      return;
    }
    const [levels, settings] = [await this.current(manager), await this.settings.current(manager)];
    const { netPaidFen, reviewAt } = await this.netPaid(memberId, settings.levelWindowDays, now, manager);
    // One upsert: update-then-insert on the member's key deadlocked between different members on MariaDB.
    const set = { reviewAt: incoming('reviewAt'), windowNetPaidFen: incoming('windowNetPaidFen') };
    await upsertRow(manager, MemberLevelReviewRow, { memberId, reviewAt, windowNetPaidFen: netPaidFen }, ['memberId'], set);
    await this.moveTo(manager, member, levels, netPaidFen, reason);
  }

  /**
   * An order.paid, inside its delivery's transaction (so once): while nothing has left the member's window since
   * the last recompute (its reviewAt has not passed), the payment is added to the window's stored net paid and
   * the level follows from it, whatever the member's history; otherwise the member is recomputed from the facts.
   */
  async addPayment(manager: EntityManager, memberId: number, payment: { payableFen: number; paidAt: Date }, now: Date = new Date()): Promise<void> {
    // The member's row lock first: the review row read after it is what the last holder left (a locking read of
    // a missing review row would lock the gap, and first buyers' inserts would deadlock in it).
    const member = await lockedMember(manager, memberId);
    if (!member) return;
    const review = await manager.findOneBy(MemberLevelReviewRow, { memberId });
    const [levels, settings] = [await this.current(manager), await this.settings.current(manager)];
    const windowMs = settings.levelWindowDays * DAY_MS;
    const paidAt = payment.paidAt.getTime();
    const stored = review?.windowNetPaidFen ?? null;
    const reviewAt = review?.reviewAt ?? null;
    if (stored === null || (reviewAt !== null && reviewAt <= now) || paidAt > now.getTime() || paidAt < now.getTime() - windowMs) {
      return this.recomputeIn(manager, memberId, 'order_paid', now);
    }
    const netPaidFen = stored + payment.payableFen;
    // The oldest paid order of the window leaves it first.
    const leaves = new Date(paidAt + windowMs);
    // On what was read: a save of the tiers or the window (which marks every review due) in between recomputes.
    const added = await manager.update(
      MemberLevelReviewRow,
      { memberId, reviewAt: reviewAt ?? IsNull(), windowNetPaidFen: stored },
      { windowNetPaidFen: netPaidFen, reviewAt: reviewAt && reviewAt < leaves ? reviewAt : leaves },
    );
    if (!added.affected) return this.recomputeIn(manager, memberId, 'order_paid', now);
    await this.moveTo(manager, member, levels, netPaidFen, 'order_paid');
  }

  /** Stores the level `netPaidFen` reaches, when it differs from the member's, with a history row. */
  private async moveTo(manager: EntityManager, member: Pick<MemberRow, 'id' | 'levelId'>, levels: MemberLevel[], netPaidFen: number, reason: LevelChangeReason) {
    const target = levelFor(levels, netPaidFen);
    if (target.id === member.levelId) return;
    // Never computed (or its tier since removed): the member held the entry level.
    const from = levels.find((level) => level.id === member.levelId) ?? levels[0];
    // Never computed and at the entry level: store it, but it is no change worth a history row.
    const changed = await manager.update(MemberRow, { id: member.id, levelId: member.levelId ?? IsNull() }, { levelId: target.id });
    if (!changed.affected || (member.levelId === null && target.rank === 0)) return;
    await manager.insert(MemberLevelChangeRow, {
      memberId: member.id,
      fromLevelId: from.id,
      fromLevelName: from.name,
      toLevelId: target.id,
      toLevelName: target.name,
      reason,
      netPaidFen,
    });
  }

  /** Recomputes every member whose review is due by `now`; answers how many were recomputed. */
  async reviewDue(now: Date = new Date()): Promise<number> {
    // Each recompute moves its row's reviewAt past `now` (or clears it), so every review counts and the loop ends.
    return drainInBatches(
      REVIEW_BATCH,
      () =>
        this.dataSource.getRepository(MemberLevelReviewRow).find({
          where: { reviewAt: LessThanOrEqual(now) },
          order: { reviewAt: 'ASC' },
          take: REVIEW_BATCH,
        }),
      async ({ memberId }) => {
        await this.recompute(memberId, 'sweep', now);
        return true;
      },
    );
  }

  private async markAllForReview(manager: EntityManager): Promise<void> {
    await manager.createQueryBuilder().update(MemberLevelReviewRow).set({ reviewAt: new Date() }).execute();
  }

  private startReview(): void {
    this.reviewDue().catch((error) => this.logger.error(`level review failed: ${String(error)}`));
  }
}

export function toMemberLevel(row: MemberLevelRow): MemberLevel {
  return {
    id: row.id,
    name: row.name,
    rank: row.rank,
    minPaidFen: row.minPaidFen,
    memberPricePercent: row.memberPricePercent,
    freeShippingThresholdFen: row.freeShippingThresholdFen,
  };
}

/**
 * The member's level, read with the member's row lock (recorded for the transaction: a purchase-stats follower
 * applied in the same transaction then takes no second lock).
 */
async function lockedMember(manager: EntityManager, memberId: number): Promise<Pick<MemberRow, 'id' | 'levelId'> | null> {
  const member = await lockedForUpdate(
    manager.createQueryBuilder(MemberRow, 'm').select(['m.id', 'm.levelId']).where('m.id = :memberId', { memberId }),
  ).getOne();
  if (member) noteMemberLocked(manager, memberId);
  return member;
}
