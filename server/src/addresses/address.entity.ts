import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A shipping address of a member. `defaultMark` is true on the default address and NULL on the others:
 * the unique index on (memberId, defaultMark) lets the database itself refuse a second default
 * (NULLs never collide in a unique index, on SQLite and MariaDB alike).
 */
@Entity('addresses')
@Index('UQ_addresses_member_default', ['memberId', 'defaultMark'], { unique: true })
export class AddressRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_addresses_member')
  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 20 })
  recipientName: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'varchar', length: 20 })
  provinceName: string;

  @Column({ type: 'varchar', length: 20 })
  cityName: string;

  @Column({ type: 'varchar', length: 20 })
  districtName: string;

  @Column({ type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ type: 'varchar', length: 120 })
  detail: string;

  @Column({ type: 'boolean', nullable: true })
  defaultMark: true | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
