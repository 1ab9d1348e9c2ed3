import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { LiveAttribution } from '../../../shared';
import { bindDateTime } from '../analytics/purchase-facts';
import { PARTICIPANT_RANKS, type CheckoutParticipant, type ParticipantQuote, type QuoteInput } from '../orders/participants/checkout-participant';
import { CheckoutParticipants } from '../orders/participants/checkout-participants';
import { LIVE_PRICE_SOURCE } from './live-price.source';
import { LiveSettingsService } from './live-settings.service';

/** The kind of a buyer's latest touch → how the order is attributed to its session. */
const ATTRIBUTION_OF_TOUCH: Record<'click' | 'inbound', LiveAttribution> = { inbound: 'inbound', click: 'assisted' };

/**
 * Attributes an order to a live session from the buyer's touches (shared/api/live.ts LIVE_ATTRIBUTIONS): the
 * latest live touch of the buyer (as the member, or from a device that member_identities links to them) within
 * LiveSettings.attributionWindowHours before now; an inbound launch → inbound, a tap on our entry → assisted. An
 * order with a line at a live price is the live price participant's (live_price wins). Placing only (a preview
 * needs none), one indexed read (latestTouch) in the quote, before the order's transaction; a failure is logged and the order
 * goes on unattributed.
 */
@Injectable()
export class LiveAttributionParticipant implements CheckoutParticipant<undefined>, OnModuleInit {
  readonly name = 'live.attribution';
  readonly rank = PARTICIPANT_RANKS.liveAttribution;
  private readonly logger = new Logger('LiveAttribution');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: LiveSettingsService,
    private readonly participants: CheckoutParticipants,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
  }

  async quote({ memberId, lines, now, forPreview }: QuoteInput): Promise<ParticipantQuote<undefined>> {
    if (forPreview || lines.some((line) => line.priceSourceName === LIVE_PRICE_SOURCE)) return {};
    try {
      const touch = await this.latestTouch(memberId, now);
      return touch ? { order: { sourceLiveSessionId: touch.sessionId, sourceLiveAttribution: ATTRIBUTION_OF_TOUCH[touch.kind] } } : {};
    } catch (error) {
      this.logger.error(`live attribution of an order of member ${memberId} skipped: ${String(error)}`);
      return {};
    }
  }

  async reserve(): Promise<void> {}

  async release(): Promise<void> {}

  /**
   * The buyer's latest touch since the window began (the member's own, or their devices'), of a session not cancelled
   * since. Two branches of at most one row each, so each reads its own index backwards from now and stops at the first
   * touch of a session not cancelled: the member's by (memberId, createdAt), the devices' (member_identities of kind
   * device) by (deviceId, createdAt). One `OR` over both columns would read every touch of the window instead.
   */
  private async latestTouch(memberId: number, now: Date): Promise<{ sessionId: number; kind: 'click' | 'inbound' } | null> {
    const since = bindDateTime(this.dataSource, await this.settings.attributionWindowStart(now));
    const columns = 't.id AS id, t.sessionId AS sessionId, t.kind AS kind, t.createdAt AS createdAt';
    const liveSession = "JOIN live_sessions s ON s.id = t.sessionId AND s.status <> 'cancelled'";
    const latestFirst = 'ORDER BY t.createdAt DESC, t.id DESC LIMIT 1';
    const rows: { sessionId: unknown; kind: 'click' | 'inbound' }[] = await this.dataSource.query(
      `SELECT * FROM (SELECT ${columns} FROM live_touches t ${liveSession} WHERE t.memberId = ? AND t.createdAt >= ? ${latestFirst}) by_member
       UNION ALL
       SELECT * FROM (SELECT ${columns} FROM member_identities i JOIN live_touches t ON t.deviceId = i.value ${liveSession}
         WHERE i.memberId = ? AND i.kind = 'device' AND t.createdAt >= ? ${latestFirst}) by_device
       ORDER BY createdAt DESC, id DESC LIMIT 1`,
      [memberId, since, memberId, since],
    );
    return rows.length ? { sessionId: Number(rows[0].sessionId), kind: rows[0].kind } : null;
  }
}
