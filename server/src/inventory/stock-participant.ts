import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PARTICIPANT_RANKS, type CheckoutParticipant, type ParticipantRefusal, type ParticipantQuote, type QuoteInput, type ReleaseInput, type ReserveInput } from '../orders/participants/checkout-participant';
import { CheckoutParticipants } from '../orders/participants/checkout-participants';
import { outOfStock, stockShortfall } from '../orders/sellable-skus';
import { returnForOrder, takeForOrder } from './stock-ledger';

/**
 * The stock as a checkout participant: a line short of stock is refused (quick, from the stock read before the
 * transaction); the order's transaction takes the units as its LAST statements (conditional decrements on the
 * SKU rows every order of that SKU waits on); a cancel returns them, and so does a refund before shipping.
 */
@Injectable()
export class StockParticipant implements CheckoutParticipant, OnModuleInit {
  readonly name = 'stock';
  readonly rank = PARTICIPANT_RANKS.stock;
  readonly reservesLast = true;

  constructor(private readonly participants: CheckoutParticipants) {}

  onModuleInit(): void {
    this.participants.register(this);
  }

  quote({ lines }: QuoteInput): ParticipantQuote {
    const refusals = lines.flatMap((line): ParticipantRefusal[] => {
      const shortfall = stockShortfall(line.stock, line.quantity);
      return shortfall ? [{ error: outOfStock(line.skuId, line.title), skuIds: [line.skuId], lineReason: shortfall }] : [];
    });
    return { refusals };
  }

  /** A SKU short of stock by now throws 409 OUT_OF_STOCK, and the order rolls back. */
  reserve(manager: EntityManager, { lines }: ReserveInput): Promise<void> {
    return takeForOrder(manager, lines);
  }

  release(manager: EntityManager, { lines, cause }: ReleaseInput): Promise<void> {
    return cause.kind === 'cancel'
      ? returnForOrder(manager, lines, 'cancel_return')
      : returnForOrder(manager, lines, 'refund_return', { afterSaleId: cause.afterSaleId, staffId: cause.staffId ?? null });
  }
}
