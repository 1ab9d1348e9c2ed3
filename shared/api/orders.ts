import type { Fen } from '../money';
import type { ErrorCode } from '../errors';
import type { Address } from './addresses';
import type { AfterSale } from './after-sales';
import { CART_UNAVAILABLE_REASON_LABELS, type CartUnavailableReason } from './cart';
import type { CouponOption } from './coupons';
import type { GroupBuyCheckout } from './group-buy';
import type { LiveAttribution } from './live';

/**
 * Order states. 待付款 → 待发货 (paid) → 待收货 (shipped) → 已完成; 已取消 before payment (shopper, unpaid
 * timeout, staff); an after-sale case moves a paid, shipped or completed order to after_sale, a refund to
 * refunding and then refunded (a rejected case returns the order to where it was).
 * The server changes a status only with a conditional update from the state it expects.
 */
export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'shipped',
  'completed',
  'cancelled',
  'after_sale',
  'refunding',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: '待付款',
  paid: '待发货',
  shipped: '待收货',
  completed: '已完成',
  cancelled: '已取消',
  after_sale: '售后中',
  refunding: '退款中',
  refunded: '已退款',
};

/** Which states each state may move to (the state machine of the order). */
export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ['paid', 'cancelled'],
  // → refunding without an after-sale case: a system refund of the whole remaining order (staff, a failed group-buy team).
  paid: ['shipped', 'after_sale', 'refunding'],
  shipped: ['completed', 'after_sale', 'refunding'],
  completed: ['after_sale', 'refunding'],
  cancelled: [],
  after_sale: ['paid', 'shipped', 'completed', 'refunding'],
  refunding: ['refunded'],
  refunded: [],
};

/** Label shown beside the status of an order some of whose units were refunded while the rest stays in its flow. */
export const PARTIAL_REFUND_LABEL = '部分退款';

/** Part of the order was refunded (or is being refunded) and the rest goes on (shipping, completing, more refunds). */
export function isPartiallyRefunded(order: { status: OrderStatus; refundedFen: Fen }): boolean {
  return order.refundedFen > 0 && order.status !== 'refunded' && order.status !== 'refunding';
}

/**
 * Why a paid order may not be fulfilled yet: `group_buy` while its 拼团 team is forming. Set when the order is
 * placed and cleared for all the team's orders at once when the team succeeds; while set, the order cannot ship,
 * open an after-sale case or earn commission (order guards of the group-buy module).
 */
export const ORDER_HOLDS = ['group_buy'] as const;
export type OrderHold = (typeof ORDER_HOLDS)[number];

export const ORDER_HOLD_LABELS: Record<OrderHold, string> = {
  group_buy: '拼团中',
};

/** The status as shoppers and staff read it: 待收货 · 部分退款 while part of the order was refunded; 拼团中 while a paid order waits for its team. */
export function orderStatusText(order: { status: OrderStatus; refundedFen: Fen; fulfilmentHold?: OrderHold | null }): string {
  if (order.status === 'paid' && order.fulfilmentHold) return ORDER_HOLD_LABELS[order.fulfilmentHold];
  return isPartiallyRefunded(order) ? `${ORDER_STATUS_LABELS[order.status]} · ${PARTIAL_REFUND_LABEL}` : ORDER_STATUS_LABELS[order.status];
}

/** Tabs of the shopper's order list (全部/待付款/待发货/待收货/已完成/售后) and the states each shows. */
export const ORDER_TABS = ['all', 'pending_payment', 'paid', 'shipped', 'completed', 'after_sale'] as const;
export type OrderTab = (typeof ORDER_TABS)[number];

export const ORDER_TAB_LABELS: Record<OrderTab, string> = {
  all: '全部',
  pending_payment: '待付款',
  paid: '待发货',
  shipped: '待收货',
  completed: '已完成',
  after_sale: '售后',
};

export const ORDER_TAB_STATUSES: Record<Exclude<OrderTab, 'all'>, readonly OrderStatus[]> = {
  pending_payment: ['pending_payment'],
  paid: ['paid'],
  shipped: ['shipped'],
  completed: ['completed'],
  after_sale: ['after_sale', 'refunding', 'refunded'],
};

/** Who or what cancelled an order. */
/** group_ended: an unpaid group-buy order whose team ended (failed, completed, or its campaign ended) before it was paid. */
export const ORDER_CANCEL_REASONS = ['shopper', 'timeout', 'staff', 'group_ended'] as const;
export type OrderCancelReason = (typeof ORDER_CANCEL_REASONS)[number];

export const ORDER_CANCEL_REASON_LABELS: Record<OrderCancelReason, string> = {
  shopper: '买家取消',
  timeout: '超时未付款，系统自动取消',
  staff: '商家取消',
  group_ended: '拼团已结束，系统自动取消',
};

/** Longest order remark, in characters. */
export const ORDER_REMARK_MAX_LENGTH = 200;
/** Most distinct SKUs in one order. */
export const ORDER_MAX_LINES = 50;

/** One SKU and how many, as the client sends it: never a price. */
export interface OrderItemInput {
  skuId: number;
  /** 1..CART_MAX_QUANTITY */
  quantity: number;
}

/**
 * How the payable amount was reached, in this order: list price → member price (the member level's share
 * of the price on eligible products, each unit price rounded down to the fen) → coupon (judged on the
 * member-priced goods) → points (at most the points rule's share of the goods after the coupon, whole fen
 * only) → shipping (free from the lower of the shop's and the level's threshold, measured on the goods
 * after the coupon, before points) → payable. No step goes below zero.
 * payableFen = listTotalFen − memberDiscountFen − promotionDiscountFen − couponDiscountFen − pointsDiscountFen
 *              + shippingFeeFen
 */
export interface OrderPricing {
  /** Sum of unit price × quantity over the lines. */
  listTotalFen: Fen;
  memberDiscountFen: Fen;
  promotionDiscountFen: Fen;
  couponDiscountFen: Fen;
  pointsDiscountFen: Fen;
  shippingFeeFen: Fen;
  payableFen: Fen;
}

/**
 * One step between the list total and the payable amount, as the order keeps it: a new promotion adds
 * an adjustment with its own code, not a column. Adjustments come in the order they apply
 * (member price → promotions → coupon → points → shipping); listTotalFen + Σ amountFen = payableFen.
 */
export interface PricingAdjustment {
  /** member_price | promotion | coupon | points | shipping; a new kind of discount brings its own code. */
  code: string;
  /** The row's label as the shopper saw it when ordering (with the level, the coupon's name, the points spent). */
  label: string;
  /** Signed fen: a discount is negative, a charge (shipping) positive; never 0. */
  amountFen: Fen;
  /**
   * The SKUs of the lines it concerns (member price: the lines it lowered; coupon: the lines it was judged on;
   * points: the lines they could pay for); null: the whole order (shipping, and orders placed before adjustments were kept).
   */
  skuIds: number[] | null;
}

/** `POST /api/v1/checkout/preview`: what the order would be, priced by the server. Nothing is reserved. */
export interface CheckoutPreviewRequest {
  /** 1..ORDER_MAX_LINES distinct SKUs. 404 SKU_NOT_FOUND for an id that never existed or was deleted. */
  items: OrderItemInput[];
  /** The default address when omitted. 404 ADDRESS_NOT_FOUND for another member's or a missing one. */
  addressId?: number;
  /** The member's coupon to apply. Omitted: the usable coupon that saves the most; null: no coupon. */
  memberCouponId?: number | null;
  /** Redeem points (as many as the rule allows). Omitted: true. */
  usePoints?: boolean;
  /** Buy at the group price, opening (teamId null) or joining a team: see GroupBuyCheckout in group-buy.ts. */
  groupBuy?: GroupBuyCheckout;
}

export interface CheckoutLine {
  skuId: number;
  productId: number;
  title: string;
  specValues: string[];
  imageUrl: string;
  unitPriceFen: Fen;
  quantity: number;
  lineTotalFen: Fen;
  /** The price's name when not the list price (拼团价, 直播价…: see the server's price sources); null: the list price. */
  priceLabel: string | null;
  /**
   * Present when a special price of this SKU does not reach the line and the shopper should know why, e.g.
   * 「直播价仅剩 5 件，本行 6 件按原价计」 (the line is then at the list price, never split).
   */
  priceNote?: string;
  /** The unit price at the member's level (equal to unitPriceFen without a member price). */
  memberUnitPriceFen: Fen;
  /** The price the cart recorded for this SKU when it differs from today's price (shown, never applied). */
  cartPriceFen: Fen | null;
  stock: number;
  /** Why the line cannot be ordered now (sku_deleted never appears: such an id is a 404). */
  unavailableReason: Exclude<CartUnavailableReason, 'sku_deleted'> | null;
}

export interface CheckoutPreview {
  lines: CheckoutLine[];
  /** Over the orderable lines only. */
  pricing: OrderPricing;
  /** The same breakdown as the rows the order would keep. */
  adjustments: PricingAdjustment[];
  /** The address the order would ship to; null when the member has none. */
  address: Address | null;
  /** True when every line is orderable and there is an address. */
  canSubmit: boolean;
  /** The member's level and its member price (memberPricePercent 100 = none). */
  member: { levelName: string; memberPricePercent: number };
  /** Every unused coupon of the member judged against the orderable lines: usable first, best first. */
  coupons: CouponOption[];
  /** The coupon the pricing applies (the request's, or the best usable one); null: none. */
  selectedMemberCouponId: number | null;
  points: CheckoutPoints;
  /**
   * Present only when a checkout participant (a purchase limit, a group-buy seat…) refuses lines or the whole
   * selection for a reason the lines' unavailableReason does not name; canSubmit is then false. Refused lines
   * are left out of the pricing; placing the order anyway answers the first refusal's 409.
   */
  refusals?: CheckoutRefusal[];
}

/** Why a checkout participant refuses part of a selection. */
export interface CheckoutRefusal {
  /** What placing the order would answer (409), e.g. PURCHASE_LIMIT_REACHED. */
  code: ErrorCode;
  /** For the shopper, e.g. 「龙井」每人限购 1 件. */
  message: string;
  /** The lines it concerns; null: the whole selection. */
  skuIds: number[] | null;
}

/** Points at checkout: what the member has, what this order may take, and whether the pricing applies them. */
export interface CheckoutPoints {
  balance: number;
  /** Points worth 1 元. */
  pointsPerYuan: number;
  /** Points pay at most this share (%) of the goods after the coupon. */
  maxSharePercent: number;
  /** Points this order would take and what they pay (0 when not applied). */
  used: number;
  discountFen: Fen;
  /** What the points could pay if applied (shown beside the switch). */
  availableDiscountFen: Fen;
  applied: boolean;
}

/**
 * `POST /api/v1/orders` → 201 OrderDetail (a repeat of the same clientToken answers 200 with the same order).
 * 404 SKU_NOT_FOUND / ADDRESS_NOT_FOUND, 409 PRODUCT_OFF_SHELF / OUT_OF_STOCK (details.skuId names the SKU;
 * nothing is written). Prices and totals are not accepted: unknown fields are a 400.
 */
export interface CreateOrderRequest {
  /** Generated by the client once per checkout page (8..64 of [A-Za-z0-9_-]); retries send the same one. */
  clientToken: string;
  items: OrderItemInput[];
  addressId: number;
  /** 0..ORDER_REMARK_MAX_LENGTH characters. */
  remark?: string;
  /** True when the order was placed from the cart: the ordered SKUs leave the cart. */
  fromCart?: boolean;
  /**
   * The member's coupon the shopper chose (what the preview selected, or their change); omitted or null:
   * none. 400 COUPON_NOT_FOUND for an unknown or another member's coupon; 409 COUPON_NOT_APPLICABLE when it
   * does not apply to these goods (details.reason); 409 COUPON_UNAVAILABLE when it was used meanwhile.
   */
  memberCouponId?: number | null;
  /** Redeem points as the preview showed (as many as the rule allows). Omitted: false. */
  usePoints?: boolean;
  /**
   * The 应付金额 the checkout page showed (the preview's pricing.payableFen). When the order would cost another
   * amount (a price, a discount or the shipping changed since), 409 PRICE_CHANGED and nothing is written, so the
   * shopper is never asked to pay an amount they did not see. Omitted: not checked.
   */
  expectedPayableFen?: Fen;
  /** Open (teamId null) or join a team at the group price; not with fromCart (400 GROUP_BUY_SELECTION_INVALID). See GroupBuyCheckout. */
  groupBuy?: GroupBuyCheckout;
}

/** The address as it was when the order was placed. */
export type OrderAddress = Omit<Address, 'id' | 'isDefault'>;

/** A product/SKU as it was when the order was placed. */
export interface OrderLine {
  skuId: number;
  productId: number;
  title: string;
  specValues: string[];
  imageUrl: string;
  unitPriceFen: Fen;
  quantity: number;
  lineTotalFen: Fen;
  /** Units refunded or being refunded (partial refunds), 1..quantity; absent while none are. */
  refundedQuantity?: number;
}

/** Units of the line not refunded (nor being refunded) yet. */
export function refundableQuantity(line: Pick<OrderLine, 'quantity' | 'refundedQuantity'>): number {
  return line.quantity - (line.refundedQuantity ?? 0);
}

/** The lines with units not refunded yet, each with only those units as its quantity (what is left to pack or return). */
export function unrefundedUnits<L extends Pick<OrderLine, 'quantity' | 'refundedQuantity'>>(lines: readonly L[]): L[] {
  return lines.filter((line) => refundableQuantity(line) > 0).map((line) => ({ ...line, quantity: refundableQuantity(line) }));
}

/**
 * Where the order came from, from the storefront's attribution headers (ATTRIBUTION_HEADERS) at submission.
 * The referrer is only ever a share link the server knows (its short id, resolved server-side: the sharer is
 * who created it); an unknown or forged short id leaves it null and never blocks the order. The link's channel
 * and live session win over the plain channel and live-room headers.
 */
export interface OrderSource {
  channelCode: string | null;
  /** The share link's short id. */
  referrerCode: string | null;
  /** The member who created the share link (null for the buyer's own link); staff only: null in the shopper's view. */
  sharerMemberId: number | null;
  liveRoomId: string | null;
  groupBuyTeamId: number | null;
  /** The live session the order is attributed to, and how (LIVE_ATTRIBUTIONS in shared/api/live.ts); null = none. */
  liveSessionId: number | null;
  liveAttribution: LiveAttribution | null;
}

/** `GET /api/v1/orders?status=&page=&pageSize=` → Paginated<OrderSummary>, newest first. */
export interface OrderListQuery {
  /** A tab of ORDER_TABS; 'all' when omitted. */
  status?: OrderTab;
  page?: number;
  pageSize?: number;
}

export interface OrderSummary {
  orderNo: string;
  status: OrderStatus;
  lines: OrderLine[];
  /** Units over all lines. */
  itemCount: number;
  payableFen: Fen;
  /** Refunds started on the order (processing or succeeded); above 0 while not refunded: 部分退款 (isPartiallyRefunded). */
  refundedFen: Fen;
  createdAt: string;
  /** While pending_payment: when the unpaid order will be cancelled (for the countdown). */
  payDeadlineAt: string | null;
  /** Set while the order may not be fulfilled yet (a forming 拼团 team); see ORDER_HOLDS. */
  fulfilmentHold: OrderHold | null;
  /** The order's 拼团 team (its page is /pages/group-buy/team/index?id=…), else null. */
  groupBuyTeamId: number | null;
}

/** `GET /api/v1/orders/:orderNo` (404 ORDER_NOT_FOUND for another member's order);
 * `POST /api/v1/orders/:orderNo/cancel` (pending_payment only, else 409 ORDER_STATE_CONFLICT; cancelling a
 * cancelled order answers it unchanged). */
export interface OrderDetail extends OrderSummary {
  pricing: OrderPricing;
  /** The breakdown as labelled rows, snapshotted when the order was placed. */
  adjustments: PricingAdjustment[];
  /** The coupon the order used (its name as it was then); null: none. */
  coupon: { memberCouponId: number; templateId: number; name: string } | null;
  /** Points redeemed for pricing.pointsDiscountFen (given back if the order is cancelled unpaid). */
  pointsUsed: number;
  address: OrderAddress;
  remark: string;
  source: OrderSource;
  paidAt: string | null;
  shippedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  cancelReason: OrderCancelReason | null;
  /** Carrier and tracking number once shipped. */
  shipment: Shipment | null;
  /** While shipped: when the order will be confirmed as received automatically. */
  autoConfirmAt: string | null;
  /** The order's after-sale case (the latest one), if any. */
  afterSale: AfterSale | null;
  /** The shopper's last 提醒发货 and when the next one is accepted; null when never reminded. */
  shipReminder: ShipReminder | null;
  /** What happened to the order, oldest first (订单时间线). */
  timeline: OrderTimelineEntry[];
}

/** `POST /api/v1/orders/:orderNo/confirm-receipt` → OrderDetail (shipped only; a repeat answers it unchanged). */
export interface Shipment {
  /** A code of EXPRESS_COMPANIES (WeChat's delivery company ids). */
  carrierCode: string;
  carrierName: string;
  trackingNo: string;
  shippedAt: string;
}

/** Carriers staff can pick when shipping; codes are the ids WeChat's shipping-info API expects. */
export const EXPRESS_COMPANIES = [
  { code: 'SF', name: '顺丰速运' },
  { code: 'ZTO', name: '中通快递' },
  { code: 'YTO', name: '圆通速递' },
  { code: 'STO', name: '申通快递' },
  { code: 'YD', name: '韵达速递' },
  { code: 'JTSD', name: '极兔速递' },
  { code: 'EMS', name: 'EMS' },
  { code: 'JD', name: '京东物流' },
] as const;

export const ORDER_TIMELINE_EVENTS = [
  'created',
  'paid',
  'shipped',
  'completed',
  'cancelled',
  'after_sale_applied',
  'ship_reminded',
  'after_sale_approved',
  'after_sale_rejected',
  'return_shipped',
  'return_received',
  'refund_started',
  'refunded',
  'system_refund_started',
  'system_refunded',
] as const;
export type OrderTimelineEvent = (typeof ORDER_TIMELINE_EVENTS)[number];

export interface OrderTimelineEntry {
  event: OrderTimelineEvent;
  at: string;
  /** Chinese text for the shopper, e.g. "商家已发货：顺丰速运 SF1234567890". */
  text: string;
}

/** Hours between two 提醒发货 of one order. */
export const SHIP_REMINDER_INTERVAL_HOURS = 24;

/**
 * `POST /api/v1/orders/:orderNo/ship-reminder` → OrderDetail: the shopper asks the shop to ship a paid order.
 * At most once per SHIP_REMINDER_INTERVAL_HOURS per order (parallel taps count once): sooner is 429
 * SHIP_REMINDER_TOO_SOON (details.nextAllowedAt); an order that is not waiting to ship is 409 ORDER_STATE_CONFLICT.
 */
export interface ShipReminder {
  remindedAt: string;
  nextAllowedAt: string;
}

/** Why an order line could not go back into the cart (再来一单): the cart's reasons, or no room for another line. */
export type ReorderSkipReason = Exclude<CartUnavailableReason, 'insufficient_stock'> | 'cart_full';

export const REORDER_SKIP_REASON_LABELS: Record<ReorderSkipReason, string> = {
  off_shelf: CART_UNAVAILABLE_REASON_LABELS.off_shelf,
  sold_out: CART_UNAVAILABLE_REASON_LABELS.sold_out,
  sku_deleted: CART_UNAVAILABLE_REASON_LABELS.sku_deleted,
  cart_full: '购物车已满',
};

export interface ReorderLine {
  skuId: number;
  title: string;
  specValues: string[];
  /** Units the order had. */
  orderedQuantity: number;
}

/**
 * `POST /api/v1/orders/:orderNo/reorder` (再来一单) → ReorderResult: every line of the order that can still be
 * bought goes into the cart with the order's quantity (fewer when the stock is short, added to a line of the
 * same SKU, at most CART_MAX_QUANTITY). Nothing is reserved or priced: the cart shows today's prices.
 */
export interface ReorderResult {
  added: (ReorderLine & { quantity: number })[];
  skipped: (ReorderLine & { reason: ReorderSkipReason })[];
}

/** `GET /api/v1/admin/settings/shop`, `PUT /api/v1/admin/settings/shop` (SHOP_SETTINGS_ROLES). */
export interface ShopSettings {
  /** Flat shipping fee per order (0 = always free). */
  shippingFeeFen: Fen;
  /** Orders whose goods total reaches this ship free; null = no threshold. */
  freeShippingThresholdFen: Fen | null;
  /** Unpaid orders are cancelled this many minutes after placement (5..1440, default 30). */
  unpaidTimeoutMinutes: number;
  /** Shipped orders are confirmed as received this many days after shipping (1..30, default 10). */
  autoConfirmDays: number;
}

/** The 我的 page's order shortcuts and the states each shortcut's badge counts. */
export const ORDER_BADGE_TABS = ['pending_payment', 'paid', 'shipped', 'after_sale'] as const;
export type OrderBadgeTab = (typeof ORDER_BADGE_TABS)[number];

/** 售后 counts the cases still open (售后中, 退款中); a finished refund no longer waits on anyone. */
export const ORDER_BADGE_STATUSES: Record<OrderBadgeTab, readonly OrderStatus[]> = {
  pending_payment: ['pending_payment'],
  paid: ['paid'],
  shipped: ['shipped'],
  after_sale: ['after_sale', 'refunding'],
};

/** `GET /api/v1/me/order-counts`: the caller's orders per shortcut. */
export type OrderCounts = Record<OrderBadgeTab, number>;
