import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { GroupBuyEndingService } from './group-buy-ending.service';

/** A shopper's own group-buy orders. */
@Controller('group-buy/orders')
@UseGuards(MemberAuthGuard)
export class GroupBuyOrdersController {
  constructor(private readonly ending: GroupBuyEndingService) {}

  /** 取消拼团并退款 while the team forms: the whole order is refunded and the seat freed. 404 for another member's order. */
  @Post(':orderNo/quit')
  @HttpCode(204)
  async quit(@CurrentMemberId() memberId: number, @Param('orderNo') orderNo: string): Promise<void> {
    await this.ending.quit(memberId, orderNo);
  }
}
