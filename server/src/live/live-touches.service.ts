import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThanOrEqual, Not } from 'typeorm';
import type { LiveProvider } from '../../../shared';
import type { ShareLinkRow } from '../attribution/share-link.entity';
import { LiveSessionRow } from './live-session.entity';
import { LiveSettingsService } from './live-settings.service';
import { LiveTouchRow } from './live-touch.entity';

/** A live touch as recorded (shared/api/live.ts): who, which session, a click or an inbound launch. */
export type LiveTouch = Omit<LiveTouchRow, 'id' | 'createdAt'> & { createdAt?: Date };

/** The live session a share link carries: a link of kind live opens it (targetId); any other may name one it was shared from. */
export function liveSessionOfLink(link: Pick<ShareLinkRow, 'kind' | 'targetId' | 'liveSessionId'>): number | null {
  return link.liveSessionId ?? (link.kind === 'live' ? link.targetId : null);
}

/** Who opened a share link: the device and/or the member. */
export interface LinkVisitor {
  deviceId: string | null;
  memberId: number | null;
}

/**
 * Writes live touches (append-only). Kept free of other modules so both the live endpoints and AttributionService
 * (a share link that carries a live session) can record through it without a circular import.
 */
@Injectable()
export class LiveTouchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: LiveSettingsService,
  ) {}

  /** The session a tap on one of our entries may name: an existing session that was not cancelled (预告 included). */
  async sessionExists(sessionId: number): Promise<boolean> {
    return this.dataSource.getRepository(LiveSessionRow).existsBy({ id: sessionId, status: Not('cancelled') });
  }

  /**
   * The one rule for which session an arrival (an inbound launch, a share link opened) counts for: the session is live
   * now or ended within the attribution window (of that provider, when given). An upcoming, cancelled or long-ended
   * session is no arrival from a live.
   */
  async sessionOnAirOrRecent(sessionId: number, provider?: LiveProvider): Promise<boolean> {
    const windowStart = await this.settings.attributionWindowStart(new Date());
    return this.dataSource.getRepository(LiveSessionRow).exists({
      where: [
        { id: sessionId, provider, status: 'live' },
        { id: sessionId, provider, status: 'ended', endedAt: MoreThanOrEqual(windowStart) },
      ],
    });
  }

  async record(touch: LiveTouch): Promise<void> {
    await this.dataSource.getRepository(LiveTouchRow).insert(touch);
  }

  /**
   * A login that created the member brought a share link carrying a live session: an inbound touch dated at the
   * registration, unless the device or the member already has an inbound touch of that session (the guest opened the
   * link before logging in). Only the registering login counts: the storefront sends its stored link with every login
   * for days, and a later login is no new arrival (it would count twice and restart the attribution window).
   */
  async recordRegistrationByLink(link: Pick<ShareLinkRow, 'kind' | 'targetId' | 'liveSessionId' | 'sharerMemberId'>, visitor: LinkVisitor, registeredAt: Date): Promise<void> {
    const sessionId = liveSessionOfLink(link);
    if (sessionId === null) return;
    const sameVisitor = [
      ...(visitor.deviceId ? [{ sessionId, kind: 'inbound' as const, deviceId: visitor.deviceId }] : []),
      ...(visitor.memberId !== null ? [{ sessionId, kind: 'inbound' as const, memberId: visitor.memberId }] : []),
    ];
    if (sameVisitor.length && (await this.dataSource.getRepository(LiveTouchRow).existsBy(sameVisitor))) return;
    await this.recordLinkOpen(link, visitor, registeredAt);
  }

  /**
   * A share link that carries a live session (liveSessionOfLink) was opened: an inbound touch of that session (the sharer named unless
   * it is the visitor's own link), when the session is on air or recent (sessionOnAirOrRecent): a link to an upcoming,
   * cancelled, long-ended or unknown session records nothing. `at`: when it counts from (a
   * login that created the member dates it at the registration, so the report can see the member came through it).
   */
  async recordLinkOpen(link: Pick<ShareLinkRow, 'kind' | 'targetId' | 'liveSessionId' | 'sharerMemberId'>, visitor: LinkVisitor, at?: Date): Promise<void> {
    const sessionId = liveSessionOfLink(link);
    if (sessionId === null || !(await this.sessionOnAirOrRecent(sessionId))) return;
    await this.record({
      sessionId,
      kind: 'inbound',
      entry: null,
      scene: null,
      deviceId: visitor.deviceId,
      memberId: visitor.memberId,
      sharerMemberId: link.sharerMemberId !== visitor.memberId ? link.sharerMemberId : null,
      withShareInfo: false,
      ...(at ? { createdAt: at } : {}),
    });
  }
}
