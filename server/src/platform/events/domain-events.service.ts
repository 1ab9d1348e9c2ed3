import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual, type EntityManager } from 'typeorm';
import { insertRows } from '../database/plain-sql';
import { TransactionRunner } from '../database/transaction-runner';
import { transactionHooks } from '../database/transaction-hooks';
import { newEventId, type DomainEvent, type EventFollower, type NewDomainEvent } from './domain-event';
import { DomainEventDeliveryRow } from './domain-event-delivery.entity';
import { DomainEventRow } from './domain-event.entity';
import { CLAIM_LEASE_MS, FIRST_RUN_GRACE_MS, MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './delivery-backoff';
import { EventFollowers } from './event-followers';

/** A recorded event; `delivered` settles once its followers' first run after the commit has ended (succeeded or not). */
export interface RecordedEvent {
  id: string;
  delivered: Promise<void>;
}

interface Pending {
  event: DomainEvent;
  followers: readonly EventFollower[];
  written: boolean;
  settle: () => void;
}

/** The sweep redelivers at most this many deliveries per run. */
const SWEEP_BATCH = 100;

/**
 * The outbox. `record(manager, event)` inside a TransactionRunner transaction buffers the event; its row and one
 * pending delivery per follower are written before that transaction commits (in one INSERT each, or earlier by
 * `flush(manager)` when a hot row must stay the last write), and right after the commit the followers run in
 * this process. A follower that fails, or never ran because the process died, is run again by the redelivery
 * sweep with exponential backoff until it succeeds: at least once per (event, follower), done exactly once.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger('DomainEvents');
  private readonly buffers = new WeakMap<EntityManager, Pending[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly followers: EventFollowers,
  ) {}

  record<P>(manager: EntityManager, input: NewDomainEvent<P>): RecordedEvent {
    let buffer = this.buffers.get(manager);
    if (!buffer) {
      const hooks = transactionHooks(manager);
      const created: Pending[] = [];
      buffer = created;
      this.buffers.set(manager, created);
      hooks.onBeforeCommit((committing) => this.flush(committing));
      hooks.onAfterCommit(() => this.dispatch(created));
    }
    const now = new Date();
    let settle = () => {};
    const delivered = new Promise<void>((resolve) => (settle = resolve));
    const event: DomainEvent = { ...input, id: newEventId(now.getTime()), createdAt: now };
    buffer.push({ event, followers: this.followers.of(input.type), written: false, settle });
    return { id: event.id, delivered };
  }

  /** Writes the events recorded so far in this transaction (one INSERT of events, one of deliveries). */
  async flush(manager: EntityManager): Promise<void> {
    const unwritten = (this.buffers.get(manager) ?? []).filter((pending) => !pending.written);
    if (unwritten.length === 0) return;
    await insertRows(manager, DomainEventRow, unwritten.map(({ event }) => ({ ...event, payload: JSON.stringify(event.payload) })));
    const firstRunBy = new Date(Date.now() + FIRST_RUN_GRACE_MS);
    const deliveries = unwritten.flatMap(({ event, followers }) =>
      followers.map((follower) => ({ eventId: event.id, follower: follower.name, status: 'pending' as const, attempts: 0, nextAttemptAt: firstRunBy })),
    );
    await insertRows(manager, DomainEventDeliveryRow, deliveries);
    for (const pending of unwritten) pending.written = true;
  }

  /** The followers' first run, right after the commit; never throws. */
  private dispatch(committed: Pending[]): void {
    for (const { event, followers, settle } of committed) {
      if (followers.length === 0) {
        settle();
        continue;
      }
      this.firstRun(event, followers)
        .catch((error) => this.logger.error(`${event.type} ${event.id}: recording its deliveries failed: ${String(error)}`))
        .finally(settle);
    }
  }

  private async firstRun(event: DomainEvent, followers: readonly EventFollower[]): Promise<void> {
    const outcomes = await Promise.all(followers.map(async (follower) => ({ follower, error: await this.run(follower, event) })));
    const succeeded = outcomes.filter((outcome) => outcome.error === null).map((outcome) => outcome.follower.name);
    if (succeeded.length > 0) await this.markDone(event.id, succeeded, 1);
    for (const { follower, error } of outcomes) if (error !== null) await this.markFailed(event, follower.name, 1, error);
  }

  /**
   * Runs what is due: pending deliveries whose next attempt time has passed (failed runs after their backoff, and
   * first runs a dead process never made). Each is claimed by a conditional update on the attempts it was read
   * with, so two instances sweeping at once run it once. Answers how many succeeded.
   */
  async redeliverDue(now: Date = new Date()): Promise<number> {
    const due = await this.dataSource.getRepository(DomainEventDeliveryRow).find({
      where: { status: 'pending', nextAttemptAt: LessThanOrEqual(now) },
      order: { nextAttemptAt: 'ASC' },
      take: SWEEP_BATCH,
    });
    let succeeded = 0;
    for (const delivery of due) if (await this.redeliver(delivery, now)) succeeded++;
    return succeeded;
  }

  private async redeliver(delivery: DomainEventDeliveryRow, now: Date): Promise<boolean> {
    const attempts = delivery.attempts + 1;
    const claimed = await this.transactions.run((manager) =>
      manager
        .createQueryBuilder()
        .update(DomainEventDeliveryRow)
        .set({ attempts, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
        .where('eventId = :eventId AND follower = :follower AND status = :pending AND attempts = :seen', {
          eventId: delivery.eventId,
          follower: delivery.follower,
          pending: 'pending',
          seen: delivery.attempts,
        })
        .execute(),
    );
    if (claimed.affected !== 1) return false;
    const row = await this.dataSource.getRepository(DomainEventRow).findOneBy({ id: delivery.eventId });
    const follower = this.followers.named(delivery.follower);
    const event: DomainEvent | null = row ? { ...row, payload: JSON.parse(row.payload) } : null;
    const error = !event ? 'the event row is gone' : !follower ? 'no follower of this name is registered' : await this.run(follower, event);
    if (error === null) {
      await this.markDone(delivery.eventId, [delivery.follower], attempts);
      return true;
    }
    await this.markFailed(event ?? { id: delivery.eventId, type: '?' }, delivery.follower, attempts, error, !event || !follower);
    return false;
  }

  /** Runs one follower; answers null when it succeeded, else the failure's message. */
  private async run(follower: EventFollower, event: DomainEvent): Promise<string | null> {
    try {
      await follower.handle(event);
      return null;
    } catch (error) {
      const message = String((error as Error)?.message ?? error);
      this.logger.warn(`${follower.name} failed on ${event.type} ${event.id} (it will be retried): ${message}`);
      return message.slice(0, 500) || 'failed';
    }
  }

  private async markDone(eventId: string, followers: string[], attempts: number): Promise<void> {
    await this.transactions.run((manager) =>
      manager
        .createQueryBuilder()
        .update(DomainEventDeliveryRow)
        .set({ status: 'done', attempts, doneAt: new Date() })
        .where('eventId = :eventId AND follower IN (:...followers) AND status = :pending', { eventId, followers, pending: 'pending' })
        .execute(),
    );
  }

  private async markFailed(event: Pick<DomainEvent, 'id' | 'type'>, follower: string, attempts: number, error: string, hopeless = false): Promise<void> {
    const givesUp = hopeless || attempts >= MAX_DELIVERY_ATTEMPTS;
    if (givesUp) this.logger.error(`${follower} gave up on ${event.type} ${event.id} after ${attempts} runs: ${error}`);
    await this.transactions.run((manager) =>
      manager
        .createQueryBuilder()
        .update(DomainEventDeliveryRow)
        .set({ status: givesUp ? 'failed' : 'pending', attempts, lastError: error, nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)) })
        .where('eventId = :eventId AND follower = :follower AND status = :pending', { eventId: event.id, follower, pending: 'pending' })
        .execute(),
    );
  }
}
