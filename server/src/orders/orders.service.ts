import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import {
  unrefundedUnits,
  ORDER_BADGE_STATUSES,
  ORDER_BADGE_TABS,
  ORDER_STATUS_LABELS,
  ORDER_TAB_STATUSES,
  type OrderCancelReason,
  type OrderCounts,
  type OrderDetail,
  type OrderSummary,
  type Paginated,
  type PickingListLine,
} from '../../../shared';
import { AfterSaleRow } from '../after-sales/after-sale.entity';
import { RefundRow } from '../payments/refund.entity';
import { SkuRow } from '../catalog/sku.entity';
import { ApiException } from '../platform/errors/api-exception';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { paginated } from '../platform/http/page-query.dto';
import type { OrderListQueryDto } from './order.dto';
import { OrderEventPublisher } from './order-events';
import { OrderLineRow } from './order-line.entity';
import { ORDER_NO_PATTERN } from './order-number';
import { toOrderDetail, toOrderSummary } from './order-views';
import { OrderRow } from './order.entity';
import { OrderProcess } from './process/order-process';
import { CheckoutParticipants } from './participants/checkout-participants';

/** The shopper's orders, and the cancellation of unpaid orders (by the shopper or the timeout sweep). */
@Injectable()
export class OrdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly events: OrderEventPublisher,
    private readonly participants: CheckoutParticipants,
    private readonly process: OrderProcess,
  ) {}

  async list(memberId: number, query: OrderListQueryDto): Promise<Paginated<OrderSummary>> {
    const where = query.status === 'all' ? { memberId } : { memberId, status: In([...ORDER_TAB_STATUSES[query.status]]) };
    const [orders, total] = await this.dataSource.getRepository(OrderRow).findAndCount({
      where,
      order: { id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const lines = await this.linesOf(orders.map((order) => order.id));
    return paginated(
      orders.map((order) => toOrderSummary(order, lines.get(order.id) ?? [])),
      total,
      query,
    );
  }

  /** How many of the member's orders each 我的 shortcut holds: one grouped count on (memberId, status). */
  async counts(memberId: number): Promise<OrderCounts> {
    const statuses = ORDER_BADGE_TABS.flatMap((tab) => ORDER_BADGE_STATUSES[tab]);
    const rows: { status: string; count: string | number }[] = await this.dataSource
      .getRepository(OrderRow)
      .createQueryBuilder('o')
      .select('o.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('o.memberId = :memberId AND o.status IN (:...statuses)', { memberId, statuses })
      .groupBy('o.status')
      .getRawMany();
    const byStatus = new Map(rows.map((row) => [row.status, Number(row.count)]));
    const counts = {} as OrderCounts;
    for (const tab of ORDER_BADGE_TABS) {
      counts[tab] = ORDER_BADGE_STATUSES[tab].reduce((sum, status) => sum + (byStatus.get(status) ?? 0), 0);
    }
    return counts;
  }

  /** The member's order; another member's order is a 404, exactly like a missing one. */
  async detail(memberId: number, orderNo: string): Promise<OrderDetail> {
    return this.detailOf(await this.findOwned(memberId, orderNo));
  }

  /**
   * The full detail of an order row: lines, after-sale cases, refunds without a case (only read when there can be any:
   * something was refunded, or a payment was started for an order now cancelled, which a late payment refunds), timeline.
   */
  async detailOf(order: OrderRow): Promise<OrderDetail> {
    const [lines, afterSales, systemRefunds] = await Promise.all([
      this.linesOf([order.id]),
      this.dataSource.getRepository(AfterSaleRow).find({ where: { orderId: order.id }, order: { id: 'ASC' } }),
      order.refundedFen > 0 || (order.status === 'cancelled' && order.paymentAttemptAt) ? this.dataSource.getRepository(RefundRow).find({ where: { orderId: order.id, afterSaleId: IsNull() }, order: { id: 'ASC' } }) : [],
    ]);
    return toOrderDetail(order, lines.get(order.id) ?? [], afterSales, systemRefunds);
  }

  async findByClientToken(memberId: number, clientToken: string): Promise<OrderDetail | null> {
    const order = await this.dataSource.getRepository(OrderRow).findOneBy({ memberId, clientToken });
    return order ? this.detail(memberId, order.orderNo) : null;
  }

  /** Cancels the member's unpaid order. Cancelling an order that is already cancelled answers it unchanged. */
  async cancelByShopper(memberId: number, orderNo: string): Promise<OrderDetail> {
    const order = await this.findOwned(memberId, orderNo);
    await this.cancelUnpaid(order.id, 'shopper');
    const now = await this.findOwned(memberId, orderNo);
    if (now.status !== 'cancelled') {
      throw new ApiException(
        'ORDER_STATE_CONFLICT',
        HttpStatus.CONFLICT,
        `订单${ORDER_STATUS_LABELS[now.status]}，不能取消`,
        { status: now.status },
      );
    }
    return this.detail(memberId, orderNo);
  }

  /**
   * pending_payment → cancelled (one conditional UPDATE); only the caller that changed the row has the checkout
   * participants give back what the order took (the coupon, the points, the stock last), so a shopper, the sweep
   * on any number of instances, and staff racing on one order give them back exactly once. True when this call
   * cancelled the order.
   */
  async cancelUnpaid(orderId: number, reason: OrderCancelReason, note: string | null = null): Promise<boolean> {
    const cancelled = await this.transactions.run(async (manager) => {
      const changes = { cancelledAt: new Date(), cancelReason: reason, cancelNote: note, payDeadlineAt: null };
      if (!(await this.process.transition(manager, { orderId, from: 'pending_payment', to: 'cancelled', changes }))) return null;
      const order = await manager.findOneByOrFail(OrderRow, { id: orderId });
      this.events.cancelled(manager, order, reason);
      await this.participants.release(manager, { order, lines: await manager.findBy(OrderLineRow, { orderId }), cause: { kind: 'cancel', reason } });
      return order;
    });
    return cancelled !== null;
  }

  /** The member's order row; another member's order is a 404, exactly like a missing one. */
  async findOwned(memberId: number, orderNo: string): Promise<OrderRow> {
    const order = ORDER_NO_PATTERN.test(orderNo)
      ? await this.dataSource.getRepository(OrderRow).findOneBy({ orderNo, memberId })
      : null;
    if (!order) throw new ApiException('ORDER_NOT_FOUND', HttpStatus.NOT_FOUND, '订单不存在');
    return order;
  }

  async linesOf(orderIds: number[]): Promise<Map<number, OrderLineRow[]>> {
    const byOrder = new Map<number, OrderLineRow[]>();
    if (orderIds.length === 0) return byOrder;
    const lines = await this.dataSource.getRepository(OrderLineRow).find({ where: { orderId: In(orderIds) }, order: { id: 'ASC' } });
    for (const line of lines) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line]);
    return byOrder;
  }

  /**
   * What the warehouse packs for the orders: each line's units not refunded (nor being refunded), lines refunded
   * in full left out, with each SKU's current code ('' for a SKU removed from its product since). A line partly
   * refunded before shipping must not be packed whole.
   */
  async skuLinesOf(orderIds: number[]): Promise<Map<number, PickingListLine[]>> {
    const lines = await this.linesOf(orderIds);
    const toPack = new Map(
      [...lines].map(([orderId, orderLines]) => [
        orderId,
        unrefundedUnits(orderLines),
      ]),
    );
    return this.withSkuCodes(toPack);
  }

  /** Lines already read (linesOf), with their SKU codes: one more query. */
  async withSkuCodes(lines: Map<number, Pick<OrderLineRow, 'skuId' | 'title' | 'specValues' | 'quantity'>[]>): Promise<Map<number, PickingListLine[]>> {
    const skuIds = [...new Set([...lines.values()].flat().map((line) => line.skuId))];
    const skus = skuIds.length ? await this.dataSource.getRepository(SkuRow).find({ select: { id: true, skuCode: true }, where: { id: In(skuIds) } }) : [];
    const codes = new Map(skus.map((sku) => [sku.id, sku.skuCode]));
    return new Map(
      [...lines].map(([orderId, orderLines]) => [
        orderId,
        orderLines.map((line) => ({ skuCode: codes.get(line.skuId) ?? '', title: line.title, specValues: line.specValues, quantity: line.quantity })),
      ]),
    );
  }
}
