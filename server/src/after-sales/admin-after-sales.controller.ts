import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { AFTER_SALE_ROLES, type AfterSale, type Paginated } from '../../../shared';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { Roles } from '../staff/staff-auth.guard';
import { AfterSaleListQueryDto, RejectAfterSaleDto } from './after-sale.dto';
import { AfterSalesService } from './after-sales.service';

/** The after-sale queue of the admin console. */
@Controller('admin/after-sales')
@Roles(...AFTER_SALE_ROLES)
export class AdminAfterSalesController {
  constructor(private readonly afterSales: AfterSalesService) {}

  @Get()
  list(@Query() query: AfterSaleListQueryDto): Promise<Paginated<AfterSale>> {
    return this.afterSales.list(query);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@Param('id', ParseIdPipe) id: number): Promise<AfterSale> {
    return this.afterSales.approve(id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@Param('id', ParseIdPipe) id: number, @Body() body: RejectAfterSaleDto): Promise<AfterSale> {
    return this.afterSales.reject(id, body.reason);
  }

  @Post(':id/refund')
  @HttpCode(200)
  refund(@Param('id', ParseIdPipe) id: number): Promise<AfterSale> {
    return this.afterSales.refund(id);
  }
}
