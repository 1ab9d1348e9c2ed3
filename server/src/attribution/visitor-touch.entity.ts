import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The first and the last touch (a share link or channel the storefront was opened with) of one visitor: a
 * device before login (`device:<deviceId>`), a member after (`member:<memberId>`). At login the device's
 * touches are merged into the member's row (first = the earlier, last = the later) and the device row
 * remembers the member. Referral binding, channel reports and live reports read this one table.
 */
@Entity('visitor_touches')
@Index('IDX_visitor_touches_member', ['memberId'])
export class VisitorTouchRow {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  visitorKey: string;

  /** The member (member rows), or the member the device logged in as (device rows, else null). */
  @Column({ type: 'int', nullable: true })
  memberId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  deviceId: string | null;

  @Column({ type: 'datetime' })
  firstTouchAt: Date;

  @Column({ type: 'int', nullable: true })
  firstShareLinkId: number | null;

  @Column({ type: 'int', nullable: true })
  firstSharerMemberId: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  firstChannel: string | null;

  @Column({ type: 'int', nullable: true })
  firstLiveSessionId: number | null;

  @Column({ type: 'datetime' })
  lastTouchAt: Date;

  @Column({ type: 'int', nullable: true })
  lastShareLinkId: number | null;

  @Column({ type: 'int', nullable: true })
  lastSharerMemberId: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  lastChannel: string | null;

  @Column({ type: 'int', nullable: true })
  lastLiveSessionId: number | null;
}
