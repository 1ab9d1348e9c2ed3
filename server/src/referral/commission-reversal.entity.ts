import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What one refund took back of one commission (unique per (commission, refund): the refund follower may run twice). */
@Entity('referral_commission_reversals')
@Index('UQ_referral_commission_reversals', ['commissionId', 'refundId'], { unique: true })
export class CommissionReversalRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  commissionId: number;

  @Column({ type: 'int' })
  refundId: number;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'int' })
  amountFen: number;

  /** Taken from the balance (the commission had settled) rather than from the frozen record. */
  @Column({ type: 'boolean' })
  afterSettlement: boolean;

  @CreateDateColumn()
  createdAt: Date;
}
