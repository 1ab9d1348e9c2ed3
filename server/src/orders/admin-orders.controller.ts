import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  ORDER_CANCEL_ROLES,
  ORDER_READ_ROLES,
  SHIPPING_ROLES,
  type AdminOrderDetail,
  type AdminOrderRow,
  type BatchShipResult,
  type OrderStatusCounts,
  type Paginated,
  type PaidOrdersSince,
} from '../../../shared';
import { readUploadedFile } from '../platform/storage/uploaded-image';
import { CurrentStaff, Roles } from '../platform/auth/staff-auth.guard';
import type { StaffRow } from '../staff/staff.entity';
import { AdminOrderFilterDto, PaidSinceQueryDto, ShipOrderDto, StaffCancelOrderDto } from './admin-order.dto';
import { AdminOrdersService } from './admin-orders.service';
import { ShippingService } from './shipping.service';
import { CsvDownload } from '../platform/http/csv-document';

/** A batch file of 1 000 rows is far below this. */
const BATCH_CSV_MAX_BYTES = 512 * 1024;

/** Orders in the admin console: list (with counts per status), export, new-payment notices, detail, ship (single or CSV batch), cancel. */
@Controller('admin/orders')
export class AdminOrdersController {
  constructor(
    private readonly admin: AdminOrdersService,
    private readonly shipping: ShippingService,
  ) {}

  @Get()
  @Roles(...ORDER_READ_ROLES)
  list(@Query() query: AdminOrderFilterDto, @CurrentStaff() staff: StaffRow): Promise<Paginated<AdminOrderRow>> {
    return this.admin.list(query, staff.role);
  }

  @Get('export')
  @Roles(...ORDER_READ_ROLES)
  @CsvDownload('orders.csv', '订单导出.csv')
  export(@Query() query: AdminOrderFilterDto, @CurrentStaff() staff: StaffRow): Promise<string> {
    return this.admin.exportCsv(query, staff.role);
  }

  @Get('status-counts')
  @Roles(...ORDER_READ_ROLES)
  statusCounts(@Query() query: AdminOrderFilterDto): Promise<OrderStatusCounts> {
    return this.admin.statusCounts(query);
  }

  @Get('paid-since')
  @Roles(...ORDER_READ_ROLES)
  paidSince(@Query() query: PaidSinceQueryDto): Promise<PaidOrdersSince> {
    return this.admin.paidSince(query.after ? new Date(query.after) : null);
  }

  @Post('ship-batch')
  @Roles(...SHIPPING_ROLES)
  @HttpCode(200)
  async shipBatch(@Req() request: FastifyRequest): Promise<BatchShipResult> {
    return this.shipping.shipBatch(await readUploadedFile(request, BATCH_CSV_MAX_BYTES));
  }

  @Get(':orderNo')
  @Roles(...ORDER_READ_ROLES)
  detail(@Param('orderNo') orderNo: string, @CurrentStaff() staff: StaffRow): Promise<AdminOrderDetail> {
    return this.admin.detail(orderNo, staff.role);
  }

  @Post(':orderNo/ship')
  @Roles(...SHIPPING_ROLES)
  @HttpCode(200)
  async ship(@Param('orderNo') orderNo: string, @Body() body: ShipOrderDto, @CurrentStaff() staff: StaffRow): Promise<AdminOrderDetail> {
    await this.shipping.ship(orderNo, body);
    return this.admin.detail(orderNo, staff.role);
  }

  @Post(':orderNo/cancel')
  @Roles(...ORDER_CANCEL_ROLES)
  @HttpCode(200)
  cancel(@Param('orderNo') orderNo: string, @Body() body: StaffCancelOrderDto, @CurrentStaff() staff: StaffRow): Promise<AdminOrderDetail> {
    return this.admin.cancel(orderNo, body.reason, staff.role);
  }
}
