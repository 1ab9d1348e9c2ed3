import { Module } from '@nestjs/common';
import { CheckoutParticipants } from './checkout-participants';

/** The registry of checkout participants: imported by checkout, by the cancel and refund paths, and by every module that registers one. */
@Module({
  providers: [CheckoutParticipants],
  exports: [CheckoutParticipants],
})
export class CheckoutParticipantsModule {}
