/**
 * Order placement against the physical limits of this machine:
 *
 *   npm run bench                 (from the repository root, or in server/)
 *
 * For SQLite (a temp file) and MariaDB (a throwaway server; skipped when MariaDB is not installed) it starts
 * the real app in a child process, sets up a hot SKU and BENCH_MEMBERS members with addresses through the
 * real APIs, fires order submissions from BENCH_CONNECTIONS connections for BENCH_SECONDS s (with wrk, when
 * Debian's wrk package is installed; else autocannon, whose own CPU then competes more) and prints the rate,
 * the latency percentiles, the answers by status and error code, the statements and the CPU each order
 * cost; then the same with a coupon and points on every order (each member holds enough coupons and
 * points, claimed and credited through the API); then races 400 submissions for the
 * last 100 units of a second SKU, and prints the oversold units of both (units in order lines that no
 * stock decrement paid for). Two ceilings are measured the same way: a minimal Nest + Fastify GET
 * endpoint, and the order transaction written with the plain driver at the same concurrency (the same
 * writes as the app's: order, line, order.created event, stock ledger movement, conditional stock update). When order
 * placement on MariaDB stays under half of the raw database rate, a CPU profile of the server says where
 * the time goes.
 *
 * Then the whole purchase, as BENCH_SHOPPERS shoppers (default BENCH_CONNECTIONS) make it one after another:
 * add to cart → preview → place → start payment → the fake WeChat, in a process of its own as WeChat is in
 * production, confirms and posts the paid notification → the app acknowledges it (it has committed the payment). It
 * prints paid orders/s, the server's CPU and the statements per paid order, the statements of each step, and
 * every failure by step. BENCH_ONLY=placement|purchase runs one part; BENCH_DATABASES=mariadb skips SQLite.
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { createServer as createHttpServer } from 'node:http';
import { join } from 'node:path';
import { API_PREFIX, createApp } from '../src/app';
import { loadConfig } from '../src/platform/config/app-config';
import { loggerOptions, registerRequestLogging } from '../src/platform/logging/request-logging';
import { FakeWechatServer } from '../src/wechat-fake/fake-wechat-server';
import { sqliteDatabase, startMariaDb, type BenchDatabase, type RawRate, type StockCheck } from './orders/bench-database';
import { giveBenefits, setUpShop, type BenchShop, type BenchSku } from './orders/shop-setup';
import { forkServer, reportReady, type ChildServer } from './support/child-server';
import { freePort } from './support/free-port';
import { profilerCommands, summarizeCpuProfile, type CpuProfile, type CpuSummary } from './support/cpu-profile';
import { runLoad, type LoadResult } from './support/load';
import { PURCHASE_STEPS, runPurchases, statementsPerStep, type PurchaseRunResult, type PurchaseStep } from './purchase/purchase-run';
import { processCpuMs } from './support/process-cpu';
import { runWrk, wrkInstalled } from './support/wrk-load';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 200);
/** Coupons each member claims for the run with a coupon and points (one per order). */
const COUPONS_PER_MEMBER = Number(process.env.BENCH_COUPONS_PER_MEMBER ?? 30);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
/** The server's log level while measured: production's default, so the request log costs what it costs there. */
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
/** Enough for every submission of the run and the raw transactions after it. */
const HOT_STOCK = 1_000_000;
/** A last-units race after the timed run: SELL_OUT_DEMAND submissions for SELL_OUT_STOCK units. */
const SELL_OUT_STOCK = 100;
const SELL_OUT_DEMAND = 400;
const WARM_UP_SECONDS = 2;
const PROFILE_SECONDS = 6;
/** wrk when installed: the measured rates then include less of the load generator's own CPU. */
const USE_WRK = wrkInstalled() && process.env.BENCH_LOAD !== 'autocannon';
/** The target: order placement on MariaDB at half the raw database rate or better. */
const TARGET_FRACTION_OF_RAW = 0.5;
/** Shoppers buying at once in the whole-purchase run. */
const PURCHASE_SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? CONNECTIONS);
/** Purchases made one at a time for the statements of each step. */
const PURCHASE_SAMPLES = Number(process.env.BENCH_SAMPLES ?? 15);
/** How long the after-commit followers of a notification are given to finish before counters are read. */
const FOLLOWERS_SETTLE_MS = 1_000;
/** BENCH_ONLY=placement or BENCH_ONLY=purchase measures that part alone (and skips the bare-framework ceiling with placement). */
const PARTS = { placement: process.env.BENCH_ONLY !== 'purchase', purchase: process.env.BENCH_ONLY !== 'placement' };
/** The targets for the whole purchase on MariaDB. */
const PURCHASE_TARGET = { serverCpuMs: 6, statements: 30 };
/** BENCH_DATABASES=mariadb skips SQLite (a quicker run while working on MariaDB's figures). */
const SQLITE_TOO = process.env.BENCH_DATABASES !== 'mariadb';
/** BENCH_PROFILE=1 profiles the server on MariaDB whatever the figures (placing orders, and the whole purchase after its measured run). */
const ALWAYS_PROFILE = process.env.BENCH_PROFILE === '1';

type AppServerInfo = { url: string; fakeWechatUrl: string };
type FakeWechatInfo = { url: string; doorUrl: string };
type BenchServers = { app: ChildServer<AppServerInfo>; fake: ChildServer<FakeWechatInfo>; stop(): Promise<void> };

/** A timed run of order submissions and what each created order cost. */
interface MeasuredRun {
  orders: LoadResult;
  /** By MariaDB's status counters; null on SQLite. */
  statementsPerOrder: Record<string, number> | null;
  /** CPU ms per created order: the app server, the load generator, the database server (null: inside the app). */
  cpu: { server: number; load: number; database: number | null };
}

/** The order placement runs of one database. */
interface PlacementRuns {
  /** Orders of one unit, as most are placed. */
  plain: MeasuredRun;
  /** The same orders, each with a coupon and points. */
  withBenefits: MeasuredRun;
  sellOut: LoadResult;
}

interface PlacementFigures extends PlacementRuns {
  sellOutStock: StockCheck;
  raw: RawRate;
  /** CPU ms per raw transaction: the plain-driver client, the database server (null: inside the client). */
  rawCpu: { client: number; database: number | null };
  profile: CpuSummary | null;
}

/** The whole purchase of one database. */
interface PurchaseFigures {
  run: PurchaseRunResult;
  /** CPU ms per paid order: the app server, the shoppers (this process), the database server (null: inside the app). */
  cpu: { server: number; load: number; database: number | null };
  /** By MariaDB's status counters; null on SQLite. */
  statementsPerPaidOrder: Record<string, number> | null;
  /** Median statements of each step over purchases made one at a time; null on SQLite. */
  steps: Record<PurchaseStep, number> | null;
  /** Where the server's CPU went during purchases (BENCH_PROFILE=1, MariaDB). */
  profile: CpuSummary | null;
}

interface DatabaseFigures {
  label: string;
  /** Null when BENCH_ONLY=purchase. */
  placement: PlacementFigures | null;
  /** Null when BENCH_ONLY=placement. */
  purchase: PurchaseFigures | null;
  /** The hot SKU after everything: stock taken against units in order lines. */
  stock: StockCheck;
}

// ---------------------------------------------------------------- child processes (the servers under load)

/**
 * The real app, as main.ts builds it, talking to the fake WeChat of its own process (WECHAT_API_BASE and
 * WECHAT_PAY_API_BASE from the parent), as production talks to WeChat: the fake's work is not the server's.
 */
async function serveApp(): Promise<void> {
  const config = loadConfig();
  const app = await createApp({ config, wechatApiBase: config.wechat.apiBase!, wechatRuntime: { mode: 'fake', fakePort: null } });
  // On PORT, which PUBLIC_BASE_URL names: the fake WeChat posts payment notifications there.
  await app.listen(config.port, '127.0.0.1');
  reportReady<AppServerInfo>({ url: await app.getUrl(), fakeWechatUrl: config.wechat.apiBase! }, () => app.close(), profilerCommands());
}

/**
 * The fake WeChat (login codes, WeChat Pay and the payer's confirmations) in a process of its own, with one
 * bench-only door beside it: GET /acknowledged/<orderNo> answers once the app has acknowledged the order's
 * paid notification (it does after committing the payment), which is when the purchase is done.
 */
async function serveFakeWechat(): Promise<void> {
  const config = loadConfig();
  const fake = new FakeWechatServer({ appid: config.wechat.appid, secret: config.wechat.secret, pay: config.wechatPay.fake ?? undefined });
  await fake.start(0, '127.0.0.1');
  const acknowledged = new Set<string>();
  let seen = 0;
  const isAcknowledged = (orderNo: string) => {
    const { attempts } = fake.state.pay.notifications;
    for (; seen < attempts.length; seen++) if (attempts[seen].status === 204) acknowledged.add(attempts[seen].notificationId);
    const id = (fake.state.pay.order(orderNo)?.notification as { id?: string } | undefined)?.id;
    return id !== undefined && acknowledged.has(id);
  };
  const door = createHttpServer(async (request, response) => {
    const orderNo = /^\/acknowledged\/(\d+)$/.exec(request.url ?? '')?.[1] ?? '';
    const deadline = Date.now() + 10_000;
    while (!isAcknowledged(orderNo) && Date.now() < deadline) await sleep(5);
    response.writeHead(isAcknowledged(orderNo) ? 204 : 504).end();
  });
  await new Promise<void>((resolve) => door.listen(0, '127.0.0.1', resolve));
  const doorUrl = `http://127.0.0.1:${(door.address() as { port: number }).port}`;
  reportReady({ url: fake.url, doorUrl }, async () => (door.close(), await fake.stop()));
}

@Controller('ping')
class PingController {
  @Get()
  ping() {
    return { ok: true };
  }
}

@Module({ controllers: [PingController] })
class PingModule {}

/** The framework ceiling: one GET route on Nest + Fastify with the app's adapter options and request log. */
async function serveBare(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(PingModule, new FastifyAdapter(loggerOptions(LOG_LEVEL)), {
    logger: ['error', 'warn'],
  });
  registerRequestLogging(app.getHttpAdapter().getInstance());
  app.setGlobalPrefix(API_PREFIX);
  await app.listen(0, '127.0.0.1');
  reportReady({ url: await app.getUrl() }, () => app.close());
}

// ---------------------------------------------------------------- the parent: setup, load, figures

/** The servers of one database's figures: the fake WeChat first (it makes the fake merchant's keys under DATA_DIR), then the app. */
async function startServers(database: BenchDatabase, dataDir: string): Promise<BenchServers> {
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: database.appDatabaseUrl,
    LOG_LEVEL,
    // No storefront or console builds are served: the bench only talks to the API.
    H5_DIST_DIR: join(dataDir, 'no-h5-build'),
    ADMIN_DIST_DIR: join(dataDir, 'no-admin-build'),
    WECHAT_APPID: '',
    WECHAT_MODE: 'fake',
  };
  const fake = await forkServer<FakeWechatInfo>(__filename, ['serve-fake'], { env });
  try {
    const port = await freePort();
    const app = await forkServer<AppServerInfo>(__filename, ['serve-app'], {
      env: { ...env, PORT: String(port), PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, WECHAT_API_BASE: fake.info.url, WECHAT_PAY_API_BASE: fake.info.url },
    });
    return { app, fake, stop: async () => (await app.stop(), await fake.stop()) };
  } catch (error) {
    await fake.stop();
    throw error;
  }
}

/**
 * Each submission: the next member in turn, one unit of the SKU, a fresh client token; with `benefits`, also
 * the member's next unused coupon and their points. (The wrk runs generate the same in Lua: wrk-load.ts.)
 */
function orderSubmissions(shop: BenchShop, sku: BenchSku, benefits: boolean) {
  let next = 0;
  return () => {
    const member = shop.members[next++ % shop.members.length];
    const coupon = benefits ? member.coupons.shift() : undefined;
    return {
      headers: { authorization: `Bearer ${member.token}` },
      body: {
        clientToken: randomBytes(12).toString('base64url'),
        items: [{ skuId: sku.skuId, quantity: 1 }],
        addressId: member.addressId,
        ...(coupon !== undefined && { memberCouponId: coupon, usePoints: true }),
      },
    };
  };
}

/** Order submissions for `seconds`, as fast as the connections go: the measured runs. */
function timedOrders(url: string, shop: BenchShop, sku: BenchSku, seconds: number, benefits = false): Promise<LoadResult> {
  if (USE_WRK) {
    return runWrk({ url, connections: CONNECTIONS, seconds, orders: { path: `/${API_PREFIX}/orders`, skuId: sku.skuId, members: shop.members, benefits } });
  }
  return submitOrders(url, shop, sku, Number.MAX_SAFE_INTEGER, seconds, benefits);
}

/** Exactly `amount` order submissions (at most `maxSeconds`): the sell-out race. */
function submitOrders(url: string, shop: BenchShop, sku: BenchSku, amount: number, maxSeconds: number, benefits = false) {
  return runLoad({
    url: `${url}/${API_PREFIX}/orders`,
    method: 'POST',
    connections: CONNECTIONS,
    amount,
    maxSeconds,
    nextRequest: orderSubmissions(shop, sku, benefits),
  });
}

/** One timed run of order submissions, with the statements and CPU each created order cost. */
async function measuredRun(database: BenchDatabase, app: ChildServer<AppServerInfo>, run: () => Promise<LoadResult>): Promise<MeasuredRun> {
  const statementsBefore = await database.statementCounters();
  const cpuBefore = await cpuNow(database, app);
  const orders = await run();
  const cpuAfter = await cpuNow(database, app);
  const statementsAfter = await database.statementCounters();
  const created = orders.outcomes.get('201') ?? 0;
  return {
    orders,
    statementsPerOrder: statementsBefore && statementsAfter ? perOrder(statementsBefore, statementsAfter, created) : null,
    cpu: {
      server: (cpuAfter.server - cpuBefore.server) / created,
      load: (cpuAfter.self - cpuBefore.self) / created,
      database: cpuAfter.database === null || cpuBefore.database === null ? null : (cpuAfter.database - cpuBefore.database) / created,
    },
  };
}

async function measureBare(): Promise<LoadResult> {
  const server = await forkServer<{ url: string }>(__filename, ['serve-bare'], { env: { LOG_LEVEL } });
  try {
    const url = `${server.info.url}/${API_PREFIX}/ping`;
    const run = (seconds: number) =>
      USE_WRK ? runWrk({ url, connections: CONNECTIONS, seconds }) : runLoad({ url, connections: CONNECTIONS, amount: Number.MAX_SAFE_INTEGER, maxSeconds: seconds });
    await run(WARM_UP_SECONDS);
    return await run(SECONDS);
  } finally {
    await server.stop();
  }
}

async function measureDatabase(database: BenchDatabase): Promise<DatabaseFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'storefront-bench-'));
  try {
    let servers = await startServers(database, dataDir);
    let shop: BenchShop;
    let runs: PlacementRuns | null = null;
    let purchase: PurchaseFigures | null = null;
    try {
      const { app } = servers;
      const setupStarted = Date.now();
      shop = await setUpShop(app.info.url, app.info.fakeWechatUrl, { members: MEMBERS, hotStock: HOT_STOCK, sellOutStock: SELL_OUT_STOCK });
      if (PARTS.placement) {
        // Enough coupons for every submission of the run with benefits, whichever member it falls to.
        await giveBenefits(app.info.url, shop, { couponsPerMember: COUPONS_PER_MEMBER, pointsPerMember: 1_000_000 });
      }
      log(
        `${database.label}: hot SKU (stock ${HOT_STOCK}), sell-out SKU (stock ${SELL_OUT_STOCK}) and ${MEMBERS} members with ` +
          `addresses${PARTS.placement ? ', coupons and points' : ''} set up through the API in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`,
      );
      if (PARTS.placement) runs = await placementRuns(database, app, shop);
      if (PARTS.purchase) purchase = await measurePurchase(database, servers, shop);
    } finally {
      await servers.stop();
    }
    const stock = await database.checkStock(shop.hot.skuId, shop.hot.stock);
    if (!runs) return { label: database.label, placement: null, purchase, stock };

    const sellOutStock = await database.checkStock(shop.sellOut.skuId, shop.sellOut.stock);
    const rawCpuBefore = await cpuNow(database);
    const raw = await database.rawOrderRate({
      skuId: shop.hot.skuId,
      productId: shop.hot.productId,
      memberCount: MEMBERS,
      concurrency: CONNECTIONS,
      amount: Number.MAX_SAFE_INTEGER,
      maxSeconds: SECONDS,
    });
    const rawCpuAfter = await cpuNow(database);
    const rawCpu = {
      client: (rawCpuAfter.self - rawCpuBefore.self) / raw.transactions,
      database: rawCpuAfter.database === null || rawCpuBefore.database === null ? null : (rawCpuAfter.database - rawCpuBefore.database) / raw.transactions,
    };
    log(`${database.label}: plain driver ${raw.transactions} order transactions in ${raw.seconds.toFixed(1)} s → ${Math.round(raw.perSecond)}/s`);

    let profile: PlacementFigures['profile'] = null;
    if (database.label === 'MariaDB' && (ALWAYS_PROFILE || runs.plain.orders.perSecond < TARGET_FRACTION_OF_RAW * raw.perSecond)) {
      log(`${database.label}: under ${TARGET_FRACTION_OF_RAW * 100}% of the raw rate: profiling the server for ${PROFILE_SECONDS} s`);
      servers = await startServers(database, dataDir);
      try {
        const { app } = servers;
        // Warmed up first, so the profile shows steady order placement rather than boot and JIT compilation.
        await timedOrders(app.info.url, shop, shop.hot, WARM_UP_SECONDS);
        await app.command('start-profile');
        await timedOrders(app.info.url, shop, shop.hot, PROFILE_SECONDS);
        profile = summarizeCpuProfile((await app.command('stop-profile')) as CpuProfile);
      } finally {
        await servers.stop();
      }
    }
    return { label: database.label, placement: { ...runs, sellOutStock, raw, rawCpu, profile }, purchase, stock };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The timed order placement runs (plain, with benefits) and the sell-out race. */
async function placementRuns(database: BenchDatabase, app: ChildServer<AppServerInfo>, shop: BenchShop): Promise<PlacementRuns> {
  await timedOrders(app.info.url, shop, shop.hot, WARM_UP_SECONDS);
  const plain = await measuredRun(database, app, () => timedOrders(app.info.url, shop, shop.hot, SECONDS));
  log(`${database.label}: ${plain.orders.responses} submissions in ${plain.orders.seconds.toFixed(1)} s → ${Math.round(plain.orders.perSecond)} orders/s`);
  const withBenefits = await measuredRun(database, app, () => timedOrders(app.info.url, shop, shop.hot, SECONDS, true));
  log(
    `${database.label}: with a coupon and points, ${withBenefits.orders.responses} submissions in ${withBenefits.orders.seconds.toFixed(1)} s → ` +
      `${Math.round(withBenefits.orders.perSecond)} orders/s`,
  );
  const sellOut = await submitOrders(app.info.url, shop, shop.sellOut, SELL_OUT_DEMAND, SECONDS);
  return { plain, withBenefits, sellOut };
}

/**
 * The whole purchase: PURCHASE_SHOPPERS shoppers buy one after another for SECONDS (after a warm-up); the CPU
 * and statements are counted until the server has finished the last notifications' followers. Then, on
 * MariaDB, PURCHASE_SAMPLES purchases one at a time say which step costs how many statements.
 */
async function measurePurchase(database: BenchDatabase, servers: BenchServers, shop: BenchShop): Promise<PurchaseFigures> {
  const target = { apiUrl: servers.app.info.url, fakeUrl: servers.fake.info.url, acknowledgedUrl: `${servers.fake.info.doorUrl}/acknowledged`, shop, sku: shop.hot };
  await runPurchases(target, PURCHASE_SHOPPERS, WARM_UP_SECONDS);
  await sleep(FOLLOWERS_SETTLE_MS);
  const statementsBefore = await database.statementCounters();
  const cpuBefore = await cpuNow(database, servers.app);
  const run = await runPurchases(target, PURCHASE_SHOPPERS, SECONDS);
  // Followers run after the notification is answered: their work belongs to the purchases measured.
  await sleep(FOLLOWERS_SETTLE_MS);
  const cpuAfter = await cpuNow(database, servers.app);
  const statementsAfter = await database.statementCounters();
  log(`${database.label}: ${run.paid} purchases paid in ${run.seconds.toFixed(1)} s → ${run.perSecond.toFixed(0)} paid orders/s`);
  const notPaid = run.paid - (await database.paidAmong(run.orderNos));
  if (notPaid > 0) run.failures.set('notification acknowledged, order not paid', notPaid);
  const steps = statementsBefore
    ? await statementsPerStep(target, PURCHASE_SAMPLES, async () => (await database.statementCounters())!.Questions, FOLLOWERS_SETTLE_MS / 2)
    : null;
  let profile: CpuSummary | null = null;
  if (ALWAYS_PROFILE && database.label === 'MariaDB') {
    await servers.app.command('start-profile');
    await runPurchases(target, PURCHASE_SHOPPERS, PROFILE_SECONDS);
    profile = summarizeCpuProfile((await servers.app.command('stop-profile')) as CpuProfile);
  }
  return {
    run,
    cpu: {
      server: (cpuAfter.server - cpuBefore.server) / run.paid,
      load: (cpuAfter.self - cpuBefore.self) / run.paid,
      database: cpuAfter.database === null || cpuBefore.database === null ? null : (cpuAfter.database - cpuBefore.database) / run.paid,
    },
    statementsPerPaidOrder: statementsBefore && statementsAfter ? perOrder(statementsBefore, statementsAfter, run.paid) : null,
    steps,
    profile,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU used so far (ms) by the load generator or the raw client, the app server and the database server. */
async function cpuNow(database: BenchDatabase, app?: { command(name: string): Promise<unknown> }) {
  return {
    // This process and its finished children: the load generator (autocannon here, or a wrk run) or the raw client.
    self: processCpuMs('self', { reapedChildren: true }),
    server: app ? ((await app.command('cpu-usage')) as number) : 0,
    database: database.cpuMs(),
  };
}

function perOrder(before: Record<string, number>, after: Record<string, number>, created: number): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((name) => [name, created ? (after[name] - before[name]) / created : NaN]));
}

// ---------------------------------------------------------------- printing

const log = (line: string) => console.log(line);
const round = (value: number) => String(Math.round(value));
const ms = (value: number) => (value < 10 ? value.toFixed(1) : round(value));
/** A CPU figure; the database's is "in process" when it runs inside the app or the client (SQLite). */
const cpuMs = (value: number | null) => (value === null ? 'in process' : value.toFixed(2));
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`;

const latencies = (run: LoadResult) => `${ms(run.p50Ms)} / ${ms(run.p95Ms)} / ${ms(run.p99Ms)}`;
const cpuFigures = (cpu: MeasuredRun['cpu']) => [cpu.server, cpu.load, cpu.database].map(cpuMs).join(' / ');

function statementFigures(statements: Record<string, number> | null): string {
  if (!statements) return '–';
  const kinds = ['Com_select', 'Com_insert', 'Com_update', 'Com_commit', 'Com_rollback']
    .filter((name) => statements[name] !== undefined)
    .map((name) => `${name.replace('Com_', '')} ${statements[name].toFixed(1)}`);
  if (statements.Innodb_deadlocks) kinds.push(`deadlocks ${statements.Innodb_deadlocks.toFixed(2)}`);
  return `${statements.Questions.toFixed(1)} (${kinds.join(', ')})`;
}

function answers(outcomes: Map<string, number>): string {
  return [...outcomes].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${key}×${count}`).join(', ');
}

function printTable(bare: LoadResult | null, figures: DatabaseFigures[], mariaDbMissing: boolean, loadAtStart: number): void {
  log('');
  // The cores may be shared with other work: the load average says how quiet the machine was.
  log(`${cpus().length} cores; load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`);
  const placed = figures.flatMap((f) => (f.placement ? [{ label: f.label, stock: f.stock, ...f.placement }] : []));
  if (bare && placed.length > 0) printPlacement(bare, placed);
  const bought = figures.flatMap((f) => (f.purchase ? [{ label: f.label, stock: f.stock, ...f.purchase }] : []));
  if (bought.length > 0) printPurchase(bought);
  if (mariaDbMissing) log('\nMariaDB is not installed (apt-get install -y mariadb-server): the MariaDB column was skipped.');
  const oversold = figures.reduce((sum, f) => sum + f.stock.oversold + (f.placement?.sellOutStock.oversold ?? 0), 0);
  if (oversold > 0) {
    log(`\nOVERSOLD: ${oversold} units were ordered without stock taken for them.`);
    process.exitCode = 1;
  }
}

type Placed = PlacementFigures & { label: string; stock: StockCheck };

function printPlacement(bare: LoadResult, figures: Placed[]): void {
  const columns = figures.map((f) => f.label);
  const runRows = (name: string, pick: (f: Placed) => MeasuredRun): [string, ...string[]][] => [
    [`${name}: orders/s (POST /api/v1/orders, one hot SKU)`, ...figures.map((f) => round(pick(f).orders.perSecond))],
    [`${name}: latency p50 / p95 / p99 (ms)`, ...figures.map((f) => latencies(pick(f).orders))],
    [`${name}: answers (status, error code)`, ...figures.map((f) => answers(pick(f).orders.outcomes))],
    [`${name}: CPU ms per order: app server / load generator / database server`, ...figures.map((f) => cpuFigures(pick(f).cpu))],
    [`${name}: statements per order (MariaDB counters)`, ...figures.map((f) => statementFigures(pick(f).statementsPerOrder))],
  ];
  const rows: [string, ...string[]][] = [
    ...runRows('plain checkout', (f) => f.plain),
    ...runRows('with a coupon and points', (f) => f.withBenefits),
    [
      'with a coupon and points: rate against the plain checkout',
      ...figures.map((f) => percent(f.withBenefits.orders.perSecond, f.plain.orders.perSecond)),
    ],
    ['hot SKU: stock taken / units in order lines', ...figures.map((f) => `${f.stock.stockTaken} / ${f.stock.unitsInOrderLines}`)],
    [
      `sell-out: ${SELL_OUT_DEMAND} submissions for ${SELL_OUT_STOCK} units`,
      ...figures.map((f) => `${answers(f.sellOut.outcomes)}; stock left ${f.sellOutStock.stockLeft}, units ordered ${f.sellOutStock.unitsInOrderLines}`),
    ],
    ['oversold units (both SKUs)', ...figures.map((f) => String(f.stock.oversold + f.sellOutStock.oversold))],
    ['ceiling: raw DB order transactions/s (plain driver: order, line, event, stock movement, stock)', ...figures.map((f) => round(f.raw.perSecond))],
    ['CPU ms per raw transaction: driver client / database server', ...figures.map((f) => [f.rawCpu.client, f.rawCpu.database].map(cpuMs).join(' / '))],
    ['plain checkout orders/s as a share of the raw DB rate', ...figures.map((f) => percent(f.plain.orders.perSecond, f.raw.perSecond))],
    ['ceiling: bare Nest + Fastify GET req/s', ...figures.map(() => round(bare.perSecond))],
    ['plain checkout orders/s as a share of the bare framework', ...figures.map((f) => percent(f.plain.orders.perSecond, bare.perSecond))],
  ];

  log('');
  log(
    `Order placement benchmark: ${CONNECTIONS} connections, ${MEMBERS} members, ${SECONDS} s per figure, loopback, server log level ${LOG_LEVEL}, ` +
      `load from ${USE_WRK ? 'wrk' : 'autocannon (apt-get install -y wrk for a lighter load generator)'}`,
  );
  log('');
  printRows(columns, rows);

  const mariaDb = figures.find((f) => f.label === 'MariaDB');
  if (mariaDb) {
    const share = mariaDb.plain.orders.perSecond / mariaDb.raw.perSecond;
    log('');
    log(
      `Target (orders/s on MariaDB ≥ ${TARGET_FRACTION_OF_RAW * 100}% of the raw database rate): ` +
        `${share >= TARGET_FRACTION_OF_RAW ? 'MET' : 'NOT MET'} (${(share * 100).toFixed(0)}%)`,
    );
    if (mariaDb.profile) printProfile('placing orders', mariaDb.profile);
  }
}

function printProfile(what: string, profile: CpuSummary): void {
  log('');
  log(`Where the server's CPU went while ${what} on MariaDB (self time, Node built-ins counted to their caller; the server was idle ${profile.idlePercent.toFixed(0)}% of the time):`);
  log('');
  log('| area | share of busy time |');
  log('|---|---|');
  for (const share of profile.busyAreas.filter((a) => a.percent >= 0.5)) log(`| ${share.name} | ${share.percent.toFixed(1)}% |`);
  log('');
  log('| function (self time) | share of busy time |');
  log('|---|---|');
  for (const share of profile.topFunctions) log(`| ${share.name} | ${share.percent.toFixed(1)}% |`);
}

type Bought = PurchaseFigures & { label: string; stock: StockCheck };

function printPurchase(figures: Bought[]): void {
  const columns = figures.map((f) => f.label);
  const rows: [string, ...string[]][] = [
    ['paid orders/s', ...figures.map((f) => round(f.run.perSecond))],
    ['paid orders (failures)', ...figures.map((f) => `${f.run.paid} (${[...f.run.failures.values()].reduce((sum, count) => sum + count, 0)})`)],
    ['failures by step and answer', ...figures.map((f) => answers(f.run.failures) || 'none')],
    ['whole purchase p50 / p95 (ms)', ...figures.map((f) => `${ms(f.run.p50Ms)} / ${ms(f.run.p95Ms)}`)],
    ['CPU ms per paid order: app server / shoppers / database server', ...figures.map((f) => cpuFigures(f.cpu))],
    ['statements per paid order (MariaDB counters)', ...figures.map((f) => statementFigures(f.statementsPerPaidOrder))],
    ...PURCHASE_STEPS.map((step): [string, ...string[]] => [
      `statements: ${step} (median of ${PURCHASE_SAMPLES}, one purchase at a time)`,
      ...figures.map((f) => (f.steps ? String(f.steps[step]) : '–')),
    ]),
    ['oversold units (hot SKU, after every run)', ...figures.map((f) => String(f.stock.oversold))],
  ];
  log('');
  log(
    `Whole purchase benchmark: ${PURCHASE_SHOPPERS} shoppers, ${MEMBERS} members, ${SECONDS} s, add to cart → preview → place → start payment → ` +
      'the fake WeChat (its own process) confirms and notifies → the app acknowledged it; server log level ' +
      LOG_LEVEL,
  );
  log('');
  printRows(columns, rows);
  const mariaDb = figures.find((f) => f.label === 'MariaDB');
  if (mariaDb) {
    const failures = [...mariaDb.run.failures.values()].reduce((sum, count) => sum + count, 0);
    const statements = mariaDb.statementsPerPaidOrder?.Questions ?? NaN;
    const met = mariaDb.cpu.server <= PURCHASE_TARGET.serverCpuMs && statements <= PURCHASE_TARGET.statements && failures === 0;
    log('');
    log(
      `Target (on MariaDB ≤ ${PURCHASE_TARGET.serverCpuMs} ms server CPU and ≤ ${PURCHASE_TARGET.statements} statements per paid order, 0 failures): ` +
        `${met ? 'MET' : 'NOT MET'} (${mariaDb.cpu.server.toFixed(1)} ms, ${statements.toFixed(1)} statements, ${failures} failures)`,
    );
    if (mariaDb.profile) printProfile('buying (every step of the purchase)', mariaDb.profile);
  }
}

function printRows(columns: string[], rows: [string, ...string[]][]): void {
  log(`| figure | ${columns.join(' | ')} |`);
  log(`|---|${columns.map(() => '---').join('|')}|`);
  for (const [name, ...values] of rows) log(`| ${name} | ${values.join(' | ')} |`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = loadavg()[0];
  const bare = PARTS.placement ? await measureBare() : null;
  if (bare) log(`bare Nest + Fastify GET: ${Math.round(bare.perSecond)} req/s`);

  const figures: DatabaseFigures[] = [];
  if (SQLITE_TOO) {
    const sqlite = sqliteDatabase();
    try {
      figures.push(await measureDatabase(sqlite));
    } finally {
      await sqlite.close();
    }
  }
  const mariaDb = await startMariaDb();
  if (mariaDb) {
    try {
      figures.push(await measureDatabase(mariaDb));
    } finally {
      await mariaDb.close();
    }
  }
  printTable(bare, figures, !mariaDb, loadAtStart);
  log(`\n(full run ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

const mode = process.argv[2];
const run = mode === 'serve-app' ? serveApp() : mode === 'serve-fake' ? serveFakeWechat() : mode === 'serve-bare' ? serveBare() : main();
run.catch((error) => {
  console.error(error);
  process.exit(1);
});
