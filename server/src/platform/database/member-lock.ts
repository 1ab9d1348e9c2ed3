import type { EntityManager } from 'typeorm';

/** The members each open transaction holds the row lock of (keyed by the transaction's manager: one per attempt). */
const lockedIn = new WeakMap<EntityManager, Set<number>>();

/**
 * Row-locks the member until the transaction ends (a no-op write; SQLite runs transactions one at a time
 * anyway), so one member's parallel changes of the same things (address book, cart) take turns while other
 * members are not held up. Take it first, before any read, so the reads that follow see what the previous
 * holder committed. A transaction that holds the lock already (several followers of one event applied
 * together) is not sent the statement again.
 */
export async function lockMember(manager: EntityManager, memberId: number): Promise<void> {
  if (lockedIn.get(manager)?.has(memberId)) return;
  await manager.query('UPDATE members SET id = id WHERE id = ?', [memberId]);
  noteMemberLocked(manager, memberId);
}

/**
 * Records that the caller's transaction holds the member's row lock, taken by a locking read of its own
 * (`SELECT … FOR UPDATE` of the member row), so a later lockMember in it costs nothing. Outside a transaction
 * (autocommit) a lock ends with its statement and nothing is recorded.
 */
export function noteMemberLocked(manager: EntityManager, memberId: number): void {
  if (!manager.queryRunner?.isTransactionActive) return;
  const held = lockedIn.get(manager) ?? new Set<number>();
  held.add(memberId);
  lockedIn.set(manager, held);
}
