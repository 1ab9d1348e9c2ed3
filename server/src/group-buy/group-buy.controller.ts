import { Controller, Get, Param, Query, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { GroupBuyMyTeam, GroupBuyOffer, GroupBuyProductOffer, GroupBuyTeamView, Paginated } from '../../../shared';
import { AuthTokenService } from '../platform/auth/auth-token.service';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { GroupBuyShopperService } from './group-buy-shopper.service';

/**
 * 拼团 for shoppers: the 拼团专区, a product's offer and open teams, a team page (open to visitors; a member
 * token, when sent, must be valid and personalises the answer), and 我的拼团. Not cached: teams change with
 * every order and payment.
 */
@Controller()
export class GroupBuyController {
  constructor(
    private readonly shopper: GroupBuyShopperService,
    private readonly tokens: AuthTokenService,
  ) {}

  @Get('group-buy/offers')
  offers(@Query() query: PageQueryDto): Promise<Paginated<GroupBuyOffer>> {
    return this.shopper.offers(query);
  }

  @Get('group-buy/products/:productId')
  product(@Req() request: FastifyRequest, @Param('productId', ParseIdPipe) productId: number): Promise<GroupBuyProductOffer> {
    return this.shopper.productOffer(productId, this.tokens.optionalMemberId(request));
  }

  @Get('group-buy/teams/:teamId')
  team(@Req() request: FastifyRequest, @Param('teamId', ParseIdPipe) teamId: number): Promise<GroupBuyTeamView> {
    return this.shopper.team(teamId, this.tokens.optionalMemberId(request));
  }

  @Get('me/group-buy/teams')
  @UseGuards(MemberAuthGuard)
  mine(@CurrentMemberId() memberId: number, @Query() query: PageQueryDto): Promise<Paginated<GroupBuyMyTeam>> {
    return this.shopper.myTeams(memberId, query);
  }
}
