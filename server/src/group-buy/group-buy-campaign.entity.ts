import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A 拼团 campaign: one product's SKUs at group prices (group-buy-campaign-sku.entity.ts) for teams of `teamSize`.
 * `unitsTaken` counts the units of reserved and paid seats against `unitQuota`, changed only by conditional
 * arithmetic in the order's transaction (taken) and when a seat goes back (released).
 */
@Entity('group_buy_campaigns')
@Index('IDX_group_buy_campaigns_product', ['productId', 'endsAt'])
@Index('IDX_group_buy_campaigns_window', ['endsAt', 'startsAt'])
export class GroupBuyCampaignRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'int' })
  productId: number;

  @Column({ type: 'int' })
  teamSize: number;

  @Column({ type: 'int' })
  validityHours: number;

  @Column({ type: 'datetime' })
  startsAt: Date;

  @Column({ type: 'datetime' })
  endsAt: Date;

  /** Ended early by staff. */
  @Column({ type: 'datetime', nullable: true })
  endedAt: Date | null;

  /** 0 = no limit. */
  @Column({ type: 'int', default: 0 })
  memberTeamLimit: number;

  /** 0 = no limit. */
  @Column({ type: 'int', default: 0 })
  memberUnitLimit: number;

  /** 0 = no limit. */
  @Column({ type: 'int', default: 0 })
  unitQuota: number;

  @Column({ type: 'int', default: 0 })
  unitsTaken: number;

  @Column({ type: 'boolean', default: false })
  allowCoupons: boolean;

  @Column({ type: 'boolean', default: false })
  allowPoints: boolean;

  @Column({ type: 'boolean', default: false })
  virtualCompletion: boolean;

  @Column({ type: 'int', nullable: true })
  virtualThresholdPercent: number | null;

  @Column({ type: 'varchar', length: 1000, default: '' })
  rulesText: string;

  @Column({ type: 'int', nullable: true })
  createdByStaffId: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
