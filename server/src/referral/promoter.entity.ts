import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PromoterStatus } from '../../../shared';

/**
 * A member's promoter standing: applied (指定分销) or made a promoter automatically (人人分销). Status changes
 * are conditional updates from the expected status (approve pending→active, freeze active→frozen…).
 */
@Entity('referral_promoters')
@Index('IDX_referral_promoters_status', ['status', 'appliedAt'])
export class PromoterRow {
  @PrimaryColumn({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 10 })
  status: PromoterStatus;

  @Column({ type: 'varchar', length: 8 })
  source: 'applied' | 'auto';

  @Column({ type: 'varchar', length: 200, default: '' })
  applyNote: string;

  @Column({ type: 'datetime' })
  appliedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  decidedByStaffId: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  rejectReason: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  freezeReason: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
