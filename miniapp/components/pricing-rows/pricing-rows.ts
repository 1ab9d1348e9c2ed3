import type { OrderPricing } from '@shared/api/orders';
import type { Fen } from '@shared/money';

export interface PricingRow {
  key: keyof OrderPricing;
  label: string;
  fen: Fen;
  /** '-' for discounts, '+' for the shipping fee, none for totals. */
  sign: '-' | '+' | '';
}

/** What the discounts were: the level, the coupon and the points behind them, shown in the row labels. */
export interface PricingDetails {
  levelName?: string | null;
  couponName?: string | null;
  pointsUsed?: number;
}

/**
 * The rows of a pricing breakdown, in the order the server applies them (list → member price → coupon →
 * points → shipping → payable); discounts that are 0 are left out, shipping shows 免运费 as ¥0.00.
 */
export function pricingRows(pricing: OrderPricing, details: PricingDetails = {}): PricingRow[] {
  const discounts: { key: keyof OrderPricing; label: string }[] = [
    { key: 'memberDiscountFen', label: details.levelName ? `会员优惠（${details.levelName}）` : '会员优惠' },
    { key: 'promotionDiscountFen', label: '活动优惠' },
    { key: 'couponDiscountFen', label: details.couponName ? `优惠券（${details.couponName}）` : '优惠券' },
    { key: 'pointsDiscountFen', label: details.pointsUsed ? `积分抵扣（${details.pointsUsed} 积分）` : '积分抵扣' },
  ];
  return [
    { key: 'listTotalFen', label: '商品金额', fen: pricing.listTotalFen, sign: '' },
    ...discounts
      .filter(({ key }) => pricing[key] > 0)
      .map(({ key, label }) => ({ key, label, fen: pricing[key], sign: '-' as const })),
    { key: 'shippingFeeFen', label: '运费', fen: pricing.shippingFeeFen, sign: pricing.shippingFeeFen > 0 ? '+' : '' },
    { key: 'payableFen', label: '应付金额', fen: pricing.payableFen, sign: '' },
  ];
}
