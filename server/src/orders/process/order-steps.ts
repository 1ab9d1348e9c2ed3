import type { EntityManager } from 'typeorm';
import { ORDER_STATUSES, ORDER_TRANSITIONS, type OrderStatus } from '../../../../shared';
import type { OrderRow } from '../order.entity';

/** The columns a transition sets beside the status, in the same UPDATE (its timestamp, the tracking number, …). */
export type OrderChanges = Partial<Omit<OrderRow, 'id' | 'status'>>;

/** What a guard or a hook is told about the transition under way. */
export interface OrderTransitionContext {
  orderId: number;
  from: OrderStatus;
  to: OrderStatus;
  changes: Readonly<OrderChanges>;
}

/** Which transitions a guard or hook is for: every move into `to`, or only those out of `from`. */
interface TransitionMatch {
  /** Unique among guards and hooks, `领域.what`: e.g. `group-buy.no-ship-while-forming`. */
  name: string;
  to: OrderStatus | readonly OrderStatus[];
  /** Omitted: from any state that may move into `to`. */
  from?: OrderStatus | readonly OrderStatus[];
}

/**
 * May veto a transition before the order is changed. Answers null to let it through, or the sentence (Chinese,
 * shown to the person who asked) that says why not: the caller gets 409 ORDER_TRANSITION_BLOCKED with it.
 * Runs inside the transaction, before the conditional update; it may read, it must not write.
 */
export interface OrderGuard extends TransitionMatch {
  check(manager: EntityManager, ctx: OrderTransitionContext): Promise<string | null> | string | null;
}

/**
 * Runs inside the transaction once the conditional update has moved the order (never for a caller that lost the
 * race), after the transition's event is written. A hook that throws rolls the whole transition back.
 */
export interface OrderHook extends TransitionMatch {
  run(manager: EntityManager, ctx: OrderTransitionContext): Promise<void>;
}

const asList = <T>(value: T | readonly T[]): readonly T[] => (Array.isArray(value) ? value : [value as T]);

/**
 * Who guards and who hooks into which order transition, looked up per (from, to) in registration order.
 * A registration naming a move the state machine (ORDER_TRANSITIONS) does not have is refused at once.
 */
export class OrderSteps {
  private readonly names = new Set<string>();
  private readonly guards = new Map<string, OrderGuard[]>();
  private readonly hooks = new Map<string, OrderHook[]>();

  addGuard(guard: OrderGuard): void {
    this.add(guard, this.guards);
  }

  addHook(hook: OrderHook): void {
    this.add(hook, this.hooks);
  }

  guardsOf(from: OrderStatus, to: OrderStatus): readonly OrderGuard[] {
    return this.guards.get(key(from, to)) ?? [];
  }

  hooksOf(from: OrderStatus, to: OrderStatus): readonly OrderHook[] {
    return this.hooks.get(key(from, to)) ?? [];
  }

  private add<T extends TransitionMatch>(step: T, byMove: Map<string, T[]>): void {
    if (this.names.has(step.name)) throw new Error(`order guard or hook ${step.name} is registered twice`);
    const moves = asList(step.to).flatMap((to) =>
      asList(step.from ?? ORDER_STATUSES)
        .filter((from) => step.from !== undefined || ORDER_TRANSITIONS[from].includes(to))
        .map((from) => ({ from, to })),
    );
    const impossible = moves.find(({ from, to }) => !ORDER_TRANSITIONS[from].includes(to));
    if (impossible) throw new Error(`${step.name}: an order cannot go from ${impossible.from} to ${impossible.to}`);
    if (moves.length === 0) throw new Error(`${step.name}: no order can go into ${asList(step.to).join(', ')}`);
    this.names.add(step.name);
    for (const { from, to } of moves) byMove.set(key(from, to), [...(byMove.get(key(from, to)) ?? []), step]);
  }
}

const key = (from: OrderStatus, to: OrderStatus) => `${from}>${to}`;
