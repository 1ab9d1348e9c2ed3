import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Who invited the buyer of an order, fixed when the order is PLACED (the buyer's referral binding in force then):
 * written with the order, only while 邀请有礼 is on and only for a buyer who has no paid order yet (a possible
 * first order). When such an order becomes the buyer's first paid order, its invite reward is recorded from here,
 * so a rebinding between placing and paying never moves the reward.
 */
@Entity('referral_invite_order_inviters')
export class InviteOrderInviterRow {
  @PrimaryColumn({ type: 'int' })
  orderId: number;

  @Column({ type: 'int' })
  inviteeMemberId: number;

  @Column({ type: 'int' })
  inviterMemberId: number;

  /** When the binding was made (the friend's "invited at"). */
  @Column({ type: 'datetime' })
  boundAt: Date;

  @CreateDateColumn()
  createdAt: Date;
}
