import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A shopper, identified by the WeChat openid of this mini-program. */
@Entity('members')
export class MemberRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('UQ_members_openid', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  openid: string;

  @Index('IDX_members_unionid')
  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  nickname: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  avatarUrl: string | null;

  /** Full number as WeChat returned it (purePhoneNumber); shown masked except to FULL_PHONE_ROLES. */
  @Index('IDX_members_phone')
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  /** The member level (member_levels.id) as last computed; null until the first computation. */
  @Index('IDX_members_level')
  @Column({ type: 'int', nullable: true })
  levelId: number | null;

  /** Points the member can spend. Changed only by conditional arithmetic with a ledger row beside it; never below 0. */
  @Column({ type: 'int', default: 0 })
  pointsBalance: number;

  /** 经营概览 counts new members by it. */
  @Index('IDX_members_created_at')
  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null;
}
