import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CommissionStatus } from '../../../shared';

/**
 * One commission: one order line × one level (1 or 2; unique, so the paid follower can run twice). Created
 * frozen (待结算) when the order is paid, settled (已结算) by the sweep, 已扣回 when refunds took all of it.
 */
@Entity('referral_commissions')
@Index('UQ_referral_commissions_line_level', ['orderLineId', 'level'], { unique: true })
@Index('IDX_referral_commissions_promoter', ['promoterMemberId', 'id'])
@Index('IDX_referral_commissions_status_order', ['status', 'orderId'])
@Index('IDX_referral_commissions_order', ['orderId'])
export class CommissionRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'varchar', length: 24 })
  orderNo: string;

  @Column({ type: 'int' })
  orderLineId: number;

  @Column({ type: 'int' })
  skuId: number;

  @Column({ type: 'int' })
  productId: number;

  @Column({ type: 'varchar', length: 60 })
  productTitle: string;

  @Column({ type: 'int' })
  buyerMemberId: number;

  @Column({ type: 'int' })
  promoterMemberId: number;

  /** 1 or 2, never more. */
  @Column({ type: 'int' })
  level: 1 | 2;

  @Column({ type: 'int' })
  quantity: number;

  /** What the buyer paid for the line (its share after member price, coupon and points; no shipping). */
  @Column({ type: 'int' })
  baseFen: number;

  /** The rate when the record was made (basis points). */
  @Column({ type: 'int' })
  rateBp: number;

  /** floor(baseFen × rateBp / 10000). */
  @Column({ type: 'int' })
  originalFen: number;

  /** Units of the line refunded so far, and the commission they took back (cumulative, never above originalFen). */
  @Column({ type: 'int', default: 0 })
  reversedQuantity: number;

  @Column({ type: 'int', default: 0 })
  reversedFen: number;

  @Column({ type: 'varchar', length: 10 })
  status: CommissionStatus;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  settledAt: Date | null;
}
