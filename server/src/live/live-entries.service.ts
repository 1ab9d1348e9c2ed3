import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThanOrEqual } from 'typeorm';
import { CHANNELS_LAUNCH_SCENES, decodeShortId, type LiveInboundResult } from '../../../shared';
import { MemberIdentityRow } from '../attribution/member-identity.entity';
import { ShareLinkRow } from '../attribution/share-link.entity';
import { sessionNotFound } from './live-sessions.service';
import { LiveSessionRow } from './live-session.entity';
import { LiveSettingsService } from './live-settings.service';
import type { LiveClickDto, LiveInboundDto } from './live-touches.dto';
import { liveSessionOfLink, LiveTouchesService } from './live-touches.service';

const CHANNELS_SCENES: ReadonlySet<number> = new Set(CHANNELS_LAUNCH_SCENES);

/**
 * What the storefront reports about live entries: a tap on one of ours (click) and a launch from a live (inbound),
 * each recorded as a live touch for order attribution and the report. Recording only: never rewarded.
 */
@Injectable()
export class LiveEntriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly touches: LiveTouchesService,
    private readonly settings: LiveSettingsService,
  ) {}

  /** A tap on a live entry: 404 LIVE_SESSION_NOT_FOUND for an unknown or cancelled session. */
  async click(sessionId: number, input: LiveClickDto, memberId: number | null): Promise<void> {
    if (!(await this.touches.sessionExists(sessionId))) throw sessionNotFound();
    await this.touches.record({ sessionId, kind: 'click', entry: input.entry, scene: null, deviceId: input.deviceId, memberId, sharerMemberId: null, withShareInfo: false });
  }

  /**
   * A launch from a live: the plugin room's session (custom_params' sessionId: a plugin session only, or the session
   * its share link carries), live now or ended within the attribution window; else for a Channels scene the Channels
   * session live now or the latest one started within the window. A launch that matches none (a session never live,
   * a Channels session named in custom_params, which Channels never sends) records nothing.
   */
  async inbound(input: LiveInboundDto, memberId: number | null): Promise<LiveInboundResult> {
    const link = await this.shareLinkOf(input.shortId);
    const sessionId = await this.matchSession(input, link);
    if (sessionId === null) return { sessionId: null };
    const sharer = link?.sharerMemberId ?? (await this.memberOfOpenid(input.sharerOpenId));
    await this.touches.record({
      sessionId,
      kind: 'inbound',
      entry: null,
      scene: input.scene,
      deviceId: input.deviceId,
      memberId,
      sharerMemberId: sharer !== memberId ? sharer : null,
      withShareInfo: Boolean(input.sharerOpenId || input.promoterId),
    });
    return { sessionId };
  }

  /** The plugin room's session (custom_params' sessionId, else the live session its share link carries); else Channels'. */
  private async matchSession(input: LiveInboundDto, link: ShareLinkRow | null): Promise<number | null> {
    const candidates = [{ id: input.sessionId, provider: 'plugin' as const }, { id: link ? liveSessionOfLink(link) : null, provider: undefined }];
    for (const { id, provider } of candidates) {
      if (id != null && (await this.touches.sessionOnAirOrRecent(id, provider))) return id;
    }
    if (!CHANNELS_SCENES.has(input.scene)) return null;
    const sessions = this.dataSource.getRepository(LiveSessionRow);
    const windowStart = await this.settings.attributionWindowStart(new Date());
    const live = await sessions.findOne({ select: { id: true }, where: { provider: 'channels', status: 'live' }, order: { startedAt: 'DESC', id: 'DESC' } });
    if (live) return live.id;
    const recent = await sessions.findOne({
      select: { id: true },
      where: { provider: 'channels', status: 'ended', startedAt: MoreThanOrEqual(windowStart) },
      order: { startedAt: 'DESC', id: 'DESC' },
    });
    return recent?.id ?? null;
  }

  /** The share link the plugin room's custom_params carried (its member is the sharer); null for none or an unknown one. */
  private async shareLinkOf(shortId: string | undefined): Promise<ShareLinkRow | null> {
    const linkId = shortId ? decodeShortId(shortId) : null;
    return linkId === null ? null : this.dataSource.getRepository(ShareLinkRow).findOneBy({ id: linkId });
  }

  /** The member whose openid Channels named as the sharer, when we know them. */
  private async memberOfOpenid(openid: string | undefined): Promise<number | null> {
    if (!openid) return null;
    const identity = await this.dataSource.getRepository(MemberIdentityRow).findOne({ select: { memberId: true }, where: { kind: 'openid', value: openid } });
    return identity?.memberId ?? null;
  }
}
