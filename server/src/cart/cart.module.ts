import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { SettingsModule } from '../settings/settings.module';
import { CartController } from './cart.controller';
import { CartService } from './cart.service';
import { ReorderController } from './reorder.controller';
import { ReorderService } from './reorder.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CartItemRow } from './cart-item.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CartItemRow]), SettingsModule, OrdersModule],
  controllers: [CartController, ReorderController],
  providers: [CartService, ReorderService],
})
export class CartModule {}
