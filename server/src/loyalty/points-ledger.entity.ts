import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PointsReason } from '../../../shared';

/**
 * One change of a member's points balance, written in the same transaction as the conditional update of
 * members.pointsBalance. A credit is also a lot: `remaining` is what is left of it, and debits consume
 * the lots that expire first, so members.pointsBalance = the sum of `remaining` over the member's lots.
 * (orderId, reason, refundId) is unique: each order earns and redeems at most once, and each of its refunds
 * returns and takes back at most once.
 */
@Entity('points_ledger')
@Index('UQ_points_ledger_order_reason_refund', ['orderId', 'reason', 'refundId'], { unique: true })
@Index('IDX_points_ledger_member', ['memberId', 'id'])
// Debits read the member's open lots, the one that expires first first.
@Index('IDX_points_ledger_member_open_lots', ['memberId', 'openLotExpiresAt'])
export class PointsLedgerRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  /** Positive: credited; negative: debited. */
  @Column({ type: 'int' })
  delta: number;

  @Column({ type: 'int' })
  balanceAfter: number;

  @Column({ type: 'varchar', length: 30 })
  reason: PointsReason;

  @Column({ type: 'int', nullable: true })
  orderId: number | null;

  /** The refund a return or take-back belongs to (an order may have several partial refunds); 0 for every other row. */
  @Column({ type: 'int', default: 0 })
  refundId: number;

  @Column({ type: 'varchar', length: 24, nullable: true })
  orderNo: string | null;

  /**
   * Credits: when what is left of the lot expires. Redemptions: the latest expiry among the lots they
   * consumed, which points given back for the order keep (a cancelled order does not renew points).
   */
  @Column({ type: 'datetime', nullable: true })
  expiresAt: Date | null;

  /** Credits: points of this lot not yet spent or expired. */
  @Column({ type: 'int', default: 0 })
  remaining: number;

  /** = expiresAt while remaining > 0, then null: the expiry sweep and debits read open lots by it. */
  @Index('IDX_points_ledger_open_lot_expiry')
  @Column({ type: 'datetime', nullable: true })
  openLotExpiresAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  /** The staff member who adjusted the points by hand (staff_adjustment); null for every other reason. */
  @Column({ type: 'int', nullable: true })
  staffId: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
