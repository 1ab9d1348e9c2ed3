import { HttpStatus, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PARTICIPANT_RANKS, type CheckoutParticipant, type ParticipantQuote, type QuoteInput, type ReleaseInput, type ReserveInput } from '../orders/participants/checkout-participant';
import { CheckoutParticipants } from '../orders/participants/checkout-participants';
import { ApiException } from '../platform/errors/api-exception';
import { LIVE_PRICE_SOURCE } from './live-price.source';
import { LivePriceTakeRow } from './live-price-take.entity';
import { LiveSessionPriceRow } from './live-session-price.entity';

/** Units of one SKU taken at one session's live price. */
interface LivePriceHold {
  sessionId: number;
  skuId: number;
  quantity: number;
}

const unavailable = (skuId: number) =>
  new ApiException('LIVE_PRICE_UNAVAILABLE', HttpStatus.CONFLICT, '直播专享价已抢完或直播已结束，请按当前价格重新下单', { skuId });

/**
 * The live price's quota as a checkout participant. Quote (no reads, no writes): each line the live price source
 * priced names the session whose price it got (its offerRef), and the order is attributed to that session
 * (live_price). Reserve (in the order's transaction): `unitsTaken + n WHERE (unitQuota = 0
 * OR unitsTaken + n <= unitQuota)` while the session is still live, and a take row per line; nothing left (or the
 * session ended since) throws 409 LIVE_PRICE_UNAVAILABLE and the whole order rolls back, stock untouched.
 * Release: a cancelled unpaid order gives its units back, once (the take row is deleted by the one who gives them
 * back). Refunds after payment keep them: the units were sold at the live price.
 */
@Injectable()
export class LivePriceQuotaParticipant implements CheckoutParticipant<LivePriceHold[]>, OnModuleInit {
  readonly name = 'live.price-quota';
  readonly rank = PARTICIPANT_RANKS.livePriceQuota;

  constructor(
    private readonly participants: CheckoutParticipants,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
  }

  async quote({ lines }: QuoteInput): Promise<ParticipantQuote<LivePriceHold[]>> {
    const holds: LivePriceHold[] = [];
    for (const line of lines.filter((entry) => entry.priceSourceName === LIVE_PRICE_SOURCE)) {
      // The session whose price the line got (LivePriceSource's offerRef): its quota, never another session's.
      if (line.priceOfferRef === undefined) return { refusals: [{ error: unavailable(line.skuId), skuIds: [line.skuId] }] };
      holds.push({ sessionId: line.priceOfferRef, skuId: line.skuId, quantity: line.quantity });
    }
    // A line at a live price ties the order to its session, whatever the buyer's touches say (the first line's).
    return holds.length ? { hold: holds, order: { sourceLiveSessionId: holds[0].sessionId, sourceLiveAttribution: 'live_price' } } : {};
  }

  async reserve(manager: EntityManager, { hold, orderId }: ReserveInput<LivePriceHold[]>): Promise<void> {
    for (const take of hold ?? []) {
      const taken = await manager
        .createQueryBuilder()
        .update(LiveSessionPriceRow)
        .set({ unitsTaken: () => `unitsTaken + ${take.quantity}` })
        .where(`sessionId = :sessionId AND skuId = :skuId AND (unitQuota = 0 OR unitsTaken + ${take.quantity} <= unitQuota)`, take)
        .andWhere("sessionId IN (SELECT s.id FROM live_sessions s WHERE s.id = :sessionId AND s.status = 'live')", take)
        .execute();
      if (taken.affected !== 1) throw unavailable(take.skuId);
      await manager.insert(LivePriceTakeRow, { orderId, skuId: take.skuId, sessionId: take.sessionId, quantity: take.quantity });
    }
  }

  async release(manager: EntityManager, { order, cause }: ReleaseInput): Promise<void> {
    if (cause.kind !== 'cancel') return;
    const takes = await manager.find(LivePriceTakeRow, { where: { orderId: order.id } });
    for (const take of takes) {
      const removed = await manager.delete(LivePriceTakeRow, { orderId: take.orderId, skuId: take.skuId });
      if (removed.affected !== 1) continue;
      await manager
        .createQueryBuilder()
        .update(LiveSessionPriceRow)
        .set({ unitsTaken: () => `unitsTaken - ${take.quantity}` })
        .where(`sessionId = :sessionId AND skuId = :skuId AND unitsTaken >= ${take.quantity}`, take)
        .execute();
    }
  }
}
