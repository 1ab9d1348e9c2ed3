import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Staff login attempts counted in the current window, one row per throttle key (a username from one client
 * address, or a username from everywhere). Kept in the database so every server instance counts the same
 * attempts; changed only by upserts and conditional updates.
 */
@Entity('staff_login_attempts')
export class StaffLoginAttemptsRow {
  @PrimaryColumn({ type: 'varchar', length: 191 })
  throttleKey: string;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'datetime' })
  windowStartedAt: Date;
}
