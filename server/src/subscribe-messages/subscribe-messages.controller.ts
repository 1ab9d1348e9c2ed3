import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import type { SubscribeTemplate } from '../../../shared';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { SubscribeAnswersDto } from './subscribe-messages.dto';
import { SubscribeMessagesService } from './subscribe-messages.service';

@Controller()
export class SubscribeMessagesController {
  constructor(private readonly messages: SubscribeMessagesService) {}

  /** The templates the storefront asks for with Taro.requestSubscribeMessage. */
  @Get('subscribe-templates')
  templates(): SubscribeTemplate[] {
    return this.messages.templates();
  }

  /** The shopper's answers: each accepted template is one more message allowed. */
  @Post('me/subscriptions')
  @UseGuards(MemberAuthGuard)
  @HttpCode(204)
  async record(@CurrentMemberId() memberId: number, @Body() body: SubscribeAnswersDto): Promise<void> {
    await this.messages.recordAnswers(memberId, body);
  }
}
