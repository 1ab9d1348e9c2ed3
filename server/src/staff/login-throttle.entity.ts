import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed password attempts per username in the current window. Kept in the database (not in memory)
 * so every server instance counts the same failures; changed only by conditional updates.
 */
@Entity('staff_login_throttles')
export class StaffLoginThrottle {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ type: 'datetime' })
  windowStartedAt: Date;
}
