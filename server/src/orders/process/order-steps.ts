import type { EntityManager } from 'typeorm';
import { ORDER_STATUSES, ORDER_TRANSITIONS, type OrderStatus } from '../../../../shared';
import type { OrderLineRow } from '../order-line.entity';
import type { OrderRow } from '../order.entity';

/** The columns a transition sets beside the status, in the same UPDATE (its timestamp, the tracking number, …). */
export type OrderChanges = Partial<Omit<OrderRow, 'id' | 'status'>>;

/** What a guard or a hook is told about the transition under way. */
export interface OrderTransitionContext {
  orderId: number;
  from: OrderStatus;
  to: OrderStatus;
  changes: Readonly<OrderChanges>;
  /** The order's lines when the caller read them with the order (a hook then need not read them again). */
  lines?: readonly OrderLineFacts[];
  /** The order as the caller read it before the change, when it did (a hook then need not read it to know it is not its business). */
  order?: Readonly<Pick<OrderRow, 'fulfilmentHold'>>;
}

/** What hooks may need of an order's lines. */
export type OrderLineFacts = Pick<OrderLineRow, 'skuId' | 'productId' | 'quantity'>;

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
  /**
   * The hook writes rows many orders share (a SKU's sales count, a team's seats): such hooks run after the others,
   * so those rows are the transaction's last writes and stay locked for the shortest time.
   */
  sharedRows?: boolean;
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
    this.add(guard, this.guards, (from, to) => VETO_PROOF.has(key(from, to)));
  }

  addHook(hook: OrderHook): void {
    this.add(hook, this.hooks);
    // Registration order, except that hooks on shared rows come last (a stable sort).
    for (const [move, hooks] of this.hooks) this.hooks.set(move, [...hooks].sort((a, b) => Number(a.sharedRows ?? false) - Number(b.sharedRows ?? false)));
  }

  guardsOf(from: OrderStatus, to: OrderStatus): readonly OrderGuard[] {
    return this.guards.get(key(from, to)) ?? [];
  }

  hooksOf(from: OrderStatus, to: OrderStatus): readonly OrderHook[] {
    return this.hooks.get(key(from, to)) ?? [];
  }

  private add<T extends TransitionMatch>(step: T, byMove: Map<string, T[]>, refused: (from: OrderStatus, to: OrderStatus) => boolean = () => false): void {
    if (this.names.has(step.name)) throw new Error(`order guard or hook ${step.name} is registered twice`);
    const moves = asList(step.to).flatMap((to) =>
      asList(step.from ?? ORDER_STATUSES)
        .filter((from) => step.from !== undefined || ORDER_TRANSITIONS[from].includes(to))
        .map((from) => ({ from, to })),
    );
    const impossible = moves.find(({ from, to }) => !ORDER_TRANSITIONS[from].includes(to));
    if (impossible) throw new Error(`${step.name}: an order cannot go from ${impossible.from} to ${impossible.to}`);
    if (moves.length === 0) throw new Error(`${step.name}: no order can go into ${asList(step.to).join(', ')}`);
    const proof = moves.find(({ from, to }) => refused(from, to));
    if (proof) throw new Error(`${step.name}: ${proof.from} → ${proof.to} records what WeChat Pay already did and cannot be vetoed (name \`from\`, or guard the step that starts it)`);
    this.names.add(step.name);
    for (const { from, to } of moves) byMove.set(key(from, to), [...(byMove.get(key(from, to)) ?? []), step]);
  }
}

const key = (from: OrderStatus, to: OrderStatus) => `${from}>${to}`;

/**
 * Moves no guard may veto: they record money that already moved at WeChat Pay (the payment came in, the refund
 * went out). A veto would not undo it; it would fail the notification on every delivery and leave the order
 * behind the money (a paid order cancelled by the timeout, a refund never settled). A feature that must say no
 * guards the step that starts the payment or refund instead, or refunds after the fact.
 */
const VETO_PROOF: ReadonlySet<string> = new Set([key('pending_payment', 'paid'), key('refunding', 'refunded')]);
