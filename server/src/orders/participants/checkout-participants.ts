import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainEvents } from '../../platform/events/domain-events.service';
import { priceOrder, type PricingOptions } from '../../pricing/pricing';
import type {
  CheckoutParticipant,
  ParticipantRefusal,
  ParticipantLine,
  ParticipantOrderFields,
  ParticipantPreviewParts,
  QuoteInput,
  ReleaseInput,
  ReserveInput,
} from './checkout-participant';

/**
 * The registered checkout participants. Each registers itself from its own module (a provider that calls
 * `register(this)` in onModuleInit: copy src/coupons/coupon-participant.ts); checkout and the cancel and refund
 * paths call the registry, never a participant by name.
 *
 *   quote:   by rank. A refused line is left out for the participants after it and out of the price; placing
 *            an order stops at the first refusal and answers its 409.
 *   reserve: by rank, the `reservesLast` participant (the stock) after all others; the domain events recorded
 *            so far are written just before it, so the stock's SKU rows are the last write before commit.
 *   release: in the same order as reserve (the same rows locked in the same order as placing locks them).
 */
@Injectable()
export class CheckoutParticipants {
  private participants: CheckoutParticipant[] = [];

  constructor(private readonly events: DomainEvents) {}

  register(participant: CheckoutParticipant): void {
    if (this.participants.some((known) => known.name === participant.name)) {
      throw new Error(`checkout participant "${participant.name}" is registered twice`);
    }
    const last = this.participants.find((known) => known.reservesLast);
    if (participant.reservesLast && last) {
      throw new Error(`checkout participant "${participant.name}" wants to reserve last, but "${last.name}" already does`);
    }
    // Stable: of two participants with the same rank, the one registered first comes first.
    this.participants = [...this.participants, participant].sort((a, b) => a.rank - b.rank);
  }

  /** The names in quote order. */
  quoteOrder(): string[] {
    return this.participants.map((participant) => participant.name);
  }

  /** The names in reserve and release order. */
  reserveOrder(): string[] {
    return this.inReserveOrder().map((participant) => participant.name);
  }

  /**
   * Asks every participant about the selection, in rank order. Answers the lines left orderable, the
   * refusals (a preview shows them; placing never gets here with one), the pricing inputs, the order
   * columns and preview parts the participants filled, and each one's hold for its reserve.
   */
  async quote(input: Omit<QuoteInput, 'price'>): Promise<CheckoutQuote> {
    let lines = input.lines;
    let pricing: PricingOptions = input.pricing;
    const quote: CheckoutQuote = { lines, refusals: [], pricing, order: {}, preview: {}, holds: new Map() };
    for (const participant of this.participants) {
      const current = lines;
      const answer = await participant.quote({ ...input, lines: current, pricing, price: (extra) => priceOrder(current, { ...pricing, ...extra }) });
      const refusals = answer.refusals ?? [];
      if (!input.forPreview && refusals.length > 0) throw refusals[0].error;
      quote.refusals.push(...refusals);
      const refused = new Set(refusals.flatMap((refusal) => refusal.skuIds ?? []));
      lines = lines.filter((line) => !refused.has(line.skuId));
      pricing = { ...pricing, ...answer.pricing };
      Object.assign(quote.order, answer.order);
      Object.assign(quote.preview, answer.preview);
      if (answer.hold !== undefined) quote.holds.set(participant.name, answer.hold);
    }
    return { ...quote, lines, pricing };
  }

  /** Every participant's reserve, inside the order's transaction; the reservesLast one last. */
  async reserve(manager: EntityManager, input: Omit<ReserveInput, 'hold'>, holds: ReadonlyMap<string, unknown>): Promise<void> {
    for (const participant of this.inReserveOrder()) {
      if (participant.reservesLast) await this.events.flush(manager);
      await participant.reserve(manager, { ...input, hold: holds.get(participant.name) });
    }
  }

  /**
   * Gives back what an order took, inside the transaction whose conditional status update caused it: a cancel
   * (shopper, staff, timeout) or a refund before shipping. `lines` are the lines given back with their quantities.
   */
  async release(manager: EntityManager, input: ReleaseInput): Promise<void> {
    for (const participant of this.inReserveOrder()) {
      if (participant.reservesLast) await this.events.flush(manager);
      await participant.release(manager, input);
    }
  }

  private inReserveOrder(): CheckoutParticipant[] {
    return [...this.participants.filter((participant) => !participant.reservesLast), ...this.participants.filter((participant) => participant.reservesLast)];
  }
}

/** The participants' answer about a selection. */
export interface CheckoutQuote {
  /** The lines no participant refused. */
  lines: ParticipantLine[];
  refusals: ParticipantRefusal[];
  /** The pricing inputs with every participant's price effect. */
  pricing: PricingOptions;
  order: Partial<ParticipantOrderFields>;
  preview: Partial<ParticipantPreviewParts>;
  /** By participant name. */
  holds: Map<string, unknown>;
}
