import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GroupBuyCampaignInput } from '../../../shared';
import { ProductRow } from '../catalog/product.entity';
import { SkuRow } from '../catalog/sku.entity';
import { GroupBuyCampaignsService } from '../group-buy/group-buy-campaigns.service';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { claimSeed } from './seed-claim';

const GROUP_BUY_SEED = 'demo-group-buy-v1';
/** The demo tea in the campaign: a 口粮茶 people buy for two. */
const DEMO_GROUP_BUY_PRODUCT = '雨前龙井';
const DAY_MS = 24 * 3600_000;

/** The group price of a list price: about 20% off, ending in .90; the 团长价 ¥5 below it. */
export function demoGroupPrices(listPriceFen: number): { groupPriceFen: number; leaderPriceFen: number } {
  const groupPriceFen = Math.min(listPriceFen - 100, Math.max(90, Math.round((listPriceFen * 0.8) / 100) * 100 - 10));
  return { groupPriceFen, leaderPriceFen: Math.max(1, groupPriceFen - 500) };
}

/**
 * The demo store's 拼团: one running campaign (30 days from the first start, teams of two, 团长价 set, 模拟成团 off),
 * so a fresh install shows 拼团专区 with something in it. Once per database (a seed_runs row claims it).
 */
@Injectable()
export class DemoGroupBuySeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly campaigns: GroupBuyCampaignsService,
  ) {}

  async seed(): Promise<void> {
    const product = await this.dataSource.getRepository(ProductRow).findOneBy({ title: DEMO_GROUP_BUY_PRODUCT });
    if (!product || !(await claimSeed(this.transactions, GROUP_BUY_SEED))) return;
    const skus = await this.dataSource.getRepository(SkuRow).find({ where: { productId: product.id }, order: { id: 'ASC' } });
    const now = Date.now();
    const input: GroupBuyCampaignInput = {
      name: `${DEMO_GROUP_BUY_PRODUCT} · 两人拼`,
      productId: product.id,
      skus: skus.filter((sku) => sku.priceFen > 100).map((sku) => ({ skuId: sku.id, ...demoGroupPrices(sku.priceFen) })),
      teamSize: 2,
      validityHours: 24,
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now + 30 * DAY_MS).toISOString(),
      memberTeamLimit: 0,
      memberUnitLimit: 5,
      unitQuota: 0,
      allowCoupons: false,
      allowPoints: false,
      virtualCompletion: false,
      virtualThresholdPercent: null,
      rulesText: '邀请 1 位好友参团即可成团，团长享团长价；每人本活动限购 5 件。',
    };
    await this.campaigns.create(input, null);
  }
}
