import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { LinePrice, PriceContext, PriceLine, PriceSource } from '../pricing/price-sources';
import { bestLiveOffer, livePricesNow, liveUnitsLeft, type LivePriceOffer, type LivePriceRow } from './live-price.reader';

export const LIVE_PRICE_SOURCE = 'live';

/**
 * 直播专享价: a line whose SKU has a live price in a session that is live now (and units left in its quota) is
 * priced at it while it is below the SKU's current list price. When the session ends the list price applies again, also
 * for a page opened during the live. Not for 拼团 checkouts (the group price rules there). No member price on top;
 * coupons (the live coupon among them) and points stack. The quota is taken by LivePriceQuotaParticipant.
 */
@Injectable()
export class LivePriceSource implements PriceSource {
  readonly name = LIVE_PRICE_SOURCE;
  /** Below the group price (100): a 拼团 checkout is never priced here anyway. */
  readonly priority = 90;

  /**
   * The offer appliesTo found, for unitPrice of the same line: read again, the quota could have run out in between
   * (the quota participant then refuses the order, 409, rather than this source answering no price).
   */
  private readonly offers = new WeakMap<PriceLine, LivePriceOffer>();

  /** The live prices read once per pricing (a preview or an order prices all its lines with one context), not per line. */
  private readonly livePrices = new WeakMap<PriceContext, Promise<LivePriceRow[]>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async appliesTo(line: PriceLine, context: PriceContext): Promise<boolean> {
    if (context.groupBuy) return false;
    const offer = bestLiveOffer(await this.pricesOf(context), line);
    if (offer) this.offers.set(line, offer);
    return offer !== null;
  }

  unitPrice(line: PriceLine): LinePrice {
    const offer = this.offers.get(line);
    if (!offer) throw new Error(`live price of SKU ${line.skuId} asked before appliesTo`);
    return {
      unitPriceFen: offer.livePriceFen,
      stacking: { memberPrice: false, coupon: true, points: true },
      label: '直播价',
      offerRef: offer.sessionId,
    };
  }

  /**
   * A line for more units than any live offer has left is priced at the list price as a whole (never split); the
   * shopper is told how many are left at the live price. One unit always fits an offer that has any left.
   */
  async declinedNote(line: PriceLine, context: PriceContext): Promise<string | null> {
    if (context.groupBuy || line.quantity === 1) return null;
    const left = liveUnitsLeft(await this.pricesOf(context), line);
    return left > 0 && left < line.quantity ? `直播价仅剩 ${left} 件，本行 ${line.quantity} 件按原价计；改为 ${left} 件及以内可享直播价` : null;
  }

  private pricesOf(context: PriceContext): Promise<LivePriceRow[]> {
    let prices = this.livePrices.get(context);
    if (!prices) this.livePrices.set(context, (prices = livePricesNow(this.dataSource.manager)));
    return prices;
  }
}
