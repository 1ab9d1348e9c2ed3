import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * When a member's level must be recomputed although nothing happened: the moment the oldest paid order
 * of the window leaves it (the member may go down). Written by every recomputation; the level review
 * sweep reads the due rows by this indexed time instead of scanning every member daily.
 */
@Entity('member_level_reviews')
export class MemberLevelReviewRow {
  @PrimaryColumn({ type: 'int' })
  memberId: number;

  /** Null: nothing in the window, the level cannot drop by time alone. */
  @Index('IDX_member_level_reviews_due')
  @Column({ type: 'datetime', nullable: true })
  reviewAt: Date | null;

  /**
   * Net paid over the window as the last recompute counted it, plus the payments added since (each order.paid
   * adds its amount while reviewAt has not passed, so nothing has left the window); null: not known, recompute.
   */
  @Column({ type: 'int', nullable: true })
  windowNetPaidFen: number | null;
}
