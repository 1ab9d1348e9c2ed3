import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { StockMovementReason } from '../../../shared';

/**
 * The stock ledger: one row per change of a SKU's stock, saying why (sale, cancel, refund, return receipt,
 * staff adjustment, product edit) and naming the order, line, after-sale or staff member behind it.
 * A SKU's rows sum to its stock (InventoryService.checkLedger).
 */
@Entity('stock_movements')
@Index('IDX_stock_movements_sku', ['skuId', 'id'])
export class StockMovementRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  skuId: number;

  @Column({ type: 'int' })
  productId: number;

  /** Signed units: negative took stock out, positive put it back. */
  @Column({ type: 'int' })
  delta: number;

  @Column({ type: 'varchar', length: 20 })
  reason: StockMovementReason;

  @Column({ type: 'int', nullable: true })
  orderId: number | null;

  @Column({ type: 'int', nullable: true })
  orderLineId: number | null;

  @Column({ type: 'int', nullable: true })
  afterSaleId: number | null;

  @Column({ type: 'int', nullable: true })
  staffId: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  note: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
