import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import type { AdminCommissionRecord, CommissionRecord, MyPromoterStatus, Paginated, ReferralLedgerEntry, TeamMember } from '../../../shared';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { MyReferralService } from './my-referral.service';
import { ApplyPromoterDto, CommissionQueryDto, TeamQueryDto } from './referral.dto';

/** The promoter center's data (member): status, apply, team, commission records, ledger. */
@Controller('referral')
@UseGuards(MemberAuthGuard)
export class ReferralController {
  constructor(private readonly mine: MyReferralService) {}

  @Get('promoter')
  status(@CurrentMemberId() memberId: number): Promise<MyPromoterStatus> {
    return this.mine.status(memberId);
  }

  @Post('promoter/apply')
  @HttpCode(200)
  apply(@CurrentMemberId() memberId: number, @Body() body: ApplyPromoterDto): Promise<MyPromoterStatus> {
    return this.mine.apply(memberId, body.note ?? '');
  }

  @Get('team')
  team(@CurrentMemberId() memberId: number, @Query() query: TeamQueryDto): Promise<Paginated<TeamMember>> {
    return this.mine.team(memberId, query);
  }

  @Get('commissions')
  async commissions(@CurrentMemberId() memberId: number, @Query() query: CommissionQueryDto): Promise<Paginated<CommissionRecord>> {
    const page = await this.mine.commissions(memberId, query);
    return { ...page, items: page.items.map(({ promoterMemberId: _promoter, buyerMemberId: _buyer, ...record }: AdminCommissionRecord) => record) };
  }

  @Get('ledger')
  ledger(@CurrentMemberId() memberId: number, @Query() query: PageQueryDto): Promise<Paginated<ReferralLedgerEntry>> {
    return this.mine.ledger(memberId, query);
  }
}
