import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { LiveAttribution, OrderCancelReason, OrderHold, OrderStatus, PricingAdjustment } from '../../../shared';

/**
 * An order. Status changes only through conditional updates from the expected state (OrderProcess, src/orders/process/).
 * Prices, the address and the source are copies from the moment of placement; later edits of the
 * catalog or the address book never change them.
 */
@Entity('orders')
@Index('UQ_orders_member_client_token', ['memberId', 'clientToken'], { unique: true })
@Index('IDX_orders_member_status', ['memberId', 'status'])
// The unpaid-timeout sweep reads pending orders by due time.
@Index('IDX_orders_status_pay_deadline', ['status', 'payDeadlineAt'])
// The payment reconciliation sweep reads pending orders by their last payment attempt.
@Index('IDX_orders_status_payment_attempt', ['status', 'paymentAttemptAt'])
// The auto-confirm sweep reads shipped orders by due time.
@Index('IDX_orders_status_auto_confirm', ['status', 'autoConfirmAt'])
// Purchase stats and repeat-purchase metrics read orders by when they were paid or refunded (a sweep every minute).
@Index('IDX_orders_paid_at', ['paidAt'])
@Index('IDX_orders_refunded_at', ['refundedAt'])
// The admin's 待办 counts and lists paid orders the buyer asked to ship.
@Index('IDX_orders_status_ship_reminded', ['status', 'shipRemindedAt'])
export class OrderRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('UQ_orders_order_no', { unique: true })
  @Column({ type: 'varchar', length: 24 })
  orderNo: string;

  @Column({ type: 'int' })
  memberId: number;

  /** The submission's idempotency key, unique per member. */
  @Column({ type: 'varchar', length: 64 })
  clientToken: string;

  @Column({ type: 'varchar', length: 20 })
  status: OrderStatus;

  @Column({ type: 'int' })
  itemCount: number;

  // Pricing breakdown (fen): payable = list − discounts + shipping.
  @Column({ type: 'int' })
  listTotalFen: number;

  @Column({ type: 'int', default: 0 })
  memberDiscountFen: number;

  @Column({ type: 'int', default: 0 })
  promotionDiscountFen: number;

  @Column({ type: 'int', default: 0 })
  couponDiscountFen: number;

  @Column({ type: 'int', default: 0 })
  pointsDiscountFen: number;

  /** The member's coupon this order used (spent with the order, given back if it is cancelled unpaid). */
  @Index('IDX_orders_member_coupon')
  @Column({ type: 'int', nullable: true })
  memberCouponId: number | null;

  /** The coupon's template, kept for the template's usage figures (orders and GMV it drove). */
  @Index('IDX_orders_coupon_template')
  @Column({ type: 'int', nullable: true })
  couponTemplateId: number | null;

  /** The coupon's name when the order used it (templates may be renamed later). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  couponName: string | null;

  /** Points redeemed for pointsDiscountFen (given back if the order is cancelled unpaid). */
  @Column({ type: 'int', default: 0 })
  pointsUsed: number;

  @Column({ type: 'int' })
  shippingFeeFen: number;

  @Column({ type: 'int' })
  payableFen: number;

  /**
   * Refunds started on the order (processing or succeeded), moved by conditional arithmetic that never passes
   * payableFen; above 0 and not refunded: 部分退款.
   */
  @Column({ type: 'int', default: 0 })
  refundedFen: number;

  /**
   * The steps above as labelled rows (member price, coupon, points, shipping, and whatever promotion comes
   * next), as shown when the order was placed. Kept on the order row: written with it, never changed, always
   * read with it. NULL for orders placed before they were kept; those are derived from the columns above.
   */
  @Column({ type: 'simple-json', nullable: true })
  adjustments: PricingAdjustment[] | null;

  // Address snapshot.
  @Column({ type: 'varchar', length: 20 })
  recipientName: string;

  @Column({ type: 'varchar', length: 20 })
  recipientPhone: string;

  @Column({ type: 'varchar', length: 20 })
  provinceName: string;

  @Column({ type: 'varchar', length: 20 })
  cityName: string;

  @Column({ type: 'varchar', length: 20 })
  districtName: string;

  @Column({ type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ type: 'varchar', length: 120 })
  addressDetail: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  remark: string;

  // Source: the attribution headers at submission, the share link resolved by AttributionService.
  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceChannelCode: string | null;

  /** The share link's short id (a link the server resolved, never a client's free text). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceReferrerCode: string | null;

  /** Who created that share link (null for the buyer's own link). */
  @Column({ type: 'int', nullable: true })
  sourceSharerMemberId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceLiveRoomId: string | null;

  /** The live session the order is attributed to (OrderSource.liveSessionId), and how: LIVE_ATTRIBUTIONS. */
  @Index('IDX_orders_source_live_session')
  @Column({ type: 'int', nullable: true })
  sourceLiveSessionId: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  sourceLiveAttribution: LiveAttribution | null;

  @Index('IDX_orders_group_buy_team')
  @Column({ type: 'int', nullable: true })
  groupBuyTeamId: number | null;

  /** Why this paid order may not be fulfilled yet (a forming 拼团 team); cleared for all the team's orders when it succeeds. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  fulfilmentHold: OrderHold | null;

  // One timestamp per transition.
  @CreateDateColumn()
  createdAt: Date;

  /** When an unpaid order is due to be cancelled; cleared by payment or cancellation. */
  @Column({ type: 'datetime', nullable: true })
  payDeadlineAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  paidAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  shippedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  cancelReason: OrderCancelReason | null;

  /** Staff's reason when staff cancelled the order. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  cancelNote: string | null;

  @Column({ type: 'datetime', nullable: true })
  refundedAt: Date | null;

  /** The buyer's last 提醒发货 (one per SHIP_REMINDER_INTERVAL_HOURS, by a conditional update on this column). */
  @Column({ type: 'datetime', nullable: true })
  shipRemindedAt: Date | null;

  // WeChat Pay: the JSAPI order placed for this order, re-used while its prepay id is valid.
  @Column({ type: 'varchar', length: 64, nullable: true })
  prepayId: string | null;

  @Column({ type: 'datetime', nullable: true })
  prepayExpiresAt: Date | null;

  /** Last time the shopper started paying; the reconciliation sweep asks WeChat about such orders. */
  @Column({ type: 'datetime', nullable: true })
  paymentAttemptAt: Date | null;

  // Shipment.
  @Column({ type: 'varchar', length: 10, nullable: true })
  carrierCode: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  trackingNo: string | null;

  /** While shipped: when the auto-confirm sweep completes the order. */
  @Column({ type: 'datetime', nullable: true })
  autoConfirmAt: Date | null;

  // The last report of the shipment to WeChat's shipping-info API.
  @Column({ type: 'varchar', length: 10, nullable: true })
  shippingReportStatus: 'reported' | 'failed' | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  shippingReportMessage: string | null;

  @Column({ type: 'datetime', nullable: true })
  shippingReportAt: Date | null;

  @UpdateDateColumn()
  updatedAt: Date;
}
