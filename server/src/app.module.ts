import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AnswerCacheModule } from './platform/cache/answer-cache.module';
import { DomainEventsModule } from './platform/events/domain-events.module';
import { AddressesModule } from './addresses/addresses.module';
import { AfterSalesModule } from './after-sales/after-sales.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { AttributionModule } from './attribution/attribution.module';
import { CartModule } from './cart/cart.module';
import { CatalogModule } from './catalog/catalog.module';
import { InventoryModule } from './inventory/inventory.module';
import { LoyaltyModule } from './loyalty/loyalty.module';
import { CouponsModule } from './coupons/coupons.module';
import { MembersModule } from './members/members.module';
import { OrdersModule } from './orders/orders.module';
import { PaymentsModule } from './payments/payments.module';
import { AuthModule } from './platform/auth/auth.module';
import { APP_CONFIG, type AppConfig } from './platform/config/app-config';
import { DatabaseModule } from './platform/database/database.module';
import { AllExceptionsFilter } from './platform/errors/all-exceptions.filter';
import { HealthController } from './platform/http/health.controller';
import { JobsModule } from './platform/jobs/jobs.module';
import { StorageModule } from './platform/storage/storage.module';
import { ReferralModule } from './referral/referral.module';
import { GroupBuyModule } from './group-buy/group-buy.module';
import { LiveModule } from './live/live.module';
import { WithdrawalsModule } from './referral/withdrawals/withdrawals.module';
import { InviteRewardsModule } from './referral/invite-rewards/invite-rewards.module';
import { SeedModule } from './seed/seed.module';
import { SettingsModule } from './settings/settings.module';
import { SharingModule } from './sharing/sharing.module';
import { StaffModule } from './staff/staff.module';
import { SubscribeMessagesModule } from './subscribe-messages/subscribe-messages.module';
import { WechatPayModule } from './wechat/pay/wechat-pay.module';
import { WechatModule } from './wechat/wechat.module';
import type { WechatRuntime } from './wechat/platform-info.controller';

export interface AppModuleOptions {
  config: AppConfig;
  /** Where the WeChat client sends its calls (the real API or the fake). */
  wechatApiBase: string;
  wechatRuntime: WechatRuntime;
}

@Module({})
export class AppModule {
  static forRoot({ config, wechatApiBase, wechatRuntime }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.forRoot(config.database),
        AuthModule.forRoot(config.jwtSecret),
        StorageModule.forRoot(config.uploadsDir),
        WechatModule.forRoot(
          { appid: config.wechat.appid, secret: config.wechat.secret, apiBase: wechatApiBase },
          wechatRuntime,
        ),
        // In fake mode the fake WeChat Pay is the same server as the fake WeChat.
        WechatPayModule.forRoot(config.wechatPay, {
          appid: config.wechat.appid,
          fakeApiBase: wechatRuntime.mode === 'fake' ? wechatApiBase : null,
        }),
        AnswerCacheModule,
        StaffModule,
        MembersModule,
        CatalogModule,
        InventoryModule,
        DomainEventsModule,
        SettingsModule,
        CartModule,
        AddressesModule,
        OrdersModule,
        PaymentsModule,
        AfterSalesModule,
        SubscribeMessagesModule,
        LoyaltyModule,
        CouponsModule,
        AnalyticsModule,
        JobsModule,
        AttributionModule,
        ReferralModule,
        SharingModule,
        WithdrawalsModule,
        InviteRewardsModule,
        GroupBuyModule,
        LiveModule,
        SeedModule.forRoot({ store: config.seedDemo, coupons: config.seedDemoCoupons, groupBuy: config.seedDemoCoupons, live: config.seedDemoCoupons }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
      exports: [APP_CONFIG],
    };
  }
}
