import { Controller, Get, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CouponCenterItem, MyCoupon, Paginated } from '../../../shared';
import { AuthTokenService } from '../platform/auth/auth-token.service';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { CachedAnswer } from '../platform/cache/cached-answer';
import { AnswerTags } from '../platform/cache/cache-changes';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { CouponGrantService } from './coupon-grant.service';
import { MyCouponQueryDto } from './coupon-template.dto';
import { ShopperCouponsService } from './shopper-coupons.service';

/** The shopper's coupons: the coupon center (open to visitors too), claiming, a product's coupons, my coupons. */
@Controller()
export class CouponsController {
  constructor(
    private readonly shopper: ShopperCouponsService,
    private readonly grants: CouponGrantService,
    private readonly tokens: AuthTokenService,
  ) {}

  // Visitors' answer only: a member's says what they claimed, and is computed for them each time.
  @Get('coupons/center')
  @CachedAnswer(() => [AnswerTags.coupons], 'visitors')
  center(@Req() request: FastifyRequest): Promise<CouponCenterItem[]> {
    return this.shopper.center(this.tokens.optionalMemberId(request));
  }

  @Post('coupons/:templateId/claim')
  @UseGuards(MemberAuthGuard)
  claim(@CurrentMemberId() memberId: number, @Param('templateId', ParseIdPipe) templateId: number): Promise<MyCoupon> {
    return this.grants.claim(memberId, templateId);
  }

  @Get('products/:productId/coupons')
  @CachedAnswer(() => [AnswerTags.coupons, AnswerTags.catalog], 'visitors')
  forProduct(@Req() request: FastifyRequest, @Param('productId', ParseIdPipe) productId: number): Promise<CouponCenterItem[]> {
    return this.shopper.forProduct(productId, this.tokens.optionalMemberId(request));
  }

  @Get('me/coupons')
  @UseGuards(MemberAuthGuard)
  mine(@CurrentMemberId() memberId: number, @Query() query: MyCouponQueryDto): Promise<Paginated<MyCoupon>> {
    return this.shopper.mine(memberId, query);
  }
}
