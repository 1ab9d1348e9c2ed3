import { Controller, Get, Param, Query } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { ALL_STAFF_ROLES, STOCK_AUDIT_ROLES, type StockLedgerCheck, type StockMovement } from '../../../shared';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { OptionalField } from '../platform/http/optional-field';
import { Roles } from '../platform/auth/staff-auth.guard';
import { InventoryService } from './inventory.service';

export class StockMovementQueryDto {
  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** The stock ledger in the admin console: a SKU's movements (every staff role reads stock) and the ledger check. */
@Controller('admin')
export class AdminInventoryController {
  constructor(private readonly inventory: InventoryService) {}

  @Get('skus/:skuId/stock-movements')
  @Roles(...ALL_STAFF_ROLES)
  movements(@Param('skuId', ParseIdPipe) skuId: number, @Query() query: StockMovementQueryDto): Promise<StockMovement[]> {
    return this.inventory.movementsOf(skuId, query.limit ?? 50);
  }

  /** Owner and operator: every SKU's stock against the sum of its movements. */
  @Get('inventory/ledger-check')
  @Roles(...STOCK_AUDIT_ROLES)
  ledgerCheck(): Promise<StockLedgerCheck> {
    return this.inventory.checkLedger();
  }
}
