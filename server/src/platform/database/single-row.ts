import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { incoming, upsertRow } from './upsert';

/** The id of the one row of a shop-wide settings table. */
export const SINGLE_ROW_ID = 1;

/**
 * Writes a shop-wide settings table's one row in one statement: inserts it the first time, replaces the given
 * columns afterwards (an upsert). Instances saving the first row at once all succeed; the last save wins, as
 * it would with updates.
 */
export async function writeSingleRow<T extends ObjectLiteral & { id: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  values: QueryDeepPartialEntity<T>,
): Promise<void> {
  const row = { ...values, id: SINGLE_ROW_ID } as unknown as Partial<T>;
  const set = Object.fromEntries(Object.keys(values).map((property) => [property, incoming(property)]));
  await upsertRow(manager, entity, row, ['id'], set as never);
}
