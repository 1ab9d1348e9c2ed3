import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { LiveInboundResult } from '../../../shared';
import { AuthTokenService } from '../platform/auth/auth-token.service';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { RateLimit } from '../platform/http/rate-limit.guard';
import { LiveEntriesService } from './live-entries.service';
import { LiveClickDto, LiveInboundDto } from './live-touches.dto';

/**
 * One touch per tap or launch, counted per client address like `/touches` (many shoppers may share one address):
 * generous for a crowd watching the same live, a stop for a script writing rows by the thousand.
 */
const LIVE_TOUCH_RATE = { limit: 120, windowMs: 60_000 };

/** Public: the storefront reports taps on live entries and launches from a live (a member token names the member). */
@Controller('live')
export class LiveTouchesController {
  constructor(
    private readonly entries: LiveEntriesService,
    private readonly tokens: AuthTokenService,
  ) {}

  @Post('sessions/:id/clicks')
  @HttpCode(204)
  @RateLimit(LIVE_TOUCH_RATE)
  click(@Param('id', ParseIdPipe) id: number, @Body() body: LiveClickDto, @Req() request: FastifyRequest): Promise<void> {
    return this.entries.click(id, body, this.tokens.optionalMemberId(request));
  }

  @Post('inbound')
  @HttpCode(200)
  @RateLimit(LIVE_TOUCH_RATE)
  inbound(@Body() body: LiveInboundDto, @Req() request: FastifyRequest): Promise<LiveInboundResult> {
    return this.entries.inbound(body, this.tokens.optionalMemberId(request));
  }
}
