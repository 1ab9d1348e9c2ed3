import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConnection } from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../../server/src/app';
import { loadConfig, type AppConfig } from '../../../server/src/platform/config/app-config';
import { FakeWechatServer } from '../../../server/src/wechat-fake/fake-wechat-server';
import { JobRegistry } from '../../../server/src/platform/jobs/job-registry';

/**
 * One suite's world: the real Nest app on a fresh database (TEST_DB=sqlite: a temp file; TEST_DB=mariadb:
 * a uniquely named database on TEST_MARIADB_URL, dropped afterwards) and the fake WeChat on a free port.
 */
export interface TestApp {
  app: NestFastifyApplication;
  api: () => ReturnType<typeof request>;
  fake: FakeWechatServer;
  dataSource: DataSource;
  config: AppConfig;
  /** Where this app's data lives: another startTestApp({ database }) opens the same (a restart). */
  database: TestDatabase;
  /** `keepDatabase`: stop the app but leave its database for a restart. */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

export interface TestDatabase {
  dataDir: string;
  /** '' for SQLite (a file in dataDir). */
  databaseUrl: string;
  drop(): Promise<void>;
}

export const API = '/api/v1';
export const TEST_DB = (process.env.TEST_DB || 'sqlite') as 'sqlite' | 'mariadb';

export async function createMariadbDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_MARIADB_URL;
  if (!base) throw new Error('TEST_DB=mariadb needs TEST_MARIADB_URL=mysql://root@127.0.0.1:PORT/');
  const name = `storefront_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = await createConnection(base);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  // The server is MariaDB: mariadb:// makes TypeORM use its MariaDB dialect (as DATABASE_URL would in production).
  url.protocol = 'mariadb:';
  return {
    url: url.toString(),
    async drop() {
      const connection = await createConnection(base);
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}

export interface TestAppOptions {
  seedDemo?: boolean;
  beforeInit?: (app: NestFastifyApplication) => void;
  /**
   * The app listens on a free loopback port that is its PUBLIC_BASE_URL, so the fake WeChat Pay can
   * deliver notifications to it; notification retries, refund and transfer settling are shortened for tests.
   */
  payNotifications?: boolean;
  /** Opens the database of an earlier app (closed with keepDatabase) instead of a fresh one. */
  database?: TestDatabase;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const { dataDir } = database;
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: database.databaseUrl,
    JWT_SECRET: randomBytes(24).toString('hex'),
    SEED_DEMO: String(options.seedDemo ?? true),
    // The demo 新人券 would price every new member's checkout; suites that want coupons make their own.
    SEED_DEMO_COUPONS: 'false',
    // Suites count their own orders and members; the demo history has its own suite.
    SEED_DEMO_HISTORY: 'false',
    LOG_LEVEL: 'silent',
    H5_DIST_DIR: join(dataDir, 'no-h5-build'),
    ADMIN_DIST_DIR: join(dataDir, 'no-admin-build'),
    WECHAT_PAY_FAKE_RETRY_FACTOR: options.payNotifications ? '0.0002' : '',
  });
  // The fake WeChat Pay knows the same generated test merchant as the configuration.
  const fake = new FakeWechatServer({
    appid: config.wechat.appid,
    secret: config.wechat.secret,
    pay: config.wechatPay.fake
      ? { ...config.wechatPay.fake, ...(options.payNotifications ? { refundSettleMs: 100, transferSettleMs: 100 } : {}) }
      : undefined,
  });
  await fake.start(0);
  const app = await createApp({
    config,
    wechatApiBase: fake.url,
    wechatRuntime: { mode: 'fake', fakePort: fake.port },
  });
  options.beforeInit?.(app);
  if (options.payNotifications) {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    // notify_url is built from this at each payment, so it may be set once the port is known.
    config.wechatPay.publicBaseUrl = `http://127.0.0.1:${port}`;
  } else {
    await app.init();
  }
  await app.getHttpAdapter().getInstance().ready();
  // Suites run each sweep themselves, at the moment they choose; a timer firing mid-test would race them.
  app.get(JobRegistry).stopAll();
  return {
    app,
    api: () => request(app.getHttpServer()),
    fake,
    dataSource: app.get(DataSource),
    config,
    database,
    async close({ keepDatabase = false } = {}) {
      // The fake's notifications stop, and connections the test's clients left open are cut, so closing never waits
      // on a socket nobody will finish (Node would hold it until its 60 s headers timeout).
      fake.state.pay.stop();
      app.getHttpServer().closeAllConnections?.();
      await app.close();
      await fake.stop();
      if (!keepDatabase) await database.drop();
    },
  };
}

async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'storefront-e2e-'));
  const mariadb = TEST_DB === 'mariadb' ? await createMariadbDatabase() : null;
  return {
    dataDir,
    databaseUrl: mariadb?.url ?? '',
    async drop() {
      await mariadb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Gets a wx.login code from the fake, as the WeChat app would. */
export function loginCode(t: TestApp, identity: string, withUnionid = true): string {
  return t.fake.state.loginCodes.issue({ identity, withUnionid });
}

export async function memberToken(t: TestApp, identity: string): Promise<string> {
  const response = await t.api().post(`${API}/auth/wechat-login`).send({ code: loginCode(t, identity) }).expect(200);
  return response.body.token;
}

export async function staffToken(t: TestApp, username: string, password = 'demo1234'): Promise<string> {
  const response = await t.api().post(`${API}/admin/auth/login`).send({ username, password }).expect(200);
  return response.body.token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Every error answer has this shape (shared/errors.ts ApiError). */
export function expectApiError(body: unknown, code: string): void {
  expect(body).toEqual(expect.objectContaining({ code, message: expect.any(String) }));
}

/** A tiny valid PNG (1×1). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
