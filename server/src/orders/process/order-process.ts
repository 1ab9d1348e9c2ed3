import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderStatus } from '../../../../shared';
import { ApiException } from '../../platform/errors/api-exception';
import { DomainEvents } from '../../platform/events/domain-events.service';
import { OrderRow } from '../order.entity';
import { transitionOrder } from '../order-transition';
import { OrderSteps, type OrderChanges, type OrderGuard, type OrderHook, type OrderLineFacts, type OrderTransitionContext } from './order-steps';

export interface OrderTransitionRequest {
  orderId: number;
  from: OrderStatus;
  to: OrderStatus;
  changes?: OrderChanges;
  /** The order's lines, when the caller has just read them with the order: handed to the hooks. */
  lines?: readonly OrderLineFacts[];
  /** The order as the caller just read it, when it did: handed to the hooks. */
  order?: OrderTransitionContext['order'];
  /**
   * Records the transition's domain event (OrderEventPublisher) once the update won. It is written before the
   * hooks run, so the rows they change (sales counts, a team's seats: rows many orders share) are the last
   * writes and stay locked for the shortest time.
   */
  event?: () => unknown;
}

/** 409 ORDER_TRANSITION_BLOCKED: a guard vetoed the transition; the message is the guard's. */
export class OrderTransitionBlocked extends ApiException {
  constructor(reason: string, ctx: OrderTransitionContext, guard: string) {
    super('ORDER_TRANSITION_BLOCKED', HttpStatus.CONFLICT, reason, { status: ctx.from, to: ctx.to, guard });
  }
}

/**
 * The order's state graph (ORDER_TRANSITIONS) and every change of an order's status. Per transition:
 * guards that may veto it, the conditional UPDATE on the expected state, the after-commit domain event
 * (recorded in the same transaction), and hooks that write in that transaction. Other domains register their
 * guards and hooks in their module's onModuleInit; the order core never imports them.
 */
@Injectable()
export class OrderProcess {
  private readonly steps = new OrderSteps();

  constructor(private readonly events: DomainEvents) {}

  registerGuard(guard: OrderGuard): void {
    this.steps.addGuard(guard);
  }

  registerHook(hook: OrderHook): void {
    this.steps.addHook(hook);
  }

  /**
   * Moves the order `from` → `to` inside the caller's transaction (`manager` of TransactionRunner.run). True when
   * this call made the change; false when the order was not in `from` any more (someone else won: re-read and
   * answer). A guard's veto throws OrderTransitionBlocked, but only while the order is still in `from`: for an
   * order another call moved already the answer is false, as without guards. A transition nobody guards or hooks
   * costs exactly its one UPDATE.
   */
  async transition(manager: EntityManager, request: OrderTransitionRequest): Promise<boolean> {
    const ctx: OrderTransitionContext = { orderId: request.orderId, from: request.from, to: request.to, changes: request.changes ?? {}, lines: request.lines, order: request.order };
    for (const guard of this.steps.guardsOf(ctx.from, ctx.to)) {
      const reason = await guard.check(manager, ctx);
      if (reason === null) continue;
      const now = await manager.findOne(OrderRow, { select: { id: true, status: true }, where: { id: ctx.orderId } });
      if (now?.status !== ctx.from) return false;
      throw new OrderTransitionBlocked(reason, ctx, guard.name);
    }
    if (!(await transitionOrder(manager, ctx.orderId, ctx.from, ctx.to, request.changes))) return false;
    if (request.event) await request.event();
    const hooks = this.steps.hooksOf(ctx.from, ctx.to);
    if (hooks.length === 0) return true;
    if (request.event) await this.events.flush(manager);
    for (const hook of hooks) await hook.run(manager, ctx);
    return true;
  }
}
