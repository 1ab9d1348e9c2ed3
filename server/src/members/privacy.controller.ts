import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import type { MemberProfile, PrivacyPolicyCurrent } from '../../../shared';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { PrivacyConsentDto } from './member.dto';
import { MembersService } from './members.service';
import { PrivacyConsentService } from './privacy-consent.service';

/** The 隐私政策 version in force, and a signed-in member agreeing to it. */
@Controller()
export class PrivacyController {
  constructor(
    private readonly consents: PrivacyConsentService,
    private readonly members: MembersService,
    private readonly transactions: TransactionRunner,
  ) {}

  @Get('privacy/current')
  current(): PrivacyPolicyCurrent {
    return this.consents.current();
  }

  /** Answers the profile with the acceptance recorded (200 again for a version already accepted). */
  @Post('me/privacy-consent')
  @HttpCode(200)
  @UseGuards(MemberAuthGuard)
  async accept(@CurrentMemberId() memberId: number, @Body() body: PrivacyConsentDto): Promise<MemberProfile> {
    this.consents.assertCurrent(body.version);
    await this.members.getProfile(memberId); // 404 for a member that is gone
    await this.transactions.run((manager) => this.consents.record(manager, memberId, body.version));
    return this.members.getProfile(memberId);
  }
}
