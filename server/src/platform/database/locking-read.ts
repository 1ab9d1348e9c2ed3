import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Makes a SELECT inside a transaction read the latest committed rows and lock them (FOR UPDATE).
 * MySQL/MariaDB need it: a plain SELECT there reads the transaction's snapshot, which may predate a
 * concurrent points change. SQLite has no such lock and needs none: its write transactions run one
 * after the other (TransactionRunner), so every read in one already sees the latest rows.
 */
export function lockedForUpdate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return query.connection.options.type === 'better-sqlite3' ? query : query.setLock('pessimistic_write');
}
