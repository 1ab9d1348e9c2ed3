import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import type { MyWithdrawals, Withdrawal, WithdrawalConfirmParams } from '../../../../shared';
import { CurrentMemberId, MemberAuthGuard } from '../../platform/auth/member-auth.guard';
import { ParseIdPipe } from '../../platform/http/id-param.pipe';
import { PageQueryDto } from '../../platform/http/page-query.dto';
import { toWithdrawal, WithdrawalsService } from './withdrawals.service';
import { RequestWithdrawalDto } from './withdrawals.dto';

/** A promoter's withdrawals (member; every one scoped to the caller: another member's is 404). */
@Controller('referral/withdrawals')
@UseGuards(MemberAuthGuard)
export class WithdrawalsController {
  constructor(private readonly withdrawals: WithdrawalsService) {}

  @Post()
  @HttpCode(201)
  request(@CurrentMemberId() memberId: number, @Body() body: RequestWithdrawalDto): Promise<Withdrawal> {
    return this.withdrawals.request(memberId, body.amountFen);
  }

  @Get()
  mine(@CurrentMemberId() memberId: number, @Query() query: PageQueryDto): Promise<MyWithdrawals> {
    return this.withdrawals.mine(memberId, query);
  }

  @Get(':id')
  async one(@CurrentMemberId() memberId: number, @Param('id', ParseIdPipe) id: number): Promise<Withdrawal> {
    return toWithdrawal(await this.withdrawals.ownRow(memberId, id));
  }

  /** What 确认收款 needs (wx.requestMerchantTransfer on weapp; the fake's confirm page on H5). */
  @Get(':id/confirm-params')
  confirmParams(@CurrentMemberId() memberId: number, @Param('id', ParseIdPipe) id: number): Promise<WithdrawalConfirmParams> {
    return this.withdrawals.confirmParams(memberId, id);
  }
}
