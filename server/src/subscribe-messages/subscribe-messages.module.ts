import { Module } from '@nestjs/common';
import { SubscribeMessagesController } from './subscribe-messages.controller';
import { SubscribeMessagesService } from './subscribe-messages.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SubscribeMessageLogRow } from './subscribe-message-log.entity';
import { SubscribeQuotaRow } from './subscribe-quota.entity';

/** Subscribe messages: the shopper's quota per template, and the messages sent on order events. */
@Module({
  imports: [TypeOrmModule.forFeature([SubscribeMessageLogRow, SubscribeQuotaRow])],
  controllers: [SubscribeMessagesController],
  providers: [SubscribeMessagesService],
  exports: [SubscribeMessagesService],
})
export class SubscribeMessagesModule {}
