import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { setUpShop, type BenchShop } from '../../server/bench/orders/shop-setup';
import type { AppConfig } from '../../server/src/platform/config/app-config';
import { buildDataSourceOptions } from '../../server/src/platform/database/data-source-options';
import { FakeWechatServer } from '../../server/src/wechat-fake/fake-wechat-server';
import { NO_THRESHOLD_10 } from './support/coupon-fixtures';
import { eventually, NOTIFY_PATH, signedHeaders, transactionNotification } from './support/pay-helpers';
import { sharedServerSetup, startServerProcess, stopServerProcesses, type ServerProcess } from './support/server-processes';
import { API, createMariadbDatabase, TEST_DB, type TestApp } from './support/test-app';

/**
 * The order races of the suite, fired half at each of TWO real server processes on ONE database (one fake
 * WeChat for both): the guarantees rest on the database (conditional updates, unique keys, row locks), not on
 * anything one process keeps in memory, so they hold across instances: no oversold unit, one paid transition
 * per order however many notifications arrive where, a cancel and a payment never both win, a coupon spent
 * once, and the stock ledger balances afterwards.
 */
const BUYERS = 40;
const LAST_UNITS = 10;

interface Answer {
  status: number;
  body: { code?: string; orderNo?: string; payableFen?: number; prepayId?: string; id?: number };
}

describe(`order races across two server processes on one database (${TEST_DB})`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'storefront-two-instances-'));
  const servers: ServerProcess[] = [];
  let fake: FakeWechatServer;
  let config: AppConfig;
  let dataSource: DataSource;
  let dropDatabase: (() => Promise<void>) | null = null;
  let shop: BenchShop;
  /** The pay helpers sign with the test merchant of this configuration. */
  let signer: TestApp;

  /** Request `index` goes to instance index % 2: half of every race to each. */
  const instance = (index: number) => servers[index % 2];

  async function call(server: ServerProcess, method: string, path: string, token: string | null, body?: object): Promise<Answer> {
    const response = await fetch(`${server.baseUrl}${API}${path}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  }

  const outcome = (answer: Answer) => (answer.status < 300 ? String(answer.status) : `${answer.status} ${answer.body.code}`);
  const tally = (answers: Answer[]) => answers.map(outcome).reduce<Record<string, number>>((counts, key) => ({ ...counts, [key]: (counts[key] ?? 0) + 1 }), {});

  async function placeOrder(server: ServerProcess, memberIndex: number, skuId: number, extra: object = {}): Promise<Answer> {
    const member = shop.members[memberIndex];
    return call(server, 'POST', '/orders', member.token, {
      clientToken: randomBytes(12).toString('base64url'),
      items: [{ skuId, quantity: 1 }],
      addressId: member.addressId,
      ...extra,
    });
  }

  /** A pending order of the hot SKU whose payment was started (so a cancel has a WeChat order to close). */
  async function orderWithPaymentStarted(memberIndex: number): Promise<{ orderNo: string; payableFen: number }> {
    const placed = await placeOrder(instance(memberIndex), memberIndex, shop.hot.skuId);
    expect(placed.status).toBe(201);
    const started = await call(instance(memberIndex + 1), 'POST', `/orders/${placed.body.orderNo}/payment`, shop.members[memberIndex].token);
    expect(started.status).toBe(200);
    return { orderNo: placed.body.orderNo!, payableFen: placed.body.payableFen! };
  }

  function notify(server: ServerProcess, body: string): Promise<Response> {
    return fetch(`${server.baseUrl}${NOTIFY_PATH}`, { method: 'POST', headers: signedHeaders(signer, body), body });
  }

  const count = async (sql: string, parameters: unknown[]) => Number((await dataSource.query(sql, parameters))[0].n);

  beforeAll(async () => {
    const mariadb = TEST_DB === 'mariadb' ? await createMariadbDatabase() : null;
    dropDatabase = mariadb ? () => mariadb.drop() : null;
    let env: NodeJS.ProcessEnv;
    ({ env, config, fake } = await sharedServerSetup(dataDir, mariadb?.url ?? null, { JWT_SECRET: 'two-instances-test-secret-0123456789' }));
    // The pay helpers sign notifications with the fake merchant of this configuration.
    signer = { config } as TestApp;
    // One after the other: the first runs the migrations and seeds the demo store.
    servers.push(await startServerProcess(env));
    servers.push(await startServerProcess(env));
    dataSource = new DataSource({ ...buildDataSourceOptions(config.database), migrationsRun: false });
    await dataSource.initialize();
    // Staff, products and shoppers through the first instance's API; the tokens hold on both.
    shop = await setUpShop(servers[0].baseUrl, fake.url, { members: BUYERS, hotStock: 1_000, sellOutStock: LAST_UNITS });
  }, 240_000);

  afterAll(async () => {
    await stopServerProcesses(servers);
    await dataSource?.destroy();
    await fake?.stop();
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it(`sells the last ${LAST_UNITS} units to ${BUYERS} buyers at once: ${LAST_UNITS} orders, the rest OUT_OF_STOCK, nothing oversold`, async () => {
    const answers = await Promise.all(shop.members.map((_, index) => placeOrder(instance(index), index, shop.sellOut.skuId)));
    expect(tally(answers)).toEqual({ '201': LAST_UNITS, '409 OUT_OF_STOCK': BUYERS - LAST_UNITS });
    expect(await count('SELECT stock AS n FROM skus WHERE id = ?', [shop.sellOut.skuId])).toBe(0);
    expect(await count('SELECT COALESCE(SUM(quantity), 0) AS n FROM order_lines WHERE skuId = ?', [shop.sellOut.skuId])).toBe(LAST_UNITS);
  }, 60_000);

  it('applies one payment notified 20 times at once, to both instances: one payment, one paid transition, counted once', async () => {
    const member = shop.members[0];
    const { orderNo, payableFen } = await orderWithPaymentStarted(0);
    const body = transactionNotification(signer, { orderNo, amountFen: payableFen, transactionId: `4200${Date.now()}0000000000000`.slice(0, 28) });
    const deliveries = await Promise.all(Array.from({ length: 20 }, (_, index) => notify(instance(index), body)));
    expect(deliveries.map((response) => response.status)).toEqual(Array(20).fill(204));

    const [order] = await dataSource.query('SELECT id, status FROM orders WHERE orderNo = ?', [orderNo]);
    expect(order.status).toBe('paid');
    expect(await count('SELECT COUNT(*) AS n FROM payments WHERE orderId = ?', [order.id])).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM domain_events WHERE type = 'order.paid' AND aggregateKey = ?", [`order:${orderNo}`])).toBe(1);
    // Its followers finish once; the member's stats and level window count the payment once.
    await eventually(
      () => count("SELECT COUNT(*) AS n FROM domain_event_deliveries d JOIN domain_events e ON e.id = d.eventId WHERE e.aggregateKey = ? AND d.status <> 'done'", [`order:${orderNo}`]),
      (pending) => pending === 0,
    );
    const paidOrders = await count("SELECT COUNT(*) AS n FROM orders WHERE memberId = ? AND paidAt IS NOT NULL AND status <> 'refunded'", [member.memberId]);
    expect(await count('SELECT paidOrderCount AS n FROM member_purchase_stats WHERE memberId = ?', [member.memberId])).toBe(paidOrders);
    expect(await count('SELECT totalNetPaidFen AS n FROM member_purchase_stats WHERE memberId = ?', [member.memberId])).toBe(paidOrders * payableFen);
    expect(await count('SELECT windowNetPaidFen AS n FROM member_level_reviews WHERE memberId = ?', [member.memberId])).toBe(paidOrders * payableFen);
  }, 60_000);

  it('races each cancel against its payment notification on the other instance: paid or cancelled and refunded, never both', async () => {
    const orders = [];
    for (let index = 1; index <= 8; index++) orders.push({ index, ...(await orderWithPaymentStarted(index)) });
    const raced = await Promise.all(
      orders.map(async ({ index, orderNo, payableFen }) => {
        const body = transactionNotification(signer, { orderNo, amountFen: payableFen });
        const [cancel, notified] = await Promise.all([
          call(instance(index), 'POST', `/orders/${orderNo}/cancel`, shop.members[index].token),
          notify(instance(index + 1), body),
        ]);
        expect(notified.status).toBe(204);
        return { orderNo, cancel };
      }),
    );
    for (const { orderNo, cancel } of raced) {
      const [order] = await dataSource.query('SELECT id, status FROM orders WHERE orderNo = ?', [orderNo]);
      const payments: { outcome: string }[] = await dataSource.query('SELECT outcome FROM payments WHERE orderId = ?', [order.id]);
      expect(payments).toHaveLength(1);
      if (order.status === 'cancelled') {
        // The cancel won: the payment that came after it is refunded, and the units went back once.
        expect(cancel.status).toBe(200);
        expect(payments[0].outcome).toBe('refunded_late');
        await eventually(() => count('SELECT COUNT(*) AS n FROM refunds WHERE orderId = ?', [order.id]), (refunds) => refunds === 1);
        expect(await count("SELECT COUNT(*) AS n FROM stock_movements WHERE orderId = ? AND reason = 'cancel_return'", [order.id])).toBe(1);
      } else {
        // The payment won: the cancel was refused, nothing went back into stock.
        expect(order.status).toBe('paid');
        expect(outcome(cancel)).toBe('409 ORDER_STATE_CONFLICT');
        expect(payments[0].outcome).toBe('matched');
        expect(await count("SELECT COUNT(*) AS n FROM stock_movements WHERE orderId = ? AND reason <> 'sale'", [order.id])).toBe(0);
      }
    }
  }, 90_000);

  it('spends one coupon in 10 checkouts at once: one order, the others COUPON_UNAVAILABLE', async () => {
    const created = await call(servers[0], 'POST', '/admin/coupon-templates', shop.staffToken, { ...NO_THRESHOLD_10, name: '两实例抢用' });
    expect(created.status).toBe(201);
    const member = shop.members[BUYERS - 1];
    const claimed = await call(servers[1], 'POST', `/coupons/${created.body.id}/claim`, member.token);
    expect(claimed.status).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) => placeOrder(instance(index), BUYERS - 1, shop.hot.skuId, { memberCouponId: claimed.body.id })),
    );
    expect(tally(answers)).toEqual({ '201': 1, '409 COUPON_UNAVAILABLE': 9 });
    expect(await count('SELECT COUNT(*) AS n FROM orders WHERE memberCouponId = ?', [claimed.body.id])).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM member_coupons WHERE id = ? AND status = 'used'", [claimed.body.id])).toBe(1);
  }, 60_000);

  it('leaves the stock ledger balanced: every SKU sums to its stock, one sale per order line of its SKU, nothing returned twice', async () => {
    const check = await call(servers[1], 'GET', '/admin/inventory/ledger-check', shop.staffToken);
    expect(check.status).toBe(200);
    expect(check.body).toEqual(expect.objectContaining({ mismatches: [] }));
    expect(await count(
      `SELECT COUNT(*) AS n FROM (SELECT l.id FROM order_lines l
         LEFT JOIN stock_movements m ON m.orderLineId = l.id AND m.reason = 'sale' AND m.skuId = l.skuId AND m.delta = -l.quantity
         GROUP BY l.id HAVING COUNT(m.id) <> 1) wrong`,
      [],
    )).toBe(0);
    expect(await count(
      `SELECT COUNT(*) AS n FROM (SELECT orderLineId FROM stock_movements WHERE orderLineId IS NOT NULL AND reason <> 'sale'
         GROUP BY orderLineId HAVING COUNT(*) > 1) twice`,
      [],
    )).toBe(0);
  }, 30_000);
});
