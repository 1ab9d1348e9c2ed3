import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Address, CheckoutLine, CheckoutPreview, OrderDetail, OrderSource } from '../../../shared';
import { AddressesService } from '../addresses/addresses.service';
import { CartItemRow } from '../cart/cart-item.entity';
import { isUniqueViolation, TransactionRunner } from '../platform/database/transaction-runner';
import { ShopSettingsService } from '../settings/shop-settings.service';
import { OrderEventPublisher } from './order-events';
import { OrderLineRow } from './order-line.entity';
import { newOrderNo } from './order-number';
import { OrderRow } from './order.entity';
import type { CheckoutPreviewDto, CreateOrderDto, OrderItemDto } from './order.dto';
import { toOrderDetail } from './order-views';
import { OrdersService } from './orders.service';
import { insertRow, insertRows } from './plain-sql';
import { priceOrder } from './pricing';
import {
  findSellableSkus,
  moveStock,
  outOfStock,
  productOffShelf,
  skuNotFound,
  snapshotOf,
  unavailableReason,
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
  ) {}

  /** Prices the items as an order would, flags what cannot be ordered and prices changed since the cart. */
  async preview(memberId: number, input: CheckoutPreviewDto): Promise<CheckoutPreview> {
    const skuIds = input.items.map((item) => item.skuId);
    const [skus, settings, address, cartRows] = await Promise.all([
      findSellableSkus(this.dataSource.manager, skuIds),
      this.settings.get(),
      this.addresses.findForOrder(memberId, input.addressId),
      this.dataSource.getRepository(CartItemRow).findBy({ memberId, skuId: In(skuIds) }),
    ]);
    const cartPrice = new Map(cartRows.map((row) => [row.skuId, row.addedPriceFen]));
    const lines = input.items.map((item): CheckoutLine => {
      const found = skus.get(item.skuId);
      if (!found) throw skuNotFound(item.skuId);
      const snapshot = snapshotOf(found);
      const recorded = cartPrice.get(item.skuId);
      return {
        skuId: item.skuId,
        productId: snapshot.productId,
        title: snapshot.title,
        specValues: snapshot.specValues,
        imageUrl: snapshot.imageUrl,
        unitPriceFen: snapshot.priceFen,
        quantity: item.quantity,
        lineTotalFen: snapshot.priceFen * item.quantity,
        cartPriceFen: recorded !== undefined && recorded !== snapshot.priceFen ? recorded : null,
        stock: found.sku.stock,
        // The SKU exists here, so the reason is never sku_deleted.
        unavailableReason: unavailableReason(found, item.quantity) as CheckoutLine['unavailableReason'],
      };
    });
    const orderable = lines.filter((line) => line.unavailableReason === null);
    return {
      lines,
      pricing: priceOrder(orderable, { shipping: settings }),
      address,
      canSubmit: address !== null && orderable.length === lines.length,
    };
  }

  /**
   * Places an order in pending_payment. The order rows, the cart clean-up and the stock decrements are one
   * transaction with the stock last; any SKU short of stock rolls everything back (409 OUT_OF_STOCK).
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
    const [skus, settings, address] = await Promise.all([
      findSellableSkus(this.dataSource.manager, input.items.map((item) => item.skuId)),
      this.settings.get(),
      this.addresses.get(memberId, input.addressId),
    ]);
    const lines = input.items.map((item) => this.orderLine(item, skus));
    const pricing = priceOrder(lines, { shipping: settings });
    const now = new Date();
    const order: Omit<OrderRow, 'id' | 'orderNo' | 'updatedAt'> = {
      memberId,
      clientToken: input.clientToken,
      status: 'pending_payment',
      itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
      ...pricing,
      memberCouponId: null,
      couponTemplateId: null,
      ...addressSnapshot(address),
      remark: input.remark?.trim() ?? '',
      sourceChannelCode: source.channelCode,
      sourceReferrerCode: source.referrerCode,
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
          await moveStock(manager, 'take', lines);
          return orderId;
        });
        this.events.created({ orderId, orderNo, memberId, payableFen: pricing.payableFen });
        return toOrderDetail({ ...order, id: orderId, orderNo, updatedAt: now }, lines, []);
      } catch (error) {
        // A unique index refused the order: the clientToken's (the caller answers that order) or, when the
        // token has no order, the order number's, which a fresh number fixes.
        if (!isUniqueViolation(error) || attempt >= ORDER_NO_ATTEMPTS) throw error;
        if (await this.orders.findByClientToken(memberId, input.clientToken)) throw error;
      }
    }
  }

  /** The line as the order records it; refuses deleted, off-shelf and (as far as can be seen now) short SKUs. */
  private orderLine(item: OrderItemDto, skus: Awaited<ReturnType<typeof findSellableSkus>>) {
    const found = skus.get(item.skuId);
    if (!found) throw skuNotFound(item.skuId);
    const snapshot = snapshotOf(found);
    const reason = unavailableReason(found, item.quantity);
    if (reason === 'off_shelf') throw productOffShelf(item.skuId, snapshot.title);
    // A quick refusal; the conditional decrement in the transaction is what actually guards the stock.
    if (reason !== null) throw outOfStock(item.skuId, snapshot.title);
    return {
      skuId: item.skuId,
      productId: snapshot.productId,
      title: snapshot.title,
      specValues: snapshot.specValues,
      imageUrl: snapshot.imageUrl,
      unitPriceFen: snapshot.priceFen,
      quantity: item.quantity,
      lineTotalFen: snapshot.priceFen * item.quantity,
    };
  }
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
