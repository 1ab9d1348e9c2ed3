import type { OrderDetail, OrderLine, OrderSummary } from '../../../shared';
import type { OrderLineRow } from './order-line.entity';
import type { OrderRow } from './order.entity';

/** Entities → API shapes of shared/api/orders.ts. */

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toOrderLine(row: OrderLineRow): OrderLine {
  return {
    skuId: row.skuId,
    productId: row.productId,
    title: row.title,
    specValues: row.specValues,
    imageUrl: row.imageUrl,
    unitPriceFen: row.unitPriceFen,
    quantity: row.quantity,
    lineTotalFen: row.lineTotalFen,
  };
}

export function toOrderSummary(order: OrderRow, lines: OrderLineRow[]): OrderSummary {
  return {
    orderNo: order.orderNo,
    status: order.status,
    lines: lines.map(toOrderLine),
    itemCount: order.itemCount,
    payableFen: order.payableFen,
    createdAt: order.createdAt.toISOString(),
    payDeadlineAt: order.status === 'pending_payment' ? iso(order.payDeadlineAt) : null,
  };
}

export function toOrderDetail(order: OrderRow, lines: OrderLineRow[]): OrderDetail {
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
      liveRoomId: order.sourceLiveRoomId,
      groupBuyTeamId: order.groupBuyTeamId,
    },
    paidAt: iso(order.paidAt),
    shippedAt: iso(order.shippedAt),
    completedAt: iso(order.completedAt),
    cancelledAt: iso(order.cancelledAt),
    cancelReason: order.cancelReason,
    shipment: null,
    autoConfirmAt: null,
    afterSale: null,
    timeline: [],
  };
}
