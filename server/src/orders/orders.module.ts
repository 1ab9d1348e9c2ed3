import { Module } from '@nestjs/common';
import { AddressesModule } from '../addresses/addresses.module';
import { SettingsModule } from '../settings/settings.module';
import { CheckoutService } from './checkout.service';
import { OrderEventPublisher } from './order-events';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { UnpaidOrderSweeper } from './unpaid-order-sweeper';

@Module({
  imports: [AddressesModule, SettingsModule],
  controllers: [OrdersController],
  providers: [CheckoutService, OrdersService, OrderEventPublisher, UnpaidOrderSweeper],
  exports: [OrdersService, OrderEventPublisher],
})
export class OrdersModule {}
