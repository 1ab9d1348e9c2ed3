import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * How an upsert changes a column of the existing row, as SQL: `incoming('quantity')` is the value the
 * statement tried to insert, `column('quantity')` the row's current value, `value('windowStartedAt', date)` a
 * parameter converted like that column's values.
 */
export type UpsertSet = (sql: {
  incoming(property: string): string;
  column(property: string): string;
  value(property: string, value: unknown): string;
}) => string;

/**
 * Inserts a row, or changes the existing row with the same unique key, in ONE statement
 * (`INSERT … ON DUPLICATE KEY UPDATE` on MySQL/MariaDB, `INSERT … ON CONFLICT (…) DO UPDATE` on SQLite).
 *
 * Why one statement: "UPDATE, and INSERT when nothing was updated" on a unique key makes InnoDB lock the gap
 * where the missing row would go; two transactions doing that for two different missing keys in the same gap
 * then wait for each other's gap lock to insert, and one is killed as a deadlock. An upsert locks only the
 * row it writes (and takes the exclusive lock at once when the row exists), so it cannot deadlock that way.
 *
 * `set` lists the columns to change on a conflict, in order. MySQL assigns them left to right with the values
 * already assigned, SQLite with the old ones: a column whose new value reads another column that is also
 * changed must come BEFORE that column (then both dialects read the old value). The entity's update-date
 * column is set to now on both paths, as TypeORM's update would.
 */
export async function upsertRow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  values: Partial<T>,
  uniqueKey: (keyof T & string)[],
  set: Partial<Record<keyof T & string, UpsertSet>>,
): Promise<void> {
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const mysql = driver.options.type !== 'better-sqlite3';
  const columnOf = (property: string) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.tableName} has no column ${property}`);
    return column;
  };
  const name = (property: string) => driver.escape(columnOf(property).databaseName);
  const updateDate = metadata.updateDateColumn?.propertyName;
  if (updateDate) {
    values = { ...values, [updateDate]: new Date() };
    set = { ...set, [updateDate]: incoming(updateDate) };
  }
  const properties = Object.keys(values).filter((property) => values[property] !== undefined);
  const parameters = properties.map((property) => driver.preparePersistentValue(values[property], columnOf(property)));
  const sql = {
    incoming: (property: string) => (mysql ? `VALUES(${name(property)})` : `excluded.${name(property)}`),
    column: name,
    value: (property: string, value: unknown) => {
      parameters.push(driver.preparePersistentValue(value, columnOf(property)));
      return '?';
    },
  };
  const assignments = Object.entries(set).map(([property, expression]) => `${name(property)} = ${(expression as UpsertSet)(sql)}`);
  const insert = `INSERT INTO ${driver.escape(metadata.tableName)} (${properties.map(name).join(', ')}) VALUES (${properties.map(() => '?').join(', ')})`;
  const onConflict = mysql
    ? `ON DUPLICATE KEY UPDATE ${assignments.join(', ')}`
    : `ON CONFLICT (${uniqueKey.map(name).join(', ')}) DO UPDATE SET ${assignments.join(', ')}`;
  await manager.query(`${insert} ${onConflict}`, parameters);
}

/** The upsert assignment that takes the value the statement tried to insert. */
export const incoming =
  (property: string): UpsertSet =>
  (sql) =>
    sql.incoming(property);
