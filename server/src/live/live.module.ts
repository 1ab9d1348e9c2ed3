import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CheckoutParticipantsModule } from '../orders/participants/checkout-participants.module';
import { StaffModule } from '../staff/staff.module';
import { AdminLiveController } from './admin-live.controller';
import { AdminLiveReportController } from './admin-live-report.controller';
import { LiveAttributionParticipant } from './live-attribution.participant';
import { LiveEntriesService } from './live-entries.service';
import { LiveTouchesController } from './live-touches.controller';
import { LiveTouchesModule } from './live-touches.module';
import { LivePriceQuotaParticipant } from './live-price-quota.participant';
import { LivePriceTakeRow } from './live-price-take.entity';
import { LiveReportService } from './live-report.service';
import { LiveSessionPriceRow } from './live-session-price.entity';
import { LiveSessionProductRow } from './live-session-product.entity';
import { LiveReservationRow } from './live-reservation.entity';
import { LiveSessionRow } from './live-session.entity';
import { LiveSettingsRow } from './live-settings.entity';
import { LiveSettingsController } from './live-settings.controller';
import { LiveSettingsService } from './live-settings.service';
import { LiveTouchRow } from './live-touch.entity';
import { LiveSessionsService } from './live-sessions.service';
import { LiveStatusSyncSweeper } from './live-status-sync.sweeper';
import { ChannelsLiveProvider } from './providers/channels-live.provider';
import { LIVE_PROVIDER_DRIVERS } from './providers/live-provider';
import { PluginLiveProvider } from './providers/plugin-live.provider';

/**
 * 直播: live sessions on Channels (视频号) or the mini-program live plugin behind one provider interface, their
 * featured products and live prices, and the sweep that keeps their statuses current.
 */
@Module({
  imports: [TypeOrmModule.forFeature([LiveSessionRow, LiveSessionProductRow, LiveSessionPriceRow, LivePriceTakeRow, LiveTouchRow, LiveReservationRow, LiveSettingsRow]), CheckoutParticipantsModule, StaffModule, LiveTouchesModule],
  controllers: [AdminLiveController, LiveTouchesController, LiveSettingsController, AdminLiveReportController],
  providers: [
    LiveSessionsService,
    LiveSettingsService,
    LivePriceQuotaParticipant,
    ChannelsLiveProvider,
    PluginLiveProvider,
    { provide: LIVE_PROVIDER_DRIVERS, useFactory: (channels: ChannelsLiveProvider, plugin: PluginLiveProvider) => [channels, plugin], inject: [ChannelsLiveProvider, PluginLiveProvider] },
    LiveStatusSyncSweeper,
    LiveEntriesService,
    LiveAttributionParticipant,
    LiveReportService,
  ],
})
export class LiveModule {}
