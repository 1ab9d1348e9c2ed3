import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A member level (tier). The list is replaced as a whole from the console; a tier keeps its id by rank,
 * so members.levelId stays meaningful when thresholds or benefits change. The default four tiers are
 * written by the migration that creates the table.
 */
@Entity('member_levels')
export class MemberLevelRow {
  @PrimaryGeneratedColumn()
  id: number;

  /** 0 = entry level (needs 0); higher is better. */
  @Index('UQ_member_levels_rank', { unique: true })
  @Column({ type: 'int' })
  rank: number;

  @Column({ type: 'varchar', length: 20 })
  name: string;

  @Column({ type: 'int' })
  minPaidFen: number;

  @Column({ type: 'int' })
  memberPricePercent: number;

  @Column({ type: 'int', nullable: true })
  freeShippingThresholdFen: number | null;

  @UpdateDateColumn()
  updatedAt: Date;
}
