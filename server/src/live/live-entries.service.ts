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
import { LiveTouchesService } from './live-touches.service';

const HOUR_MS = 3_600_000;
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
   * A launch from a live: the plugin room's session (custom_params), else for a Channels scene the Channels session
   * live now or the latest one started within the attribution window. A launch that matches none records nothing.
   */
  async inbound(input: LiveInboundDto, memberId: number | null): Promise<LiveInboundResult> {
    const sessionId = await this.matchSession(input);
    if (sessionId === null) return { sessionId: null };
    const sharer = await this.sharerOf(input);
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

  private async matchSession(input: LiveInboundDto): Promise<number | null> {
    if (input.sessionId !== undefined && (await this.touches.sessionExists(input.sessionId))) return input.sessionId;
    if (!CHANNELS_SCENES.has(input.scene)) return null;
    const sessions = this.dataSource.getRepository(LiveSessionRow);
    const live = await sessions.findOne({ select: { id: true }, where: { provider: 'channels', status: 'live' }, order: { startedAt: 'DESC', id: 'DESC' } });
    if (live) return live.id;
    const { attributionWindowHours } = await this.settings.get();
    const recent = await sessions.findOne({
      select: { id: true },
      where: { provider: 'channels', status: 'ended', startedAt: MoreThanOrEqual(new Date(Date.now() - attributionWindowHours * HOUR_MS)) },
      order: { startedAt: 'DESC', id: 'DESC' },
    });
    return recent?.id ?? null;
  }

  /** The sharer: our share link's member (plugin custom_params), else the member whose openid Channels named. */
  private async sharerOf(input: LiveInboundDto): Promise<number | null> {
    const linkId = input.shortId ? decodeShortId(input.shortId) : null;
    if (linkId !== null) {
      const link = await this.dataSource.getRepository(ShareLinkRow).findOne({ select: { sharerMemberId: true }, where: { id: linkId } });
      if (link) return link.sharerMemberId;
    }
    if (!input.sharerOpenId) return null;
    const identity = await this.dataSource.getRepository(MemberIdentityRow).findOne({ select: { memberId: true }, where: { kind: 'openid', value: input.sharerOpenId } });
    return identity?.memberId ?? null;
  }
}
