import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MemberCouponSource } from '../../../shared';

/** Stored status; "expired" is not stored but read as unused with validTo passed, so no sweep is needed. */
export type MemberCouponStatus = 'unused' | 'used';

/** A coupon a member holds. Its validity is fixed when it is received; its status changes only by conditional updates. */
@Entity('member_coupons')
@Index('IDX_member_coupons_member_status_valid_to', ['memberId', 'status', 'validTo'])
@Index('IDX_member_coupons_template_status', ['templateId', 'status'])
export class MemberCouponRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  templateId: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 20 })
  source: MemberCouponSource;

  @Column({ type: 'datetime' })
  validFrom: Date;

  @Column({ type: 'datetime' })
  validTo: Date;

  @Column({ type: 'varchar', length: 20, default: 'unused' })
  status: MemberCouponStatus;

  /** The order that spent it (status used). */
  @Index('IDX_member_coupons_order')
  @Column({ type: 'int', nullable: true })
  orderId: number | null;

  @Column({ type: 'datetime', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
