/**
 * The repeat-purchase queries on a shop of BENCH_RP_ORDERS paid orders (default 100 000) by BENCH_RP_MEMBERS
 * members (default 20 000) over 2025, on SQLite and MariaDB (skipped when not installed):
 *
 *   npm run bench:repeat-purchase      (in server/)
 *
 * Prints the time of the store metrics for a month and for the whole year, a member's recompute, a sweep
 * and a backfill with nothing to do, and the due-for-repurchase list and CSV (median of 5 runs each), with
 * this process's CPU time beside each (on a shared machine the wall time is mostly waiting).
 */
import 'reflect-metadata';
import { cpus, loadavg, tmpdir } from 'node:os';
import { DataSource } from 'typeorm';
import { DueForRepurchaseQueryDto } from '../src/analytics/analytics.dto';
import { DueForRepurchaseService } from '../src/analytics/due-for-repurchase.service';
import { MemberPurchaseStatsRow } from '../src/analytics/member-purchase-stats.entity';
import { MemberPurchaseStatsService } from '../src/analytics/member-purchase-stats.service';
import { PurchaseFacts } from '../src/analytics/purchase-facts';
import { median, summarizePurchases } from '../src/analytics/purchase-history';
import { PurchaseStatsBackfill, PurchaseStatsSweeper } from '../src/analytics/purchase-stats-sweeper';
import { RepeatPurchaseService } from '../src/analytics/repeat-purchase.service';
import { MemberRow } from '../src/members/member.entity';
import { OrderLineRow } from '../src/orders/order-line.entity';
import { OrderRow } from '../src/orders/order.entity';
import { parseDatabase } from '../src/platform/config/app-config';
import { buildDataSourceOptions } from '../src/platform/database/data-source-options';
import { EventFollowers } from '../src/platform/events/event-followers';
import { TransactionRunner } from '../src/platform/database/transaction-runner';
import { RefundRow } from '../src/payments/refund.entity';
import { sqliteDatabase, startMariaDb, type BenchDatabase } from './orders/bench-database';

const ORDERS = Number(process.env.BENCH_RP_ORDERS ?? 100_000);
const MEMBERS = Number(process.env.BENCH_RP_MEMBERS ?? 20_000);
const PRODUCTS = 50;
const CHUNK = 500;
const RUNS = 5;
const YEAR_START = Date.parse('2025-01-01T00:00:00+08:00');
const YEAR_MS = 365 * 86_400_000;

/** A repeatable pseudo-random sequence, so both databases hold the same shop. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export async function fill(dataSource: DataSource): Promise<void> {
  const next = random(42);
  for (let start = 0; start < MEMBERS; start += CHUNK) {
    const members = Array.from({ length: Math.min(CHUNK, MEMBERS - start) }, (_, index) => ({
      openid: `bench-${start + index}`,
      nickname: `会员${start + index}`,
      phone: `138${String(start + index).padStart(8, '0')}`,
      levelId: (start + index) % 4 || null,
    }));
    await dataSource.getRepository(MemberRow).insert(members);
  }
  for (let start = 0; start < ORDERS; start += CHUNK) {
    const count = Math.min(CHUNK, ORDERS - start);
    const orders = Array.from({ length: count }, (_, index) => {
      const paidAt = new Date(YEAR_START + Math.floor(next() * YEAR_MS));
      // About 5% of the orders end fully refunded.
      const status = next() < 0.05 ? 'refunded' : 'completed';
      const payableFen = 1000 + Math.floor(next() * 20_000);
      return {
        orderNo: `BR${String(start + index).padStart(10, '0')}`,
        // Skewed: low member ids buy more often.
        memberId: 1 + Math.floor(next() ** 2 * MEMBERS),
        clientToken: `bench-${start + index}`,
        status: status as OrderRow['status'],
        itemCount: 2,
        listTotalFen: payableFen,
        shippingFeeFen: 0,
        payableFen,
        recipientName: '张三',
        recipientPhone: '13800001111',
        provinceName: '浙江省',
        cityName: '杭州市',
        districtName: '西湖区',
        regionCode: '330106',
        addressDetail: '文三路 1 号',
        createdAt: paidAt,
        paidAt,
        refundedAt: status === 'refunded' ? paidAt : null,
      };
    });
    const { identifiers } = await dataSource.getRepository(OrderRow).insert(orders);
    const lines = identifiers.flatMap(({ id }, index) =>
      [0, 1].map((slot) => {
        const productId = 1 + Math.floor(next() ** 2 * PRODUCTS) + slot * PRODUCTS;
        return { orderId: id as number, productId, skuId: productId, title: `商品${productId}`, specValues: [], imageUrl: '/p.png', unitPriceFen: orders[index].payableFen, quantity: 1, lineTotalFen: orders[index].payableFen };
      }),
    );
    await dataSource.getRepository(OrderLineRow).insert(lines);
    const refunds = identifiers
      .map(({ id }, index) => ({ id: id as number, order: orders[index] }))
      .filter(({ order }) => order.status === 'refunded' || next() < 0.03)
      .map(({ id, order }) => ({
        orderId: id,
        afterSaleId: null,
        outRefundNo: `BRR${id}`,
        amountFen: order.status === 'refunded' ? order.payableFen : Math.floor(order.payableFen / 3),
        paymentTotalFen: order.payableFen,
        reason: '压测',
        status: 'succeeded' as const,
        acceptedAt: order.paidAt,
        succeededAt: order.paidAt,
      }));
    if (refunds.length > 0) await dataSource.getRepository(RefundRow).insert(refunds);
  }
}

/** Every member's stats row at once (the app builds them one by one from events and sweeps), one-order
 * members dated with the shop's median interval as the sweep leaves them. */
async function buildStats(dataSource: DataSource, facts: PurchaseFacts): Promise<void> {
  const byMember = new Map<number, Awaited<ReturnType<PurchaseFacts['paidOrdersBefore']>>>();
  for (const order of await facts.paidOrdersBefore(new Date('2030-01-01T00:00:00Z'))) {
    byMember.set(order.memberId, [...(byMember.get(order.memberId) ?? []), order]);
  }
  const intervals = [...byMember.values()].map((orders) => summarizePurchases(orders, 0)!.firstToSecondDays).filter((days) => days !== null);
  const shopInterval = Math.round(median(intervals as number[]) ?? 30);
  const rows = [...byMember].map(([memberId, orders]) => ({ memberId, ...summarizePurchases(orders, shopInterval)!, computedAt: new Date() }));
  for (let start = 0; start < rows.length; start += CHUNK) await dataSource.getRepository(MemberPurchaseStatsRow).insert(rows.slice(start, start + CHUNK));
}

/** Median wall time of RUNS runs, and this process's CPU time in that run (on SQLite that includes the
 * database's own work, so it says what the run costs whatever else the machine is doing). */
async function timed(run: () => Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
  const runs: { wallMs: number; cpuMs: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await run();
    const used = process.cpuUsage(cpu);
    runs.push({ wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
  }
  return runs.sort((a, b) => a.wallMs - b.wallMs)[Math.floor(RUNS / 2)];
}

async function measure(database: BenchDatabase): Promise<void> {
  const dataSource = new DataSource(buildDataSourceOptions(parseDatabase(database.appDatabaseUrl, tmpdir())));
  await dataSource.initialize();
  try {
    let started = performance.now();
    await fill(dataSource);
    console.log(`${database.label}: ${ORDERS} orders of ${MEMBERS} members written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const facts = new PurchaseFacts(dataSource);
    const stats = new MemberPurchaseStatsService(dataSource, facts, new TransactionRunner(dataSource), new EventFollowers());
    const sweeper = new PurchaseStatsSweeper(dataSource, facts, stats);
    const backfill = new PurchaseStatsBackfill(dataSource, stats);
    const metrics = new RepeatPurchaseService(facts);
    const due = new DueForRepurchaseService(dataSource);
    started = performance.now();
    await buildStats(dataSource, facts);
    console.log(`  stats of every member built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const now = new Date('2026-03-01T12:00:00+08:00');
    const month = await timed(() => metrics.metrics('2025-06-01', '2025-06-30', now));
    const year = await timed(() => metrics.metrics('2025-01-01', '2025-12-31', now));
    let member = 0;
    const recompute = await timed(() => stats.recompute(1 + (member++ % 50), now));
    const sweep = await timed(() => sweeper.sweep(now));
    const backfilled = await timed(() => backfill.sweep(now));
    const filter = Object.assign(new DueForRepurchaseQueryDto(), { page: 1, pageSize: 20, minSpentFen: 10_000 });
    const list = await timed(() => due.list(filter, 'owner', now));
    const csv = await timed(() => due.exportCsv(filter, 'owner', now));
    const ms = ({ wallMs, cpuMs }: { wallMs: number; cpuMs: number }) => `${wallMs.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms)`;
    console.log(`  machine load average: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
    console.log(`  metrics, one month: ${ms(month)}; whole year: ${ms(year)}`);
    console.log(`  recompute of one member: ${ms(recompute)}; with nothing to do, a sweep: ${ms(sweep)}, a backfill: ${ms(backfilled)}`);
    console.log(`  due list page (spent ≥ 100 元): ${ms(list)}; its CSV (at most 10 000 rows): ${ms(csv)}`);
  } finally {
    await dataSource.destroy();
    await database.close();
  }
}

async function main(): Promise<void> {
  await measure(sqliteDatabase());
  const mariadb = await startMariaDb();
  if (mariadb) await measure(mariadb);
  else console.log('MariaDB is not installed: skipped');
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
