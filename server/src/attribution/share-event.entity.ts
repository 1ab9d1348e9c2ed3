import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ShareEventChannel } from '../../../shared';

/** One share action of a member's link (转发、朋友圈、海报保存), counted by the referral report and nothing else. */
@Entity('share_events')
@Index('IDX_share_events_day_sharer', ['day', 'sharerMemberId'])
export class ShareEventRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  shareLinkId: number;

  @Column({ type: 'int' })
  sharerMemberId: number;

  @Column({ type: 'varchar', length: 10 })
  channel: ShareEventChannel;

  /** The China day of the share (YYYY-MM-DD), so reports group by day alike on every database. */
  @Column({ type: 'varchar', length: 10 })
  day: string;

  @CreateDateColumn()
  createdAt: Date;
}
