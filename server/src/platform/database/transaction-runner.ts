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
    if (!this.serialize) return this.withDeadlockRetry(work);
    const result = this.queue.then(() => this.dataSource.transaction(work));
    // The queue continues whether this transaction succeeded or failed.
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** InnoDB resolves a deadlock by rolling one transaction back; running it again is the documented remedy. */
  private async withDeadlockRetry<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= MAX_DEADLOCK_ATTEMPTS || driverErrno(error) !== ER_LOCK_DEADLOCK) throw error;
      }
    }
  }
}

const ER_LOCK_DEADLOCK = 1213;
const MAX_DEADLOCK_ATTEMPTS = 3;

function driverErrno(error: unknown): number | undefined {
  const driverError = (error as { driverError?: { errno?: number } })?.driverError ?? error;
  return (driverError as { errno?: number })?.errno;
}

/** True when a query failed on a unique index (SQLite and MySQL/MariaDB). */
export function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string } })?.driverError ?? error;
  const code = (driverError as { code?: string })?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || driverErrno(error) === 1062;
}
