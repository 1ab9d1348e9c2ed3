import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { LiveProvider, LiveSessionStatus } from '../../../shared';

/**
 * A live session (shared/api/live.ts). `status` changes only by conditional updates on the expected status:
 * staff's 开播 / 结束 / 取消 and the sync sweep (live-status-sync.sweeper.ts).
 */
@Entity('live_sessions')
@Index('IDX_live_sessions_status_start', ['status', 'plannedStartAt'])
export class LiveSessionRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 10 })
  provider: LiveProvider;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  coverUrl: string | null;

  @Column({ type: 'datetime' })
  plannedStartAt: Date;

  @Column({ type: 'datetime' })
  plannedEndAt: Date;

  @Column({ type: 'varchar', length: 10 })
  status: LiveSessionStatus;

  @Column({ type: 'datetime', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  cancelledAt: Date | null;

  /** Channels: the 视频号 id. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  finderUserName: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  feedId: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  noticeId: string | null;

  /** Plugin: the 小程序直播 room id. */
  @Column({ type: 'int', nullable: true })
  roomId: number | null;

  /** Plugin: the last live_status read from getliveinfo (101–107). */
  @Column({ type: 'int', nullable: true })
  providerStatusCode: number | null;

  /** When the sync sweep saw providerStatusCode change to its value. */
  @Column({ type: 'datetime', nullable: true })
  providerStatusChangedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  couponTemplateId: number | null;

  @Column({ type: 'int', nullable: true })
  createdByStaffId: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
