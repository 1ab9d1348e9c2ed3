import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { AdminInventoryController } from './admin-inventory.controller';
import { InventoryService } from './inventory.service';

/** Stock and its ledger. The writes are plain functions (stock-ledger.ts) run inside the callers' transactions. */
@Module({
  imports: [StaffModule],
  controllers: [AdminInventoryController],
  providers: [InventoryService],
  exports: [InventoryService],
})
export class InventoryModule {}
