import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'done' | 'failed';

/**
 * One follower's delivery of one event, written with the event. The key (event, follower) is what makes a
 * follower run to completion once: only a pending delivery is run, and `done` is set by a conditional update.
 */
@Entity('domain_event_deliveries')
// The redelivery sweep reads due pending deliveries off this index.
@Index('IDX_domain_event_deliveries_due', ['status', 'nextAttemptAt'])
export class DomainEventDeliveryRow {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  eventId: string;

  /** The follower's registered name: stable, since it keys the delivery. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  follower: string;

  @Column({ type: 'varchar', length: 8, default: 'pending' })
  status: DeliveryStatus;

  /** Runs started (the first, right after the commit, included). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** The last failure's message (kept once done, as history). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  /** When the sweep may run it next (also the lease of a run in progress). */
  @Column({ type: 'datetime' })
  nextAttemptAt: Date;

  @Column({ type: 'datetime', nullable: true })
  doneAt: Date | null;
}
