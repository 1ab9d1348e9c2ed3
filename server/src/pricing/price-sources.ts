import { Injectable } from '@nestjs/common';
import type { Fen, GroupBuyCheckout, OrderSource } from '../../../shared';
import { ListPriceSource } from './list-price.source';

/**
 * Where each order line's unit price comes from: the list price today; a group-buy price, a live-room price
 * and the like later. A source also says what may stack on its price (member price, coupons, points), and
 * the pricing pipeline honours that per line. A new source is one file (copy list-price.source.ts) and one
 * registration (its class in PRICE_SOURCES of pricing.module.ts).
 */

/** A line as a price source sees it: the SKU, its catalog facts and how many. */
export interface PriceLine {
  skuId: number;
  productId: number;
  categoryId: number;
  /** The SKU's price in the catalog. */
  listPriceFen: Fen;
  /** The product takes part in member prices (products.memberPriceEnabled). */
  memberPriceEnabled: boolean;
  quantity: number;
}

/** Who is buying and from where (the attribution headers: a live room, a group-buy team…). */
export interface PriceContext {
  memberId: number;
  source: OrderSource;
  now: Date;
  /** The checkout asked for a group-buy (拼团) price; null for an ordinary order. */
  groupBuy: GroupBuyCheckout | null;
}

/** What may stack on a line's unit price. */
export interface LineStacking {
  memberPrice: boolean;
  coupon: boolean;
  points: boolean;
}

export interface LinePrice {
  /** Integer fen, at least 0. */
  unitPriceFen: Fen;
  stacking: LineStacking;
  /** The price's name as a shopper would read it: 售价, 拼团价, 直播价. */
  label: string;
  /** Why a better price did not apply to a list-priced line (a source's declinedNote), shown on the checkout line. */
  note?: string;
}

export interface PriceSource {
  /** Unique among the registered sources; names the source on the line (PricedLine.sourceName). */
  readonly name: string;
  /** Sources are asked highest priority first; the first that applies prices the line. */
  readonly priority: number;
  appliesTo(line: PriceLine, context: PriceContext): boolean | Promise<boolean>;
  unitPrice(line: PriceLine, context: PriceContext): LinePrice | Promise<LinePrice>;
  /**
   * Optional: asked when no source priced the line (the list price did), for a shopper-facing reason this source's
   * price did not apply although it exists (直播价仅剩 5 件…); null: nothing to say.
   */
  declinedNote?(line: PriceLine, context: PriceContext): Promise<string | null>;
}

/** A line's price and the source that gave it. */
export type PricedLine = LinePrice & { sourceName: string };

/** The registered price sources, asked in priority order; the list price answers every line none of them takes. */
@Injectable()
export class PriceSourceRegistry {
  private sources: PriceSource[] = [];

  constructor(private readonly listPrice: ListPriceSource) {}

  register(source: PriceSource): void {
    if (source.name === this.listPrice.name || this.sources.some((known) => known.name === source.name)) {
      throw new Error(`price source "${source.name}" is registered twice`);
    }
    // Stable: of two sources with the same priority, the one registered first is asked first.
    this.sources = [...this.sources, source].sort((a, b) => b.priority - a.priority);
  }

  /** Each line's price, in the lines' order. */
  resolve(lines: PriceLine[], context: PriceContext): Promise<PricedLine[]> {
    return Promise.all(lines.map((line) => this.resolveLine(line, context)));
  }

  private async resolveLine(line: PriceLine, context: PriceContext): Promise<PricedLine> {
    let source: PriceSource = this.listPrice;
    for (const candidate of this.sources) {
      if (await candidate.appliesTo(line, context)) {
        source = candidate;
        break;
      }
    }
    const price = await source.unitPrice(line, context);
    // Money is integer fen: a source answering anything else is a bug, never a price to charge.
    if (!Number.isSafeInteger(price.unitPriceFen) || price.unitPriceFen < 0) {
      throw new Error(`price source "${source.name}" priced SKU ${line.skuId} at ${price.unitPriceFen}, not a whole number of fen`);
    }
    const note = source === this.listPrice ? await this.declinedNote(line, context) : null;
    return { ...price, ...(note ? { note } : {}), sourceName: source.name };
  }

  /** The first reason, in priority order, a source gives for not pricing a list-priced line. */
  private async declinedNote(line: PriceLine, context: PriceContext): Promise<string | null> {
    for (const source of this.sources) {
      const note = (await source.declinedNote?.(line, context)) ?? null;
      if (note) return note;
    }
    return null;
  }
}
