import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PromoterProgramMode, ReferralBindingMode, ReferralBindScope } from '../../../shared';

/** The shop's 分销 settings: one row (id 1), absent until the owner first saves (the defaults apply). No level-3 anything. */
@Entity('referral_settings')
export class ReferralSettingsRow {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'boolean', default: false })
  enabled: boolean;

  @Column({ type: 'varchar', length: 12, default: 'everyone' })
  programMode: PromoterProgramMode;

  @Column({ type: 'int', nullable: true })
  everyoneMinSpendFen: number | null;

  @Column({ type: 'varchar', length: 12, default: 'first_touch' })
  bindingMode: ReferralBindingMode;

  @Column({ type: 'int', default: 30 })
  bindingValidDays: number;

  @Column({ type: 'varchar', length: 12, default: 'everyone' })
  bindScope: ReferralBindScope;

  @Column({ type: 'int', default: 0 })
  level1RateBp: number;

  @Column({ type: 'int', nullable: true })
  level2RateBp: number | null;

  @Column({ type: 'boolean', default: false })
  selfPurchaseCommission: boolean;

  @Column({ type: 'int', default: 7 })
  afterSaleWindowDays: number;

  @Column({ type: 'int', default: 100 })
  withdrawalMinFen: number;

  @Column({ type: 'int', default: 500000 })
  withdrawalDailyLimitFen: number;

  @UpdateDateColumn()
  updatedAt: Date;
}
