import { DynamicModule, Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CouponsModule } from '../coupons/coupons.module';
import { SettingsModule } from '../settings/settings.module';
import { StaffModule } from '../staff/staff.module';
import { DemoStoreSeeder } from './demo-store.seeder';

const SEED_DEMO = Symbol('SEED_DEMO');

/** What to seed: the demo store (staff, catalog, banners) and its coupons. */
export interface SeedChoice {
  store: boolean;
  coupons: boolean;
}

/** Seeds the demo store at boot (after migrations) when SEED_DEMO is on, its coupons when SEED_DEMO_COUPONS is. */
@Module({})
export class SeedModule implements OnApplicationBootstrap {
  constructor(
    @Inject(SEED_DEMO) private readonly choice: SeedChoice,
    private readonly seeder: DemoStoreSeeder,
  ) {}

  static forRoot(choice: SeedChoice): DynamicModule {
    return {
      module: SeedModule,
      imports: [StaffModule, CatalogModule, CouponsModule, SettingsModule],
      providers: [{ provide: SEED_DEMO, useValue: choice }, DemoStoreSeeder],
      exports: [DemoStoreSeeder],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.choice.store) await this.seeder.seed();
    if (this.choice.coupons) await this.seeder.seedCoupons();
  }
}
