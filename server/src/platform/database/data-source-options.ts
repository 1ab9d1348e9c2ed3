import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from '../../database/entities';

/** Migration folders per dialect; MySQL and MariaDB share one (TypeORM generates the same DDL for both). */
export function migrationsGlob(dialect: DatabaseConfig['dialect']): string {
  const folder = dialect === 'sqlite' ? 'sqlite' : 'mysql';
  // .ts under jest, .js once built; never the .d.ts or source maps.
  return join(__dirname, '..', '..', 'database', 'migrations', folder, '*.{ts,js}');
}

/**
 * TypeORM options for the configured database. Schema changes come only from migrations, which run
 * at boot; `synchronize` stays off (throwaway test databases may still call it explicitly).
 */
export function buildDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: [migrationsGlob(database.dialect)],
    migrationsRun: true,
    migrationsTableName: 'migrations',
    synchronize: false,
    // Failed queries are not logged here: expected ones (a unique index deciding a race) are handled, and
    // unexpected ones reach the exception filter, which logs them with the request.
    logging: ['warn', 'migration'] as ('warn' | 'migration')[],
  };
  if (database.dialect === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.file,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        // WAL lets readers run while one writer commits; busy_timeout waits for a lock instead of failing.
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('synchronous = NORMAL');
      },
    };
  }
  return {
    ...common,
    // The mariadb type makes TypeORM speak MariaDB's dialect (e.g. its JSON and UUID differences).
    type: database.dialect,
    url: database.url,
    charset: 'utf8mb4_unicode_ci',
    // Dates are stored and read as UTC whatever the server's timezone.
    timezone: 'Z',
    extra: { connectionLimit: 20 },
  };
}

/** The migrations folder of a dialect, for the migration generator. */
export function migrationsDir(dialect: DatabaseConfig['dialect']): string {
  return join(__dirname, '..', '..', 'database', 'migrations', dialect === 'sqlite' ? 'sqlite' : 'mysql');
}
