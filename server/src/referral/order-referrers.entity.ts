import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Who earns on an order, fixed when it is placed (written in the order's transaction by the referral checkout
 * participant, from the server-side binding): later rebinding never moves it. No row: nobody earns.
 */
@Entity('referral_order_referrers')
@Index('IDX_referral_order_referrers_level1', ['level1MemberId'])
@Index('IDX_referral_order_referrers_level2', ['level2MemberId'])
export class OrderReferrersRow {
  @PrimaryColumn({ type: 'int' })
  orderId: number;

  @Column({ type: 'int' })
  buyerMemberId: number;

  @Column({ type: 'int', nullable: true })
  level1MemberId: number | null;

  @Column({ type: 'int', nullable: true })
  level2MemberId: number | null;

  /** 自购返佣: level 1 is the buyer (a promoter) and level 2 the buyer's referrer. */
  @Column({ type: 'boolean', default: false })
  selfPurchase: boolean;

  @CreateDateColumn()
  createdAt: Date;
}
