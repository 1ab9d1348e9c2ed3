import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Fen, OrderCancelReason } from '../../../shared';

/**
 * Domain events of orders, published after the transaction commits. Followers (member stats,
 * commissions, messages) subscribe with `@OnEvent(OrderEvents.created)`.
 */
export const OrderEvents = {
  created: 'order.created',
  cancelled: 'order.cancelled',
  paid: 'order.paid',
  shipped: 'order.shipped',
  completed: 'order.completed',
  refunded: 'order.refunded',
} as const;

/** The order a paid / shipped / completed / refunded event is about. */
export interface OrderChangedEvent {
  orderId: number;
  orderNo: string;
  memberId: number;
}

export interface OrderCreatedEvent {
  orderId: number;
  orderNo: string;
  memberId: number;
  payableFen: Fen;
}

export interface OrderCancelledEvent {
  orderId: number;
  orderNo: string;
  memberId: number;
  reason: OrderCancelReason;
}

@Injectable()
export class OrderEventPublisher {
  private readonly logger = new Logger('OrderEvents');

  constructor(private readonly emitter: EventEmitter2) {}

  created(event: OrderCreatedEvent): void {
    this.publish(OrderEvents.created, event);
  }

  cancelled(event: OrderCancelledEvent): void {
    this.publish(OrderEvents.cancelled, event);
  }

  paid(event: OrderChangedEvent & { payableFen: Fen }): void {
    this.publish(OrderEvents.paid, event);
  }

  shipped(event: OrderChangedEvent): void {
    this.publish(OrderEvents.shipped, event);
  }

  completed(event: OrderChangedEvent): void {
    this.publish(OrderEvents.completed, event);
  }

  refunded(event: OrderChangedEvent & { refundFen: Fen }): void {
    this.publish(OrderEvents.refunded, event);
  }

  /**
   * The change is already committed: a follower that throws (at once or later) is logged and never
   * reaches the caller, so it cannot turn a placed or cancelled order into an error answer.
   */
  private publish(name: string, event: object): void {
    const report = (error: unknown) => this.logger.error(`${name} follower failed: ${String(error)}`);
    try {
      this.emitter.emitAsync(name, event).catch(report);
    } catch (error) {
      report(error);
    }
  }
}
