import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { AFTER_SALE_ROLES, RETURN_RECEIPT_ROLES, type AfterSale, type Paginated } from '../../../shared';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { CurrentStaff, Roles } from '../platform/auth/staff-auth.guard';
import { StaffRow } from '../staff/staff.entity';
import { AfterSaleListQueryDto, RejectAfterSaleDto } from './after-sale.dto';
import { AfterSalesService } from './after-sales.service';

/** The after-sale queue of the admin console: the warehouse reads it to confirm returns; the rest is AFTER_SALE_ROLES. */
@Controller('admin/after-sales')
export class AdminAfterSalesController {
  constructor(private readonly afterSales: AfterSalesService) {}

  @Get()
  @Roles(...RETURN_RECEIPT_ROLES)
  list(@Query() query: AfterSaleListQueryDto): Promise<Paginated<AfterSale>> {
    return this.afterSales.list(query);
  }

  @Post(':id/approve')
  @Roles(...AFTER_SALE_ROLES)
  @HttpCode(200)
  approve(@Param('id', ParseIdPipe) id: number): Promise<AfterSale> {
    return this.afterSales.approve(id);
  }

  @Post(':id/reject')
  @Roles(...AFTER_SALE_ROLES)
  @HttpCode(200)
  reject(@Param('id', ParseIdPipe) id: number, @Body() body: RejectAfterSaleDto): Promise<AfterSale> {
    return this.afterSales.reject(id, body.reason);
  }

  /** 退货退款: the returned goods arrived (and go back into stock). */
  @Post(':id/receive')
  @Roles(...RETURN_RECEIPT_ROLES)
  @HttpCode(200)
  receive(@Param('id', ParseIdPipe) id: number, @CurrentStaff() staff: StaffRow): Promise<AfterSale> {
    return this.afterSales.receive(id, staff.id);
  }

  @Post(':id/refund')
  @Roles(...AFTER_SALE_ROLES)
  @HttpCode(200)
  refund(@Param('id', ParseIdPipe) id: number): Promise<AfterSale> {
    return this.afterSales.refund(id);
  }
}
