import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LiveSessionRow } from './live-session.entity';
import { LiveSettingsRow } from './live-settings.entity';
import { LiveSettingsService } from './live-settings.service';
import { LiveTouchRow } from './live-touch.entity';
import { LiveTouchesService } from './live-touches.service';

/**
 * Recording live touches, on its own so AttributionModule can import it without importing LiveModule. The live
 * settings live here too (the attribution window decides which session an arrival counts for), one instance for both.
 */
@Module({
  imports: [TypeOrmModule.forFeature([LiveTouchRow, LiveSessionRow, LiveSettingsRow])],
  providers: [LiveTouchesService, LiveSettingsService],
  exports: [LiveTouchesService, LiveSettingsService],
})
export class LiveTouchesModule {}
