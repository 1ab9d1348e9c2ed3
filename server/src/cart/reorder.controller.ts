import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import type { ReorderResult } from '../../../shared';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { ReorderService } from './reorder.service';

/** 再来一单 from the order detail: the order's lines go back into the cart. */
@Controller()
@UseGuards(MemberAuthGuard)
export class ReorderController {
  constructor(private readonly reorders: ReorderService) {}

  @Post('orders/:orderNo/reorder')
  @HttpCode(200)
  reorder(@CurrentMemberId() memberId: number, @Param('orderNo') orderNo: string): Promise<ReorderResult> {
    return this.reorders.reorder(memberId, orderNo);
  }
}
