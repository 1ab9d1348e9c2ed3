import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ReferralBindingOutcome, ReferralBindingReason } from '../../../shared';

/** Every binding, rebinding and refusal of a member to a referrer, with its reason (append only). */
@Entity('referral_bindings')
@Index('IDX_referral_bindings_member', ['memberId', 'id'])
export class ReferralBindingRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  /** Who the member would be (or was) bound to. */
  @Column({ type: 'int' })
  referrerMemberId: number;

  /** The referrer the member had before (rebound) or keeps (refused already_bound). */
  @Column({ type: 'int', nullable: true })
  previousReferrerMemberId: number | null;

  @Column({ type: 'varchar', length: 10 })
  outcome: ReferralBindingOutcome;

  @Column({ type: 'varchar', length: 24 })
  reason: ReferralBindingReason;

  /** The share link the attempt came with. */
  @Column({ type: 'int', nullable: true })
  shareLinkId: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
