import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  COUPON_UNUSABLE_REASON_LABELS,
  type Address,
  type CheckoutLine,
  type CheckoutPoints,
  type CheckoutPreview,
  type CouponOption,
  type OrderDetail,
  type OrderSource,
  type ShippingRule,
} from '../../../shared';
import { AddressesService } from '../addresses/addresses.service';
import { CartItemRow } from '../cart/cart-item.entity';
import { CouponCheckoutService, type CouponLine } from '../coupons/coupon-checkout.service';
import { LoyaltyCheckoutService, type CheckoutLoyalty } from '../loyalty/loyalty-checkout.service';
import { ApiException } from '../platform/errors/api-exception';
import { isUniqueViolation, TransactionRunner } from '../platform/database/transaction-runner';
import { ShopSettingsService } from '../settings/shop-settings.service';
import { OrderEventPublisher } from './order-events';
import { OrderLineRow } from './order-line.entity';
import { newOrderNo } from './order-number';
import { takeForOrder } from '../inventory/stock-ledger';
import { OrderRow } from './order.entity';
import type { CheckoutPreviewDto, CreateOrderDto, OrderItemDto } from './order.dto';
import { toOrderDetail, type OrderLineFields } from './order-views';
import { readOrderInputs } from './order-inputs';
import { OrdersService } from './orders.service';
import { insertRow, insertRows } from '../platform/database/plain-sql';
import { LIST_PRICE_SOURCE } from '../pricing/list-price.source';
import { orderAdjustments } from '../pricing/order-adjustments';
import { PriceSourceRegistry, type PricedLine } from '../pricing/price-sources';
import { memberPricedAmounts, memberUnitPrice, priceOrder, type PricedItem } from '../pricing/pricing';
import {
  findSellableSkus,
  outOfStock,
  productOffShelf,
  skuNotFound,
  snapshotOf,
  unavailableReason,
  type SellableSku,
  type SkuSnapshot,
} from './sellable-skus';

/** An order number collision (1 in 10^10 per day) is retried with a fresh number. */
const ORDER_NO_ATTEMPTS = 3;

/** Checkout: pricing a selection, and placing it as an order that holds its stock until paid or cancelled. */
@Injectable()
export class CheckoutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly settings: ShopSettingsService,
    private readonly addresses: AddressesService,
    private readonly orders: OrdersService,
    private readonly events: OrderEventPublisher,
    private readonly coupons: CouponCheckoutService,
    private readonly loyalty: LoyaltyCheckoutService,
    private readonly prices: PriceSourceRegistry,
  ) {}

  /**
   * Prices the items as an order would, flags what cannot be ordered and prices changed since the cart,
   * and shows the member's coupons (the best usable one selected unless the request chose) and points.
   */
  async preview(memberId: number, input: CheckoutPreviewDto, source: OrderSource): Promise<CheckoutPreview> {
    const skuIds = input.items.map((item) => item.skuId);
    const [skus, settings, address, cartRows, loyalty] = await Promise.all([
      findSellableSkus(this.dataSource.manager, skuIds),
      this.settings.get(),
      this.addresses.findForOrder(memberId, input.addressId),
      this.dataSource.getRepository(CartItemRow).findBy({ memberId, skuId: In(skuIds) }),
      this.loyalty.forCheckout(memberId),
    ]);
    const cartPrice = new Map(cartRows.map((row) => [row.skuId, row.addedPriceFen]));
    const found = input.items.map((item) => {
      const sku = skus.get(item.skuId);
      if (!sku) throw skuNotFound(item.skuId);
      return { sku, snapshot: snapshotOf(sku), quantity: item.quantity } satisfies SkuAndQuantity;
    });
    const linePrices = await this.linePrices(memberId, source, found);
    const priced: { line: CheckoutLine; item: QuotedItem }[] = found.map((entry, index) => {
      const { sku, snapshot, quantity } = entry;
      const price = linePrices[index];
      const recorded = cartPrice.get(sku.sku.id);
      const quoted = quotedItem(entry, price);
      const line: CheckoutLine = {
        ...orderLine(entry, price),
        priceLabel: price.sourceName === LIST_PRICE_SOURCE ? null : price.label,
        memberUnitPriceFen: memberUnitPrice(quoted, loyalty.memberPricePercent),
        cartPriceFen: recorded !== undefined && recorded !== snapshot.priceFen ? recorded : null,
        stock: sku.sku.stock,
        // The SKU exists here, so the reason is never sku_deleted.
        unavailableReason: unavailableReason(sku, quantity) as CheckoutLine['unavailableReason'],
      };
      return { line, item: quoted };
    });
    const orderable = priced.filter(({ line }) => line.unavailableReason === null).map(({ item }) => item);
    const quote = await this.quote(memberId, orderable, settings, loyalty, {
      forPreview: true,
      memberCouponId: input.memberCouponId,
      usePoints: input.usePoints ?? true,
    });
    return {
      lines: priced.map(({ line }) => line),
      pricing: quote.pricing,
      adjustments: quote.adjustments,
      address,
      canSubmit: address !== null && orderable.length === priced.length,
      member: { levelName: loyalty.level.name, memberPricePercent: loyalty.memberPricePercent },
      coupons: quote.coupons,
      selectedMemberCouponId: quote.coupon?.memberCouponId ?? null,
      points: quote.points,
    };
  }

  /**
   * Places an order in pending_payment. The order rows, the cart clean-up, spending the coupon and the points,
   * and the stock decrements are one transaction with the stock last; a SKU short of stock (409 OUT_OF_STOCK),
   * a coupon spent meanwhile (409 COUPON_UNAVAILABLE) or points spent meanwhile (409 POINTS_INSUFFICIENT) roll
   * everything back.
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
    const [{ skus, address, buyer }, settings] = await Promise.all([
      readOrderInputs(this.dataSource.manager, memberId, input.addressId, input.items.map((item) => item.skuId)),
      this.settings.get(),
    ]);
    const orderable = input.items.map((item) => orderableSku(item, skus));
    const [loyalty, linePrices] = await Promise.all([this.loyalty.forStanding(buyer), this.linePrices(memberId, source, orderable)]);
    const items = orderable.map((entry, index) => quotedItem(entry, linePrices[index]));
    const lines = orderable.map((entry, index) => orderLine(entry, linePrices[index]));
    // What the shopper chose, exactly: no coupon and no points unless the request asks for them.
    const { pricing, adjustments, pointsUsed, coupon, couponLines } = await this.quote(memberId, items, settings, loyalty, {
      forPreview: false,
      memberCouponId: input.memberCouponId ?? null,
      usePoints: input.usePoints ?? false,
    });
    const now = new Date();
    const order: Omit<OrderRow, 'id' | 'orderNo' | 'updatedAt'> = {
      memberId,
      clientToken: input.clientToken,
      status: 'pending_payment',
      itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
      ...pricing,
      adjustments,
      memberCouponId: coupon?.memberCouponId ?? null,
      couponTemplateId: coupon?.templateId ?? null,
      couponName: coupon?.name ?? null,
      pointsUsed,
      ...addressSnapshot(address),
      remark: input.remark?.trim() ?? '',
      sourceChannelCode: source.channelCode,
      sourceReferrerCode: source.referrerCode,
      sourceSharerMemberId: source.sharerMemberId,
      sourceLiveRoomId: source.liveRoomId,
      groupBuyTeamId: source.groupBuyTeamId,
      // Set here rather than by the column default, so the answer carries exactly what the row holds.
      createdAt: now,
      // Whole seconds: MySQL's DATETIME keeps no fraction, and the answer must match a later read.
      payDeadlineAt: wholeSeconds(now.getTime() + settings.unpaidTimeoutMinutes * 60_000),
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
        const orderId = await this.transactions.run(async (manager) => {
          const orderId = await insertRow(manager, OrderRow, { ...order, orderNo });
          await insertRows(manager, OrderLineRow, lines.map((line) => ({ ...line, orderId })));
          if (input.fromCart) {
            await manager.delete(CartItemRow, { memberId, skuId: In(lines.map((line) => line.skuId)) });
          }
          if (coupon) {
            // Spent with the order, or not at all: a parallel checkout that used it first makes this one fail.
            const redeemed = await this.coupons.redeem(manager, { memberId, memberCouponId: coupon.memberCouponId, orderId, lines: couponLines, now });
            if (redeemed.discountFen !== pricing.couponDiscountFen) throw couponChanged(coupon.memberCouponId);
          }
          if (pointsUsed > 0) await this.loyalty.spendPoints(manager, { memberId, orderId, orderNo, points: pointsUsed });
          this.events.created(manager, { ...order, id: orderId, orderNo });
          // The events (order, coupon, points) in one INSERT now, so the stock decrement stays the last write.
          await this.events.flush(manager);
          await takeForOrder(manager, orderId, lines);
          return orderId;
        });
        return toOrderDetail({ ...order, id: orderId, orderNo, updatedAt: now }, lines, []);
      } catch (error) {
        // A unique index refused the order: the clientToken's (the caller answers that order) or, when the
        // token has no order, the order number's, which a fresh number fixes.
        if (!isUniqueViolation(error) || attempt >= ORDER_NO_ATTEMPTS) throw error;
        if (await this.orders.findByClientToken(memberId, input.clientToken)) throw error;
      }
    }
  }

  /** Each line's unit price and what stacks on it, from the registered price sources. */
  private linePrices(memberId: number, source: OrderSource, skus: SkuAndQuantity[]): Promise<PricedLine[]> {
    const lines = skus.map(({ sku, snapshot, quantity }) => ({
      skuId: sku.sku.id,
      productId: snapshot.productId,
      categoryId: snapshot.categoryId,
      listPriceFen: snapshot.priceFen,
      memberPriceEnabled: snapshot.memberPriceEnabled,
      quantity,
    }));
    return this.prices.resolve(lines, { memberId, source, now: new Date() });
  }

  /**
   * Prices the items for the member: member price, then the chosen coupon (undefined = the best usable
   * one, null = none) judged on the member-priced goods, then points if asked, then shipping.
   * An explicitly chosen coupon the member does not have is a 400, one that does not apply a 409.
   */
  private async quote(memberId: number, items: QuotedItem[], settings: ShippingRule, loyalty: CheckoutLoyalty, choice: CheckoutChoice) {
    // Coupons are judged on the member-priced lines whose price source lets a coupon take from them.
    const memberAmounts = memberPricedAmounts(items, loyalty.memberPricePercent);
    const couponLines: CouponLine[] = items.flatMap((item, index) =>
      item.couponEnabled === false ? [] : [{ productId: item.productId, categoryId: item.categoryId, amountFen: memberAmounts[index] }],
    );
    // A preview lists the member's coupons to choose from; an order judges them only when it names one.
    const judgeCoupons = items.length > 0 && (choice.forPreview || choice.memberCouponId !== null);
    const coupons = judgeCoupons ? await this.coupons.optionsFor(memberId, couponLines, new Date()) : [];
    const coupon = await this.chosenCoupon(memberId, coupons, choice.memberCouponId);
    const options = {
      shipping: settings,
      memberPricePercent: loyalty.memberPricePercent,
      levelFreeShippingThresholdFen: loyalty.freeShippingThresholdFen,
      couponDiscountFen: coupon?.discountFen ?? 0,
    };
    const pointsRule = { pointsPerYuan: loyalty.pointsPerYuan, maxSharePercent: loyalty.pointsMaxSharePercent, balance: loyalty.pointsBalance };
    const withPoints = priceOrder(items, { ...options, points: pointsRule });
    const { pointsUsed, ...pricing } = choice.usePoints ? withPoints : priceOrder(items, options);
    const points: CheckoutPoints = {
      balance: loyalty.pointsBalance,
      pointsPerYuan: loyalty.pointsPerYuan,
      maxSharePercent: loyalty.pointsMaxSharePercent,
      used: pointsUsed,
      discountFen: pricing.pointsDiscountFen,
      availableDiscountFen: withPoints.pointsDiscountFen,
      applied: choice.usePoints && withPoints.pointsUsed > 0,
    };
    const adjustments = orderAdjustments(items, pricing, {
      memberPricePercent: loyalty.memberPricePercent,
      levelName: loyalty.level.name,
      couponName: coupon?.name ?? null,
      pointsUsed,
    });
    return { pricing, adjustments, pointsUsed, coupons, coupon, couponLines, points };
  }

  /** The coupon to apply: the best usable one when none was named, none for null, else the named one if it applies. */
  private async chosenCoupon(memberId: number, coupons: CouponOption[], memberCouponId: number | null | undefined): Promise<CouponOption | null> {
    if (memberCouponId === undefined) return coupons.find((option) => option.usable) ?? null;
    if (memberCouponId === null) return null;
    const named = coupons.find((option) => option.memberCouponId === memberCouponId);
    if (!named) {
      // Not among the member's unused coupons: say whether it is unknown or already spent.
      await this.coupons.unusedCoupon(this.dataSource.manager, memberId, memberCouponId);
      throw couponNotApplicable(memberCouponId, '优惠券已过期', 'expired');
    }
    if (!named.usable) {
      throw couponNotApplicable(memberCouponId, `「${named.name}」${COUPON_UNUSABLE_REASON_LABELS[named.reason ?? 'out_of_scope']}`, named.reason);
    }
    return named;
  }
}

interface CheckoutChoice {
  forPreview: boolean;
  memberCouponId: number | null | undefined;
  usePoints: boolean;
}

/** An item as pricing sees it: the unit price and what stacks on it, and what coupon scopes look at. */
type QuotedItem = PricedItem & { skuId: number; productId: number; categoryId: number };

/** A SKU found for a line of the request, as it is now, and how many. */
interface SkuAndQuantity {
  sku: SellableSku;
  snapshot: SkuSnapshot;
  quantity: number;
}

function quotedItem({ sku, snapshot, quantity }: SkuAndQuantity, price: PricedLine): QuotedItem {
  return {
    skuId: sku.sku.id,
    unitPriceFen: price.unitPriceFen,
    quantity,
    memberPriceEnabled: price.stacking.memberPrice,
    couponEnabled: price.stacking.coupon,
    pointsEnabled: price.stacking.points,
    productId: snapshot.productId,
    categoryId: snapshot.categoryId,
  };
}

/** The SKU of an order item; refuses deleted, off-shelf and (as far as can be seen now) short SKUs. */
function orderableSku(item: OrderItemDto, skus: Map<number, SellableSku>): SkuAndQuantity {
  const found = skus.get(item.skuId);
  if (!found) throw skuNotFound(item.skuId);
  const snapshot = snapshotOf(found);
  const reason = unavailableReason(found, item.quantity);
  if (reason === 'off_shelf') throw productOffShelf(item.skuId, snapshot.title);
  // A quick refusal; the conditional decrement in the transaction is what actually guards the stock.
  if (reason !== null) throw outOfStock(item.skuId, snapshot.title);
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
  };
}

function couponNotApplicable(memberCouponId: number, message: string, reason: string | null): ApiException {
  return new ApiException('COUPON_NOT_APPLICABLE', HttpStatus.CONFLICT, message, { memberCouponId, reason });
}

/** The coupon judged differently inside the transaction than a moment before (its template changed meanwhile). */
function couponChanged(memberCouponId: number): ApiException {
  return couponNotApplicable(memberCouponId, '优惠券规则已变更，请重新确认订单', null);
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
