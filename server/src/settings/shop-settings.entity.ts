import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The shop's order rules: one row (id 1), written on the first save; until then the defaults apply. */
@Entity('shop_settings')
export class ShopSettingsRow {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  shippingFeeFen: number;

  @Column({ type: 'int', nullable: true })
  freeShippingThresholdFen: number | null;

  @Column({ type: 'int' })
  unpaidTimeoutMinutes: number;

  @Column({ type: 'int' })
  autoConfirmDays: number;

  @UpdateDateColumn()
  updatedAt: Date;
}
