import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs database writes in a transaction. Every write of the app goes through here.
 *
 * Why: TypeORM's SQLite drivers use ONE connection for the whole process, so two requests that each
 * open a transaction would interleave on it (the second becomes a savepoint of the first, and a
 * rollback of one undoes the other). On SQLite the transactions are therefore queued one after the
 * other; MySQL/MariaDB give each transaction its own pooled connection and run them in parallel.
 */
@Injectable()
export class TransactionRunner {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly serialize: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serialize = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialize) return this.dataSource.transaction(work);
    const result = this.queue.then(() => this.dataSource.transaction(work));
    // The queue continues whether this transaction succeeded or failed.
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** True when a query failed on a unique index (SQLite and MySQL/MariaDB). */
export function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string; errno?: number } })?.driverError ?? error;
  const { code, errno } = driverError as { code?: string; errno?: number };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || errno === 1062;
}
