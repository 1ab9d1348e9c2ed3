import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import {
  refundableQuantity,
  adjustmentsOf,
  ORDER_STATUS_LABELS,
  type OrderHold,
  type OrderStatus,
  type RefundItem,
  type RefundKind,
  type RefundPreview,
  type RefundRecord,
} from '../../../shared';
import { refundRecords, shippingOf } from './refund-views';
import { AfterSaleRow } from '../after-sales/after-sale.entity';
import { OrderEventPublisher } from '../orders/order-events';
import { OrderLineRow } from '../orders/order-line.entity';
import { OrderRow } from '../orders/order.entity';
import { takeOffSales } from '../catalog/product-sales';
import { CheckoutParticipants } from '../orders/participants/checkout-participants';
import { execute } from '../platform/database/plain-sql';
import { OrderProcess } from '../orders/process/order-process';
import { APP_CONFIG, type AppConfig } from '../platform/config/app-config';
import { lockedForUpdate } from '../platform/database/locking-read';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { planRefund, remainingUnits, type RefundPlan, type ShareLine } from '../pricing/refund-shares';
import { WechatPayClient } from '../wechat/pay/wechat-pay.client';
import type { WechatPayRefundNotice } from '../wechat/pay/wechat-pay.types';
import { wechatPayNotifyUrl } from './notify-url';
import { RefundRow } from './refund.entity';

/** A refund of a payment without goods to give back (a late payment on a cancelled order). */
export interface StartRefundInput {
  orderId: number;
  afterSaleId: number | null;
  /** Derived from what is refunded, so a repeat names the same refund. */
  outRefundNo: string;
  amountFen: number;
  paymentTotalFen: number;
  reason: string;
  kind?: RefundKind;
}

/** A refund of units of a paid order (after-sale case or system refund). */
export interface RefundOfUnits {
  orderId: number;
  kind: RefundKind;
  /** Shown to the shopper by WeChat (at most 80 characters). */
  reason: string;
  afterSaleId?: number | null;
  staffId?: number | null;
  /** null: every unit not refunded yet. */
  items: RefundItem[] | null;
  outRefundNo: string;
}

export interface SystemRefundOptions {
  /** Refund only while the order still carries this hold (judged under the order's lock); else throw `otherwise()`. */
  expectHold?: { hold: OrderHold; otherwise: () => ApiException };
}

/** Order states a system refund may start from (an open after-sale case is handled there). */
const SYSTEM_REFUNDABLE: OrderStatus[] = ['paid', 'shipped', 'completed'];

/**
 * Refunds through WeChat Pay. A refund row is written first (unique out_refund_no), then sent; sending
 * again with the same out_refund_no is WeChat's own idempotent retry, so a lost answer or a second
 * caller never refunds twice. REFUND.SUCCESS settles the row, then the after-sale case and the order.
 *
 * A refund of units (partial or the rest of the order) is planned under the order's row lock from the stored
 * breakdown (pricing/refund-shares.ts) and reserved by conditional arithmetic (orders.refundedFen never above the
 * payable, order_lines.refundedQuantity never above the quantity), so parallel refunds never give back more than was paid.
 */
@Injectable()
export class RefundsService {
  private readonly logger = new Logger('Refunds');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly pay: WechatPayClient,
    private readonly events: OrderEventPublisher,
    private readonly process: OrderProcess,
    private readonly participants: CheckoutParticipants,
  ) {}

  /**
   * Records the refund of a whole payment inside the caller's transaction (the one that flags the payment), so a
   * process that dies before sending it leaves a processing row the refund sweep sends; send it after the commit.
   */
  async recordPaymentRefund(manager: EntityManager, input: StartRefundInput): Promise<void> {
    await manager.insert(RefundRow, { kind: 'late_payment', ...input, staffId: null, lines: null, status: 'processing', acceptedAt: null, wechatRefundId: null, succeededAt: null });
  }

  /** What refunding `items` (null: all that is left) of a paid, shipped or completed order would give back, as things stand. */
  async preview(orderId: number, items: RefundItem[] | null): Promise<RefundPreview> {
    const { order, plan } = await this.plan(this.dataSource.manager, orderId, items, false);
    if (!SYSTEM_REFUNDABLE.includes(order.status)) throw notRefundable(order.status);
    return {
      items: plan.lines.map((part) => ({ skuId: part.skuId, quantity: part.quantity, amountFen: part.amountFen })),
      shippingFen: plan.shippingFen,
      refundFen: plan.amountFen,
      pointsReturned: plan.pointsReturned,
      refundableFen: Math.max(0, order.payableFen - order.refundedFen),
      closesOrder: plan.closesOrder,
    };
  }

  /**
   * In the caller's transaction: locks the order, plans the refund of the units, reserves them and the amount
   * (conditional arithmetic; a lost race is 409 REFUND_NOT_ALLOWED and nothing is written) and writes the
   * processing refund row. The caller moves the order (and the case) and sends the refund after commit.
   */
  async recordUnits(manager: EntityManager, request: RefundOfUnits): Promise<{ refund: RefundRow; order: OrderRow; lines: OrderLineRow[] }> {
    const { order, lines, plan } = await this.plan(manager, request.orderId, request.items, true);
    const taken = () => new ApiException('REFUND_NOT_ALLOWED', HttpStatus.CONFLICT, '这些商品已经退款或正在退款，请刷新后再试');
    if (plan.amountFen <= 0 && !plan.closesOrder) throw taken();
    const reserved = await execute(manager, 'UPDATE orders SET refundedFen = refundedFen + ? WHERE id = ? AND refundedFen + ? <= payableFen', [
      plan.amountFen,
      order.id,
      plan.amountFen,
    ]);
    if (!reserved) throw taken();
    for (const part of plan.lines) {
      const units = await execute(manager, 'UPDATE order_lines SET refundedQuantity = refundedQuantity + ? WHERE id = ? AND refundedQuantity + ? <= quantity', [
        part.quantity,
        part.lineId,
        part.quantity,
      ]);
      if (!units) throw taken();
    }
    const values = {
      orderId: order.id,
      afterSaleId: request.afterSaleId ?? null,
      kind: request.kind,
      staffId: request.staffId ?? null,
      outRefundNo: request.outRefundNo,
      amountFen: plan.amountFen,
      paymentTotalFen: order.payableFen,
      reason: request.reason.slice(0, 80),
      lines: plan.lines.map((part) => ({ ...part, productId: lines.find((line) => line.id === part.lineId)!.productId })),
      pointsReturned: plan.pointsReturned,
      couponFen: plan.couponFen,
      closesOrder: plan.closesOrder,
      status: 'processing' as const,
      acceptedAt: null,
      wechatRefundId: null,
      succeededAt: null,
    };
    const inserted = await manager.insert(RefundRow, values);
    const refund = await manager.findOneByOrFail(RefundRow, { id: inserted.identifiers[0].id as number });
    return { refund, order, lines };
  }

  /**
   * A refund without an after-sale case (商家退款, and later a failed group-buy team): units of a paid, shipped or
   * completed order, or all that is left (the order then goes to refunding, and to refunded when WeChat confirms).
   * Goods that never left (the order is still paid) go back into stock. Answers the refund row.
   */
  async startSystemRefund(request: Omit<RefundOfUnits, 'outRefundNo'>, options: SystemRefundOptions = {}): Promise<RefundRow> {
    const refund = await this.transactions.run(async (manager) => {
      const order = await this.lockOrder(manager, request.orderId);
      if (options.expectHold && order.fulfilmentHold !== options.expectHold.hold) throw options.expectHold.otherwise();
      if (!SYSTEM_REFUNDABLE.includes(order.status)) throw notRefundable(order.status);
      // The order's n-th system refund: counted under the order's lock, so two at once get different numbers.
      const earlier = await manager.countBy(RefundRow, { orderId: order.id, afterSaleId: IsNull(), kind: request.kind });
      const recorded = await this.recordUnits(manager, { ...request, outRefundNo: `${order.orderNo}${request.kind === 'staff' ? 'S' : 'G'}${earlier + 1}` });
      // An order on hold (a forming 拼团) is refunded whole or not at all: its seat counts the whole order (rolled back).
      if (order.fulfilmentHold !== null && !recorded.refund.closesOrder) {
        throw new ApiException('ORDER_HELD_WHOLE_REFUND_ONLY', HttpStatus.CONFLICT, '拼团中的订单只能整单退款', { fulfilmentHold: order.fulfilmentHold });
      }
      if (recorded.refund.closesOrder && !(await this.process.transition(manager, { orderId: order.id, from: order.status, to: 'refunding' }))) {
        throw new Error(`order ${order.id} changed under its lock`);
      }
      // Refunded before shipping: the checkout participants give back what they give back on a refund (the stock), for these units.
      if (order.status === 'paid') {
        const cause = { kind: 'refund_before_shipping' as const, afterSaleId: null, staffId: request.staffId ?? null };
        await this.participants.release(manager, { order, lines: refundedUnits(recorded.lines, recorded.refund), cause });
      }
      return recorded.refund;
    });
    await this.send(refund.outRefundNo);
    return refund;
  }

  /** Sends a processing refund that WeChat has not accepted yet. */
  async send(outRefundNo: string): Promise<void> {
    const refund = await this.dataSource.getRepository(RefundRow).findOneByOrFail({ outRefundNo });
    if (refund.status !== 'processing' || refund.acceptedAt) return;
    const order = await this.dataSource.getRepository(OrderRow).findOneByOrFail({ id: refund.orderId });
    try {
      const accepted = await this.pay.createRefund({
        outTradeNo: order.orderNo,
        outRefundNo,
        refundFen: refund.amountFen,
        totalFen: refund.paymentTotalFen,
        reason: refund.reason,
        notifyUrl: wechatPayNotifyUrl(this.config),
      });
      await this.dataSource
        .createQueryBuilder()
        .update(RefundRow)
        .set({ acceptedAt: new Date(), wechatRefundId: accepted.refund_id })
        .where('id = :id AND acceptedAt IS NULL', { id: refund.id })
        .execute();
    } catch (error) {
      this.logger.error(`refund ${outRefundNo} of order ${order.orderNo} not accepted yet (the refund sweep retries): ${String(error)}`);
    }
  }

  /**
   * REFUND.SUCCESS / ABNORMAL / CLOSED. processing → succeeded is conditional, so a repeated notification
   * changes nothing; in the same transaction the after-sale case moves refunding → refunded, the order
   * refunding → refunded when this refund gave back its last goods (a partial refund leaves it where it is),
   * the refunded units leave the products' sales and `order.refunded` is recorded with what was refunded.
   */
  async applyRefundNotice(notice: WechatPayRefundNotice): Promise<void> {
    const refund = await this.dataSource.getRepository(RefundRow).findOneBy({ outRefundNo: notice.out_refund_no });
    if (!refund) {
      this.logger.warn(`refund notification for unknown refund ${notice.out_refund_no}`);
      return;
    }
    if (notice.amount?.refund !== refund.amountFen) {
      this.logger.error(`refund notification ${notice.out_refund_no} names ${notice.amount?.refund} fen, the refund is ${refund.amountFen}: ignored`);
      return;
    }
    const succeeded = notice.refund_status === 'SUCCESS';
    const at = notice.success_time ? new Date(notice.success_time) : new Date();
    await this.transactions.run(async (manager) => {
      const changed = await manager
        .createQueryBuilder()
        .update(RefundRow)
        .set(succeeded ? { status: 'succeeded', succeededAt: at } : { status: 'failed' })
        .where('id = :id AND status = :from', { id: refund.id, from: 'processing' })
        .execute();
      // A late payment's order was cancelled and never counted: nothing else follows its refund.
      if (changed.affected !== 1 || !succeeded || refund.kind === 'late_payment') return;
      if (refund.afterSaleId !== null) {
        await manager
          .createQueryBuilder()
          .update(AfterSaleRow)
          .set({ status: 'refunded', refundedAt: at })
          .where('id = :id AND status = :from', { id: refund.afterSaleId, from: 'refunding' })
          .execute();
      }
      const recordEvent = async () => {
        const order = await manager.findOneByOrFail(OrderRow, { id: refund.orderId });
        const refundedTotal = await manager.sum(RefundRow, 'amountFen', { orderId: order.id, status: 'succeeded' });
        this.events.refunded(manager, order, {
          refundId: refund.id,
          kind: refund.kind,
          refundFen: refund.amountFen,
          items: (refund.lines ?? []).map(({ skuId, quantity, amountFen }) => ({ skuId, quantity, amountFen })),
          shippingFen: shippingOf(refund),
          pointsReturned: refund.pointsReturned,
          couponFen: refund.couponFen,
          closesOrder: refund.closesOrder,
          orderRefundedFen: Number(refundedTotal ?? 0),
          paidAt: order.paidAt?.toISOString() ?? null,
        });
      };
      // The last goods: the order moves refunding → refunded (its hooks take the rest of its units off the sales).
      if (refund.closesOrder) {
        await this.process.transition(manager, { orderId: refund.orderId, from: 'refunding', to: 'refunded', changes: { refundedAt: at }, event: recordEvent });
        return;
      }
      // A partial refund leaves the order where it is: its units leave the sales here, the hot rows last.
      await recordEvent();
      await this.events.flush(manager);
      await takeOffSales(manager, refundedUnitsBySku(refund));
    });
    if (!succeeded) this.logger.error(`refund ${notice.out_refund_no} ended ${notice.refund_status}: staff must handle it`);
  }

  async listForOrder(orderId: number): Promise<RefundRecord[]> {
    const rows = await this.dataSource.getRepository(RefundRow).find({ where: { orderId }, order: { id: 'ASC' } });
    return this.records(rows);
  }

  /** Refund rows as staff see them (refundRecords). */
  records(rows: RefundRow[]): Promise<RefundRecord[]> {
    return refundRecords(this.dataSource.manager, rows);
  }

  /** Refunds recorded but never accepted by WeChat (it was unreachable): sent again. */
  async resendUnaccepted(olderThan: Date): Promise<number> {
    const due = await this.dataSource.getRepository(RefundRow).find({
      select: { outRefundNo: true },
      where: { status: 'processing', acceptedAt: IsNull(), createdAt: LessThanOrEqual(olderThan) },
      order: { id: 'ASC' },
      take: 100,
    });
    for (const row of due) await this.send(row.outRefundNo);
    return due.length;
  }

  /** The order (locked when `lock`), its lines and the plan of refunding `items` of it (null: all that is left). */
  private async plan(manager: EntityManager, orderId: number, items: RefundItem[] | null, lock: boolean): Promise<{ order: OrderRow; lines: OrderLineRow[]; plan: RefundPlan }> {
    const order = lock ? await this.lockOrder(manager, orderId) : await manager.findOneByOrFail(OrderRow, { id: orderId });
    const lines = await manager.find(OrderLineRow, { where: { orderId }, order: { id: 'ASC' } });
    const shareLines: ShareLine[] = lines.map((line) => ({
      lineId: line.id,
      skuId: line.skuId,
      quantity: line.quantity,
      lineTotalFen: line.lineTotalFen,
      refundedQuantity: line.refundedQuantity,
    }));
    const requested = items
      ? items.map((item) => {
          const line = lines.find((candidate) => candidate.skuId === item.skuId);
          const left = line ? refundableQuantity(line) : 0;
          if (!line || item.quantity > line.quantity) {
            throw new ApiException('REFUND_ITEMS_INVALID', HttpStatus.BAD_REQUEST, !line ? '订单里没有这个商品' : `「${line.title}」只买了 ${line.quantity} 件`, {
              skuId: item.skuId,
              refundableQuantity: left,
            });
          }
          // Refunded meanwhile (another refund won): a conflict with the order's state, not a bad request.
          if (item.quantity > left) {
            throw new ApiException('REFUND_NOT_ALLOWED', HttpStatus.CONFLICT, left === 0 ? `「${line.title}」已经全部退款` : `「${line.title}」最多还能退 ${left} 件`, {
              skuId: item.skuId,
              refundableQuantity: left,
            });
          }
          return { lineId: line.id, quantity: item.quantity };
        })
      : remainingUnits(shareLines);
    if (requested.length === 0) throw new ApiException('REFUND_NOT_ALLOWED', HttpStatus.CONFLICT, '订单的商品已经全部退款');
    const adjustments = order.adjustments ?? adjustmentsOf(order);
    const plan = planRefund(
      { payableFen: order.payableFen, shippingFeeFen: order.shippingFeeFen, pointsUsed: order.pointsUsed, adjustments, refundedFen: order.refundedFen },
      shareLines,
      requested,
    );
    return { order, lines, plan };
  }

  /** The order's row, locked for the rest of the transaction (SQLite's write transactions already run one at a time). */
  private lockOrder(manager: EntityManager, orderId: number): Promise<OrderRow> {
    return lockedForUpdate(manager.createQueryBuilder(OrderRow, 'o').where('o.id = :orderId', { orderId })).getOneOrFail();
  }
}

function notRefundable(status: OrderStatus): ApiException {
  return new ApiException(
    'REFUND_NOT_ALLOWED',
    HttpStatus.CONFLICT,
    status === 'after_sale' ? '订单有进行中的售后，请先在售后处理中处理' : `订单${ORDER_STATUS_LABELS[status]}，不能退款`,
    { status },
  );
}

/** The order lines with the refund's quantities (for stock returned), in the shape the stock ledger takes. */
export function refundedUnits(lines: OrderLineRow[], refund: Pick<RefundRow, 'lines'>): OrderLineRow[] {
  if (!refund.lines) return lines;
  return refund.lines.map((part) => ({ ...lines.find((line) => line.id === part.lineId)!, quantity: part.quantity }));
}

/** A partial refund's units by SKU (in SKU id order, as every writer of the SKU rows takes them), with each SKU's product. */
function refundedUnitsBySku(refund: Pick<RefundRow, 'lines'>): Map<number, { productId: number; quantity: number }> {
  const bySku = new Map<number, { productId: number; quantity: number }>();
  for (const part of [...(refund.lines ?? [])].sort((a, b) => a.skuId - b.skuId)) {
    bySku.set(part.skuId, { productId: part.productId, quantity: part.quantity });
  }
  return bySku;
}
