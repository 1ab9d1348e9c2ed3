import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import type { ShareLink } from '../../../shared';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { CreateShareLinkDto, RecordTouchDto } from './attribution.dto';
import { AttributionService } from './attribution.service';
import { ShareLinksService } from './share-links.service';

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
  async touch(@Body() body: RecordTouchDto): Promise<void> {
    await this.attribution.recordDeviceTouch(body);
  }
}
