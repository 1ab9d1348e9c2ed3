import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThan, LessThanOrEqual, type EntityManager } from 'typeorm';
import { DOMAIN_EVENT_LABELS, EVENT_DELIVERY_OVERDUE_MS, type AdminEventDelivery, type AdminEventDeliveryList } from '../../../../shared';
import { ApiException } from '../errors/api-exception';
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

class NotAllPending extends Error {}

/** The sweep redelivers at most this many deliveries per run. */
const SWEEP_BATCH = 100;
/** The owner's list of deliveries that need a look shows at most this many. */
const LISTED_DELIVERIES = 50;
/** The prune sweep removes settled events this many at a time (one transaction each). */
const PRUNE_BATCH = 500;

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
    const applying = followers.filter((follower) => follower.apply);
    const handling = followers.filter((follower) => !follower.apply);
    const outcomes = (
      await Promise.all([
        this.applyTogether(event, applying),
        Promise.all(handling.map(async (follower) => ({ follower, error: await this.run(follower, event, 1) }))),
      ])
    ).flat();
    // Applying followers recorded their own `done` in their transaction.
    const succeeded = outcomes.filter((outcome) => outcome.error === null && !outcome.follower.apply).map((outcome) => outcome.follower.name);
    if (succeeded.length > 0) await this.markDone(event.id, succeeded, 1);
    for (const { follower, error } of outcomes) if (error !== null) await this.markFailed(event, follower.name, 1, error);
  }

  /**
   * The first run of an event's applying followers: all in ONE transaction that records their deliveries done
   * (two round trips fewer per follower). Should one of them fail, or a delivery no longer be pending, that
   * transaction rolls back and each runs in a transaction of its own, so one failure never holds up the others.
   */
  private async applyTogether(event: DomainEvent, followers: EventFollower[]): Promise<{ follower: EventFollower; error: string | null }[]> {
    if (followers.length > 1) {
      const together = await this.transactions
        .run(async (manager) => {
          // Not all still pending (a sweep ran one meanwhile): roll back what this marked done, and go one by one.
          if ((await this.recordDone(manager, event.id, followers.map((follower) => follower.name), 1)) !== followers.length) throw new NotAllPending();
          for (const follower of followers) await follower.apply!(manager, event);
          return true;
        })
        .catch(() => false);
      if (together) return followers.map((follower) => ({ follower, error: null }));
    }
    const outcomes = [];
    for (const follower of followers) outcomes.push({ follower, error: await this.run(follower, event, 1) });
    return outcomes;
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

  /**
   * Runs one delivery (pending, or failed when the owner asks again) after claiming it by a conditional update on
   * the status and attempts it was read with; false when someone else claimed it first or the run failed.
   */
  private async redeliver(delivery: DomainEventDeliveryRow, now: Date): Promise<boolean> {
    const attempts = delivery.attempts + 1;
    const claimed = await this.transactions.run((manager) =>
      manager
        .createQueryBuilder()
        .update(DomainEventDeliveryRow)
        .set({ status: 'pending', attempts, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
        .where('eventId = :eventId AND follower = :follower AND status = :status AND attempts = :seen', {
          eventId: delivery.eventId,
          follower: delivery.follower,
          status: delivery.status,
          seen: delivery.attempts,
        })
        .execute(),
    );
    if (claimed.affected !== 1) return false;
    const row = await this.dataSource.getRepository(DomainEventRow).findOneBy({ id: delivery.eventId });
    const follower = this.followers.named(delivery.follower);
    const event: DomainEvent | null = row ? { ...row, payload: JSON.parse(row.payload) } : null;
    const error = !event ? 'the event row is gone' : !follower ? 'no follower of this name is registered' : await this.run(follower, event, attempts);
    if (error === null) {
      if (!follower!.apply) await this.markDone(delivery.eventId, [delivery.follower], attempts);
      return true;
    }
    await this.markFailed(event ?? { id: delivery.eventId, type: '?' }, delivery.follower, attempts, error, !event || !follower);
    return false;
  }

  /**
   * Runs one follower; answers null when it succeeded, else the failure's message. An applying follower runs in
   * the transaction that records its delivery done (and does nothing when the delivery is no longer pending).
   */
  private async run(follower: EventFollower, event: DomainEvent, attempts: number): Promise<string | null> {
    try {
      if (follower.apply) {
        await this.transactions.run(async (manager) => {
          if (await this.recordDone(manager, event.id, [follower.name], attempts)) await follower.apply!(manager, event);
        });
      } else {
        await follower.handle(event);
      }
      return null;
    } catch (error) {
      const message = String((error as Error)?.message ?? error);
      this.logger.warn(`${follower.name} failed on ${event.type} ${event.id} (it will be retried): ${message}`);
      return message.slice(0, 500) || 'failed';
    }
  }

  /** Marks the followers' pending deliveries of the event done; answers how many were pending. */
  private async recordDone(manager: EntityManager, eventId: string, followers: string[], attempts: number): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(DomainEventDeliveryRow)
      .set({ status: 'done', attempts, doneAt: new Date() })
      .where('eventId = :eventId AND follower IN (:...followers) AND status = :pending', { eventId, followers, pending: 'pending' })
      .execute();
    return result.affected ?? 0;
  }

  private async markDone(eventId: string, followers: string[], attempts: number): Promise<void> {
    await this.transactions.single((manager) => this.recordDone(manager, eventId, followers, attempts));
  }

  private async markFailed(event: Pick<DomainEvent, 'id' | 'type'>, follower: string, attempts: number, error: string, hopeless = false): Promise<void> {
    const givesUp = hopeless || attempts >= MAX_DELIVERY_ATTEMPTS;
    if (givesUp) this.logger.error(`${follower} gave up on ${event.type} ${event.id} after ${attempts} runs: ${error}`);
    await this.transactions.single((manager) =>
      manager
        .createQueryBuilder()
        .update(DomainEventDeliveryRow)
        .set({ status: givesUp ? 'failed' : 'pending', attempts, lastError: error, nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)) })
        .where('eventId = :eventId AND follower = :follower AND status = :pending', { eventId: event.id, follower, pending: 'pending' })
        .execute(),
    );
  }

  /** The failed deliveries and the pending ones nothing is running (overdue), for the owner's 任务 page. */
  async needingLook(now: Date = new Date()): Promise<AdminEventDeliveryList> {
    const deliveries = this.dataSource.getRepository(DomainEventDeliveryRow);
    const overdue = { status: 'pending' as const, nextAttemptAt: LessThan(new Date(now.getTime() - EVENT_DELIVERY_OVERDUE_MS)) };
    const [failedCount, overdueCount, rows] = await Promise.all([
      deliveries.countBy({ status: 'failed' }),
      deliveries.countBy(overdue),
      deliveries.find({ where: [{ status: 'failed' }, overdue], order: { eventId: 'DESC' }, take: LISTED_DELIVERIES }),
    ]);
    const events = await this.eventsById(rows.map((row) => row.eventId));
    return { failed: failedCount, overdue: overdueCount, items: rows.map((row) => this.toAdminDelivery(row, events.get(row.eventId))) };
  }

  /** Runs a delivery now at the owner's request (a failed one gets another run); answers it afterwards. */
  async retryNow(eventId: string, follower: string, now: Date = new Date()): Promise<AdminEventDelivery> {
    const repository = this.dataSource.getRepository(DomainEventDeliveryRow);
    const delivery = await repository.findOneBy({ eventId: eventId.slice(0, 32), follower: follower.slice(0, 64) });
    if (!delivery) throw new ApiException('EVENT_DELIVERY_NOT_FOUND', HttpStatus.NOT_FOUND, '没有这条事件投递');
    if (delivery.status === 'done') throw new ApiException('EVENT_DELIVERY_DONE', HttpStatus.CONFLICT, '这条事件投递已经成功，不需要重投');
    const before = delivery.attempts;
    await this.redeliver(delivery, now);
    const after = await repository.findOneByOrFail({ eventId: delivery.eventId, follower: delivery.follower });
    if (after.attempts === before) {
      throw new ApiException('EVENT_DELIVERY_BUSY', HttpStatus.CONFLICT, '这条事件投递刚被另一处处理，请刷新后再看');
    }
    return this.toAdminDelivery(after, (await this.eventsById([after.eventId])).get(after.eventId));
  }

  private toAdminDelivery(delivery: DomainEventDeliveryRow, event: Pick<DomainEventRow, 'type' | 'aggregateKey' | 'createdAt'> | undefined): AdminEventDelivery {
    const eventType = event?.type ?? '';
    return {
      eventId: delivery.eventId,
      eventType,
      eventLabel: DOMAIN_EVENT_LABELS[eventType] ?? eventType,
      aggregateKey: event?.aggregateKey ?? '',
      follower: delivery.follower,
      followerLabel: this.followers.named(delivery.follower)?.label ?? delivery.follower,
      status: delivery.status,
      attempts: delivery.attempts,
      lastError: delivery.lastError,
      nextAttemptAt: delivery.nextAttemptAt.toISOString(),
      eventCreatedAt: (event?.createdAt ?? delivery.nextAttemptAt).toISOString(),
    };
  }

  private async eventsById(ids: string[]): Promise<Map<string, DomainEventRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(DomainEventRow).find({ select: { id: true, type: true, aggregateKey: true, createdAt: true }, where: { id: In(ids) } });
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * Removes the events older than `cutoff` whose deliveries have all succeeded (with their deliveries): they are
   * history nobody reads. Failed and pending ones stay until they are settled. Answers how many events went.
   */
  async prune(cutoff: Date): Promise<number> {
    // Event ids begin with their creation time in hex, so "older than" is a primary-key range.
    const olderThan = newEventId(cutoff.getTime()).slice(0, 12);
    let removed = 0;
    for (;;) {
      const rows: { id: string }[] = await this.dataSource
        .getRepository(DomainEventRow)
        .createQueryBuilder('e')
        .select('e.id', 'id')
        .where('e.id < :olderThan', { olderThan })
        .andWhere("NOT EXISTS (SELECT 1 FROM domain_event_deliveries d WHERE d.eventId = e.id AND d.status <> 'done')")
        .orderBy('e.id', 'ASC')
        .limit(PRUNE_BATCH)
        .getRawMany();
      if (rows.length === 0) return removed;
      const ids = rows.map((row) => row.id);
      removed += await this.transactions.run(async (manager) => {
        await manager.delete(DomainEventDeliveryRow, { eventId: In(ids), status: 'done' });
        return (await manager.delete(DomainEventRow, { id: In(ids) })).affected ?? 0;
      });
      if (rows.length < PRUNE_BATCH) return removed;
    }
  }
}
