import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AfterSaleStatus, AfterSaleType, OrderStatus } from '../../../shared';

/**
 * An after-sale case of an order. Only one is open at a time because applying moves the order to
 * after_sale with a conditional update; statuses change the same way.
 */
@Entity('after_sales')
@Index('IDX_after_sales_status', ['status', 'id'])
export class AfterSaleRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_after_sales_order')
  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 16 })
  type: AfterSaleType;

  @Column({ type: 'varchar', length: 12 })
  status: AfterSaleStatus;

  @Column({ type: 'varchar', length: 50 })
  reason: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  @Column({ type: 'simple-json' })
  images: string[];

  @Column({ type: 'int' })
  refundFen: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  rejectReason: string | null;

  /** Where a rejection returns the order (paid, shipped or completed). */
  @Column({ type: 'varchar', length: 20 })
  orderStatusBefore: OrderStatus;

  @CreateDateColumn()
  createdAt: Date;

  /** Approved or rejected at. */
  @Column({ type: 'datetime', nullable: true })
  handledAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  refundStartedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  refundedAt: Date | null;
}
