/**
 * The shoppers' product list against the framework ceiling of this machine:
 *
 *   npm run bench                  (after the order placement figures; or alone: node dist/server/bench/catalog.js)
 *
 * For SQLite (a temp file) and MariaDB (BENCH_MARIADB_URL, e.g. mysql://root@127.0.0.1:3399/, gets a throwaway
 * database; else a throwaway server when MariaDB is installed) it starts the real app in a child process, creates
 * BENCH_CATALOG_PRODUCTS products of two SKUs in one category through the admin API, and loads one page of 20
 * (GET /api/v1/products?categoryId=…&pageSize=20) from BENCH_CATALOG_CONNECTIONS connections for BENCH_SECONDS s.
 * The ceiling, measured in the same run: bare Fastify (no Nest), with the app's logger and request log, answering
 * the same bytes from memory. Printed: req/s of both and their ratio (target ≥ 50%), the answer cache's hit rate,
 * and the SQL statements per request (counted in the app process, its change polling included); for comparison, the
 * same 20 products found by a keyword search, which is computed on every request (searches are not cached).
 */
import 'reflect-metadata';
import Fastify from 'fastify';
import { createConnection } from 'mysql2/promise';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AdminProductDetail, CategoryNode, SaveProductRequest } from '../../shared';
import { API_PREFIX, createApp } from '../src/app';
import { AnswerCache } from '../src/platform/cache/answer-cache';
import { loadConfig } from '../src/platform/config/app-config';
import { loggerOptions, registerRequestLogging } from '../src/platform/logging/request-logging';
import { DEMO_STAFF } from '../src/seed/demo-staff';
import { FakeWechatServer } from '../src/wechat-fake/fake-wechat-server';
import { startMariaDb } from './orders/bench-database';
import { forkServer, reportReady, type ChildServer } from './support/child-server';
import { runLoad, type LoadResult } from './support/load';
import { runWrk, wrkInstalled } from './support/wrk-load';

const CONNECTIONS = Number(process.env.BENCH_CATALOG_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PRODUCTS = Number(process.env.BENCH_CATALOG_PRODUCTS ?? 60);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const WARM_UP_SECONDS = 2;
const USE_WRK = wrkInstalled() && process.env.BENCH_LOAD !== 'autocannon';
/** The target: the cached list at half the bare framework's rate or better. */
const TARGET_FRACTION = 0.5;
const PAGE = 'pageSize=20&sort=default';

type AppInfo = { url: string };
interface AppCounters {
  statements: number;
  hits: number;
  misses: number;
}

// ---------------------------------------------------------------- child processes

/** The real app (as main.ts builds it, the fake WeChat beside it), counting the SQL statements it sends. */
async function serveApp(): Promise<void> {
  const config = loadConfig();
  const fake = new FakeWechatServer({ appid: config.wechat.appid, secret: config.wechat.secret, pay: config.wechatPay.fake ?? undefined });
  await fake.start(0, '127.0.0.1');
  const app = await createApp({ config, wechatApiBase: fake.url, wechatRuntime: { mode: 'fake', fakePort: fake.port } });
  let statements = 0;
  // Every statement of either driver goes through its query runner's query().
  const runner = app.get(DataSource).createQueryRunner();
  const runnerType = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
  await runner.release();
  const query = runnerType.query;
  runnerType.query = function (this: unknown, ...args: unknown[]) {
    statements++;
    return query.apply(this, args);
  };
  await app.listen(0, '127.0.0.1');
  const cache = app.get(AnswerCache);
  reportReady<AppInfo>(
    { url: await app.getUrl() },
    async () => {
      await app.close();
      await fake.stop();
    },
    { counters: async () => ({ statements, ...cache.stats() }) satisfies AppCounters },
  );
}

/** The ceiling: bare Fastify with the app's logger options and request log, answering the given bytes. */
async function serveBare(bodyFile: string): Promise<void> {
  const body = readFileSync(bodyFile);
  const fastify = Fastify(loggerOptions(LOG_LEVEL));
  registerRequestLogging(fastify);
  fastify.get(`/${API_PREFIX}/products`, (_request, reply) => {
    reply.header('content-type', 'application/json; charset=utf-8').send(body);
  });
  await fastify.listen({ port: 0, host: '127.0.0.1' });
  const address = fastify.server.address() as { port: number };
  reportReady({ url: `http://127.0.0.1:${address.port}` }, () => fastify.close());
}

// ---------------------------------------------------------------- the parent

interface Figures {
  label: string;
  cached: LoadResult;
  /** The same 20 products found by a keyword (searches are not cached): the page as computed on every request. */
  computed: LoadResult;
  computedStatementsPerRequest: number;
  hitRate: number;
  computedAnswers: number;
  statementsPerRequest: number;
  bytes: number;
}

const log = (line: string) => console.log(line);

function startApp(databaseUrl: string, dataDir: string): Promise<ChildServer<AppInfo>> {
  return forkServer<AppInfo>(__filename, ['serve-app'], {
    env: {
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL,
      H5_DIST_DIR: join(dataDir, 'no-h5-build'),
      ADMIN_DIST_DIR: join(dataDir, 'no-admin-build'),
      WECHAT_APPID: '',
      WECHAT_MODE: 'fake',
      SEED_DEMO_HISTORY: 'false',
    },
  });
}

async function call<T>(base: string, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${base}/${API_PREFIX}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}) },
    body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** PRODUCTS products of two SKUs in one subcategory, made by the demo operator; answers the list page's path. */
async function setUpCatalog(base: string): Promise<{ cached: string; computed: string }> {
  const operator = DEMO_STAFF.find((staff) => staff.role === 'operator')!;
  const { token } = await call<{ token: string }>(base, 'POST', '/admin/auth/login', null, { username: operator.username, password: operator.password });
  const [category] = await call<CategoryNode[]>(base, 'GET', '/categories', null);
  const categoryId = category.children[0].id;
  const [demo] = (await call<{ items: { coverUrl: string }[] }>(base, 'GET', `/products?categoryId=${categoryId}&pageSize=1`, null)).items;
  for (let index = 0; index < PRODUCTS; index++) {
    await call<AdminProductDetail>(base, 'POST', '/admin/products', token, {
      categoryId,
      title: `压测商品 ${index + 1}`,
      subtitle: '明前头采 · 高山云雾',
      images: [demo.coverUrl],
      detail: [{ type: 'text', text: '商品详情' }],
      tags: ['新品', '热卖'],
      onShelf: true,
      sortOrder: index % 10,
      specs: [{ name: '规格', values: ['100g', '250g'] }],
      skus: [
        { specValues: ['100g'], priceFen: 990 + index * 31, stock: index % 13 === 0 ? 0 : 100 },
        { specValues: ['250g'], priceFen: 2190 + index * 31, stock: 100 },
      ],
    } satisfies SaveProductRequest);
  }
  const page = `/${API_PREFIX}/products?categoryId=${categoryId}&${PAGE}`;
  return { cached: page, computed: `${page}&keyword=${encodeURIComponent('压测商品')}` };
}

function load(url: string, seconds: number): Promise<LoadResult> {
  return USE_WRK ? runWrk({ url, connections: CONNECTIONS, seconds }) : runLoad({ url, connections: CONNECTIONS, amount: Number.MAX_SAFE_INTEGER, maxSeconds: seconds });
}

/** The cached list on one database; `onBody` gets the page's bytes once, for the ceiling. */
async function measureDatabase(label: string, databaseUrl: string, onBody: (body: Buffer) => Promise<void>): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'storefront-catalog-bench-'));
  try {
    const app = await startApp(databaseUrl, dataDir);
    try {
      const paths = await setUpCatalog(app.info.url);
      const path = paths.cached;
      const body = Buffer.from(await (await fetch(`${app.info.url}${path}`)).arrayBuffer());
      await onBody(body);
      await load(`${app.info.url}${path}`, WARM_UP_SECONDS);
      const before = (await app.command('counters')) as AppCounters;
      const cached = await load(`${app.info.url}${path}`, SECONDS);
      const after = (await app.command('counters')) as AppCounters;
      const hits = after.hits - before.hits;
      const misses = after.misses - before.misses;
      log(`${label}: ${cached.responses} answers in ${cached.seconds.toFixed(1)} s → ${Math.round(cached.perSecond)} req/s`);
      await load(`${app.info.url}${paths.computed}`, WARM_UP_SECONDS);
      const beforeSearch = (await app.command('counters')) as AppCounters;
      const computed = await load(`${app.info.url}${paths.computed}`, SECONDS);
      const afterSearch = (await app.command('counters')) as AppCounters;
      log(`${label}: the same page computed each time (keyword search): ${Math.round(computed.perSecond)} req/s`);
      return {
        label,
        cached,
        computed,
        computedStatementsPerRequest: (afterSearch.statements - beforeSearch.statements) / Math.max(1, computed.responses),
        hitRate: hits / Math.max(1, hits + misses),
        computedAnswers: misses,
        statementsPerRequest: (after.statements - before.statements) / Math.max(1, cached.responses),
        bytes: body.length,
      };
    } finally {
      await app.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** BENCH_MARIADB_URL's server with a throwaway database, else a throwaway server; null when neither is there. */
async function mariaDb(): Promise<{ url: string; close(): Promise<void> } | null> {
  const serverUrl = process.env.BENCH_MARIADB_URL;
  if (serverUrl) {
    const name = `catalog_bench_${process.pid}`;
    const admin = await createConnection(serverUrl);
    await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    url.protocol = 'mariadb:';
    return {
      url: url.toString(),
      async close() {
        await admin.query(`DROP DATABASE ${name}`);
        await admin.end();
      },
    };
  }
  const database = await startMariaDb();
  return database ? { url: database.appDatabaseUrl, close: () => database.close() } : null;
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0];
  const dir = mkdtempSync(join(tmpdir(), 'storefront-catalog-bench-'));
  let bare: LoadResult | null = null;
  const measureBare = async (body: Buffer) => {
    if (bare) return;
    const bodyFile = join(dir, 'page.json');
    writeFileSync(bodyFile, body);
    const server = await forkServer<{ url: string }>(__filename, ['serve-bare', bodyFile], { env: { LOG_LEVEL } });
    try {
      const url = `${server.info.url}/${API_PREFIX}/products`;
      await load(url, WARM_UP_SECONDS);
      bare = await load(url, SECONDS);
      log(`bare Fastify, the same ${body.length} bytes: ${Math.round(bare.perSecond)} req/s`);
    } finally {
      await server.stop();
    }
  };
  try {
    const figures: Figures[] = [await measureDatabase('SQLite', `sqlite:${join(dir, 'catalog.sqlite')}`, measureBare)];
    const maria = await mariaDb();
    if (maria) {
      try {
        figures.push(await measureDatabase('MariaDB', maria.url, measureBare));
      } finally {
        await maria.close();
      }
    }
    printTable(bare!, figures, loadAtStart);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(bare: LoadResult, figures: Figures[], loadAtStart: number): void {
  const share = (f: Figures) => f.cached.perSecond / bare.perSecond;
  const rows: [string, ...string[]][] = [
    ['product list, 20 items (GET /api/v1/products, cached): req/s', ...figures.map((f) => String(Math.round(f.cached.perSecond)))],
    ['latency p50 / p95 / p99 (ms)', ...figures.map((f) => [f.cached.p50Ms, f.cached.p95Ms, f.cached.p99Ms].map((ms) => ms.toFixed(1)).join(' / '))],
    ['answers', ...figures.map((f) => [...f.cached.outcomes].map(([key, count]) => `${key}×${count}`).join(', '))],
    ['ceiling: bare Fastify, same bytes from memory: req/s', ...figures.map(() => String(Math.round(bare.perSecond)))],
    ['cached list as a share of the ceiling', ...figures.map((f) => `${(share(f) * 100).toFixed(0)}%`)],
    ['answer cache hit rate (answers computed during the run)', ...figures.map((f) => `${(f.hitRate * 100).toFixed(4)}% (${f.computedAnswers})`)],
    ['SQL statements per request (change polling included)', ...figures.map((f) => f.statementsPerRequest.toFixed(4))],
    ['without the cache: the same 20 products by keyword search, computed each time: req/s', ...figures.map((f) => String(Math.round(f.computed.perSecond)))],
    ['without the cache: SQL statements per request', ...figures.map((f) => f.computedStatementsPerRequest.toFixed(2))],
  ];
  log('');
  log(
    `Catalog benchmark: ${CONNECTIONS} connections, ${SECONDS} s per figure, ${PRODUCTS} products in the category, answer of ${figures[0].bytes} bytes, ` +
      `loopback, server log level ${LOG_LEVEL}, load from ${USE_WRK ? 'wrk' : 'autocannon'}`,
  );
  log(`${cpus().length} cores; load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`);
  log('');
  log(`| figure | ${figures.map((f) => f.label).join(' | ')} |`);
  log(`|---|${figures.map(() => '---').join('|')}|`);
  for (const [name, ...values] of rows) log(`| ${name} | ${values.join(' | ')} |`);
  log('');
  for (const f of figures) {
    log(`Target (${f.label}: cached list ≥ ${TARGET_FRACTION * 100}% of bare Fastify): ${share(f) >= TARGET_FRACTION ? 'MET' : 'NOT MET'} (${(share(f) * 100).toFixed(0)}%)`);
  }
}

const [mode, argument] = process.argv.slice(2);
const run = mode === 'serve-app' ? serveApp() : mode === 'serve-bare' ? serveBare(argument) : main();
run.catch((error) => {
  console.error(error);
  process.exit(1);
});
