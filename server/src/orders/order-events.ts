import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Fen, OrderCancelReason, OrderSource, OrderStatus, RefundItem, RefundKind } from '../../../shared';
import { DomainEvents, type RecordedEvent } from '../platform/events/domain-events.service';
import type { OrderRow } from './order.entity';

/**
 * Domain events of orders, recorded in the transaction that makes the change and delivered to their followers
 * after it commits (and again until each follower succeeded: see src/platform/events/). Followers register with
 * EventFollowers, e.g. `on: [OrderEvents.paid]`.
 */
export const OrderEvents = {
  created: 'order.created',
  cancelled: 'order.cancelled',
  paid: 'order.paid',
  shipped: 'order.shipped',
  completed: 'order.completed',
  refunded: 'order.refunded',
} as const;

/** What every order event carries: the order, its member, what it cost and where it came from. */
export interface OrderEventPayload {
  orderId: number;
  orderNo: string;
  memberId: number;
  /** The status the change left the order in. */
  status: OrderStatus;
  payableFen: Fen;
  itemCount: number;
  memberCouponId: number | null;
  pointsUsed: number;
  source: OrderSource;
}

export type OrderCreatedPayload = OrderEventPayload;
export type OrderCancelledPayload = OrderEventPayload & { reason: OrderCancelReason };
export type OrderPaidPayload = OrderEventPayload & { paidAt: string };
export type OrderShippedPayload = OrderEventPayload & { carrierCode: string; trackingNo: string };
export type OrderCompletedPayload = OrderEventPayload;
/**
 * One refund that succeeded, full or partial, with what followers need to apply its share without re-reading
 * history: the amount, the units, the shipping, the redeemed points that go back, the coupon's share, and the
 * order's refunded total after it. `status` is the order's status after it: refunded when `closesOrder`, else
 * where the order stays (paid, shipped, completed: 部分退款).
 */
export interface OrderRefund {
  refundId: number;
  kind: RefundKind;
  refundFen: Fen;
  /** The units refunded and each line's part; empty for a refund recorded before lines were kept (a whole order). */
  items: (RefundItem & { amountFen: Fen })[];
  /** The order's shipping, given back with its last goods; 0 otherwise. */
  shippingFen: Fen;
  /** Redeemed points that go back with these units. */
  pointsReturned: number;
  /** The refunded units' share of the coupon discount. */
  couponFen: Fen;
  /** The last goods of the order: it is refunded now (earned points all go back, every redeemed point returns). */
  closesOrder: boolean;
  /** The order's succeeded refunds, this one included: the order's net paid is payableFen − orderRefundedFen. */
  orderRefundedFen: Fen;
  /** When the order was paid (a level window or a day of purchase stats counts the refund against that payment). */
  paidAt: string | null;
}

export type OrderRefundedPayload = OrderEventPayload & OrderRefund;

/** The order columns an event is built from. */
export type OrderFacts = Pick<
  OrderRow,
  'id' | 'orderNo' | 'memberId' | 'payableFen' | 'itemCount' | 'memberCouponId' | 'pointsUsed' | 'sourceChannelCode' | 'sourceReferrerCode' | 'sourceSharerMemberId' | 'sourceLiveRoomId' | 'sourceLiveSessionId' | 'sourceLiveAttribution' | 'groupBuyTeamId'
>;

/** Records order events in the caller's transaction (`manager` of TransactionRunner.run). */
@Injectable()
export class OrderEventPublisher {
  constructor(private readonly events: DomainEvents) {}

  created(manager: EntityManager, order: OrderFacts): RecordedEvent {
    return this.record(manager, OrderEvents.created, order, 'pending_payment', {});
  }

  cancelled(manager: EntityManager, order: OrderFacts, reason: OrderCancelReason): RecordedEvent {
    return this.record(manager, OrderEvents.cancelled, order, 'cancelled', { reason });
  }

  paid(manager: EntityManager, order: OrderFacts, paidAt: Date): RecordedEvent {
    return this.record(manager, OrderEvents.paid, order, 'paid', { paidAt: paidAt.toISOString() });
  }

  shipped(manager: EntityManager, order: OrderFacts, shipment: { carrierCode: string; trackingNo: string }): RecordedEvent {
    return this.record(manager, OrderEvents.shipped, order, 'shipped', shipment);
  }

  completed(manager: EntityManager, order: OrderFacts): RecordedEvent {
    return this.record(manager, OrderEvents.completed, order, 'completed', {});
  }

  /** `order` as it is after the refund (its status: refunded, or where a partial refund leaves it). */
  refunded(manager: EntityManager, order: OrderFacts & Pick<OrderRow, 'status'>, refund: OrderRefund): RecordedEvent {
    return this.record(manager, OrderEvents.refunded, order, order.status, refund);
  }

  /** Writes the events recorded so far in this transaction now (one INSERT), so a hot row's update can stay the last write. */
  flush(manager: EntityManager): Promise<void> {
    return this.events.flush(manager);
  }

  private record(manager: EntityManager, type: string, order: OrderFacts, status: OrderStatus, extra: object): RecordedEvent {
    const payload: OrderEventPayload = {
      orderId: order.id,
      orderNo: order.orderNo,
      memberId: order.memberId,
      status,
      payableFen: order.payableFen,
      itemCount: order.itemCount,
      memberCouponId: order.memberCouponId,
      pointsUsed: order.pointsUsed,
      source: {
        channelCode: order.sourceChannelCode,
        referrerCode: order.sourceReferrerCode,
        sharerMemberId: order.sourceSharerMemberId,
        liveRoomId: order.sourceLiveRoomId,
        groupBuyTeamId: order.groupBuyTeamId,
        liveSessionId: order.sourceLiveSessionId,
        liveAttribution: order.sourceLiveAttribution,
      },
    };
    return this.events.record(manager, { type, aggregateKey: `order:${order.orderNo}`, memberId: order.memberId, payload: { ...payload, ...extra } });
  }
}
