import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { InviteRewardKind, InviteRewardStatus } from '../../../../shared';

/**
 * One invited friend's reward, recorded when the friend's FIRST order is paid (at most one row per friend:
 * the unique invitee is the once-only key) with the reward the rule promised then. The sweep grants it
 * (waiting → granted, conditional) once the order is completed and the after-sale window has passed, or voids it
 * when the order was refunded in full.
 */
@Entity('referral_invite_rewards')
@Index('IDX_referral_invite_rewards_inviter', ['inviterMemberId', 'id'])
@Index('IDX_referral_invite_rewards_status_order', ['status', 'orderId'])
export class InviteRewardRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('UQ_referral_invite_rewards_invitee', { unique: true })
  @Column({ type: 'int' })
  inviteeMemberId: number;

  @Column({ type: 'int' })
  inviterMemberId: number;

  /** The friend's first paid order. */
  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'varchar', length: 24 })
  orderNo: string;

  /** When the friend was bound to the inviter. */
  @Column({ type: 'datetime' })
  invitedAt: Date;

  @Column({ type: 'varchar', length: 10 })
  status: InviteRewardStatus;

  // The reward as the rule said when the first order was paid.
  @Column({ type: 'varchar', length: 10 })
  rewardKind: InviteRewardKind;

  @Column({ type: 'int', nullable: true })
  couponTemplateId: number | null;

  @Column({ type: 'int', nullable: true })
  points: number | null;

  /** E.g. 「无门槛10元券」1 张 or 200 积分, as promised. */
  @Column({ type: 'varchar', length: 60 })
  rewardText: string;

  @Column({ type: 'int', nullable: true })
  memberCouponId: number | null;

  /** Why it was void or failed. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  note: string | null;

  @Column({ type: 'datetime', nullable: true })
  grantedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
