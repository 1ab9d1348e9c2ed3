import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many coupons of a template a member has received: the counter the per-member limit is enforced on
 * (`SET receivedCount = receivedCount + 1 WHERE … AND receivedCount < limit`), one row per (member, template).
 */
@Entity('member_coupon_counts')
export class MemberCouponCountRow {
  @PrimaryColumn({ type: 'int' })
  memberId: number;

  @PrimaryColumn({ type: 'int' })
  templateId: number;

  @Column({ type: 'int', default: 0 })
  receivedCount: number;
}
