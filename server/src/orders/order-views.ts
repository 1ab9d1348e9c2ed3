import {
  adjustmentsOf,
  AFTER_SALE_TYPE_LABELS,
  formatYuan,
  REFUND_KIND_LABELS,
  ORDER_CANCEL_REASON_LABELS,
  SHIP_REMINDER_INTERVAL_HOURS,
  type OrderDetail,
  type OrderLine,
  type OrderSummary,
  type OrderTimelineEntry,
  type Shipment,
} from '../../../shared';
import type { AfterSaleRow } from '../after-sales/after-sale.entity';
import { returnShipmentOf, toAfterSale } from '../after-sales/after-sale-views';
import type { RefundRow } from '../payments/refund.entity';
import type { OrderLineRow } from './order-line.entity';
import type { OrderRow } from './order.entity';
import { carrierName, shipmentOf } from './shipment-view';

/** Entities → API shapes of shared/api/orders.ts. */

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** An order line's own facts: a stored row, or the line just written (whose row id nobody needs). */
export type OrderLineFields = Omit<OrderLineRow, 'id' | 'orderId'>;

export function toOrderLine(row: OrderLineFields): OrderLine {
  return {
    skuId: row.skuId,
    productId: row.productId,
    title: row.title,
    specValues: row.specValues,
    imageUrl: row.imageUrl,
    unitPriceFen: row.unitPriceFen,
    quantity: row.quantity,
    lineTotalFen: row.lineTotalFen,
    ...(row.refundedQuantity > 0 ? { refundedQuantity: row.refundedQuantity } : {}),
  };
}

export function toOrderSummary(order: OrderRow, lines: OrderLineFields[]): OrderSummary {
  return {
    orderNo: order.orderNo,
    status: order.status,
    lines: lines.map(toOrderLine),
    itemCount: order.itemCount,
    payableFen: order.payableFen,
    refundedFen: order.refundedFen,
    createdAt: order.createdAt.toISOString(),
    payDeadlineAt: order.status === 'pending_payment' ? iso(order.payDeadlineAt) : null,
    fulfilmentHold: order.fulfilmentHold,
    groupBuyTeamId: order.groupBuyTeamId,
  };
}

export function toShipment(order: OrderRow): Shipment | null {
  return shipmentOf(order.carrierCode, order.trackingNo, order.shippedAt);
}

/**
 * What happened to the order, oldest first. Derived from the transition timestamps of the order, its
 * after-sale cases and its system refunds (each written by its own conditional update), so the timeline cannot
 * disagree with them. `systemRefunds`: the order's refunds without an after-sale case (商家退款, 拼团失败退款, 取消后到账退款).
 */
export function orderTimeline(order: OrderRow, afterSales: AfterSaleRow[], systemRefunds: RefundRow[] = []): OrderTimelineEntry[] {
  const entries: (OrderTimelineEntry | null)[] = [
    { event: 'created', at: order.createdAt.toISOString(), text: '订单已提交' },
    order.paidAt && { event: 'paid', at: order.paidAt.toISOString(), text: `已付款 ${formatYuan(order.payableFen)}` },
    order.shipRemindedAt && { event: 'ship_reminded', at: order.shipRemindedAt.toISOString(), text: '已提醒商家尽快发货' },
    order.shippedAt && {
      event: 'shipped',
      at: order.shippedAt.toISOString(),
      text: `商家已发货：${carrierName(order.carrierCode ?? '')} ${order.trackingNo ?? ''}`.trim(),
    },
    order.completedAt && { event: 'completed', at: order.completedAt.toISOString(), text: '已确认收货，订单完成' },
    order.cancelledAt && {
      event: 'cancelled',
      at: order.cancelledAt.toISOString(),
      text: `订单已取消：${order.cancelReason ? ORDER_CANCEL_REASON_LABELS[order.cancelReason] : ''}${order.cancelNote ? `（${order.cancelNote}）` : ''}`,
    },
  ];
  for (const sale of afterSales) {
    const label = AFTER_SALE_TYPE_LABELS[sale.type];
    entries.push({ event: 'after_sale_applied', at: sale.createdAt.toISOString(), text: `申请${label}：${sale.reason}` });
    if (sale.handledAt && sale.status === 'rejected') {
      entries.push({ event: 'after_sale_rejected', at: sale.handledAt.toISOString(), text: `商家拒绝了${label}申请：${sale.rejectReason ?? ''}` });
    } else if (sale.handledAt) {
      entries.push({
        event: 'after_sale_approved',
        at: sale.handledAt.toISOString(),
        text: sale.type === 'return_refund' ? '商家已同意退货退款，请寄回商品' : '商家已同意退款',
      });
    }
    const parcel = returnShipmentOf(sale);
    if (parcel) {
      entries.push({ event: 'return_shipped', at: parcel.shippedAt, text: `已寄回商品：${parcel.carrierName} ${parcel.trackingNo}` });
    }
    if (sale.returnReceivedAt) entries.push({ event: 'return_received', at: sale.returnReceivedAt.toISOString(), text: '商家已收到退货' });
    if (sale.refundStartedAt) {
      entries.push({ event: 'refund_started', at: sale.refundStartedAt.toISOString(), text: `退款处理中：${formatYuan(sale.refundFen)}，原路退回` });
    }
    if (sale.refundedAt) entries.push({ event: 'refunded', at: sale.refundedAt.toISOString(), text: `退款成功：${formatYuan(sale.refundFen)}` });
  }
  for (const refund of systemRefunds) {
    if (refund.kind === 'after_sale') continue;
    const kind = REFUND_KIND_LABELS[refund.kind];
    entries.push({ event: 'system_refund_started', at: refund.createdAt.toISOString(), text: `${kind}处理中：${formatYuan(refund.amountFen)}，原路退回（${refund.reason}）` });
    if (refund.succeededAt) entries.push({ event: 'system_refunded', at: refund.succeededAt.toISOString(), text: `${kind}成功：${formatYuan(refund.amountFen)}` });
  }
  // Whole seconds: transition columns keep seconds only (MySQL DATETIME), createdAt keeps milliseconds.
  // Entries are built in the order things happen, and the sort is stable, so ties keep that order.
  const second = (entry: OrderTimelineEntry) => Math.floor(Date.parse(entry.at) / 1000);
  return entries.filter((entry): entry is OrderTimelineEntry => !!entry).sort((a, b) => second(a) - second(b));
}

/** `afterSales` are the order's after-sale cases, oldest first; `systemRefunds` its refunds without a case. */
export function toOrderDetail(order: OrderRow, lines: OrderLineFields[], afterSales: AfterSaleRow[], systemRefunds: RefundRow[] = []): OrderDetail {
  const latest = afterSales.at(-1);
  return {
    ...toOrderSummary(order, lines),
    pricing: {
      listTotalFen: order.listTotalFen,
      memberDiscountFen: order.memberDiscountFen,
      promotionDiscountFen: order.promotionDiscountFen,
      couponDiscountFen: order.couponDiscountFen,
      pointsDiscountFen: order.pointsDiscountFen,
      shippingFeeFen: order.shippingFeeFen,
      payableFen: order.payableFen,
    },
    adjustments: order.adjustments ?? adjustmentsOf(order, { couponName: order.couponName, pointsUsed: order.pointsUsed }),
    coupon:
      order.memberCouponId !== null && order.couponTemplateId !== null
        ? { memberCouponId: order.memberCouponId, templateId: order.couponTemplateId, name: order.couponName ?? '' }
        : null,
    pointsUsed: order.pointsUsed,
    address: {
      recipientName: order.recipientName,
      phone: order.recipientPhone,
      provinceName: order.provinceName,
      cityName: order.cityName,
      districtName: order.districtName,
      regionCode: order.regionCode,
      detail: order.addressDetail,
    },
    remark: order.remark,
    source: {
      channelCode: order.sourceChannelCode,
      referrerCode: order.sourceReferrerCode,
      // Another member's id is for staff only (AdminOrdersService.detail fills it in).
      sharerMemberId: null,
      liveRoomId: order.sourceLiveRoomId,
      groupBuyTeamId: order.groupBuyTeamId,
      liveSessionId: order.sourceLiveSessionId,
      liveAttribution: order.sourceLiveAttribution,
    },
    paidAt: iso(order.paidAt),
    shippedAt: iso(order.shippedAt),
    completedAt: iso(order.completedAt),
    cancelledAt: iso(order.cancelledAt),
    cancelReason: order.cancelReason,
    shipment: toShipment(order),
    autoConfirmAt: order.status === 'shipped' ? iso(order.autoConfirmAt) : null,
    afterSale: latest ? toAfterSale(latest, order.orderNo) : null,
    shipReminder: order.shipRemindedAt
      ? { remindedAt: order.shipRemindedAt.toISOString(), nextAllowedAt: nextShipReminderAt(order.shipRemindedAt).toISOString() }
      : null,
    timeline: orderTimeline(order, afterSales, systemRefunds),
  };
}

/** The earliest moment the buyer may press 提醒发货 again. */
export function nextShipReminderAt(remindedAt: Date): Date {
  return new Date(remindedAt.getTime() + SHIP_REMINDER_INTERVAL_HOURS * 3600_000);
}
