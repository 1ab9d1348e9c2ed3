import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CouponChannel, CouponScope, CouponTemplateStatus, CouponType, CouponValidityKind } from '../../../shared';

/**
 * A coupon template (券模板): the rule a member's coupon follows, and how many may be handed out.
 * `claimedCount`, `usedCount` and `status` change only by conditional updates (see CouponGrantService,
 * CouponCheckoutService, CouponTemplatesService); never saved from a read row.
 */
@Entity('coupon_templates')
@Index('IDX_coupon_templates_status_channel', ['status', 'channel'])
export class CouponTemplateRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 30 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  type: CouponType;

  /** The eligible amount must reach this (inclusive); 0 = no threshold. */
  @Column({ type: 'int', default: 0 })
  thresholdFen: number;

  @Column({ type: 'int', nullable: true })
  amountOffFen: number | null;

  /** percent_off: the share the shopper pays (88 = 8.8折). */
  @Column({ type: 'int', nullable: true })
  payPercent: number | null;

  @Column({ type: 'int', nullable: true })
  maxDiscountFen: number | null;

  @Column({ type: 'varchar', length: 20 })
  scope: CouponScope;

  /** Category or product ids of the scope (empty for all). */
  @Column({ type: 'simple-json' })
  scopeIds: number[];

  @Column({ type: 'varchar', length: 20 })
  validityKind: CouponValidityKind;

  @Column({ type: 'datetime', nullable: true })
  validFrom: Date | null;

  @Column({ type: 'datetime', nullable: true })
  validTo: Date | null;

  @Column({ type: 'int', nullable: true })
  validDays: number | null;

  @Column({ type: 'int' })
  totalQuantity: number;

  @Column({ type: 'int' })
  perMemberLimit: number;

  @Column({ type: 'varchar', length: 20 })
  channel: CouponChannel;

  @Column({ type: 'varchar', length: 20, default: 'active' })
  status: CouponTemplateStatus;

  /** Coupons handed out (claimed, issued by staff, given to new members); never above totalQuantity. */
  @Column({ type: 'int', default: 0 })
  claimedCount: number;

  /** Coupons currently spent on an order (given back when that order is cancelled unpaid). */
  @Column({ type: 'int', default: 0 })
  usedCount: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
