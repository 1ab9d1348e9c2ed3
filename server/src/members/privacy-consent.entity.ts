import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Each 隐私政策 version a member accepted, and when (kept as a record, PIPL): one row per (member, version),
 * the first acceptance wins. The member's current answer is the newest row.
 */
@Entity('member_privacy_consents')
@Index('UQ_member_privacy_consents_member_version', ['memberId', 'version'], { unique: true })
export class MemberPrivacyConsentRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 32 })
  version: string;

  @Column({ type: 'datetime' })
  acceptedAt: Date;
}
