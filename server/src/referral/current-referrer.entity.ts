import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A member's current referrer: the one place to read "who brought this member" (the history of every attempt
 * is referral_bindings). Written only under the member's row lock, so parallel attempts end with one binding.
 */
@Entity('referral_current_referrers')
@Index('IDX_referral_current_referrers_referrer', ['referrerMemberId', 'boundAt'])
export class CurrentReferrerRow {
  @PrimaryColumn({ type: 'int' })
  memberId: number;

  @Column({ type: 'int' })
  referrerMemberId: number;

  @Column({ type: 'datetime' })
  boundAt: Date;

  /** valid_days mode: when the binding lapses (the member then has no referrer until a new one binds). */
  @Column({ type: 'datetime', nullable: true })
  expiresAt: Date | null;

  /** The referral_bindings row that made it. */
  @Column({ type: 'int' })
  bindingId: number;
}
