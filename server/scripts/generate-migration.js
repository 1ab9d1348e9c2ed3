#!/usr/bin/env node
/**
 * Generates a migration for one dialect with TypeORM's CLI, from the difference between the entities
 * and a database that has every existing migration applied.
 *
 *   npm run migration:generate:sqlite -- AddOrders
 *       (uses a throwaway SQLite file)
 *   DATABASE_URL=mysql://root@127.0.0.1:3307/scratch npm run migration:generate:mysql -- AddOrders
 *       (needs a scratch MySQL/MariaDB database; mariadb:// works too)
 *
 * Runs on the build (npm run build first, which the npm scripts do).
 */
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const [dialect, name = 'Migration'] = process.argv.slice(2);
const serverDir = join(__dirname, '..');
const dataSourceFile = join(serverDir, 'dist/server/src/database/data-source.js');
const env = { ...process.env };
let scratchDir = null;

if (dialect === 'sqlite') {
  scratchDir = mkdtempSync(join(tmpdir(), 'migration-sqlite-'));
  env.DATABASE_URL = `sqlite:${join(scratchDir, 'generate.sqlite')}`;
} else if (dialect === 'mysql') {
  if (!/^(mysql|mariadb):\/\//.test(env.DATABASE_URL ?? '')) {
    console.error('请设置 DATABASE_URL=mysql://user:pass@host:port/scratch_db（一个可以随意改动的空数据库）');
    process.exit(1);
  }
} else {
  console.error('用法：node scripts/generate-migration.js sqlite|mysql [名称]');
  process.exit(1);
}

const typeorm = (...args) =>
  execFileSync(process.execPath, [require.resolve('typeorm/cli.js'), ...args, '-d', dataSourceFile], {
    cwd: serverDir,
    env,
    stdio: 'inherit',
  });

try {
  typeorm('migration:run');
  typeorm('migration:generate', join('src/database/migrations', dialect, name));
} finally {
  if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
}
