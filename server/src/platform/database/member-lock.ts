import type { EntityManager } from 'typeorm';

/**
 * Row-locks the member until the transaction ends (a no-op write; SQLite runs transactions one at a time
 * anyway), so one member's parallel changes of the same things (address book, cart) take turns while other
 * members are not held up. Take it first, before any read, so the reads that follow see what the previous
 * holder committed.
 */
export async function lockMember(manager: EntityManager, memberId: number): Promise<void> {
  await manager.query('UPDATE members SET id = id WHERE id = ?', [memberId]);
}
