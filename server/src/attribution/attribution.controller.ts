import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import type { ShareLink } from '../../../shared';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { RateLimit } from '../platform/http/rate-limit.guard';
import { CreateShareLinkDto, RecordTouchDto } from './attribution.dto';
import { AttributionService } from './attribution.service';
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

  /** Public: a device opened the storefront from a share link or channel. */
  @Post('touches')
  @HttpCode(204)
  @RateLimit(TOUCH_RATE)
  async touch(@Body() body: RecordTouchDto): Promise<void> {
    await this.attribution.recordDeviceTouch(body);
  }
}
