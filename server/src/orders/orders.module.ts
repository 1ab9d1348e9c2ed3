import { Module } from '@nestjs/common';
import { AddressesModule } from '../addresses/addresses.module';
import { AttributionModule } from '../attribution/attribution.module';
import { LoyaltyModule } from '../loyalty/loyalty.module';
import { PricingModule } from '../pricing/pricing.module';
import { SettingsModule } from '../settings/settings.module';
import { StaffModule } from '../staff/staff.module';
import { AdminOrdersController } from './admin-orders.controller';
import { AdminOrdersService } from './admin-orders.service';
import { AdminPickingController } from './admin-picking.controller';
import { AutoConfirmSweeper } from './auto-confirm-sweeper';
import { CheckoutService } from './checkout.service';
import { OrderEventPublisher } from './order-events';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { CheckoutParticipantsModule } from './participants/checkout-participants.module';
import { PickingListService } from './picking-list.service';
import { OrderProcessModule } from './process/order-process.module';
import { ShippingService } from './shipping.service';
import { ShipRemindersService } from './ship-reminders.service';
import { UnpaidOrderSweeper } from './unpaid-order-sweeper';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrderLineRow } from './order-line.entity';
import { OrderRow } from './order.entity';

@Module({
  imports: [TypeOrmModule.forFeature([OrderLineRow, OrderRow]), AddressesModule, SettingsModule, StaffModule, LoyaltyModule, PricingModule, AttributionModule, OrderProcessModule, CheckoutParticipantsModule],
  controllers: [OrdersController, AdminOrdersController, AdminPickingController],
  providers: [CheckoutService, OrdersService, OrderEventPublisher, UnpaidOrderSweeper, ShippingService, AutoConfirmSweeper, AdminOrdersService, PickingListService, ShipRemindersService],
  exports: [OrdersService, OrderEventPublisher, ShipRemindersService, CheckoutService, ShippingService],
})
export class OrdersModule {}
