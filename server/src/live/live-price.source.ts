import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { LinePrice, PriceContext, PriceLine, PriceSource } from '../pricing/price-sources';
import { bestLiveOffer, livePricesNow, type LivePriceOffer, type LivePriceRow } from './live-price.reader';

export const LIVE_PRICE_SOURCE = 'live';

/**
 * 直播专享价: a line whose SKU has a live price in a session that is live now (and units left in its quota) is
 * priced at it, capped at the SKU's current list price. When the session ends the list price applies again, also
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
    let prices = this.livePrices.get(context);
    if (!prices) this.livePrices.set(context, (prices = livePricesNow(this.dataSource.manager)));
    const offer = bestLiveOffer(await prices, line);
    if (offer) this.offers.set(line, offer);
    return offer !== null;
  }

  unitPrice(line: PriceLine): LinePrice {
    const offer = this.offers.get(line);
    if (!offer) throw new Error(`live price of SKU ${line.skuId} asked before appliesTo`);
    return {
      unitPriceFen: Math.min(offer.livePriceFen, line.listPriceFen),
      stacking: { memberPrice: false, coupon: true, points: true },
      label: '直播价',
      offerRef: offer.sessionId,
    };
  }
}
