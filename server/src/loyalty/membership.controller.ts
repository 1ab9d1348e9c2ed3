import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import type { MembershipCard, Paginated, PointsLedgerEntry } from '../../../shared';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { MembershipService } from './membership.service';
import { PointsService } from './points.service';

/** The shopper's level card and points ledger (member center). */
@Controller('me')
@UseGuards(MemberAuthGuard)
export class MembershipController {
  constructor(
    private readonly membership: MembershipService,
    private readonly points: PointsService,
  ) {}

  @Get('membership')
  card(@CurrentMemberId() memberId: number): Promise<MembershipCard> {
    return this.membership.card(memberId);
  }

  @Get('points')
  ledger(@CurrentMemberId() memberId: number, @Query() query: PageQueryDto): Promise<Paginated<PointsLedgerEntry>> {
    return this.points.ledger(memberId, query);
  }
}
