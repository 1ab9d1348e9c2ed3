import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { CheckoutParticipantsModule } from '../orders/participants/checkout-participants.module';
import { StaffModule } from '../staff/staff.module';
import { AdminRefundsController } from './admin-refunds.controller';
import { PaymentSweeper, RefundResendSweeper } from './payment-sweeper';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { RefundsService } from './refunds.service';
import { WechatPayNotifyController } from './wechat-pay-notify.controller';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PaymentRow } from './payment.entity';
import { RefundRow } from './refund.entity';

/** WeChat Pay for orders: starting a payment, notifications, reconciliation, refunds. */
@Module({
  imports: [TypeOrmModule.forFeature([PaymentRow, RefundRow]), OrdersModule, StaffModule, CheckoutParticipantsModule],
  controllers: [PaymentsController, WechatPayNotifyController, AdminRefundsController],
  providers: [PaymentsService, RefundsService, PaymentSweeper, RefundResendSweeper],
  exports: [PaymentsService, RefundsService],
})
export class PaymentsModule {}
