import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LiveSessionPriceRow } from './live-session-price.entity';
import { LiveSessionProductRow } from './live-session-product.entity';
import { LiveSessionRow } from './live-session.entity';

/** 直播: live sessions on Channels (视频号) or the mini-program live plugin, their featured products and live prices. */
@Module({
  imports: [TypeOrmModule.forFeature([LiveSessionRow, LiveSessionProductRow, LiveSessionPriceRow])],
})
export class LiveModule {}
