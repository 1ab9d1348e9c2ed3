import type { Fen, OrderPricing, ShippingRule } from '../../../shared';

export interface PricedItem {
  unitPriceFen: Fen;
  quantity: number;
}

/** The flat fee, or nothing when the goods reach the free-shipping threshold (or there are no goods). */
export function shippingFeeFor(goodsFen: Fen, rule: ShippingRule): Fen {
  if (goodsFen <= 0) return 0;
  if (rule.freeShippingThresholdFen !== null && goodsFen >= rule.freeShippingThresholdFen) return 0;
  return rule.shippingFeeFen;
}

/**
 * Prices an order from the server's own unit prices. Discounts are 0 until member levels, promotions,
 * coupons and points exist; the free-shipping threshold applies to the goods after discounts.
 */
export function priceOrder(items: PricedItem[], rule: ShippingRule): OrderPricing {
  const listTotalFen = items.reduce((sum, item) => sum + item.unitPriceFen * item.quantity, 0);
  const discounts = { memberDiscountFen: 0, promotionDiscountFen: 0, couponDiscountFen: 0, pointsDiscountFen: 0 };
  const goodsFen = listTotalFen - Object.values(discounts).reduce((sum, fen) => sum + fen, 0);
  const shippingFeeFen = shippingFeeFor(goodsFen, rule);
  return { listTotalFen, ...discounts, shippingFeeFen, payableFen: goodsFen + shippingFeeFen };
}
