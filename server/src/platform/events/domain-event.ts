import type { EntityManager } from 'typeorm';
import { randomBytes } from 'node:crypto';

/** An event as followers receive it. */
export interface DomainEvent<P = unknown> {
  id: string;
  type: string;
  aggregateKey: string;
  memberId: number | null;
  payload: P;
  createdAt: Date;
}

/** An event as a change records it. */
export type NewDomainEvent<P = unknown> = Pick<DomainEvent<P>, 'type' | 'aggregateKey' | 'memberId' | 'payload'>;

/**
 * A follower: runs after the commit of each event of the types it is `on`, until it has succeeded once per event.
 * - `handle(event)` does its work on its own. It may run more than once for an event (the process died after its
 *   work and before `done` was recorded), so its writes must be idempotent on the event (a unique key, a
 *   conditional update, a full recompute).
 * - `apply(manager, event)`, when given, is what deliveries run instead: inside the transaction that records the
 *   delivery done, so its writes commit exactly once with it and it may add the event's amounts to stored totals
 *   (a cost independent of the history). `handle` stays the idempotent way to replay an event by hand.
 */
export interface EventFollower<P = any> {
  /** Stable: deliveries are keyed by (event id, name). `<module>.<what it does>`. */
  name: string;
  /** What it does, in Chinese, for the owner's 任务 page (e.g. 付款后更新会员等级). */
  label: string;
  on: readonly string[];
  handle(event: DomainEvent<P>): Promise<void>;
  apply?(manager: EntityManager, event: DomainEvent<P>): Promise<void>;
}

/** 12 hex digits of milliseconds then 20 random ones: sorts by creation time, unique across instances. */
export function newEventId(now: number = Date.now()): string {
  return now.toString(16).padStart(12, '0') + randomBytes(10).toString('hex');
}
