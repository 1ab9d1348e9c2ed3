import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { WithdrawalStatus } from '../../../../shared';

/**
 * One withdrawal of a promoter's balance, paid by one WeChat 商家转账 bill. `outBillNo` is fixed when the row is
 * written (the amount is held in the same transaction), so every create, query and cancel names the same bill and
 * WeChat never makes a second one. Status changes are conditional updates under the row's lock; failed, cancelled
 * and rejected give the amount back through PromoterLedger.release (`release:<outBillNo>`, once).
 */
@Entity('referral_withdrawals')
@Index('IDX_referral_withdrawals_member', ['memberId', 'id'])
@Index('IDX_referral_withdrawals_member_day', ['memberId', 'requestDay'])
@Index('IDX_referral_withdrawals_status', ['status', 'wechatCheckedAt'])
export class WithdrawalRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'int' })
  amountFen: number;

  /** ≤ 32 letters and digits, unique: WeChat's idempotency key for this withdrawal's bill. */
  @Index('UQ_referral_withdrawals_out_bill_no', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  outBillNo: string;

  @Column({ type: 'varchar', length: 12 })
  status: WithdrawalStatus;

  /** The China day it was requested on (YYYY-MM-DD), for the daily limit. */
  @Column({ type: 'varchar', length: 10 })
  requestDay: string;

  /** WeChat's state of the bill as last learnt (create answer, query, notification); null before the bill. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  wechatState: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  transferBillNo: string | null;

  /** What the payee confirms with; written when missing, never overwritten. */
  @Column({ type: 'varchar', length: 1024, nullable: true })
  packageInfo: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  failReason: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  rejectReason: string | null;

  /** The last error WeChat answered for this bill (cleared by the next good answer). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  lastError: string | null;

  /** Approved or rejected by. */
  @Column({ type: 'int', nullable: true })
  reviewedByStaffId: number | null;

  @Column({ type: 'datetime', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  cancelledByStaffId: number | null;

  @Column({ type: 'datetime', nullable: true })
  cancelRequestedAt: Date | null;

  /** When WeChat created the bill (its create_time). */
  @Column({ type: 'datetime', nullable: true })
  billCreatedAt: Date | null;

  /** When the state was last learnt from WeChat; the sweep asks again about open bills not heard of for a while. */
  @Column({ type: 'datetime', nullable: true })
  wechatCheckedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  finishedAt: Date | null;

  @CreateDateColumn()
  requestedAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
