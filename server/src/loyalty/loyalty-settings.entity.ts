import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The points rule and the level window: one row (id 1), written on the first save; until then the defaults apply. */
@Entity('loyalty_settings')
export class LoyaltySettingsRow {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  levelWindowDays: number;

  @Column({ type: 'int' })
  pointsEarnedPerYuan: number;

  @Column({ type: 'int' })
  pointsPerYuan: number;

  @Column({ type: 'int' })
  pointsMaxSharePercent: number;

  @Column({ type: 'int' })
  pointsExpiryMonths: number;

  @UpdateDateColumn()
  updatedAt: Date;
}
