import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A promoter's balance and debt. Changed only by PromoterLedger, which writes a referral_ledger row with every
 * change, so each column always equals the sum of its ledger deltas. Neither is ever negative: what a reversal
 * cannot take from the balance becomes debt, which later earnings pay first and which blocks withdrawals.
 */
@Entity('referral_accounts')
export class PromoterAccountRow {
  @PrimaryColumn({ type: 'int' })
  memberId: number;

  @Column({ type: 'int', default: 0 })
  balanceFen: number;

  @Column({ type: 'int', default: 0 })
  debtFen: number;
}
