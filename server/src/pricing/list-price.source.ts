import { Injectable } from '@nestjs/common';
import type { LinePrice, PriceLine, PriceSource } from './price-sources';

export const LIST_PRICE_SOURCE = 'list';

/**
 * The catalog's price, with everything stacking on it (member price where the product takes part).
 * The fallback for every line no other source takes; copy this file to add a source.
 */
@Injectable()
export class ListPriceSource implements PriceSource {
  readonly name = LIST_PRICE_SOURCE;
  readonly priority = 0;

  appliesTo(): boolean {
    return true;
  }

  unitPrice(line: PriceLine): LinePrice {
    return { unitPriceFen: line.listPriceFen, stacking: { memberPrice: line.memberPriceEnabled, coupon: true, points: true }, label: '售价' };
  }
}
