import { Module } from '@nestjs/common';
import { CheckoutParticipantsModule } from '../orders/participants/checkout-participants.module';
import { StaffModule } from '../staff/staff.module';
import { AdminInventoryController } from './admin-inventory.controller';
import { InventoryService } from './inventory.service';
import { StockParticipant } from './stock-participant';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StockMovementRow } from './stock-movement.entity';

/**
 * Stock and its ledger. The writes are plain functions (stock-ledger.ts) run inside the callers' transactions;
 * checkout takes and gives back stock through the stock's checkout participant (stock-participant.ts).
 */
@Module({
  imports: [TypeOrmModule.forFeature([StockMovementRow]), StaffModule, CheckoutParticipantsModule],
  controllers: [AdminInventoryController],
  providers: [InventoryService, StockParticipant],
  exports: [InventoryService],
})
export class InventoryModule {}
