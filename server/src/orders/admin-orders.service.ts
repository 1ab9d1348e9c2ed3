import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import {
  addDays,
  chinaDateTime,
  formatFen,
  ORDER_STATUS_LABELS,
  type AdminOrderDetail,
  type AdminOrderListQuery,
  type AdminOrderRow,
  type OrderStatus,
  type OrderStatusCounts,
  type Paginated,
  type PickingListLine,
  type PaidOrdersSince,
  startOfChinaDay,
  type StaffRole,
} from '../../../shared';
import { MemberRow } from '../members/member.entity';
import { bindDateTime } from '../analytics/purchase-facts';
import { PaymentRow } from '../payments/payment.entity';
import { RefundRow } from '../payments/refund.entity';
import { refundRecords } from '../payments/refund-views';
import { escapeLike } from '../platform/database/like';
import { ApiException } from '../platform/errors/api-exception';
import { paginated } from '../platform/http/page-query.dto';
import { SubscribeMessageLogRow } from '../subscribe-messages/subscribe-message-log.entity';
import type { AdminOrderFilterDto } from './admin-order.dto';
import { OrderLineRow } from './order-line.entity';
import { toShipment } from './order-views';
import { OrderRow } from './order.entity';
import { OrdersService } from './orders.service';
import { addressLine, receiverFor } from './receiver-contact';
import { ShippingService } from './shipping.service';
import { csvDocument } from '../platform/http/csv-document';

/** The export is one file a person opens in Excel; beyond this they should narrow the filters. */
export const EXPORT_MAX_ROWS = 10_000;
/** The new-order notice lists this many of the orders paid since the last poll (and counts all). */
const PAID_NOTICE_LISTED = 5;
/**
 * The notice's window ends this long before now: a payment recorded a moment ago may still be committing, and
 * the next poll (from this `until`) sees it instead of skipping it.
 */
const PAYMENT_COMMIT_LAG_MS = 3_000;

/** The staff's view of orders: list with filters, CSV export, detail, cancel. */
@Injectable()
export class AdminOrdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly shipping: ShippingService,
  ) {}

  async list(filter: AdminOrderFilterDto, role: StaffRole): Promise<Paginated<AdminOrderRow>> {
    const [orders, total] = await this.filtered(filter).skip(filter.offset).take(filter.pageSize).getManyAndCount();
    return paginated(await this.rows(orders, role), total, filter);
  }

  /** How many orders of each status match the list's filters (its status aside): the tabs' counts, one GROUP BY. */
  async statusCounts(filter: AdminOrderListQuery): Promise<OrderStatusCounts> {
    const rows: { status: OrderStatus; count: number | string }[] = await this.filtered({ ...filter, status: undefined })
      .select('o.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('o.status')
      .orderBy()
      .getRawMany();
    const byStatus: OrderStatusCounts['byStatus'] = {};
    for (const row of rows) byStatus[row.status] = Number(row.count);
    return { total: Object.values(byStatus).reduce((sum, count) => sum + count, 0), byStatus };
  }

  /** Orders whose payment the server recorded in (after, until]: the console's 新订单 notice polls this. */
  async paidSince(after: Date | null, now: Date = new Date()): Promise<PaidOrdersSince> {
    const until = new Date(Math.floor((now.getTime() - PAYMENT_COMMIT_LAG_MS) / 1000) * 1000);
    if (!after || after >= until) return { count: 0, latest: [], until: (after && after > until ? after : until).toISOString() };
    const window = `FROM payments p INNER JOIN orders o ON o.id = p.orderId
      WHERE p.createdAt > ? AND p.createdAt <= ? AND p.outcome = 'matched' AND o.paidAt IS NOT NULL`;
    const bounds = [bindDateTime(this.dataSource, after), bindDateTime(this.dataSource, until)];
    const [[counted], newest] = await Promise.all([
      this.dataSource.query(`SELECT COUNT(*) AS n ${window}`, bounds) as Promise<{ n: number | string }[]>,
      this.dataSource.query(`SELECT o.id AS id ${window} ORDER BY p.id DESC LIMIT ${PAID_NOTICE_LISTED}`, bounds) as Promise<{ id: number | string }[]>,
    ]);
    const ids = newest.map((row) => Number(row.id));
    const orders = ids.length > 0 ? await this.dataSource.getRepository(OrderRow).findBy({ id: In(ids) }) : [];
    orders.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
    // The notice shows no phone, so the role that masks it does not matter here.
    const rows = await this.rows(orders, 'owner');
    return {
      count: Number(counted.n),
      latest: rows.map((row) => ({
        orderNo: row.orderNo,
        payableFen: row.payableFen,
        paidAt: row.paidAt!,
        memberNickname: row.memberNickname,
        itemsText: row.itemsText,
      })),
      until: until.toISOString(),
    };
  }

  /** UTF-8 with a BOM so Excel reads the Chinese; one line per order, newest first. */
  async exportCsv(filter: AdminOrderFilterDto, role: StaffRole): Promise<string> {
    const orders = await this.filtered(filter).take(EXPORT_MAX_ROWS).getMany();
    // Up to EXPORT_MAX_ROWS orders: their lines are read once, for the rows and for the SKU column.
    const orderLines = await this.orders.linesOf(orders.map((order) => order.id));
    const rows = await this.rows(orders, role, orderLines);
    const byNo = new Map(orders.map((order) => [order.orderNo, order]));
    const header = ['订单号', '状态', '下单时间', '付款时间', '会员', '收货人', '手机号', '收货地址', '商品', '件数', '应付金额（元）', '快递公司', '快递单号', 'SKU 明细', '买家备注'];
    const skuLines = await this.orders.withSkuCodes(orderLines);
    const lines = rows.map((row) => {
      const order = byNo.get(row.orderNo)!;
      return [
        row.orderNo,
        ORDER_STATUS_LABELS[row.status],
        chinaDateTime(order.createdAt),
        order.paidAt ? chinaDateTime(order.paidAt) : '',
        row.memberNickname ?? `会员${row.memberId}`,
        row.receiverName,
        row.receiverPhone,
        addressLine(receiverFor(role, order)),
        row.itemsText,
        row.itemCount,
        formatFen(row.payableFen),
        row.shipment?.carrierName ?? '',
        row.shipment?.trackingNo ?? '',
        skuLinesText(skuLines.get(order.id) ?? []),
        order.remark,
      ];
    });
    return csvDocument(header, lines);
  }

  async detail(orderNo: string, role: StaffRole): Promise<AdminOrderDetail> {
    const order = await this.shipping.findByNo(orderNo);
    const [detail, member, payments, refunds, messages] = await Promise.all([
      this.orders.detailOf(order),
      this.dataSource.getRepository(MemberRow).findOneBy({ id: order.memberId }),
      this.dataSource.getRepository(PaymentRow).find({ where: { orderId: order.id }, order: { id: 'ASC' } }),
      this.dataSource.getRepository(RefundRow).find({ where: { orderId: order.id }, order: { id: 'ASC' } }),
      this.dataSource.getRepository(SubscribeMessageLogRow).find({ where: { orderId: order.id }, order: { id: 'ASC' } }),
    ]);
    return {
      ...detail,
      source: { ...detail.source, sharerMemberId: order.sourceSharerMemberId },
      address: receiverFor(role, order),
      memberId: order.memberId,
      memberNickname: member?.nickname ?? null,
      payments: payments.map((payment) => ({
        transactionId: payment.transactionId,
        amountFen: payment.amountFen,
        payerOpenid: payment.payerOpenid,
        successAt: payment.successAt.toISOString(),
        outcome: payment.outcome,
      })),
      refunds: await refundRecords(this.dataSource.manager, refunds),
      subscribeMessages: messages.map((message) => ({
        kind: message.kind,
        templateId: message.templateId,
        result: message.result,
        errcode: message.errcode,
        at: message.at.toISOString(),
      })),
      wechatShippingReport:
        order.shippingReportStatus && order.shippingReportAt
          ? { status: order.shippingReportStatus, message: order.shippingReportMessage, at: order.shippingReportAt.toISOString() }
          : null,
    };
  }

  /** Staff cancel an unpaid order (stock returns exactly once, like every cancellation). */
  async cancel(orderNo: string, reason: string, role: StaffRole): Promise<AdminOrderDetail> {
    const order = await this.shipping.findByNo(orderNo);
    await this.orders.cancelUnpaid(order.id, 'staff', reason.trim());
    const now = await this.shipping.findByNo(orderNo);
    if (now.status !== 'cancelled') {
      throw new ApiException('ORDER_STATE_CONFLICT', HttpStatus.CONFLICT, `订单${ORDER_STATUS_LABELS[now.status]}，不能取消`, { status: now.status });
    }
    return this.detail(orderNo, role);
  }

  private filtered(filter: AdminOrderListQuery): SelectQueryBuilder<OrderRow> {
    const query = this.dataSource.getRepository(OrderRow).createQueryBuilder('o').orderBy('o.id', 'DESC');
    if (filter.status) query.andWhere('o.status = :status', { status: filter.status });
    if (filter.from) query.andWhere('o.createdAt >= :from', { from: startOfChinaDay(filter.from) });
    if (filter.to) {
      query.andWhere('o.createdAt < :to', { to: startOfChinaDay(addDays(filter.to, 1)) });
    }
    if (filter.orderNo) query.andWhere('o.orderNo = :orderNo', { orderNo: filter.orderNo });
    if (filter.memberId !== undefined) query.andWhere('o.memberId = :memberId', { memberId: filter.memberId });
    // The 待办 list: still waiting to ship, and the buyer asked (the same orders countOpenShipReminders counts).
    if (filter.reminded === true) query.andWhere("o.status = 'paid' AND o.shipRemindedAt IS NOT NULL");
    if (filter.phone) {
      const members = this.dataSource.getRepository(MemberRow).createQueryBuilder('m').select('m.id');
      if (filter.phone.length === 4) {
        const suffix = `%${filter.phone}`;
        members.where('m.phone LIKE :suffix', { suffix });
        query.andWhere(`(o.recipientPhone LIKE :suffix OR o.memberId IN (${members.getQuery()}))`, { suffix });
      } else {
        members.where('m.phone = :phone', { phone: filter.phone });
        query.andWhere(`(o.recipientPhone = :phone OR o.memberId IN (${members.getQuery()}))`, { phone: filter.phone });
      }
    }
    if (filter.product) {
      const lines = this.dataSource
        .getRepository(OrderLineRow)
        .createQueryBuilder('l')
        .select('l.orderId')
        .where("l.title LIKE :product ESCAPE '!'");
      query.andWhere(`o.id IN (${lines.getQuery()})`, { product: `%${escapeLike(filter.product)}%` });
    }
    return query;
  }

  private async rows(orders: OrderRow[], role: StaffRole, loadedLines?: Map<number, OrderLineRow[]>): Promise<AdminOrderRow[]> {
    if (orders.length === 0) return [];
    const ids = orders.map((order) => order.id);
    const [lines, members] = await Promise.all([
      loadedLines ?? this.orders.linesOf(ids),
      this.dataSource.getRepository(MemberRow).findBy({ id: In([...new Set(orders.map((order) => order.memberId))]) }),
    ]);
    const nicknames = new Map(members.map((member) => [member.id, member.nickname]));
    return orders.map((order) => ({
      orderNo: order.orderNo,
      status: order.status,
      memberId: order.memberId,
      memberNickname: nicknames.get(order.memberId) ?? null,
      receiverName: order.recipientName,
      receiverPhone: receiverFor(role, order).phone,
      itemsText: (lines.get(order.id) ?? []).map((line) => `${line.title} ×${line.quantity}`).join('，'),
      itemCount: order.itemCount,
      payableFen: order.payableFen,
      refundedFen: order.refundedFen,
      createdAt: order.createdAt.toISOString(),
      paidAt: order.paidAt ? order.paidAt.toISOString() : null,
      shipment: toShipment(order),
      shipRemindedAt: order.status === 'paid' && order.shipRemindedAt ? order.shipRemindedAt.toISOString() : null,
      fulfilmentHold: order.fulfilmentHold,
    }));
  }
}

/** "LJ-100G 西湖龙井 100g ×2；GH-250G 桂花乌龙 250g ×1": what a picker takes from the shelves. */
export function skuLinesText(lines: PickingListLine[]): string {
  return lines.map((line) => `${line.skuCode} ${[line.title, ...line.specValues].join(' ')} ×${line.quantity}`).join('；');
}

