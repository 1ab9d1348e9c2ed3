import { Module } from '@nestjs/common';
import { SubscribeMessagesController } from './subscribe-messages.controller';
import { SubscribeMessagesService } from './subscribe-messages.service';

/** Subscribe messages: the shopper's quota per template, and the messages sent on order events. */
@Module({
  controllers: [SubscribeMessagesController],
  providers: [SubscribeMessagesService],
})
export class SubscribeMessagesModule {}
