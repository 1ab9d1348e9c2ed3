import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ReferralLedgerKind } from '../../../shared';

/** One change of a promoter's balance and/or debt, and why (append only). `entryKey` makes each change happen once. */
@Entity('referral_ledger')
@Index('IDX_referral_ledger_member', ['memberId', 'id'])
export class LedgerEntryRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 20 })
  kind: ReferralLedgerKind;

  /** `settle:<commissionId>`, `reverse:<commissionId>:<refundId>`, `hold:<reference>`, `release:<reference>`. */
  @Index('UQ_referral_ledger_entry_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  entryKey: string;

  @Column({ type: 'int' })
  balanceDeltaFen: number;

  @Column({ type: 'int' })
  debtDeltaFen: number;

  @Column({ type: 'int' })
  balanceAfterFen: number;

  @Column({ type: 'int' })
  debtAfterFen: number;

  @Column({ type: 'int', nullable: true })
  commissionId: number | null;

  @Column({ type: 'int', nullable: true })
  refundId: number | null;

  @Column({ type: 'varchar', length: 100, default: '' })
  note: string;

  @CreateDateColumn()
  createdAt: Date;
}
