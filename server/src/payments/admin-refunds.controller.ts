import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { STAFF_REFUND_ROLES, type RefundPreview, type RefundRecord } from '../../../shared';
import { ShippingService } from '../orders/shipping.service';
import { CurrentStaff, Roles } from '../platform/auth/staff-auth.guard';
import { StaffRow } from '../staff/staff.entity';
import { RefundItemsDto, StaffRefundDto } from './refund.dto';
import { RefundsService } from './refunds.service';

/**
 * 商家退款: staff refund units of a paid, shipped or completed order (or all that is left) without an after-sale
 * case. STAFF_REFUND_ROLES (owner, operator). The refund goes to WeChat at once; the order detail shows it.
 */
@Controller('admin/orders/:orderNo/refunds')
export class AdminRefundsController {
  constructor(
    private readonly orders: ShippingService,
    private readonly refunds: RefundsService,
  ) {}

  @Post('preview')
  @Roles(...STAFF_REFUND_ROLES)
  @HttpCode(200)
  async preview(@Param('orderNo') orderNo: string, @Body() body: RefundItemsDto): Promise<RefundPreview> {
    return this.refunds.preview((await this.orders.findByNo(orderNo)).id, body.items ?? null);
  }

  @Post()
  @Roles(...STAFF_REFUND_ROLES)
  async refund(@Param('orderNo') orderNo: string, @Body() body: StaffRefundDto, @CurrentStaff() staff: StaffRow): Promise<RefundRecord> {
    const order = await this.orders.findByNo(orderNo);
    const refund = await this.refunds.startSystemRefund({
      orderId: order.id,
      kind: 'staff',
      reason: body.reason.trim(),
      staffId: staff.id,
      items: body.items?.map(({ skuId, quantity }) => ({ skuId, quantity })) ?? null,
    });
    const [record] = await this.refunds.records([refund]);
    return record;
  }
}
