import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { LiveReminderState } from '../../../shared';

/**
 * A member's 预约 of a session, one row per member and session. `reminderState` is 'waiting' only when the member
 * accepted the live_reminder template; the reminder sweep moves it to 'sent' or 'not_sent' by a conditional update
 * on 'waiting', so it is sent at most once.
 */
@Entity('live_reservations')
@Unique('UQ_live_reservations_session_member', ['sessionId', 'memberId'])
@Index('IDX_live_reservations_session_reminder', ['sessionId', 'reminderState'])
export class LiveReservationRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  sessionId: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 10 })
  reminderState: LiveReminderState;

  @Column({ type: 'datetime', nullable: true })
  remindedAt: Date | null;

  /** reserveChannelsLive answered "reserved" (state 6 or 8). */
  @Column({ type: 'boolean', default: false })
  channelsReserved: boolean;

  @CreateDateColumn()
  createdAt: Date;
}
