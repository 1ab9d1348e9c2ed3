import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LiveSessionRow } from './live-session.entity';
import { LiveTouchRow } from './live-touch.entity';
import { LiveTouchesService } from './live-touches.service';

/** Recording live touches, on its own so AttributionModule can import it without importing LiveModule. */
@Module({
  imports: [TypeOrmModule.forFeature([LiveTouchRow, LiveSessionRow])],
  providers: [LiveTouchesService],
  exports: [LiveTouchesService],
})
export class LiveTouchesModule {}
