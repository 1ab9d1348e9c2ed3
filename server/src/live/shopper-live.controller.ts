import { Body, Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { LiveFeaturedProduct, LiveReservation, LiveSchedule, MyCoupon, ShopperLiveSession } from '../../../shared';
import { AuthTokenService } from '../platform/auth/auth-token.service';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { LiveCouponService } from './live-coupon.service';
import { LiveReservationDto } from './live-reservation.dto';
import { LiveReservationsService } from './live-reservations.service';
import { ShopperLiveService } from './shopper-live.service';

/**
 * 直播 for shoppers: the schedule, a session page and the featured products (open to visitors; a member token,
 * when sent, must be valid and adds the caller's 预约 and coupon standing), 预约 and the live coupon (members).
 * Not cached: a session's status and its live prices change at any moment.
 */
@Controller('live')
export class ShopperLiveController {
  constructor(
    private readonly reads: ShopperLiveService,
    private readonly reservations: LiveReservationsService,
    private readonly coupons: LiveCouponService,
    private readonly tokens: AuthTokenService,
  ) {}

  @Get('sessions')
  schedule(): Promise<LiveSchedule> {
    return this.reads.schedule();
  }

  @Get('featured')
  featured(): Promise<LiveFeaturedProduct[]> {
    return this.reads.featured();
  }

  @Get('sessions/:id')
  session(@Req() request: FastifyRequest, @Param('id', ParseIdPipe) id: number): Promise<ShopperLiveSession> {
    return this.reads.session(id, this.tokens.optionalMemberId(request));
  }

  @Post('sessions/:id/reservations')
  @UseGuards(MemberAuthGuard)
  @HttpCode(200)
  reserve(@CurrentMemberId() memberId: number, @Param('id', ParseIdPipe) id: number, @Body() body: LiveReservationDto): Promise<LiveReservation> {
    return this.reservations.reserve(memberId, id, body);
  }

  @Post('sessions/:id/coupon')
  @UseGuards(MemberAuthGuard)
  claimCoupon(@CurrentMemberId() memberId: number, @Param('id', ParseIdPipe) id: number): Promise<MyCoupon> {
    return this.coupons.claim(memberId, id);
  }
}
