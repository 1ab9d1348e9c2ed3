import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { addDays, chinaDay, startOfChinaDay } from '../../../shared';
import { ProductRow } from '../catalog/product.entity';
import { SkuRow } from '../catalog/sku.entity';
import { LiveSessionProductRow } from '../live/live-session-product.entity';
import { LiveSessionRow } from '../live/live-session.entity';
import { LiveSessionsService } from '../live/live-sessions.service';
import { HOUR_MS, MINUTE_MS } from '../live/live-time';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { claimSeed } from './seed-claim';

const LIVE_SEED = 'demo-live-v1';
/** The demo 视频号 (a made-up finder user name: watching it needs a real one). */
const DEMO_FINDER_USER_NAME = 'sph_demo_shop';
/** Tomorrow's live features these two; the past one these and a third. */
const FEATURED = ['武夷大红袍', '金骏眉'];
const PAST_EXTRA = '正岩肉桂';

/** 20:00 shop time (China) `days` from today. */
function eveningOf(days: number): Date {
  return new Date(startOfChinaDay(addDays(chinaDay(new Date()), days)).getTime() + 20 * HOUR_MS);
}

/**
 * The demo store's 直播: one upcoming Channels session tomorrow at 20:00 with two featured products and a 直播专享价 on
 * one SKU (valid only once it is live: an upcoming session changes no price), and one that ended three days ago for
 * 往期. No session live now, so checkout prices stay the list prices. Once per database (a seed_runs row claims it).
 */
@Injectable()
export class DemoLiveSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly sessions: LiveSessionsService,
  ) {}

  async seed(): Promise<void> {
    const products = await this.dataSource.getRepository(ProductRow).find({ where: { title: In([...FEATURED, PAST_EXTRA]) } });
    const byTitle = new Map(products.map((product) => [product.title, product]));
    const featured = FEATURED.map((title) => byTitle.get(title));
    if (featured.some((product) => !product) || !(await claimSeed(this.transactions, LIVE_SEED))) return;
    const productIds = featured.map((product) => product!.id);
    const [pricedSku] = await this.dataSource.getRepository(SkuRow).find({ where: { productId: productIds[0] }, order: { priceFen: 'ASC', id: 'ASC' }, take: 1 });

    const start = eveningOf(1);
    await this.sessions.create(
      {
        provider: 'channels',
        title: '明晚 8 点 · 岩茶红茶品鉴直播',
        coverUrl: null,
        plannedStartAt: start.toISOString(),
        plannedEndAt: new Date(start.getTime() + 2 * HOUR_MS).toISOString(),
        finderUserName: DEMO_FINDER_USER_NAME,
        feedId: null,
        noticeId: null,
        roomId: null,
        productIds,
        // About 15% off, ending in .90, at most 50 units.
        prices: pricedSku && pricedSku.priceFen > 200 ? [{ skuId: pricedSku.id, livePriceFen: Math.min(pricedSku.priceFen - 100, Math.round((pricedSku.priceFen * 0.85) / 100) * 100 - 10), unitQuota: 50 }] : [],
        couponTemplateId: null,
      },
      null,
    );

    // A past session cannot be created through the console (its end must be ahead): written as it would have ended.
    const pastStart = eveningOf(-3);
    const pastProducts = [...productIds, ...(byTitle.get(PAST_EXTRA) ? [byTitle.get(PAST_EXTRA)!.id] : [])];
    await this.transactions.run(async (manager) => {
      const inserted = await manager.insert(LiveSessionRow, {
        provider: 'channels',
        title: '秋冬岩茶专场（回放）',
        coverUrl: null,
        plannedStartAt: pastStart,
        plannedEndAt: new Date(pastStart.getTime() + 2 * HOUR_MS),
        status: 'ended',
        startedAt: pastStart,
        endedAt: new Date(pastStart.getTime() + 2 * HOUR_MS + 10 * MINUTE_MS),
        finderUserName: DEMO_FINDER_USER_NAME,
        couponTemplateId: null,
        createdByStaffId: null,
      });
      const sessionId = Number(inserted.identifiers[0].id);
      await manager.insert(LiveSessionProductRow, pastProducts.map((productId, position) => ({ sessionId, productId, position })));
    });
  }
}
