import { DynamicModule, Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { StaffModule } from '../staff/staff.module';
import { DemoStoreSeeder } from './demo-store.seeder';

const SEED_DEMO = Symbol('SEED_DEMO');

/** Seeds the demo store at boot (after migrations) when SEED_DEMO is on. */
@Module({})
export class SeedModule implements OnApplicationBootstrap {
  constructor(
    @Inject(SEED_DEMO) private readonly enabled: boolean,
    private readonly seeder: DemoStoreSeeder,
  ) {}

  static forRoot(enabled: boolean): DynamicModule {
    return {
      module: SeedModule,
      imports: [StaffModule, CatalogModule],
      providers: [{ provide: SEED_DEMO, useValue: enabled }, DemoStoreSeeder],
      exports: [DemoStoreSeeder],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.enabled) await this.seeder.seed();
  }
}
