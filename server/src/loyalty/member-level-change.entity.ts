import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Why a member's level was recomputed when it changed. */
export type LevelChangeReason = 'order_paid' | 'order_refunded' | 'sweep';

/** One change of a member's level, for the member's history in the console. Names are kept as they were then. */
@Entity('member_level_changes')
@Index('IDX_member_level_changes_member', ['memberId', 'id'])
export class MemberLevelChangeRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'int', nullable: true })
  fromLevelId: number | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromLevelName: string | null;

  @Column({ type: 'int' })
  toLevelId: number;

  @Column({ type: 'varchar', length: 20 })
  toLevelName: string;

  @Column({ type: 'varchar', length: 20 })
  reason: LevelChangeReason;

  /** Net paid over the window that decided the new level. */
  @Column({ type: 'int' })
  netPaidFen: number;

  @CreateDateColumn()
  changedAt: Date;
}
