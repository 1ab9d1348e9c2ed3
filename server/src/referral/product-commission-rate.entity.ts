import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A product's own commission rates (basis points), used instead of the shop's for its order lines. */
@Entity('referral_product_rates')
export class ProductCommissionRateRow {
  @PrimaryColumn({ type: 'int' })
  productId: number;

  @Column({ type: 'int' })
  level1RateBp: number;

  @Column({ type: 'int', nullable: true })
  level2RateBp: number | null;

  @UpdateDateColumn()
  updatedAt: Date;
}
