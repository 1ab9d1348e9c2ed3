import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RefundRecord } from '../../../shared';

/**
 * A refund of (part of) an order's payment. out_refund_no is unique and derived from what is refunded
 * (the after-sale case, or the late payment), so starting the same refund twice sends one refund.
 */
@Entity('refunds')
// The refund retry sweep reads refunds WeChat has not accepted yet.
@Index('IDX_refunds_status_accepted', ['status', 'acceptedAt'])
// Purchase stats follow refunds that succeeded recently.
@Index('IDX_refunds_status_succeeded', ['status', 'succeededAt'])
export class RefundRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_refunds_order')
  @Column({ type: 'int' })
  orderId: number;

  /** The after-sale case refunded; null for a late payment on a cancelled order. */
  @Column({ type: 'int', nullable: true })
  afterSaleId: number | null;

  @Index('UQ_refunds_out_refund_no', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  outRefundNo: string;

  @Column({ type: 'int' })
  amountFen: number;

  /** The payment's total, which WeChat checks on every refund. */
  @Column({ type: 'int' })
  paymentTotalFen: number;

  @Column({ type: 'varchar', length: 80 })
  reason: string;

  @Column({ type: 'varchar', length: 12 })
  status: RefundRecord['status'];

  /** When WeChat Pay accepted the refund request; null while it still has to be sent (or re-sent). */
  @Column({ type: 'datetime', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  wechatRefundId: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  succeededAt: Date | null;
}
