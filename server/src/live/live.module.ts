import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouponsModule } from '../coupons/coupons.module';
import { CheckoutParticipantsModule } from '../orders/participants/checkout-participants.module';
import { StaffModule } from '../staff/staff.module';
import { SubscribeMessagesModule } from '../subscribe-messages/subscribe-messages.module';
import { AdminLiveController } from './admin-live.controller';
import { AdminLiveReportController } from './admin-live-report.controller';
import { LiveAttributionParticipant } from './live-attribution-participant';
import { LiveCouponService } from './live-coupon.service';
import { LiveEntriesService } from './live-entries.service';
import { LiveReminderSweeper } from './live-reminder.sweeper';
import { LiveReservationsService } from './live-reservations.service';
import { LiveTouchesController } from './live-touches.controller';
import { LiveTouchesModule } from './live-touches.module';
import { LivePriceQuotaParticipant } from './live-price-quota-participant';
import { LivePriceTakeRow } from './live-price-take.entity';
import { LiveReportService } from './live-report.service';
import { LiveSessionPriceRow } from './live-session-price.entity';
import { LiveSessionProductRow } from './live-session-product.entity';
import { LiveReservationRow } from './live-reservation.entity';
import { LiveSessionRow } from './live-session.entity';
import { LiveSettingsRow } from './live-settings.entity';
import { LiveSettingsController } from './live-settings.controller';
import { LiveTouchRow } from './live-touch.entity';
import { LiveSessionsService } from './live-sessions.service';
import { LiveStatusSyncSweeper } from './live-status-sync.sweeper';
import { ChannelsLiveProvider } from './providers/channels-live.provider';
import { LIVE_PROVIDER_DRIVERS } from './providers/live-provider';
import { PluginLiveProvider } from './providers/plugin-live.provider';
import { ShopperLiveController } from './shopper-live.controller';
import { ShopperLiveService } from './shopper-live.service';

/**
 * 直播: live sessions on Channels (视频号) or the mini-program live plugin behind one provider interface, their
 * featured products and live prices, and the sweep that keeps their statuses current; for shoppers the schedule,
 * session pages, 预约 with its reminder sweep, and the live coupon; live touches, order attribution and the report.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([LiveSessionRow, LiveSessionProductRow, LiveSessionPriceRow, LivePriceTakeRow, LiveTouchRow, LiveReservationRow, LiveSettingsRow]),
    CheckoutParticipantsModule,
    StaffModule,
    CouponsModule,
    SubscribeMessagesModule,
    LiveTouchesModule,
  ],
  controllers: [AdminLiveController, ShopperLiveController, LiveTouchesController, LiveSettingsController, AdminLiveReportController],
  providers: [
    LiveSessionsService,
    LivePriceQuotaParticipant,
    ChannelsLiveProvider,
    PluginLiveProvider,
    { provide: LIVE_PROVIDER_DRIVERS, useFactory: (channels: ChannelsLiveProvider, plugin: PluginLiveProvider) => [channels, plugin], inject: [ChannelsLiveProvider, PluginLiveProvider] },
    LiveStatusSyncSweeper,
    ShopperLiveService,
    LiveReservationsService,
    LiveReminderSweeper,
    LiveCouponService,
    LiveEntriesService,
    LiveAttributionParticipant,
    LiveReportService,
  ],
  exports: [LiveSessionsService],
})
export class LiveModule {}
