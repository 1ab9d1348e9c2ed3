import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { WITHDRAWAL_REVIEW_ROLES, type AdminWithdrawal, type Paginated } from '../../../../shared';
import { CurrentStaff, Roles } from '../../platform/auth/staff-auth.guard';
import { ParseIdPipe } from '../../platform/http/id-param.pipe';
import type { StaffRow } from '../../staff/staff.entity';
import { PromoterReasonDto } from '../referral.dto';
import { WithdrawalsService } from './withdrawals.service';
import { AdminWithdrawalQueryDto } from './withdrawals.dto';

/** Console 提现审核: the queue, approve (creates the WeChat bill), reject, cancel a bill still waiting, refresh from WeChat. */
@Controller('admin/referral/withdrawals')
export class AdminWithdrawalsController {
  constructor(private readonly withdrawals: WithdrawalsService) {}

  @Get()
  @Roles(...WITHDRAWAL_REVIEW_ROLES)
  list(@Query() query: AdminWithdrawalQueryDto, @CurrentStaff() staff: StaffRow): Promise<Paginated<AdminWithdrawal>> {
    return this.withdrawals.list({ status: query.status, memberId: query.memberId }, query, staff.role);
  }

  @Get(':id')
  @Roles(...WITHDRAWAL_REVIEW_ROLES)
  one(@Param('id', ParseIdPipe) id: number, @CurrentStaff() staff: StaffRow): Promise<AdminWithdrawal> {
    return this.withdrawals.one(id, staff.role);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...WITHDRAWAL_REVIEW_ROLES)
  approve(@Param('id', ParseIdPipe) id: number, @CurrentStaff() staff: StaffRow): Promise<AdminWithdrawal> {
    return this.withdrawals.approve(id, staff);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...WITHDRAWAL_REVIEW_ROLES)
  reject(@Param('id', ParseIdPipe) id: number, @Body() body: PromoterReasonDto, @CurrentStaff() staff: StaffRow): Promise<AdminWithdrawal> {
    return this.withdrawals.reject(id, staff, body.reason.trim());
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...WITHDRAWAL_REVIEW_ROLES)
  cancel(@Param('id', ParseIdPipe) id: number, @CurrentStaff() staff: StaffRow): Promise<AdminWithdrawal> {
    return this.withdrawals.cancel(id, staff);
  }

  @Post(':id/refresh')
  @HttpCode(200)
  @Roles(...WITHDRAWAL_REVIEW_ROLES)
  refresh(@Param('id', ParseIdPipe) id: number, @CurrentStaff() staff: StaffRow): Promise<AdminWithdrawal> {
    return this.withdrawals.refresh(id, staff);
  }
}
