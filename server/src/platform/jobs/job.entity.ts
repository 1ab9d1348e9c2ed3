import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per periodic job, shared by every instance: what its last run did (whichever instance ran it) and,
 * for jobs that call WeChat, the lease saying which instance runs it until when. Written only by upserts and
 * conditional updates (JobStore).
 */
@Entity('jobs')
export class JobRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  /** The instance holding the lease (jobs that call WeChat); null when free. */
  @Column({ type: 'varchar', length: 96, nullable: true })
  leaseHolder: string | null;

  /** The lease lapses then unless its holder renews it; a crashed holder's lease lapses on its own. */
  @Column({ type: 'datetime', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'datetime', nullable: true })
  lastRunAt: Date | null;

  @Column({ type: 'varchar', length: 96, nullable: true })
  lastRunBy: string | null;

  @Column({ type: 'int', nullable: true })
  lastDurationMs: number | null;

  /** Rows the last run changed; null when it failed. */
  @Column({ type: 'int', nullable: true })
  lastRowsChanged: number | null;

  /** The latest failure, kept after later successful runs (lastErrorAt tells whether the last run failed). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ type: 'datetime', nullable: true })
  lastErrorAt: Date | null;
}
