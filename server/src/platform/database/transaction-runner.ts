import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionHooks, withTransactionHooks } from './transaction-hooks';

/**
 * Runs database writes in a transaction. Every write of the app goes through here.
 *
 * Why: TypeORM's SQLite drivers use ONE connection for the whole process, so two requests that each
 * open a transaction would interleave on it (the second becomes a savepoint of the first, and a
 * rollback of one undoes the other). On SQLite the transactions are therefore queued one after the
 * other; MySQL/MariaDB give each transaction its own pooled connection and run them in parallel, and a
 * transaction InnoDB rolled back as a deadlock victim or after a lock-wait timeout runs again.
 */
@Injectable()
export class TransactionRunner {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly serialize: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serialize = dataSource.options.type === 'better-sqlite3';
  }

  /**
   * `readCommitted` (MySQL/MariaDB only; SQLite's transactions run one at a time anyway): every plain read sees what
   * is committed at that moment instead of the transaction's first snapshot, and locking reads take no gap locks. For
   * work that reads rows under row locks it took itself, one at a time (e.g. walking a chain of members).
   */
  run<T>(work: (manager: EntityManager) => Promise<T>, options: { readCommitted?: boolean } = {}): Promise<T> {
    if (!this.serialize) return retryLockConflicts(() => this.once(work, options.readCommitted ? 'READ COMMITTED' : undefined));
    const result = this.queue.then(() => this.once(work));
    // The queue continues whether this transaction succeeded or failed.
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * One write that is atomic on its own (a single conditional UPDATE, INSERT or upsert, and nothing to run
   * after a commit): on MySQL/MariaDB it runs in autocommit on a pooled connection, without the two extra
   * round trips of START TRANSACTION and COMMIT; on SQLite it still takes its turn in the queue, so it never
   * lands inside another request's open transaction on the one shared connection.
   */
  single<T>(statement: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.serialize) return this.run(statement);
    return retryLockConflicts(() => statement(this.dataSource.manager));
  }

  /**
   * One attempt: the work, then what it asked to write last (before-commit hooks, e.g. buffered domain events),
   * the commit, then what it asked to run once committed (after-commit hooks: a rolled-back attempt runs none).
   */
  private async once<T>(work: (manager: EntityManager) => Promise<T>, isolation?: 'READ COMMITTED'): Promise<T> {
    const hooks = new TransactionHooks();
    const inTransaction = (manager: EntityManager) => withTransactionHooks(manager, hooks, work);
    const result = await (isolation ? this.dataSource.transaction(isolation, inTransaction) : this.dataSource.transaction(inTransaction));
    hooks.committed();
    return result;
  }
}

const ER_LOCK_WAIT_TIMEOUT = 1205;
const ER_LOCK_DEADLOCK = 1213;
export const MAX_TRANSACTION_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 5;
const BACKOFF_CAP_MS = 400;

/**
 * Runs `attempt` again while it fails on a lock conflict (InnoDB's documented remedy for a deadlock victim;
 * the whole transaction was rolled back). Waits grow exponentially with full jitter, so transactions that
 * collided do not collide again in lockstep: 5, 10, 20 … 400 ms at most, each a random share of that.
 */
export async function retryLockConflicts<T>(
  attempt: () => Promise<T>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => number = Math.random,
): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= MAX_TRANSACTION_ATTEMPTS || !isLockConflict(error)) throw error;
      const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (tries - 1));
      await sleep(Math.ceil(random() * ceiling));
    }
  }
}

export function isLockConflict(error: unknown): boolean {
  const errno = driverErrno(error);
  return errno === ER_LOCK_DEADLOCK || errno === ER_LOCK_WAIT_TIMEOUT;
}

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
