import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { CheckoutParticipantsModule } from '../orders/participants/checkout-participants.module';
import { PaymentsModule } from '../payments/payments.module';
import { SettingsModule } from '../settings/settings.module';
import { StaffModule } from '../staff/staff.module';
import { AdminAfterSalesController } from './admin-after-sales.controller';
import { AfterSalesController } from './after-sales.controller';
import { AfterSalesService } from './after-sales.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AfterSaleRow } from './after-sale.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AfterSaleRow]), OrdersModule, PaymentsModule, SettingsModule, StaffModule, CheckoutParticipantsModule],
  controllers: [AfterSalesController, AdminAfterSalesController],
  providers: [AfterSalesService],
  exports: [AfterSalesService],
})
export class AfterSalesModule {}
