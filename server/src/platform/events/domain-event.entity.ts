import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A fact a change produced (order paid, member registered, …), written in the same transaction as the change
 * (an outbox): if the change committed, so did its event. Followers' deliveries are in domain_event_deliveries.
 */
@Entity('domain_events')
export class DomainEventRow {
  /** Time-ordered and made by the app (newEventId), so a batch of events is one INSERT with no ids to read back. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  /** e.g. `order.paid` */
  @Column({ type: 'varchar', length: 64 })
  type: string;

  /** What the event is about, e.g. `order:<orderNo>`, `member:<id>`. */
  @Column({ type: 'varchar', length: 64 })
  aggregateKey: string;

  /** The member it concerns (removing a member's rows removes their events too). */
  @Index('IDX_domain_events_member')
  @Column({ type: 'int', nullable: true })
  memberId: number | null;

  /** JSON of what followers need. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
