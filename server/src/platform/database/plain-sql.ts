import type { EntityManager, EntityTarget, ObjectLiteral, QueryResult } from 'typeorm';

/**
 * Plain SQL for the statements of order placement, the hot path of every order: TypeORM's query builder
 * cost about a quarter of the server's CPU there. The entity metadata still names the columns and the
 * driver still converts the values (dates, JSON), so the same calls run on SQLite and MySQL/MariaDB.
 * Run them through a transaction's manager.
 */

/** Inserts one row; answers its generated id. */
export async function insertRow<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, row: Partial<T>): Promise<number> {
  const result = await runInsert(manager, entity, [row]);
  // mysql2 answers a result header with insertId; better-sqlite3 answers the row id itself.
  const raw = result.raw as { insertId?: number } | number | bigint;
  return Number(typeof raw === 'object' ? raw.insertId : raw);
}

/**
 * Inserts rows of the same shape in one statement and answers their generated ids, in row order, without a
 * read back: one multi-row INSERT takes consecutive ids (InnoDB's auto-increment with its default step of 1;
 * SQLite's rowids), and the drivers name one end of them: mysql2's insertId is the FIRST row's id,
 * better-sqlite3's lastInsertRowid the LAST row's.
 */
export async function insertRowsReturningIds<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: Partial<T>[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const result = await runInsert(manager, entity, rows);
  const raw = result.raw as { insertId?: number } | number | bigint;
  const first = typeof raw === 'object' ? Number(raw.insertId) : Number(raw) - rows.length + 1;
  return rows.map((_, index) => first + index);
}

/** Inserts rows of the same shape in one statement. */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
  if (rows.length > 0) await runInsert(manager, entity, rows);
}

/** Runs an UPDATE or DELETE written with `?` placeholders; answers the number of rows it changed. */
export async function execute(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  const result = await structuredQuery(manager, sql, parameters);
  return result.affected ?? 0;
}

async function runInsert<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: Partial<T>[]): Promise<QueryResult> {
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  // The columns some row gives a value for; the others take their database default (generated ids, updatedAt).
  // A null for a nullable column without a default is what the database writes anyway, so it is left out too:
  // a new order's many empty columns (paidAt, trackingNo, …) would otherwise make the statement twice as long.
  const columns = metadata.columns.filter((column) =>
    rows.some((row) => {
      const value = row[column.propertyName];
      return value !== undefined && !(value === null && column.isNullable && column.default === undefined);
    }),
  );
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const sql = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((column) => driver.escape(column.databaseName)).join(', ')}) VALUES ${rows.map(() => placeholders).join(', ')}`;
  const parameters = rows.flatMap((row) => columns.map((column) => driver.preparePersistentValue(row[column.propertyName], column)));
  return structuredQuery(manager, sql, parameters);
}

function structuredQuery(manager: EntityManager, sql: string, parameters: unknown[]): Promise<QueryResult> {
  if (!manager.queryRunner) throw new Error('plain SQL of order placement runs inside a transaction');
  return manager.queryRunner.query(sql, parameters, true) as Promise<QueryResult>;
}
