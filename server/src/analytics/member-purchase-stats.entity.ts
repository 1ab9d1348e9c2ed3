import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ExpectedNextBasis } from '../../../shared';

/**
 * One row per member with at least one paid order: their purchase history condensed. An order.paid newer than
 * every order it counts, and a partial refund, are applied to it once (in their delivery's transaction); anything
 * else recomputes it from the orders and refunds tables (MemberPurchaseStatsService).
 */
@Entity('member_purchase_stats')
// The due-for-repurchase list reads members by expected date; the sweep re-dates one-day buyers by
// interval and finds rows written before purchaseDayCount existed; the shop's median first-to-second
// interval is read off its own index.
@Index('IDX_member_purchase_stats_expected_next', ['expectedNextDate'])
@Index('IDX_member_purchase_stats_days_interval', ['purchaseDayCount', 'expectedIntervalDays'])
@Index('IDX_member_purchase_stats_first_to_second', ['firstToSecondDays'])
export class MemberPurchaseStatsRow {
  @PrimaryColumn({ type: 'int' })
  memberId: number;

  @Column({ type: 'int' })
  paidOrderCount: number;

  /**
   * China days with a paid order (several orders on one day are one purchase occasion); 0 on rows written
   * before this column existed, which the purchase-stats sweep recomputes.
   */
  @Column({ type: 'int', default: 0 })
  purchaseDayCount: number;

  /** Sum over paid orders of payableFen minus their succeeded refunds. */
  @Column({ type: 'int' })
  totalNetPaidFen: number;

  @Column({ type: 'datetime' })
  firstPaidAt: Date;

  /** Days from the first paid order to the first one on a later China day; null without one. The shop's median of it dates one-day buyers. */
  @Column({ type: 'int', nullable: true })
  firstToSecondDays: number | null;

  @Column({ type: 'datetime' })
  lastPaidAt: Date;

  /**
   * The newest paid order counted (with lastPaidAt, the order's place in time): an order.paid newer than it is
   * added to the row as it stands; an older one, which the row may already count, recomputes the row. Null on
   * rows written before the column existed (they are recomputed the same way).
   */
  @Column({ type: 'int', nullable: true })
  lastPaidOrderId: number | null;

  /** Days added to the last paid date (China) to get expectedNextDate. */
  @Column({ type: 'int' })
  expectedIntervalDays: number;

  @Column({ type: 'varchar', length: 12 })
  expectedNextBasis: ExpectedNextBasis;

  /** China date, YYYY-MM-DD (compares as text on both databases). */
  @Column({ type: 'varchar', length: 10 })
  expectedNextDate: string;

  /**
   * When the recompute that wrote this row started reading (whole seconds), or, after an order.paid was added,
   * the second after that payment: later facts mean a recompute is due.
   */
  @Column({ type: 'datetime' })
  computedAt: Date;
}
