import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import type { StartPaymentResponse } from '../../../shared';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { PaymentsService } from './payments.service';

/** The shopper starts paying an order; the order becomes paid only by WeChat Pay's word. */
@Controller('orders/:orderNo/payment')
@UseGuards(MemberAuthGuard)
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post()
  @HttpCode(200)
  start(@CurrentMemberId() memberId: number, @Param('orderNo') orderNo: string): Promise<StartPaymentResponse> {
    return this.payments.start(memberId, orderNo);
  }
}
