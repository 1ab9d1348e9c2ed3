import { DynamicModule, Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AddressesModule } from '../addresses/addresses.module';
import { AfterSalesModule } from '../after-sales/after-sales.module';
import { AnalyticsModule } from '../analytics/analytics.module';
import { CatalogModule } from '../catalog/catalog.module';
import { CouponsModule } from '../coupons/coupons.module';
import { GroupBuyModule } from '../group-buy/group-buy.module';
import { LiveModule } from '../live/live.module';
import { LoyaltyModule } from '../loyalty/loyalty.module';
import { MembersModule } from '../members/members.module';
import { OrdersModule } from '../orders/orders.module';
import { PaymentsModule } from '../payments/payments.module';
import { SettingsModule } from '../settings/settings.module';
import { StaffModule } from '../staff/staff.module';
import { DemoHistoryController } from './demo-history/demo-history.controller';
import { DemoHistoryRemoval } from './demo-history/demo-history-removal';
import { DemoHistorySeeder } from './demo-history/demo-history.seeder';
import { DemoGroupBuySeeder } from './demo-group-buy.seeder';
import { DemoLiveSeeder } from './demo-live.seeder';
import { DemoStoreSeeder } from './demo-store.seeder';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SeedRunRow } from './seed-run.entity';

const SEED_DEMO = Symbol('SEED_DEMO');

/** What to seed: the demo store (staff, catalog, banners), its coupons, its 拼团 campaign and its 直播 sessions. */
export interface SeedChoice {
  store: boolean;
  coupons: boolean;
  groupBuy: boolean;
  live: boolean;
}

/**
 * Seeds the demo store at boot (after migrations) when SEED_DEMO is on, its coupons, its 拼团 campaign and its 直播
 * sessions (the demo's promotions) when SEED_DEMO_COUPONS is.
 * The demo history (SEED_DEMO_HISTORY) is started by main.ts once the server listens; its removal is here too.
 */
@Module({})
export class SeedModule implements OnApplicationBootstrap {
  constructor(
    @Inject(SEED_DEMO) private readonly choice: SeedChoice,
    private readonly seeder: DemoStoreSeeder,
    private readonly groupBuySeeder: DemoGroupBuySeeder,
    private readonly liveSeeder: DemoLiveSeeder,
  ) {}

  static forRoot(choice: SeedChoice): DynamicModule {
    return {
      module: SeedModule,
      imports: [TypeOrmModule.forFeature([SeedRunRow]), StaffModule,
        CatalogModule,
        CouponsModule,
        GroupBuyModule,
        LiveModule,
        SettingsModule,
        MembersModule,
        AddressesModule,
        OrdersModule,
        PaymentsModule,
        AfterSalesModule,
        LoyaltyModule,
        AnalyticsModule,
      ],
      controllers: [DemoHistoryController],
      providers: [{ provide: SEED_DEMO, useValue: choice }, DemoStoreSeeder, DemoGroupBuySeeder, DemoLiveSeeder, DemoHistorySeeder, DemoHistoryRemoval],
      exports: [DemoStoreSeeder, DemoHistorySeeder],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.choice.store) await this.seeder.seed();
    if (this.choice.coupons) await this.seeder.seedCoupons();
    if (this.choice.groupBuy) await this.groupBuySeeder.seed();
    if (this.choice.live) await this.liveSeeder.seed();
  }
}
