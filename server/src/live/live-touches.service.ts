import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThanOrEqual, Not } from 'typeorm';
import type { LiveProvider } from '../../../shared';
import type { ShareLinkRow } from '../attribution/share-link.entity';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { LiveSessionRow } from './live-session.entity';
import { LiveSettingsService } from './live-settings.service';
import { MINUTE_MS } from './live-time';
import { LiveTouchRow } from './live-touch.entity';

/** A live touch as recorded (shared/api/live.ts): who, which session, a click or an inbound launch. */
export type LiveTouch = Omit<LiveTouchRow, 'id' | 'createdAt'> & { createdAt?: Date };

/** The live session a share link carries: a link of kind live opens it (targetId); any other may name one it was shared from. */
export function liveSessionOfLink(link: Pick<ShareLinkRow, 'kind' | 'targetId' | 'liveSessionId'>): number | null {
  return link.liveSessionId ?? (link.kind === 'live' ? link.targetId : null);
}

/** A share link opened again by the same device or member this soon is the same arrival (also: the registering login and the /touches sent at consent, in parallel). */
export const SAME_ARRIVAL_MS = 5 * MINUTE_MS;

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
    private readonly transactions: TransactionRunner,
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
    await this.recordLinkOpen(link, visitor, registeredAt, null);
  }

  /**
   * A share link that carries a live session (liveSessionOfLink) was opened: an inbound touch of that session (the sharer named unless
   * it is the visitor's own link), when the session is on air or recent (sessionOnAirOrRecent): a link to an upcoming,
   * cancelled, long-ended or unknown session records nothing. `at`: when it counts from (a login that created the
   * member dates it at the registration, so the report can see the member came through it). Nothing either when the
   * device or the member already has an inbound touch of the session since `seenSince` (default: SAME_ARRIVAL_MS ago;
   * null: ever), checked by the insert itself so two opens racing (the registering login and the /touches sent at
   * consent) write one row: SQLite runs the statement alone, InnoDB makes one the deadlock victim and the retry sees
   * the other's row.
   */
  async recordLinkOpen(
    link: Pick<ShareLinkRow, 'kind' | 'targetId' | 'liveSessionId' | 'sharerMemberId'>,
    visitor: LinkVisitor,
    at = new Date(),
    seenSince: Date | null = new Date(at.getTime() - SAME_ARRIVAL_MS),
  ): Promise<void> {
    const sessionId = liveSessionOfLink(link);
    if (sessionId === null || !(await this.sessionOnAirOrRecent(sessionId))) return;
    const sharer = link.sharerMemberId !== visitor.memberId ? link.sharerMemberId : null;
    const sinceClause = seenSince ? ' AND t.createdAt >= ?' : '';
    await this.transactions.run((manager) =>
      manager.query(
        `INSERT INTO live_touches (sessionId, kind, deviceId, memberId, sharerMemberId, withShareInfo, createdAt)
         SELECT ?, 'inbound', ?, ?, ?, 0, ? FROM (SELECT 1 AS one) seed
         WHERE NOT EXISTS (SELECT 1 FROM live_touches t WHERE t.sessionId = ? AND t.kind = 'inbound' AND (t.deviceId = ? OR t.memberId = ?)${sinceClause})`,
        [
          sessionId,
          visitor.deviceId,
          visitor.memberId,
          sharer,
          this.bindCreatedAt(at),
          sessionId,
          visitor.deviceId,
          visitor.memberId,
          ...(seenSince ? [this.bindCreatedAt(seenSince)] : []),
        ],
      ),
    );
  }

  /** A date as the driver stores live_touches.createdAt, for plain SQL. */
  private bindCreatedAt(date: Date): unknown {
    return this.dataSource.driver.preparePersistentValue(date, this.dataSource.getMetadata(LiveTouchRow).findColumnWithPropertyName('createdAt')!);
  }
}
