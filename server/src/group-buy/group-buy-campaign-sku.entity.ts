import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A SKU's price in a campaign; `leaderPriceFen` is the optional 团长价. */
@Entity('group_buy_campaign_skus')
export class GroupBuyCampaignSkuRow {
  @PrimaryColumn({ type: 'int' })
  campaignId: number;

  @PrimaryColumn({ type: 'int' })
  skuId: number;

  @Column({ type: 'int' })
  groupPriceFen: number;

  @Column({ type: 'int', nullable: true })
  leaderPriceFen: number | null;
}
