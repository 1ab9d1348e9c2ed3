import { Body, Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ShareLink } from '../../../shared';
import { AuthTokenService } from '../platform/auth/auth-token.service';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { RateLimit } from '../platform/http/rate-limit.guard';
import { CreateShareLinkDto, RecordShareEventDto, RecordTouchDto } from './attribution.dto';
import { AttributionService } from './attribution.service';
import { ShareActivityService } from './share-activity.service';
import { ShareLinksService } from './share-links.service';

/** A shopper shares a handful of things a minute; a script creating links by the thousand is stopped. */
const SHARE_LINK_RATE = { limit: 30, windowMs: 60_000 };
/**
 * One touch per launch or show. Counted per client address, which many shoppers can share (a carrier's NAT, a
 * shop's Wi-Fi), so the cap is generous: it stops a script writing visitor rows by the thousand, not a crowd.
 */
const TOUCH_RATE = { limit: 120, windowMs: 60_000 };

/** Share links and touches. Recording only: nothing here rewards sharing (WeChat 运营规范 §5.1). */
@Controller()
export class AttributionController {
  constructor(
    private readonly shareLinks: ShareLinksService,
    private readonly attribution: AttributionService,
    private readonly tokens: AuthTokenService,
    private readonly shareActivity: ShareActivityService,
  ) {}

  /** The caller's link for this target and channel (the same one every time). */
  @Post('share-links')
  @HttpCode(200)
  @RateLimit(SHARE_LINK_RATE)
  @UseGuards(MemberAuthGuard)
  create(@CurrentMemberId() memberId: number, @Body() body: CreateShareLinkDto): Promise<ShareLink> {
    return this.shareLinks.create(memberId, body);
  }

  /** Public: what a short id opens (a scanned code's page resolves its scene here). */
  @Get('share-links/:shortId')
  resolve(@Param('shortId') shortId: string): Promise<ShareLink> {
    return this.shareLinks.resolve(shortId);
  }

  /**
   * Public: a device opened the storefront from a share link or channel. With a member's token (a logged-in
   * shopper opening a link) the touch is the member's as well; a stale or foreign token is ignored, never an error.
   */
  @Post('touches')
  @HttpCode(204)
  @RateLimit(TOUCH_RATE)
  async touch(@Body() body: RecordTouchDto, @Req() request: FastifyRequest): Promise<void> {
    const memberId = this.memberOf(request);
    await this.attribution.recordDeviceTouch(body, memberId);
    if (memberId !== null) await this.attribution.recordMemberTouch(memberId, body);
  }

  /** The caller shared their link (转发、朋友圈、海报保存): counted by the referral report, never rewarded. */
  @Post('share-events')
  @HttpCode(204)
  @RateLimit(SHARE_LINK_RATE)
  @UseGuards(MemberAuthGuard)
  recordShare(@CurrentMemberId() memberId: number, @Body() body: RecordShareEventDto): Promise<void> {
    return this.shareActivity.recordShare(memberId, body.shortId, body.channel);
  }

  private memberOf(request: FastifyRequest): number | null {
    if (!request.headers.authorization) return null;
    try {
      return this.tokens.verifyRequest(request, 'member').sub;
    } catch {
      return null;
    }
  }
}
