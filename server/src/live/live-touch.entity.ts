import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LiveEntry } from '../../../shared';

/**
 * One live touch (shared/api/live.ts): a tap on one of our live entries (`kind` click, with its `entry`) or a launch
 * from the live (`kind` inbound: a plugin room's custom_params or a Channels scene). An order placed within the
 * attribution window after the buyer's latest touch (by member, or by a device that became the member's) is
 * attributed to its session. Append-only.
 */
@Entity('live_touches')
@Index('IDX_live_touches_session_created', ['sessionId', 'createdAt'])
@Index('IDX_live_touches_member_created', ['memberId', 'createdAt'])
@Index('IDX_live_touches_device_created', ['deviceId', 'createdAt'])
export class LiveTouchRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  sessionId: number;

  @Column({ type: 'varchar', length: 10 })
  kind: 'click' | 'inbound';

  /** Clicks: which entry was tapped. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  entry: LiveEntry | null;

  /** Inbound: the launch scene (e.g. 1177, or a plugin share card's scene). */
  @Column({ type: 'int', nullable: true })
  scene: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  deviceId: string | null;

  /** The member who tapped or launched, when logged in. */
  @Column({ type: 'int', nullable: true })
  memberId: number | null;

  /** Inbound: the member who shared the live or card (from our share link, or a Channels sharer openid we know). */
  @Column({ type: 'int', nullable: true })
  sharerMemberId: number | null;

  /** Inbound from Channels: getChannelsShareKey gave share info (sharer openid or promoter id). */
  @Column({ type: 'boolean', default: false })
  withShareInfo: boolean;

  @CreateDateColumn()
  createdAt: Date;
}
