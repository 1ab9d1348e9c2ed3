import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { findRepoRoot, parseDatabase } from '../platform/config/app-config';
import { buildDataSourceOptions } from '../platform/database/data-source-options';

/**
 * The DataSource for TypeORM's CLI (migration:generate / migration:run), from DATABASE_URL like the
 * server. Used by scripts/generate-migration.js; the server itself builds its own in DatabaseModule.
 */
const database = parseDatabase(process.env.DATABASE_URL, process.env.DATA_DIR || join(findRepoRoot(), 'data'));

export default new DataSource({ ...buildDataSourceOptions(database), migrationsRun: false });
