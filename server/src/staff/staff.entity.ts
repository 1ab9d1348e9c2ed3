import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { StaffRole } from '../../../shared';

/** A store staff account of the admin console. */
@Entity('staff')
export class StaffRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('UQ_staff_username', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  username: string;

  @Column({ type: 'varchar', length: 40 })
  displayName: string;

  /** `scrypt$N$r$p$salt$hash`, see password-hasher.ts. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 32 })
  role: StaffRole;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
