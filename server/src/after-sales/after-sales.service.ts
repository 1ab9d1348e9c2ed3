import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  unrefundedUnits,
  AFTER_SALE_STATUS_LABELS,
  AFTER_SALE_TYPE_LABELS,
  ORDER_STATUS_LABELS,
  type AfterSale,
  type AfterSaleStatus,
  type OrderDetail,
  type OrderStatus,
  type Paginated,
  type RefundItem,
  type RefundPreview,
} from '../../../shared';
import { returnForOrder } from '../inventory/stock-ledger';
import { OrderLineRow } from '../orders/order-line.entity';
import { OrderRow } from '../orders/order.entity';
import { OrderProcess } from '../orders/process/order-process';
import { OrdersService } from '../orders/orders.service';
import { CheckoutParticipants } from '../orders/participants/checkout-participants';
import { refundedUnits, RefundsService } from '../payments/refunds.service';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { paginated } from '../platform/http/page-query.dto';
import { ShopProfileService } from '../settings/shop-profile.service';
import type { AfterSaleListQueryDto, ApplyAfterSaleDto, ReturnShipmentDto } from './after-sale.dto';
import { AfterSaleRow } from './after-sale.entity';
import { toAfterSale } from './after-sale-views';

/** Where a 退货退款 goes once its goods are back. */
const AFTER_RETURN_RECEIVED: AfterSaleStatus[] = ['return_received', 'refunding', 'refunded'];

/** Which order states each after-sale type may be applied from. */
const APPLICABLE_FROM: Record<AfterSaleRow['type'], OrderStatus[]> = {
  refund_only: ['paid'],
  return_refund: ['shipped', 'completed'],
};

/**
 * After-sale cases: the shopper applies (the order moves to after_sale, so one case is open at a time),
 * staff approve, reject (the order returns to where it was) or refund; a 退货退款 in between waits for the
 * shopper's parcel (its tracking number) and for staff to confirm the goods arrived. Every step is a conditional
 * update of the case and of the order in one transaction; a repeated action answers the case unchanged.
 * The refund itself is sent after the commit (RefundsService), and REFUND.SUCCESS finishes both.
 */
@Injectable()
export class AfterSalesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly orders: OrdersService,
    private readonly refunds: RefundsService,
    private readonly shopProfile: ShopProfileService,
    private readonly process: OrderProcess,
    private readonly participants: CheckoutParticipants,
  ) {}

  async apply(memberId: number, orderNo: string, input: ApplyAfterSaleDto): Promise<OrderDetail> {
    const order = await this.orders.findOwned(memberId, orderNo);
    const notAllowed = () =>
      new ApiException(
        'AFTER_SALE_NOT_ALLOWED',
        HttpStatus.CONFLICT,
        input.type === 'refund_only'
          ? `订单${ORDER_STATUS_LABELS[order.status]}，${order.status === 'shipped' || order.status === 'completed' ? '已发货的订单请申请退货退款' : '不能申请仅退款'}`
          : `订单${ORDER_STATUS_LABELS[order.status]}，${order.status === 'paid' ? '未发货的订单请申请仅退款' : '不能申请退货退款'}`,
        { status: order.status },
      );
    if (!APPLICABLE_FROM[input.type].includes(order.status)) throw notAllowed();
    // 400 for units the order does not have (any more); the amount is settled again when the refund starts.
    const { refundFen } = await this.refunds.preview(order.id, input.items?.map(({ skuId, quantity }) => ({ skuId, quantity })) ?? null);
    const lines = input.items ? ((await this.orders.linesOf([order.id])).get(order.id) ?? []) : [];
    const items = input.items?.map(({ skuId, quantity }) => {
      const line = lines.find((candidate) => candidate.skuId === skuId);
      return { skuId, quantity, title: line?.title ?? '', specValues: line?.specValues ?? [] };
    }) ?? null;
    const applied = await this.transactions.run(async (manager) => {
      if (!(await this.process.transition(manager, { orderId: order.id, from: order.status, to: 'after_sale' }))) return false;
      await manager.insert(AfterSaleRow, {
        orderId: order.id,
        memberId,
        type: input.type,
        status: 'applied',
        reason: input.reason.trim(),
        description: input.description?.trim() ?? '',
        images: input.images ?? [],
        refundFen,
        lines: items,
        rejectReason: null,
        orderStatusBefore: order.status,
        handledAt: null,
        returnRecipientName: null,
        returnPhone: null,
        returnAddress: null,
        returnCarrierCode: null,
        returnTrackingNo: null,
        returnShippedAt: null,
        returnReceivedAt: null,
        refundStartedAt: null,
        refundedAt: null,
      });
      return true;
    });
    if (!applied) throw notAllowed();
    return this.orders.detail(memberId, orderNo);
  }

  /** What the shopper's case would refund (the apply page shows it before they submit). */
  async preview(memberId: number, orderNo: string, items: RefundItem[] | null): Promise<RefundPreview> {
    const order = await this.orders.findOwned(memberId, orderNo);
    return this.refunds.preview(order.id, items?.map(({ skuId, quantity }) => ({ skuId, quantity })) ?? null);
  }

  async list(query: AfterSaleListQueryDto): Promise<Paginated<AfterSale>> {
    const [rows, total] = await this.dataSource.getRepository(AfterSaleRow).findAndCount({
      where: { ...(query.status ? { status: query.status } : {}), ...(query.type ? { type: query.type } : {}) },
      order: { id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const orders = rows.length
      ? await this.dataSource.getRepository(OrderRow).find({ select: { id: true, orderNo: true }, where: { id: In(rows.map((row) => row.orderId)) } })
      : [];
    const orderNos = new Map(orders.map((order) => [order.id, order.orderNo]));
    return paginated(rows.map((row) => toAfterSale(row, orderNos.get(row.orderId) ?? '')), total, query);
  }

  /**
   * refund_only: approved and refunding at once; the goods never left, so their stock returns now.
   * return_refund: approved with the shop's return address (409 while the shop has none), waiting for the goods.
   * `sendToWechat: false`: see RefundsService.startRefund (the demo history only).
   */
  async approve(id: number, refundOptions: { sendToWechat?: boolean } = {}): Promise<AfterSale> {
    const sale = await this.find(id);
    if (sale.type === 'refund_only') return this.startRefund(sale, 'applied', ['refunding', 'refunded'], refundOptions);
    const address = await this.shopProfile.getReturnAddress();
    if (!address && sale.status === 'applied') {
      throw new ApiException('RETURN_ADDRESS_MISSING', HttpStatus.CONFLICT, '店铺还没有设置退货地址，请先到「店铺设置」填写退货地址，再同意退货退款');
    }
    if (address) {
      await this.transactions.run((manager) =>
        this.moveCase(manager, id, 'applied', 'approved', {
          handledAt: new Date(),
          returnRecipientName: address.recipientName,
          returnPhone: address.phone,
          returnAddress: address.address,
        }),
      );
    }
    return this.answer(id, ['approved', ...AFTER_RETURN_RECEIVED], '同意');
  }

  async reject(id: number, reason: string): Promise<AfterSale> {
    const sale = await this.find(id);
    await this.transactions.run(async (manager) => {
      if (!(await this.moveCase(manager, id, 'applied', 'rejected', { handledAt: new Date(), rejectReason: reason.trim() }))) return;
      await this.process.transition(manager, { orderId: sale.orderId, from: 'after_sale', to: sale.orderStatusBefore });
    });
    return this.answer(id, ['rejected'], '拒绝');
  }

  /**
   * return_refund: staff confirm the returned goods arrived (whether or not the shopper entered the parcel).
   * The goods go back into stock here, once: only the call whose conditional update moved the case returns them
   * (a `return_receipt` movement per order line, naming the after-sale and the staff member).
   */
  async receive(id: number, staffId: number | null = null): Promise<AfterSale> {
    const sale = await this.find(id);
    if (sale.type !== 'return_refund') {
      throw new ApiException('AFTER_SALE_STATE_CONFLICT', HttpStatus.CONFLICT, '仅退款的售后没有退货，不需要确认收货', { status: sale.status });
    }
    await this.transactions.run(async (manager) => {
      if (!(await this.moveCase(manager, id, 'approved', 'return_received', { returnReceivedAt: new Date() }))) return;
      await returnForOrder(manager, returnedUnits(await manager.findBy(OrderLineRow, { orderId: sale.orderId }), sale.lines), 'return_receipt', { afterSaleId: id, staffId });
    });
    return this.answer(id, AFTER_RETURN_RECEIVED, '确认收到退货');
  }

  /** return_refund, once the goods are confirmed received: the refund starts. */
  async refund(id: number): Promise<AfterSale> {
    const sale = await this.find(id);
    if (sale.type === 'refund_only') return this.answer(id, ['refunding', 'refunded'], '退款');
    if (sale.status === 'approved') {
      throw new ApiException('AFTER_SALE_STATE_CONFLICT', HttpStatus.CONFLICT, '还没有确认收到退货，请先确认收货再退款', { status: sale.status });
    }
    return this.startRefund(sale, 'return_received', ['refunding', 'refunded']);
  }

  /**
   * The shopper's parcel back to the shop for the order's approved 退货退款: one conditional update on the case
   * being approved, so it may be corrected until staff confirm receipt and never after.
   */
  async setReturnShipment(memberId: number, orderNo: string, input: ReturnShipmentDto): Promise<OrderDetail> {
    const order = await this.orders.findOwned(memberId, orderNo);
    const sale = await this.dataSource.getRepository(AfterSaleRow).findOne({ where: { orderId: order.id }, order: { id: 'DESC' } });
    if (!sale || sale.type !== 'return_refund') {
      throw new ApiException('AFTER_SALE_NOT_FOUND', HttpStatus.NOT_FOUND, '这个订单没有需要寄回商品的退货退款');
    }
    const saved = await this.transactions.run((manager) =>
      this.moveCase(manager, sale.id, 'approved', 'approved', {
        returnCarrierCode: input.carrierCode,
        returnTrackingNo: input.trackingNo,
        returnShippedAt: new Date(),
      }),
    );
    if (!saved) {
      const now = await this.find(sale.id);
      throw new ApiException(
        'AFTER_SALE_STATE_CONFLICT',
        HttpStatus.CONFLICT,
        now.status === 'applied' ? '商家还没有同意退货，请等待商家处理后再寄回' : `售后${AFTER_SALE_STATUS_LABELS[now.status]}，不能再修改退货物流`,
        { status: now.status },
      );
    }
    return this.orders.detailOf(order);
  }

  /**
   * The case's refund: the case moves to refunding, the refund of its units is planned and reserved under the order's
   * lock (RefundsService.recordUnits), and the order goes to refunding when these are its last goods, else back to
   * where it was (a partial refund leaves the rest in its flow). 仅退款 goods never left: their stock returns now.
   */
  private async startRefund(
    sale: AfterSaleRow,
    from: AfterSaleStatus,
    done: AfterSaleStatus[],
    { sendToWechat = true }: { sendToWechat?: boolean } = {},
  ): Promise<AfterSale> {
    const now = new Date();
    const { orderNo } = await this.dataSource.getRepository(OrderRow).findOneOrFail({ select: { id: true, orderNo: true }, where: { id: sale.orderId } });
    const started = await this.transactions.run(async (manager) => {
      const changes = from === 'applied' ? { handledAt: now, refundStartedAt: now } : { refundStartedAt: now };
      if (!(await this.moveCase(manager, sale.id, from, 'refunding', changes))) return null;
      const { refund, order, lines } = await this.refunds.recordUnits(manager, {
        orderId: sale.orderId,
        kind: 'after_sale',
        afterSaleId: sale.id,
        items: sale.lines,
        outRefundNo: `${orderNo}R${sale.id}`,
        reason: `${AFTER_SALE_TYPE_LABELS[sale.type]}：${sale.reason}`,
      });
      await manager.update(AfterSaleRow, { id: sale.id }, { refundFen: refund.amountFen });
      const to = refund.closesOrder ? 'refunding' : sale.orderStatusBefore;
      if (!(await this.process.transition(manager, { orderId: sale.orderId, from: 'after_sale', to }))) throw new Error(`order ${sale.orderId} of after-sale ${sale.id} is not in after_sale`);
      // Refunded before shipping: the checkout participants give back what they give back on a refund (the stock), for these units.
      if (sale.type === 'refund_only') {
        const cause = { kind: 'refund_before_shipping' as const, afterSaleId: sale.id };
        await this.participants.release(manager, { order, lines: refundedUnits(lines, refund), cause });
      }
      return refund.outRefundNo;
    });
    if (started && sendToWechat) await this.refunds.send(started);
    return this.answer(sale.id, done, sale.type === 'refund_only' ? '同意' : '退款');
  }

  /** A conditional update of the case from its expected status (`to` may equal `from` to change its own fields); true when this call did it. */
  private async moveCase(manager: EntityManager, id: number, from: AfterSaleStatus, to: AfterSaleStatus, changes: Partial<AfterSaleRow>): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(AfterSaleRow)
      .set({ ...changes, status: to })
      .where('id = :id AND status = :from', { id, from })
      .execute();
    return result.affected === 1;
  }

  /** The case after an action: in one of `reached` (this call or an earlier one did it), else 409. */
  private async answer(id: number, reached: AfterSaleStatus[], action: string): Promise<AfterSale> {
    const sale = await this.find(id);
    if (!reached.includes(sale.status)) {
      throw new ApiException('AFTER_SALE_STATE_CONFLICT', HttpStatus.CONFLICT, `售后申请${AFTER_SALE_STATUS_LABELS[sale.status]}，不能${action}`, {
        status: sale.status,
      });
    }
    const order = await this.dataSource.getRepository(OrderRow).findOneByOrFail({ id: sale.orderId });
    return toAfterSale(sale, order.orderNo);
  }

  private async find(id: number): Promise<AfterSaleRow> {
    const sale = await this.dataSource.getRepository(AfterSaleRow).findOneBy({ id });
    if (!sale) throw new ApiException('AFTER_SALE_NOT_FOUND', HttpStatus.NOT_FOUND, '售后申请不存在');
    return sale;
  }
}

/** The units a 退货退款 sends back: the case's, or every unit not refunded yet (the order's rest). */
function returnedUnits(lines: OrderLineRow[], items: RefundItem[] | null): OrderLineRow[] {
  if (!items) return unrefundedUnits(lines);
  return items.flatMap((item) => lines.filter((line) => line.skuId === item.skuId).map((line) => ({ ...line, quantity: item.quantity })));
}
