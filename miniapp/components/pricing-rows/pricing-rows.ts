import type { OrderPricing } from '@shared/api/orders';
import type { Fen } from '@shared/money';

export interface PricingRow {
  key: keyof OrderPricing;
  label: string;
  fen: Fen;
  /** '-' for discounts, '+' for the shipping fee, none for totals. */
  sign: '-' | '+' | '';
}

const DISCOUNTS: { key: keyof OrderPricing; label: string }[] = [
  { key: 'memberDiscountFen', label: '会员优惠' },
  { key: 'promotionDiscountFen', label: '活动优惠' },
  { key: 'couponDiscountFen', label: '优惠券' },
  { key: 'pointsDiscountFen', label: '积分抵扣' },
];

/** The rows of a pricing breakdown; discounts that are 0 are left out, shipping shows 免运费 as ¥0.00. */
export function pricingRows(pricing: OrderPricing): PricingRow[] {
  return [
    { key: 'listTotalFen', label: '商品金额', fen: pricing.listTotalFen, sign: '' },
    ...DISCOUNTS.filter(({ key }) => pricing[key] > 0).map(({ key, label }) => ({
      key,
      label,
      fen: pricing[key],
      sign: '-' as const,
    })),
    { key: 'shippingFeeFen', label: '运费', fen: pricing.shippingFeeFen, sign: pricing.shippingFeeFen > 0 ? '+' : '' },
    { key: 'payableFen', label: '应付金额', fen: pricing.payableFen, sign: '' },
  ];
}
