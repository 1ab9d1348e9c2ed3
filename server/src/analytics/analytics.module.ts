import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { StaffModule } from '../staff/staff.module';
import { AdminAnalyticsController } from './admin-analytics.controller';
import { DueForRepurchaseService } from './due-for-repurchase.service';
import { MemberPurchaseStatsService } from './member-purchase-stats.service';
import { OverviewController } from './overview/overview.controller';
import { StoreOverviewService } from './overview/store-overview.service';
import { PurchaseFacts } from './purchase-facts';
import { PurchaseStatsBackfill, PurchaseStatsSweeper } from './purchase-stats-sweeper';
import { RepeatPurchaseService } from './repeat-purchase.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MemberPurchaseStatsRow } from './member-purchase-stats.entity';

/** Repeat-purchase tracking (per-member purchase stats kept current from order events, store metrics, the due list) and 经营概览. */
@Module({
  imports: [TypeOrmModule.forFeature([MemberPurchaseStatsRow]), StaffModule, OrdersModule],
  controllers: [AdminAnalyticsController, OverviewController],
  providers: [PurchaseFacts, StoreOverviewService, MemberPurchaseStatsService, PurchaseStatsSweeper, PurchaseStatsBackfill, RepeatPurchaseService, DueForRepurchaseService],
  exports: [MemberPurchaseStatsService, PurchaseStatsSweeper],
})
export class AnalyticsModule {}
