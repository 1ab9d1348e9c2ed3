import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { InviteRewardKind } from '../../../../shared';

/** The 邀请有礼 rule: one row (id 1), absent until the owner first saves (then the rule is off). */
@Entity('referral_invite_rules')
export class InviteRuleRow {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'boolean', default: false })
  enabled: boolean;

  @Column({ type: 'varchar', length: 10, default: 'coupon' })
  rewardKind: InviteRewardKind;

  @Column({ type: 'int', nullable: true })
  couponTemplateId: number | null;

  @Column({ type: 'int', nullable: true })
  points: number | null;

  @Column({ type: 'varchar', length: 300, default: '' })
  ruleText: string;

  @UpdateDateColumn()
  updatedAt: Date;
}
