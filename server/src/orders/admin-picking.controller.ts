import { Controller, Get, Header, Query } from '@nestjs/common';
import { SHIPPING_ROLES, type PickingListOrder } from '../../../shared';
import { CurrentStaff, Roles } from '../staff/staff-auth.guard';
import type { Staff } from '../staff/staff.entity';
import { PickingListQueryDto } from './admin-order.dto';
import { PickingListService } from './picking-list.service';

/** The warehouse's paperwork: the printed 配货单 / 发货单 and the CSV of orders to ship. */
@Controller('admin/orders')
@Roles(...SHIPPING_ROLES)
export class AdminPickingController {
  constructor(private readonly picking: PickingListService) {}

  @Get('picking-list')
  pickingList(@Query() query: PickingListQueryDto, @CurrentStaff() staff: Staff): Promise<PickingListOrder[]> {
    return this.picking.pickingList(query.orderNos, staff.role);
  }

  @Get('to-ship.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', `attachment; filename="to-ship.csv"; filename*=UTF-8''${encodeURIComponent('待发货订单.csv')}`)
  toShipCsv(@CurrentStaff() staff: Staff): Promise<string> {
    return this.picking.toShipCsv(staff.role);
  }
}
