import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { LinePrice, PriceContext, PriceLine, PriceSource } from '../pricing/price-sources';
import { campaignSkuOf, type CampaignSku } from './group-buy-campaign-sku.reader';
import { cappedGroupPrices } from './group-buy-views';

export const GROUP_PRICE_SOURCE = 'group-buy';

/**
 * 拼团价: a line of a group-buy checkout whose SKU is in the campaign is priced at the group price, or at the 团长价
 * when the shopper opens a team (teamId null) and the campaign sets one, each capped at the SKU's current list
 * price (the shopper never pays more for 拼团 than alone). No member price on top; coupons and
 * points only as the campaign allows. Ordinary orders (no groupBuy) never read anything here.
 */
@Injectable()
export class GroupPriceSource implements PriceSource {
  readonly name = GROUP_PRICE_SOURCE;
  readonly priority = 100;

  /** One read per line and checkout: appliesTo and unitPrice both need the row, for the same context. */
  private readonly read = new WeakMap<PriceContext, Map<number, Promise<CampaignSku | null>>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async appliesTo(line: PriceLine, context: PriceContext): Promise<boolean> {
    return (await this.campaignSku(line, context)) !== null;
  }

  async unitPrice(line: PriceLine, context: PriceContext): Promise<LinePrice> {
    const found = cappedGroupPrices((await this.campaignSku(line, context))!, line.listPriceFen);
    const asLeader = context.groupBuy!.teamId === null && found.leaderPriceFen !== null;
    return {
      unitPriceFen: asLeader ? found.leaderPriceFen! : found.groupPriceFen,
      stacking: { memberPrice: false, coupon: found.allowCoupons, points: found.allowPoints },
      label: asLeader ? '团长价' : '拼团价',
    };
  }

  private campaignSku(line: PriceLine, context: PriceContext): Promise<CampaignSku | null> {
    const { groupBuy } = context;
    if (!groupBuy) return Promise.resolve(null);
    let lines = this.read.get(context);
    if (!lines) this.read.set(context, (lines = new Map()));
    let found = lines.get(line.skuId);
    if (!found) {
      found = campaignSkuOf(this.dataSource.manager, groupBuy.campaignId, line.skuId).then((row) => (row && row.productId === line.productId ? row : null));
      lines.set(line.skuId, found);
    }
    return found;
  }
}
