import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { SettingsModule } from '../settings/settings.module';
import { CartController } from './cart.controller';
import { CartService } from './cart.service';
import { ReorderController } from './reorder.controller';
import { ReorderService } from './reorder.service';

@Module({
  imports: [SettingsModule, OrdersModule],
  controllers: [CartController, ReorderController],
  providers: [CartService, ReorderService],
})
export class CartModule {}
