import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AfterSaleItem, AfterSaleStatus, AfterSaleType, OrderStatus } from '../../../shared';

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

  @Column({ type: 'varchar', length: 16 })
  status: AfterSaleStatus;

  @Column({ type: 'varchar', length: 50 })
  reason: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  @Column({ type: 'simple-json' })
  images: string[];

  @Column({ type: 'int' })
  refundFen: number;

  /** The units the case is about (仅退款 / 退货退款 of some lines), with each line's title and spec; null: every unit still unrefunded. */
  @Column({ type: 'simple-json', nullable: true })
  lines: AfterSaleItem[] | null;

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

  // 退货退款: the shop's return address when the case was approved (later edits of the address do not move it).
  @Column({ type: 'varchar', length: 20, nullable: true })
  returnRecipientName: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  returnPhone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  returnAddress: string | null;

  // The shopper's parcel back; changeable while the case is approved.
  @Column({ type: 'varchar', length: 10, nullable: true })
  returnCarrierCode: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  returnTrackingNo: string | null;

  /** When the shopper last entered the parcel. */
  @Column({ type: 'datetime', nullable: true })
  returnShippedAt: Date | null;

  /** approved → return_received. */
  @Column({ type: 'datetime', nullable: true })
  returnReceivedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  refundStartedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  refundedAt: Date | null;
}
