import { Controller, Get, Query } from '@nestjs/common';
import { SHIPPING_ROLES, type PickingListOrder } from '../../../shared';
import { CurrentStaff, Roles } from '../platform/auth/staff-auth.guard';
import type { StaffRow } from '../staff/staff.entity';
import { PickingListQueryDto } from './admin-order.dto';
import { PickingListService } from './picking-list.service';
import { CsvDownload } from '../platform/http/csv-document';

/** The warehouse's paperwork: the printed 配货单 / 发货单 and the CSV of orders to ship. */
@Controller('admin/orders')
@Roles(...SHIPPING_ROLES)
export class AdminPickingController {
  constructor(private readonly picking: PickingListService) {}

  @Get('picking-list')
  pickingList(@Query() query: PickingListQueryDto, @CurrentStaff() staff: StaffRow): Promise<PickingListOrder[]> {
    return this.picking.pickingList(query.orderNos, staff.role);
  }

  @Get('to-ship.csv')
  @CsvDownload('to-ship.csv', '待发货订单.csv')
  toShipCsv(@CurrentStaff() staff: StaffRow): Promise<string> {
    return this.picking.toShipCsv(staff.role);
  }
}
