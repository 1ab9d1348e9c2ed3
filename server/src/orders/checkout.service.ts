import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  type Address,
  type CheckoutLine,
  type CheckoutPoints,
  type CheckoutPreview,
  type GroupBuyCheckout,
  type OrderDetail,
  type OrderSource,
  type ShippingRule,
} from '../../../shared';
import { CartItemRow } from '../cart/cart-item.entity';
import { LoyaltyCheckoutService, type CheckoutLoyalty } from '../loyalty/loyalty-checkout.service';
import { isUniqueViolation, TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { ShopSettingsService } from '../settings/shop-settings.service';
import { OrderEventPublisher } from './order-events';
import { OrderLineRow } from './order-line.entity';
import { newOrderNo } from './order-number';
import { OrderRow } from './order.entity';
import type { CheckoutPreviewDto, CreateOrderDto, OrderItemDto } from './order.dto';
import { toOrderDetail, type OrderLineFields } from './order-views';
import { readOrderInputs, readPreviewInputs } from './order-inputs';
import { OrdersService } from './orders.service';
import { insertRow, insertRowsReturningIds } from '../platform/database/plain-sql';
import { LIST_PRICE_SOURCE } from '../pricing/list-price.source';
import { orderAdjustments } from '../pricing/order-adjustments';
import { PriceSourceRegistry, type PricedLine } from '../pricing/price-sources';
import { memberUnitPrice, priceOrder } from '../pricing/pricing';
import type { CheckoutChoice, ParticipantLine } from './participants/checkout-participant';
import { CheckoutParticipants } from './participants/checkout-participants';
import { productOffShelf, skuNotFound, snapshotOf, type SellableSku, type SkuSnapshot } from './sellable-skus';

/** An order number collision (1 in 10^10 per day) is retried with a fresh number. */
const ORDER_NO_ATTEMPTS = 3;

/**
 * Checkout: pricing a selection, and placing it as an order that holds its stock until paid or cancelled.
 * What an order takes besides its rows (stock, a coupon, points, and what later features add) is the checkout
 * participants' business (participants/): they quote the selection, and reserve inside the order's transaction.
 */
@Injectable()
export class CheckoutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly settings: ShopSettingsService,
    private readonly orders: OrdersService,
    private readonly events: OrderEventPublisher,
    private readonly loyalty: LoyaltyCheckoutService,
    private readonly prices: PriceSourceRegistry,
    private readonly participants: CheckoutParticipants,
  ) {}

  /**
   * Prices the items as an order would, flags what cannot be ordered (off the shelf, or refused by a
   * participant: short of stock, a purchase limit…) and prices changed since the cart, and shows the
   * member's coupons (the best usable one selected unless the request chose) and points.
   */
  async preview(memberId: number, input: CheckoutPreviewDto, source: OrderSource): Promise<CheckoutPreview> {
    const skuIds = input.items.map((item) => item.skuId);
    const [{ skus, address, buyer, cartPrices: cartPrice }, settings] = await Promise.all([
      readPreviewInputs(this.dataSource.manager, memberId, input.addressId, skuIds),
      this.settings.get(),
    ]);
    const loyalty = await this.loyalty.forStanding(buyer);
    const found = input.items.map((item) => {
      const sku = skus.get(item.skuId);
      if (!sku) throw skuNotFound(item.skuId);
      return { sku, snapshot: snapshotOf(sku), quantity: item.quantity } satisfies SkuAndQuantity;
    });
    const groupBuy = input.groupBuy ?? null;
    const linePrices = await this.linePrices(memberId, source, groupBuy, found);
    const quoted = found.map((entry, index) => participantLine(entry, linePrices[index]));
    const onShelf = quoted.filter((_, index) => found[index].sku.product.onShelf);
    const { quote, pricing, adjustments } = await this.quote(memberId, source, groupBuy, onShelf, settings, loyalty, true, {
      memberCouponId: input.memberCouponId,
      usePoints: input.usePoints ?? true,
    });
    const lineReasons = new Map(quote.refusals.flatMap((refusal) => (refusal.lineReason ? (refusal.skuIds ?? []).map((skuId) => [skuId, refusal.lineReason!] as const) : [])));
    const lines = found.map((entry, index): CheckoutLine => {
      const { sku, snapshot } = entry;
      const price = linePrices[index];
      const recorded = cartPrice.get(sku.sku.id);
      return {
        ...orderLine(entry, price),
        priceLabel: price.sourceName === LIST_PRICE_SOURCE ? null : price.label,
        ...(price.note ? { priceNote: price.note } : {}),
        memberUnitPriceFen: memberUnitPrice(quoted[index], loyalty.memberPricePercent),
        cartPriceFen: recorded !== undefined && recorded !== snapshot.priceFen ? recorded : null,
        stock: sku.sku.stock,
        unavailableReason: sku.product.onShelf ? (lineReasons.get(sku.sku.id) ?? null) : 'off_shelf',
      };
    });
    // Refusals the lines do not show (a purchase limit, a group-buy seat…) are listed with their messages.
    const refusals = quote.refusals.filter((refusal) => !refusal.lineReason).map(({ error, skuIds }) => ({ code: error.code, message: error.message, skuIds }));
    return {
      lines,
      pricing,
      adjustments,
      address,
      canSubmit: address !== null && onShelf.length === found.length && quote.refusals.length === 0,
      member: { levelName: loyalty.level.name, memberPricePercent: loyalty.memberPricePercent },
      coupons: quote.preview.coupons ?? [],
      selectedMemberCouponId: quote.preview.selectedMemberCouponId ?? null,
      points: quote.preview.points ?? noPoints(loyalty),
      ...(refusals.length > 0 ? { refusals } : {}),
    };
  }

  /**
   * Places an order in pending_payment. The order rows, the cart clean-up and every participant's reserve
   * (the coupon, the points, then the stock decrements last) are one transaction; a SKU short of stock (409
   * OUT_OF_STOCK), a coupon spent meanwhile (409 COUPON_UNAVAILABLE), points spent meanwhile (409
   * POINTS_INSUFFICIENT) or any participant's refusal roll everything back.
   * Idempotent on (member, clientToken): a repeat, even a parallel one, answers the first order.
   */
  async place(memberId: number, input: CreateOrderDto, source: OrderSource): Promise<{ order: OrderDetail; created: boolean }> {
    try {
      return { order: await this.create(memberId, input, source), created: true };
    } catch (error) {
      // The token is only looked up when placing fails (a repeat fails on the token's unique index at the
      // latest): a repeat answers its first order, whatever placing it again met (sold out, a lost race).
      const existing = await this.orders.findByClientToken(memberId, input.clientToken);
      if (existing) return { order: existing, created: false };
      throw error;
    }
  }

  /** Writes a new order and answers its detail, built from the rows just written (what a read would return). */
  private async create(memberId: number, input: CreateOrderDto, source: OrderSource): Promise<OrderDetail> {
    const groupBuy = input.groupBuy ?? null;
    if (groupBuy && input.fromCart) {
      throw new ApiException('GROUP_BUY_SELECTION_INVALID', HttpStatus.BAD_REQUEST, '拼团商品请在商品页直接购买，不能从购物车结算');
    }
    const [{ skus, address, buyer }, settings] = await Promise.all([
      readOrderInputs(this.dataSource.manager, memberId, input.addressId, input.items.map((item) => item.skuId)),
      this.settings.get(),
    ]);
    const orderable = input.items.map((item) => orderableSku(item, skus));
    const [loyalty, linePrices] = await Promise.all([this.loyalty.forStanding(buyer), this.linePrices(memberId, source, groupBuy, orderable)]);
    const items = orderable.map((entry, index) => participantLine(entry, linePrices[index]));
    const lines = orderable.map((entry, index) => orderLine(entry, linePrices[index]));
    // What the shopper chose, exactly: no coupon and no points unless the request asks for them. A refusal is its 409.
    const { quote, pricing, adjustments, pointsUsed } = await this.quote(memberId, source, groupBuy, items, settings, loyalty, false, {
      memberCouponId: input.memberCouponId ?? null,
      usePoints: input.usePoints ?? false,
    });
    if (input.expectedPayableFen !== undefined && input.expectedPayableFen !== pricing.payableFen) {
      throw new ApiException('PRICE_CHANGED', HttpStatus.CONFLICT, '商品价格或优惠有变动，请确认最新金额后再提交', {
        expectedPayableFen: input.expectedPayableFen,
        payableFen: pricing.payableFen,
      });
    }
    const now = new Date();
    const order: Omit<OrderRow, 'id' | 'orderNo' | 'updatedAt'> = {
      memberId,
      clientToken: input.clientToken,
      status: 'pending_payment',
      itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
      ...pricing,
      adjustments,
      memberCouponId: quote.order.memberCouponId ?? null,
      couponTemplateId: quote.order.couponTemplateId ?? null,
      couponName: quote.order.couponName ?? null,
      pointsUsed,
      refundedFen: 0,
      ...addressSnapshot(address),
      remark: input.remark?.trim() ?? '',
      sourceChannelCode: source.channelCode,
      sourceReferrerCode: source.referrerCode,
      sourceSharerMemberId: source.sharerMemberId,
      sourceLiveRoomId: source.liveRoomId,
      // A participant names the live session the order is attributed to (live/live-attribution.participant.ts).
      sourceLiveSessionId: quote.order.sourceLiveSessionId ?? source.liveSessionId,
      sourceLiveAttribution: quote.order.sourceLiveAttribution ?? source.liveAttribution,
      // A group-buy order joining a team names it from the quote; one opening a team gets its id in the seat's reserve.
      groupBuyTeamId: quote.order.groupBuyTeamId ?? source.groupBuyTeamId,
      fulfilmentHold: quote.order.fulfilmentHold ?? null,
      // Set here rather than by the column default, so the answer carries exactly what the row holds.
      createdAt: now,
      // Whole seconds: MySQL's DATETIME keeps no fraction, and the answer must match a later read.
      payDeadlineAt: wholeSeconds(Math.min(now.getTime() + settings.unpaidTimeoutMinutes * 60_000, quote.order.payDeadlineAt?.getTime() ?? Infinity)),
      paidAt: null,
      shippedAt: null,
      completedAt: null,
      cancelledAt: null,
      cancelReason: null,
      cancelNote: null,
      refundedAt: null,
      shipRemindedAt: null,
      prepayId: null,
      prepayExpiresAt: null,
      paymentAttemptAt: null,
      carrierCode: null,
      trackingNo: null,
      autoConfirmAt: null,
      shippingReportStatus: null,
      shippingReportMessage: null,
      shippingReportAt: null,
    };

    for (let attempt = 1; ; attempt++) {
      const orderNo = newOrderNo(now);
      try {
        const { orderId, groupBuyTeamId } = await this.transactions.run(async (manager) => {
          const orderId = await insertRow(manager, OrderRow, { ...order, orderNo });
          const lineIds = await insertRowsReturningIds(manager, OrderLineRow, lines.map((line) => ({ ...line, orderId })));
          if (input.fromCart) {
            await manager.delete(CartItemRow, { memberId, skuId: In(lines.map((line) => line.skuId)) });
          }
          this.events.created(manager, { ...order, id: orderId, orderNo });
          // Coupon, points, then the stock last; the registry writes the events (order, coupon, points) in one
          // INSERT before the stock, so the stock decrement stays the last write.
          await this.participants.reserve(manager, { memberId, orderId, orderNo, lines: lines.map((line, index) => ({ ...line, id: lineIds[index], orderId })), pricing, now }, quote.holds);
          // A held order's reserve may have written its team (a new 拼团 team's id exists only now): answer the written row's.
          if (order.fulfilmentHold === null) return { orderId, groupBuyTeamId: order.groupBuyTeamId };
          const written = await manager.findOneOrFail(OrderRow, { select: { id: true, groupBuyTeamId: true }, where: { id: orderId } });
          return { orderId, groupBuyTeamId: written.groupBuyTeamId };
        });
        return toOrderDetail({ ...order, id: orderId, orderNo, groupBuyTeamId, updatedAt: now }, lines, []);
      } catch (error) {
        // A unique index refused the order: the clientToken's (the caller answers that order) or, when the
        // token has no order, the order number's, which a fresh number fixes.
        if (!isUniqueViolation(error) || attempt >= ORDER_NO_ATTEMPTS) throw error;
        if (await this.orders.findByClientToken(memberId, input.clientToken)) throw error;
      }
    }
  }

  /** Each line's unit price and what stacks on it, from the registered price sources. */
  private linePrices(memberId: number, source: OrderSource, groupBuy: GroupBuyCheckout | null, skus: SkuAndQuantity[]): Promise<PricedLine[]> {
    const lines = skus.map(({ sku, snapshot, quantity }) => ({
      skuId: sku.sku.id,
      productId: snapshot.productId,
      categoryId: snapshot.categoryId,
      listPriceFen: snapshot.priceFen,
      memberPriceEnabled: snapshot.memberPriceEnabled,
      quantity,
    }));
    return this.prices.resolve(lines, { memberId, source, now: new Date(), groupBuy });
  }

  /**
   * Asks the participants about the lines (member price first, then each participant's price effect: the
   * coupon judged on the member-priced goods, points if asked), then prices what they left orderable.
   * Placing an order (forPreview false) stops at the first refusal with its 409.
   */
  private async quote(
    memberId: number,
    source: OrderSource,
    groupBuy: GroupBuyCheckout | null,
    lines: ParticipantLine[],
    settings: ShippingRule,
    loyalty: CheckoutLoyalty,
    forPreview: boolean,
    choice: CheckoutChoice,
  ) {
    const quote = await this.participants.quote({
      memberId,
      source,
      now: new Date(),
      forPreview,
      groupBuy,
      choice,
      buyer: loyalty,
      lines,
      pricing: { shipping: settings, memberPricePercent: loyalty.memberPricePercent, levelFreeShippingThresholdFen: loyalty.freeShippingThresholdFen },
    });
    const { pointsUsed, ...pricing } = priceOrder(quote.lines, quote.pricing);
    const adjustments = orderAdjustments(quote.lines, pricing, {
      memberPricePercent: loyalty.memberPricePercent,
      levelName: loyalty.level.name,
      couponName: quote.order.couponName ?? null,
      pointsUsed,
    });
    return { quote, pricing, adjustments, pointsUsed };
  }
}

/** A SKU found for a line of the request, as it is now, and how many. */
interface SkuAndQuantity {
  sku: SellableSku;
  snapshot: SkuSnapshot;
  quantity: number;
}

/** A line as the participants and pricing see it: its unit price and what stacks on it, what coupon scopes look at, the stock seen. */
function participantLine({ sku, snapshot, quantity }: SkuAndQuantity, price: PricedLine): ParticipantLine {
  return {
    skuId: sku.sku.id,
    unitPriceFen: price.unitPriceFen,
    quantity,
    memberPriceEnabled: price.stacking.memberPrice,
    couponEnabled: price.stacking.coupon,
    pointsEnabled: price.stacking.points,
    productId: snapshot.productId,
    categoryId: snapshot.categoryId,
    title: snapshot.title,
    stock: sku.sku.stock,
    priceSourceName: price.sourceName,
  };
}

/** The SKU of an order item; refuses deleted and off-shelf SKUs (the stock's participant refuses short ones). */
function orderableSku(item: OrderItemDto, skus: Map<number, SellableSku>): SkuAndQuantity {
  const found = skus.get(item.skuId);
  if (!found) throw skuNotFound(item.skuId);
  const snapshot = snapshotOf(found);
  if (!found.product.onShelf) throw productOffShelf(item.skuId, snapshot.title);
  return { sku: found, snapshot, quantity: item.quantity };
}

/** The line as the order records it, at the unit price its price source gave. */
function orderLine({ sku, snapshot, quantity }: SkuAndQuantity, price: PricedLine): OrderLineFields {
  return {
    skuId: sku.sku.id,
    productId: snapshot.productId,
    title: snapshot.title,
    specValues: snapshot.specValues,
    imageUrl: snapshot.imageUrl,
    unitPriceFen: price.unitPriceFen,
    quantity,
    lineTotalFen: price.unitPriceFen * quantity,
    refundedQuantity: 0,
  };
}

/** The preview's points when no participant speaks for points: none used, none to use. */
function noPoints(loyalty: CheckoutLoyalty): CheckoutPoints {
  return {
    balance: loyalty.pointsBalance,
    pointsPerYuan: loyalty.pointsPerYuan,
    maxSharePercent: loyalty.pointsMaxSharePercent,
    used: 0,
    discountFen: 0,
    availableDiscountFen: 0,
    applied: false,
  };
}

function wholeSeconds(epochMs: number): Date {
  return new Date(Math.floor(epochMs / 1000) * 1000);
}

function addressSnapshot(address: Address) {
  return {
    recipientName: address.recipientName,
    recipientPhone: address.phone,
    provinceName: address.provinceName,
    cityName: address.cityName,
    districtName: address.districtName,
    regionCode: address.regionCode,
    addressDetail: address.detail,
  };
}
