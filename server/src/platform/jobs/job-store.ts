import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { incoming, upsertRow } from '../database/upsert';
import { JobRow } from './job.entity';

export interface JobRunRecord {
  startedAt: Date;
  durationMs: number;
  /** null when the run failed. */
  rowsChanged: number | null;
  error: string | null;
  instanceId: string;
}

const ERROR_TEXT_MAX = 500;

/** The jobs table: leases and last runs, each written by one statement so instances never step on each other. */
@Injectable()
export class JobStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Makes sure each job has its row, so a lease can be taken by a single conditional update. */
  async ensure(names: string[]): Promise<void> {
    for (const name of names) await upsertRow(this.dataSource.manager, JobRow, { name }, ['name'], { name: incoming('name') });
  }

  /**
   * Takes (or renews) the lease until `until` when it is free, lapsed or already ours, in ONE conditional
   * update: of two instances asking at once, exactly one matches. Answers whether we hold it now.
   */
  async takeLease(name: string, instanceId: string, now: Date, until: Date): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(JobRow)
      .set({ leaseHolder: instanceId, leaseUntil: until })
      .where('name = :name', { name })
      .andWhere(
        new Brackets((lease) =>
          lease.where('leaseHolder IS NULL').orWhere('leaseHolder = :instanceId', { instanceId }).orWhere('leaseUntil < :now', { now }),
        ),
      )
      .execute();
    return result.affected === 1;
  }

  /** Gives back the leases this instance holds (at shutdown), so another instance takes over at its next tick. */
  async releaseLeases(instanceId: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(JobRow)
      .set({ leaseHolder: null, leaseUntil: null })
      .where('leaseHolder = :instanceId', { instanceId })
      .execute();
  }

  async recordRun(name: string, run: JobRunRecord): Promise<void> {
    const failure = run.error === null ? {} : { lastError: run.error.slice(0, ERROR_TEXT_MAX), lastErrorAt: run.startedAt };
    const values: Partial<JobRow> = {
      name,
      lastRunAt: run.startedAt,
      lastRunBy: run.instanceId,
      lastDurationMs: run.durationMs,
      lastRowsChanged: run.rowsChanged,
      ...failure,
    };
    const changed = Object.keys(values).filter((column) => column !== 'name') as (keyof JobRow & string)[];
    await upsertRow(this.dataSource.manager, JobRow, values, ['name'], Object.fromEntries(changed.map((column) => [column, incoming(column)])));
  }

  async rows(): Promise<Map<string, JobRow>> {
    const rows = await this.dataSource.getRepository(JobRow).find();
    return new Map(rows.map((row) => [row.name, row]));
  }
}
