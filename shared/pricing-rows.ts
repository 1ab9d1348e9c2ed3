import type { OrderPricing, PricingAdjustment } from './api/orders';
import { formatYuan, type Fen } from './money';

/**
 * The pricing breakdown as labelled rows, the same in the storefront (checkout, order detail) and the admin
 * console (order detail): 商品金额, each discount in the order it applies, 运费, 应付金额 (实付金额 once paid).
 */

/** The adjustments the breakdown's own columns stand for, in the order the pipeline applies them. */
const BREAKDOWN_ADJUSTMENTS = [
  { code: 'member_price', field: 'memberDiscountFen', label: '会员优惠' },
  { code: 'promotion', field: 'promotionDiscountFen', label: '活动优惠' },
  { code: 'coupon', field: 'couponDiscountFen', label: '优惠券' },
  { code: 'points', field: 'pointsDiscountFen', label: '积分抵扣' },
] as const satisfies readonly { code: string; field: keyof OrderPricing; label: string }[];

export const SHIPPING_ADJUSTMENT = 'shipping';

/** What the discounts were: the level, the coupon and the points behind them, shown in the labels. */
export interface PricingDetails {
  levelName?: string | null;
  couponName?: string | null;
  pointsUsed?: number;
}

/** A discount's label with what it was: 会员优惠（金卡）, 优惠券（满50减10）, 积分抵扣（350 积分）. */
export function adjustmentLabel(code: string, details: PricingDetails = {}): string {
  if (code === 'member_price' && details.levelName) return `会员优惠（${details.levelName}）`;
  if (code === 'coupon' && details.couponName) return `优惠券（${details.couponName}）`;
  if (code === 'points' && details.pointsUsed) return `积分抵扣（${details.pointsUsed} 积分）`;
  if (code === SHIPPING_ADJUSTMENT) return '运费';
  return BREAKDOWN_ADJUSTMENTS.find((known) => known.code === code)?.label ?? code;
}

/**
 * The adjustments a breakdown stands for (discounts that are 0 and free shipping are left out), applied to
 * the whole order: for a preview or an order placed before orders kept their adjustments.
 */
export function adjustmentsOf(pricing: OrderPricing, details: PricingDetails = {}): PricingAdjustment[] {
  const adjustments: PricingAdjustment[] = BREAKDOWN_ADJUSTMENTS.filter(({ field }) => pricing[field] > 0).map(({ code, field }) => ({
    code,
    label: adjustmentLabel(code, details),
    amountFen: -pricing[field],
    skuIds: null,
  }));
  if (pricing.shippingFeeFen > 0) {
    adjustments.push({ code: SHIPPING_ADJUSTMENT, label: adjustmentLabel(SHIPPING_ADJUSTMENT), amountFen: pricing.shippingFeeFen, skuIds: null });
  }
  return adjustments;
}

export interface PricingRow {
  /**
   * A stable name for styling and tests: the breakdown field the row stands for (listTotalFen, couponDiscountFen,
   * shippingFeeFen, payableFen…), or the adjustment's code for a kind of discount without a column.
   */
  key: string;
  label: string;
  /** Always positive; `sign` says which way it goes. */
  fen: Fen;
  /** '-' for discounts, '+' for a charge such as shipping, none for totals and free shipping. */
  sign: '-' | '+' | '';
  /** What the row shows: -¥5.00, +¥8.00, ¥59.80, or 包邮. */
  amountText: string;
  kind: 'goods' | 'discount' | 'charge' | 'payable' | 'refund';
}

export interface PricingRowsOptions extends PricingDetails {
  /** The order's own rows (OrderDetail.adjustments, CheckoutPreview.adjustments); else derived from the breakdown and the details. */
  adjustments?: PricingAdjustment[] | null;
  /** The order is paid: the last row is 实付金额 rather than 应付金额. */
  paid?: boolean;
  /**
   * What was refunded so far (OrderDetail.refundedFen): above 0, a 已退款 row follows 实付金额, so the total of
   * several partial refunds shows even when the after-sale card only tells the latest case.
   */
  refundedFen?: Fen;
}

/**
 * The rows of a pricing breakdown in the order the server applies them (list → member price → coupon →
 * points → shipping → payable), then what was refunded if any. Discounts that are 0 are left out; shipping always
 * shows, as 包邮 when free.
 */
export function pricingRows(pricing: OrderPricing, options: PricingRowsOptions = {}): PricingRow[] {
  const adjustments = options.adjustments ?? adjustmentsOf(pricing, options);
  const shippingFen = pricing.shippingFeeFen;
  const adjustmentRows = adjustments
    .filter((adjustment) => adjustment.code !== SHIPPING_ADJUSTMENT && adjustment.amountFen !== 0)
    .map((adjustment): PricingRow => {
      const key = BREAKDOWN_ADJUSTMENTS.find((known) => known.code === adjustment.code)?.field ?? adjustment.code;
      return adjustment.amountFen < 0
        ? { key, label: adjustment.label, fen: -adjustment.amountFen, sign: '-', amountText: `-${formatYuan(-adjustment.amountFen)}`, kind: 'discount' }
        : { key, label: adjustment.label, fen: adjustment.amountFen, sign: '+', amountText: `+${formatYuan(adjustment.amountFen)}`, kind: 'charge' };
    });
  return [
    { key: 'listTotalFen', label: '商品金额', fen: pricing.listTotalFen, sign: '', amountText: formatYuan(pricing.listTotalFen), kind: 'goods' },
    ...adjustmentRows,
    {
      key: 'shippingFeeFen',
      label: '运费',
      fen: shippingFen,
      sign: shippingFen > 0 ? '+' : '',
      // Nothing to ship (no goods) costs ¥0.00 rather than being 包邮.
      amountText: shippingFen > 0 ? `+${formatYuan(shippingFen)}` : pricing.listTotalFen > 0 ? '包邮' : formatYuan(0),
      kind: 'charge',
    },
    { key: 'payableFen', label: options.paid ? '实付金额' : '应付金额', fen: pricing.payableFen, sign: '', amountText: formatYuan(pricing.payableFen), kind: 'payable' },
    ...(options.refundedFen
      ? [{ key: 'refundedFen', label: '已退款', fen: options.refundedFen, sign: '-', amountText: `-${formatYuan(options.refundedFen)}`, kind: 'refund' } satisfies PricingRow]
      : []),
  ];
}
