import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { isUniqueViolation } from './transaction-runner';

/** The id of the one row of a shop-wide settings table. */
export const SINGLE_ROW_ID = 1;

/**
 * Writes a shop-wide settings table's one row: updates it, or inserts it the first time. Instances saving
 * the first row at once all succeed; the last save wins, as it would with updates.
 */
export async function writeSingleRow<T extends ObjectLiteral & { id: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  values: QueryDeepPartialEntity<T>,
): Promise<void> {
  const where = { id: SINGLE_ROW_ID } as FindOptionsWhere<T>;
  const updated = await manager.update(entity, where, values);
  if (updated.affected) return;
  try {
    await manager.insert(entity, { ...values, id: SINGLE_ROW_ID });
  } catch (error) {
    // Another instance wrote the first row meanwhile.
    if (!isUniqueViolation(error)) throw error;
    await manager.update(entity, where, values);
  }
}
