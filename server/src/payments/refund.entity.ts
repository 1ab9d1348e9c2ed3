import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RefundKind, RefundRecord } from '../../../shared';

/**
 * A refund of (part of) an order's payment. out_refund_no is unique and derived from what is refunded
 * (the after-sale case, the late payment, or the order's n-th system refund), so starting the same refund twice
 * sends one refund. `lines` names the units refunded; the amount is their share of what was paid (refund-shares.ts).
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

  /** The after-sale case refunded; null for a system refund (late payment, failed group-buy team, staff). */
  @Column({ type: 'int', nullable: true })
  afterSaleId: number | null;

  /** Why the money goes back: an after-sale case, a payment after cancellation, a failed team, or staff. */
  @Column({ type: 'varchar', length: 16, default: 'after_sale' })
  kind: RefundKind;

  /** The staff member who started it (a staff refund); null when the shopper's case or the system did. */
  @Column({ type: 'int', nullable: true })
  staffId: number | null;

  /** The units refunded and each line's part of the amount; null for a refund of a payment whose order has no goods to give back (late payment) and for refunds before lines were kept (whole orders). */
  @Column({ type: 'simple-json', nullable: true })
  lines: RefundedLine[] | null;

  /** Redeemed points that go back with these units (returned when the refund succeeds). */
  @Column({ type: 'int', default: 0 })
  pointsReturned: number;

  /** The refunded units' share of the order's coupon discount (coupon figures leave it out). */
  @Column({ type: 'int', default: 0 })
  couponFen: number;

  /** This refund gives back the last goods (and the shipping): on success the order becomes refunded. */
  @Column({ type: 'boolean', default: false })
  closesOrder: boolean;

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

/** One order line's units in a refund. */
export interface RefundedLine {
  lineId: number;
  skuId: number;
  productId: number;
  quantity: number;
  amountFen: number;
}
