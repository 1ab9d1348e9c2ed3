import type { EntityManager } from 'typeorm';
import type { CartUnavailableReason, CheckoutPreview, GroupBuyCheckout, OrderCancelReason, OrderPricing, OrderSource } from '../../../../shared';
import type { CheckoutLoyalty } from '../../loyalty/loyalty-checkout.service';
import type { ApiException } from '../../platform/errors/api-exception';
import type { OrderPricingWithPoints, PricedItem, PricingOptions } from '../../pricing/pricing';
import type { OrderRow } from '../order.entity';

/**
 * A checkout participant takes part in every order: it `quote`s a selection (may refuse lines, may change the
 * price), `reserve`s what the order takes inside the order's transaction, and `release`s it when the order is
 * cancelled or refunded before shipping. Stock, coupons and points are the first ones; a purchase limit, a
 * group-buy seat or a live-only quota is one more file and one registration (see checkout-participants.ts).
 */
export interface CheckoutParticipant<Hold = unknown> {
  /** Unique among the registered participants: `<module>.<what>` (stock, coupons, points…). */
  readonly name: string;
  /**
   * Quote, reserve and release run in rank order, lowest first (same rank: registered first). See
   * PARTICIPANT_RANKS: what refuses lines ranks below what prices them, so coupons are judged on what can be had.
   */
  readonly rank: number;
  /**
   * The one participant whose reserve writes the hottest rows (the stock): its reserve and release run after
   * every other participant's, as the last statements of the transaction, whatever its rank.
   */
  readonly reservesLast?: boolean;

  /** What this participant says about the selection. No writes: it runs for a preview and before the order's transaction. */
  quote(input: QuoteInput): Promise<ParticipantQuote<Hold>> | ParticipantQuote<Hold>;

  /**
   * Takes what the order needs inside the order's transaction (the order and its lines are written). A
   * conditional write that finds nothing left throws a 409 ApiException, which rolls the whole order back.
   */
  reserve(manager: EntityManager, input: ReserveInput<Hold>): Promise<void>;

  /**
   * Gives back what the order took, inside the transaction that cancelled it (or started its refund before
   * shipping). Called once per cause: only by the caller whose conditional status update won.
   */
  release(manager: EntityManager, input: ReleaseInput): Promise<void>;
}

/**
 * The ranks of the participants in this codebase. A new participant takes a free number where it belongs:
 * one that refuses lines (a purchase limit, a seat) between STOCK and COUPONS, so refused lines are neither
 * judged for coupons nor priced; one with a price effect after what it stacks on.
 */
export const PARTICIPANT_RANKS = {
  /** Quotes first (no line short of stock is priced); reserves last (reservesLast). */
  stock: 100,
  /** Refuses a group-buy whose team, limits or quota say no, before coupons judge it. */
  groupBuySeat: 200,
  /** Refuses a line whose live price ran out or whose session ended since it was priced, before coupons judge it. */
  livePriceQuota: 250,
  coupons: 300,
  /** After the coupon: points pay for the goods left after it. */
  points: 400,
  /** Reads only (which live session the order is attributed to); takes nothing. */
  liveAttribution: 500,
} as const;

/** A line as participants see it: the SKU, how many, the unit price its price source gave and what stacks on it. */
export interface ParticipantLine extends PricedItem {
  skuId: number;
  productId: number;
  categoryId: number;
  title: string;
  quantity: number;
  /** The SKU's stock as read before the transaction (a quick look; the stock's reserve is what guards it). */
  stock: number;
  /** The price source that priced the line (PriceSource.name), e.g. for a quota that comes with a price. */
  priceSourceName: string;
  /** LinePrice.offerRef of that source, when it names one: the quota that goes with the price is that offer's. */
  priceOfferRef?: number;
}

/** What the shopper chose at checkout. */
export interface CheckoutChoice {
  /** The member's coupon: undefined = the best usable one (preview only), null = none. */
  memberCouponId: number | null | undefined;
  usePoints: boolean;
}

export interface QuoteInput {
  memberId: number;
  source: OrderSource;
  now: Date;
  /** A preview lists every option; placing an order judges only what the shopper chose. */
  forPreview: boolean;
  /** The group-buy (拼团) the shopper opens or joins; null for an ordinary order. */
  groupBuy: GroupBuyCheckout | null;
  choice: CheckoutChoice;
  /** The member's level and points, read once by checkout. */
  buyer: CheckoutLoyalty;
  /** The lines no participant ranked before this one refused. */
  lines: ParticipantLine[];
  /** The pricing inputs so far: shipping, member price and the price effects of the participants before this one. */
  pricing: PricingOptions;
  /** Prices `lines` with the inputs so far, plus `extra`. */
  price(extra?: Partial<PricingOptions>): OrderPricingWithPoints;
}

/** Why the selection, or some of its lines, cannot be ordered. Placing an order answers the first refusal's error. */
export interface ParticipantRefusal {
  /** A 409 with a stable code and a message a shopper understands; what placing the order answers. */
  error: ApiException;
  /** The lines it concerns; null: the whole selection. */
  skuIds: number[] | null;
  /** The preview's own reason for the line, when it is one the storefront labels (sold out, short of stock). */
  lineReason?: Extract<CartUnavailableReason, 'sold_out' | 'insufficient_stock'>;
}

/**
 * Order columns a participant fills from its quote (the points used come out of the pricing itself).
 * `payDeadlineAt` may only bring the shop's payment deadline earlier (a 拼团 seat must be paid before its team expires).
 * `sourceLiveSessionId` / `sourceLiveAttribution`: the live session the order is attributed to (live/), filled together.
 */
export type ParticipantOrderFields = Pick<
  OrderRow,
  'memberCouponId' | 'couponTemplateId' | 'couponName' | 'groupBuyTeamId' | 'fulfilmentHold' | 'payDeadlineAt' | 'sourceLiveSessionId' | 'sourceLiveAttribution'
>;

/** The preview's fields that belong to a participant. */
export type ParticipantPreviewParts = Pick<CheckoutPreview, 'coupons' | 'selectedMemberCouponId' | 'points'>;

export interface ParticipantQuote<Hold = unknown> {
  refusals?: ParticipantRefusal[];
  /** The pricing inputs it sets (a coupon's saving, the points to redeem), for itself and the participants after it. */
  pricing?: Partial<PricingOptions>;
  /** The order columns it fills. */
  order?: Partial<ParticipantOrderFields>;
  /** Its part of the preview's answer. */
  preview?: Partial<ParticipantPreviewParts>;
  /** What its reserve needs, handed back to it in the order's transaction. */
  hold?: Hold;
}

/** A line of the order being placed, as reserve sees it (already inserted: its id names it in ledgers). */
export interface ReservedLine {
  id: number;
  orderId: number;
  skuId: number;
  productId: number;
  title: string;
  quantity: number;
}

export interface ReserveInput<Hold = unknown> {
  memberId: number;
  orderId: number;
  orderNo: string;
  lines: ReservedLine[];
  /** The order's pricing, as written. */
  pricing: OrderPricing;
  now: Date;
  /** What this participant's quote handed over (undefined when it handed nothing). */
  hold: Hold | undefined;
}

/** The order whose takings are given back. */
export type ReleasedOrder = Pick<OrderRow, 'id' | 'orderNo' | 'memberId' | 'memberCouponId' | 'pointsUsed' | 'fulfilmentHold'>;

/** A saved order line and the quantity given back (all of it on a cancel). */
export interface ReleasedLine {
  id: number;
  orderId: number;
  skuId: number;
  productId: number;
  quantity: number;
}

/** Why an order gives back what it took. */
export type ReleaseCause =
  /** Cancelled unpaid: by the shopper, staff or the timeout sweep. */
  | { kind: 'cancel'; reason: OrderCancelReason }
  /**
   * Paid and (partly) refunded before it shipped: a 仅退款 approved (the after-sale case it came from), or a staff
   * refund without a case (the staff member who started it). `lines` carry the refunded units only.
   */
  | { kind: 'refund_before_shipping'; afterSaleId: number | null; staffId?: number | null };

export interface ReleaseInput {
  order: ReleasedOrder;
  lines: ReleasedLine[];
  cause: ReleaseCause;
}
