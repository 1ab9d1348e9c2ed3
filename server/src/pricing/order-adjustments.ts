import { adjustmentsOf, type OrderPricing, type PricingAdjustment, type PricingDetails } from '../../../shared';
import { memberUnitPrice, type PricedItem } from './pricing';

/**
 * The order's adjustments: the breakdown's steps with their labels as the shopper sees them, each naming
 * the lines it touched (member price: the lines it lowered; coupon: the lines it was judged on; points: the
 * lines they may pay for; shipping: the whole order).
 */
export function orderAdjustments(
  items: (PricedItem & { skuId: number })[],
  pricing: OrderPricing,
  details: PricingDetails & { memberPricePercent: number },
): PricingAdjustment[] {
  const skuIdsWhere = (test: (item: PricedItem) => boolean) => items.filter(test).map((item) => item.skuId);
  const lines: Record<string, number[]> = {
    member_price: skuIdsWhere((item) => memberUnitPrice(item, details.memberPricePercent) < item.unitPriceFen),
    coupon: skuIdsWhere((item) => item.couponEnabled !== false),
    points: skuIdsWhere((item) => item.pointsEnabled !== false),
  };
  return adjustmentsOf(pricing, details).map((adjustment) => ({ ...adjustment, skuIds: lines[adjustment.code] ?? null }));
}
