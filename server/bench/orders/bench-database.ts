import Database from 'better-sqlite3';
import { createConnection, createPool, type Pool, type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findRepoRoot } from '../../src/platform/config/app-config';
import { newOrderNo } from '../../src/orders/order-number';
import { newEventId } from '../../src/platform/events/domain-event';
import { isUniqueViolation } from '../../src/platform/database/transaction-runner';
import { processCpuMs } from '../support/process-cpu';

/** What the stock of the hot SKU says against what the orders hold. */
export interface StockCheck {
  stockLeft: number;
  stockTaken: number;
  unitsInOrderLines: number;
  /** Units in order lines that no stock decrement paid for (or stock below zero): must be 0. */
  oversold: number;
}

export interface RawRate {
  transactions: number;
  outOfStock: number;
  seconds: number;
  perSecond: number;
}

export interface RawRateOptions {
  skuId: number;
  productId: number;
  memberCount: number;
  concurrency: number;
  amount: number;
  maxSeconds: number;
}

/** One database under test: how the app reaches it, and the plain-driver measurements beside the app. */
export interface BenchDatabase {
  label: 'SQLite' | 'MariaDB';
  /** DATABASE_URL for the app. */
  appDatabaseUrl: string;
  checkStock(skuId: number, initialStock: number): Promise<StockCheck>;
  /**
   * The raw rate of the order transaction the app runs, written with the plain driver: insert the order,
   * its line and its order.created event, conditionally decrement the SKU's stock (the hot row, last).
   */
  rawOrderRate(options: RawRateOptions): Promise<RawRate>;
  /** How many of these orders are paid. */
  paidAmong(orderNos: string[]): Promise<number>;
  /** CPU time the database server process has used so far (ms); null when it runs inside the app (SQLite). */
  cpuMs(): number | null;
  /** Statements the server has executed so far, by kind (MariaDB's status counters); null on SQLite. */
  statementCounters(): Promise<Record<string, number> | null>;
  close(): Promise<void>;
}

/** The same order row for every raw transaction: the app's address snapshot, one unit at the seeded price. */
const PRICE_FEN = 9900;
const ORDER_COLUMNS = [
  'orderNo', 'memberId', 'clientToken', 'status', 'itemCount', 'listTotalFen', 'shippingFeeFen', 'payableFen',
  'recipientName', 'recipientPhone', 'provinceName', 'cityName', 'districtName', 'regionCode', 'addressDetail', 'remark',
  'payDeadlineAt',
];
const LINE_COLUMNS = ['orderId', 'productId', 'skuId', 'title', 'specValues', 'imageUrl', 'unitPriceFen', 'quantity', 'lineTotalFen'];

/** Unpaid orders are due 30 minutes after placement, as in the app, so no sweep touches them during the bench. */
const payDeadline = () => new Date(Date.now() + 30 * 60_000);
/** SQLite keeps TypeORM's datetime text ('YYYY-MM-DD HH:MM:SS.SSS', UTC), which the sweep compares as text. */
const sqliteDatetime = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');

function orderValues(index: number, memberCount: number, payDeadlineAt: Date | string): unknown[] {
  return [
    newOrderNo(), (index % memberCount) + 1, `raw-${index}-${Math.random().toString(36).slice(2, 10)}`, 'pending_payment',
    1, PRICE_FEN, 0, PRICE_FEN, '张三', '13800001111', '浙江省', '杭州市', '西湖区', '330106', '文三路 100 号 1 幢 101 室', '',
    payDeadlineAt,
  ];
}

function lineValues(orderId: number, options: RawRateOptions): unknown[] {
  return [orderId, options.productId, options.skuId, '压测爆款', '["标准装"]', '/uploads/hot.png', PRICE_FEN, 1, PRICE_FEN];
}

const placeholders = (count: number) => Array(count).fill('?').join(', ');

/** The order.created row the app writes with each order (its followers' deliveries too, but it has none). */
const EVENT_COLUMNS = ['id', 'type', 'aggregateKey', 'memberId', 'payload', 'createdAt'];
const INSERT_EVENT = `INSERT INTO domain_events (${EVENT_COLUMNS.join(', ')}) VALUES (${placeholders(EVENT_COLUMNS.length)})`;

function eventValues(orderId: number, order: unknown[], createdAt: Date | string): unknown[] {
  const [orderNo, memberId] = order as [string, number];
  const payload = {
    orderId, orderNo, memberId, status: 'pending_payment', payableFen: PRICE_FEN, itemCount: 1, memberCouponId: null, pointsUsed: 0,
    source: { channelCode: null, referrerCode: null, liveRoomId: null, groupBuyTeamId: null },
  };
  return [newEventId(), 'order.created', `order:${orderNo}`, memberId, JSON.stringify(payload), createdAt];
}

/** The stock ledger's movement the app writes with each line's stock taken (the inventory module's rule). */
const INSERT_SALE_MOVEMENT = "INSERT INTO stock_movements (skuId, productId, delta, reason, orderId, orderLineId) VALUES (?, ?, -1, 'sale', ?, ?)";
const saleMovementValues = (orderId: number, lineId: number, options: RawRateOptions) => [options.skuId, options.productId, orderId, lineId];

/** A temp SQLite file for the app; the bench opens it with the app's pragmas. */
export function sqliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'storefront-bench-sqlite-'));
  const file = join(dir, 'storefront.sqlite');
  const open = () => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    return db;
  };
  return {
    label: 'SQLite',
    appDatabaseUrl: `sqlite:${file}`,
    async checkStock(skuId, initialStock) {
      const db = open();
      try {
        const { stock } = db.prepare('SELECT stock FROM skus WHERE id = ?').get(skuId) as { stock: number };
        const { units } = db.prepare('SELECT COALESCE(SUM(quantity), 0) AS units FROM order_lines WHERE skuId = ?').get(skuId) as {
          units: number;
        };
        return stockCheck(initialStock, stock, units);
      } finally {
        db.close();
      }
    },
    async rawOrderRate(options) {
      const db = open();
      try {
        const insertOrder = db.prepare(`INSERT INTO orders (${ORDER_COLUMNS.join(', ')}) VALUES (${placeholders(ORDER_COLUMNS.length)})`);
        const insertLine = db.prepare(`INSERT INTO order_lines (${LINE_COLUMNS.join(', ')}) VALUES (${placeholders(LINE_COLUMNS.length)})`);
        const takeStock = db.prepare('UPDATE skus SET stock = stock - 1 WHERE id = ? AND stock >= 1');
        const insertEvent = db.prepare(INSERT_EVENT);
        const insertMovement = db.prepare(INSERT_SALE_MOVEMENT);
        const place = db.transaction((index: number) => {
          const order = orderValues(index, options.memberCount, sqliteDatetime(payDeadline()));
          const orderId = Number(insertOrder.run(...order).lastInsertRowid);
          const lineId = Number(insertLine.run(...lineValues(orderId, options)).lastInsertRowid);
          insertEvent.run(...eventValues(orderId, order, sqliteDatetime(new Date())));
          insertMovement.run(...saleMovementValues(orderId, lineId, options));
          if (takeStock.run(options.skuId).changes === 0) throw new OutOfStock();
        });
        // SQLite has one writer at a time: concurrency does not apply, transactions simply follow each other.
        return await timeLoop(options, 1, async (index) => place(index));
      } finally {
        db.close();
      }
    },
    async paidAmong(orderNos) {
      const db = open();
      try {
        const paid = db.prepare("SELECT COUNT(*) AS paid FROM orders WHERE orderNo = ? AND status = 'paid'");
        return orderNos.reduce((sum, orderNo) => sum + (paid.get(orderNo) as { paid: number }).paid, 0);
      } finally {
        db.close();
      }
    },
    cpuMs: () => null,
    async statementCounters() {
      return null;
    },
    async close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A throwaway MariaDB server (as the API tests start one) with an empty database for the app. */
export async function startMariaDb(): Promise<BenchDatabase | null> {
  // The same starter the API tests use; it is an ES module, loaded by path from the repository.
  const starter = (await import(join(findRepoRoot(), 'tests', 'support', 'mariadb.mjs'))) as {
    findMariaDbServer(): string | null;
    startMariaDb(): Promise<{ url: string; pid: number; stop(): Promise<void> }>;
  };
  if (!starter.findMariaDbServer()) return null;
  const server = await starter.startMariaDb();
  const databaseUrl = new URL(server.url);
  databaseUrl.pathname = '/storefront_bench';
  const admin = await createConnection(server.url);
  await admin.query('CREATE DATABASE storefront_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  await admin.end();
  const connect = () => createConnection({ uri: databaseUrl.toString(), timezone: 'Z' });
  const appUrl = new URL(databaseUrl);
  // mariadb:// makes the app use TypeORM's MariaDB dialect, as DATABASE_URL would in production.
  appUrl.protocol = 'mariadb:';

  return {
    label: 'MariaDB',
    appDatabaseUrl: appUrl.toString(),
    async checkStock(skuId, initialStock) {
      const connection = await connect();
      try {
        const [skus] = await connection.query<RowDataPacket[]>('SELECT stock FROM skus WHERE id = ?', [skuId]);
        const [lines] = await connection.query<RowDataPacket[]>(
          'SELECT COALESCE(SUM(quantity), 0) AS units FROM order_lines WHERE skuId = ?',
          [skuId],
        );
        return stockCheck(initialStock, Number(skus[0].stock), Number(lines[0].units));
      } finally {
        await connection.end();
      }
    },
    async rawOrderRate(options) {
      const pool: Pool = createPool({ uri: databaseUrl.toString(), timezone: 'Z', connectionLimit: options.concurrency });
      try {
        const insertOrder = `INSERT INTO orders (${ORDER_COLUMNS.join(', ')}) VALUES (${placeholders(ORDER_COLUMNS.length)})`;
        const insertLine = `INSERT INTO order_lines (${LINE_COLUMNS.join(', ')}) VALUES (${placeholders(LINE_COLUMNS.length)})`;
        return await timeLoop(options, options.concurrency, async (index) => {
          const connection = await pool.getConnection();
          try {
            // Plain query() like TypeORM's driver (no server-side prepared statements), same statements, same order.
            await connection.query('START TRANSACTION');
            try {
              const values = orderValues(index, options.memberCount, payDeadline());
              const [order] = await connection.query<ResultSetHeader>(insertOrder, values);
              const [line] = await connection.query<ResultSetHeader>(insertLine, lineValues(order.insertId, options));
              await connection.query(INSERT_EVENT, eventValues(order.insertId, values, new Date()));
              await connection.query(INSERT_SALE_MOVEMENT, saleMovementValues(order.insertId, line.insertId, options));
              const [taken] = await connection.query<ResultSetHeader>('UPDATE skus SET stock = stock - 1 WHERE id = ? AND stock >= 1', [
                options.skuId,
              ]);
              if (taken.affectedRows === 0) throw new OutOfStock();
              await connection.query('COMMIT');
            } catch (error) {
              await connection.query('ROLLBACK');
              throw error;
            }
          } finally {
            connection.release();
          }
        });
      } finally {
        await pool.end();
      }
    },
    async statementCounters() {
      const connection = await connect();
      try {
        const [rows] = await connection.query<RowDataPacket[]>(
          "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_select', 'Com_insert', 'Com_update', 'Com_delete', 'Com_begin', 'Com_commit', 'Com_rollback', 'Innodb_deadlocks')",
        );
        return Object.fromEntries(rows.map((row) => [String(row.Variable_name), Number(row.Value)]));
      } finally {
        await connection.end();
      }
    },
    async paidAmong(orderNos) {
      const connection = await connect();
      try {
        let paid = 0;
        for (let start = 0; start < orderNos.length; start += 500) {
          const chunk = orderNos.slice(start, start + 500);
          const [rows] = await connection.query<RowDataPacket[]>(
            `SELECT COUNT(*) AS paid FROM orders WHERE status = 'paid' AND orderNo IN (${placeholders(chunk.length)})`,
            chunk,
          );
          paid += Number(rows[0].paid);
        }
        return paid;
      } finally {
        await connection.end();
      }
    },
    cpuMs: () => processCpuMs(server.pid),
    close: () => server.stop(),
  };
}

class OutOfStock extends Error {}

function stockCheck(initialStock: number, stockLeft: number, unitsInOrderLines: number): StockCheck {
  const stockTaken = initialStock - stockLeft;
  return {
    stockLeft,
    stockTaken,
    unitsInOrderLines,
    oversold: Math.max(0, unitsInOrderLines - stockTaken) + Math.max(0, -stockLeft),
  };
}

/** Runs `work` from `concurrency` loops until `amount` transactions or `maxSeconds` have passed. */
async function timeLoop(options: RawRateOptions, concurrency: number, work: (index: number) => Promise<void>): Promise<RawRate> {
  const started = performance.now();
  const deadline = started + options.maxSeconds * 1000;
  let next = 0;
  let transactions = 0;
  let outOfStock = 0;
  const loop = async () => {
    while (next < options.amount && performance.now() < deadline) {
      const index = next++;
      try {
        await work(index);
        transactions++;
      } catch (error) {
        if (error instanceof OutOfStock) outOfStock++;
        // An order number taken already (1 in 10^10 per pair, so now and then in a long run): the app places
        // the order again under a fresh number, and this loop simply goes on to the next one.
        else if (!isUniqueViolation(error)) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const seconds = (performance.now() - started) / 1000;
  return { transactions, outOfStock, seconds, perSecond: transactions / seconds };
}
