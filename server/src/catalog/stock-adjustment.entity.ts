import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Audit trail of manual stock changes made in the admin console. */
@Entity('stock_adjustments')
export class StockAdjustment {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_stock_adjustments_sku')
  @Column({ type: 'int' })
  skuId: number;

  @Column({ type: 'int' })
  delta: number;

  @Column({ type: 'int' })
  stockAfter: number;

  @Column({ type: 'varchar', length: 100 })
  reason: string;

  @Column({ type: 'int' })
  staffId: number;

  @CreateDateColumn()
  createdAt: Date;
}
