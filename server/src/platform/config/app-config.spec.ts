import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, FAKE_WECHAT_APPID, findRepoRoot, loadConfig, parseAttributionTtlDays, parseJobIntervals, parseTrustProxy } from './app-config';

describe('loadConfig', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'config-spec-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const load = (env: Record<string, string> = {}) => loadConfig({ DATA_DIR: dataDir, ...env });

  it('defaults to port 3000, SQLite under DATA_DIR, fake WeChat on the next port, demo seed on', () => {
    const config = load();
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ dialect: 'sqlite', file: join(dataDir, 'storefront.sqlite') });
    expect(config.wechat).toEqual(expect.objectContaining({ mode: 'fake', appid: FAKE_WECHAT_APPID, fakePort: 3001, apiBase: null }));
    expect(config.seedDemo).toBe(true);
    expect(config.seedDemoCoupons).toBe(true);
    expect(config.h5DistDir).toBe(join(findRepoRoot(), 'dist', 'h5'));
    expect(config.adminDistDir).toBe(join(findRepoRoot(), 'server', 'admin', 'dist'));
  });

  it('keeps settled domain events 30 days unless EVENT_RETENTION_DAYS says otherwise (1..3650)', () => {
    expect(load().eventRetentionDays).toBe(30);
    expect(load({ EVENT_RETENTION_DAYS: '365' }).eventRetentionDays).toBe(365);
    for (const raw of ['0', '3651', '1.5', 'month']) expect(() => load({ EVENT_RETENTION_DAYS: raw })).toThrow(/EVENT_RETENTION_DAYS/);
  });

  it('seeds the demo coupons with the demo store unless told otherwise', () => {
    expect(load({ SEED_DEMO: 'false' }).seedDemoCoupons).toBe(false);
    expect(load({ SEED_DEMO_COUPONS: 'false' })).toEqual(expect.objectContaining({ seedDemo: true, seedDemoCoupons: false }));
    expect(load({ SEED_DEMO: 'false', SEED_DEMO_COUPONS: 'true' }).seedDemoCoupons).toBe(true);
  });

  it('generates the JWT secret once and keeps it in DATA_DIR', () => {
    const first = load().jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8')).toBe(first);
    expect(load().jwtSecret).toBe(first);
    expect(load({ JWT_SECRET: 'a-configured-secret-value' }).jwtSecret).toBe('a-configured-secret-value');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ WECHAT_FAKE_PORT: '-1' }, 'WECHAT_FAKE_PORT'],
    [{ DATABASE_URL: 'postgres://x@y/z' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://root@127.0.0.1:3306' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ WECHAT_MODE: 'sandbox' }, 'WECHAT_MODE'],
    [{ WECHAT_MODE: 'real' }, 'WECHAT_APPID'],
    [{ WECHAT_APPID: 'wx123' }, 'WECHAT_SECRET'],
    [{ WECHAT_API_BASE: 'api.weixin.qq.com' }, 'WECHAT_API_BASE'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(variable);
  });

  /** Real-mode WeChat and WeChat Pay settings, with key files written to DATA_DIR. */
  const realEnv = (): Record<string, string> => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(join(dataDir, 'apiclient_key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(join(dataDir, 'pub_key.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
    return {
      WECHAT_APPID: 'wx123',
      WECHAT_SECRET: 's3cret',
      WECHAT_PAY_MCHID: '1900009191',
      WECHAT_PAY_MERCHANT_SERIAL: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C',
      WECHAT_PAY_MERCHANT_PRIVATE_KEY: join(dataDir, 'apiclient_key.pem'),
      WECHAT_PAY_APIV3_KEY: '0123456789abcdef0123456789abcdef',
      WECHAT_PAY_PLATFORM_PUBLIC_KEY: join(dataDir, 'pub_key.pem'),
      WECHAT_PAY_PLATFORM_SERIAL: 'PUB_KEY_ID_0114232134912410000000000000',
      PUBLIC_BASE_URL: 'https://shop.example.com/',
    };
  };

  it('writes the demo history with the demo store in fake WeChat mode only', () => {
    expect(load().seedDemoHistory).toBe(true);
    expect(load({ SEED_DEMO: 'false' }).seedDemoHistory).toBe(false);
    expect(load({ SEED_DEMO_HISTORY: 'false' })).toEqual(expect.objectContaining({ seedDemo: true, seedDemoHistory: false }));
    // Its payments are made up: never beside a real merchant, even when asked.
    expect(load({ ...realEnv(), SEED_DEMO_HISTORY: 'true' }).seedDemoHistory).toBe(false);
  });

  it('reads MySQL and MariaDB URLs and real WeChat and WeChat Pay credentials', () => {
    expect(load({ DATABASE_URL: 'mysql://u:p@db:3306/shop' }).database).toEqual({ dialect: 'mysql', url: 'mysql://u:p@db:3306/shop' });
    expect(load({ DATABASE_URL: 'mariadb://u:p@db:3306/shop' }).database.dialect).toBe('mariadb');
    const env = realEnv();
    const real = load(env);
    expect(real.wechat).toEqual(expect.objectContaining({ mode: 'real', appid: 'wx123', apiBase: 'https://api.weixin.qq.com' }));
    expect(real.wechatPay).toEqual(
      expect.objectContaining({
        mchid: '1900009191',
        merchantSerial: env.WECHAT_PAY_MERCHANT_SERIAL,
        merchantPrivateKeyPem: readFileSync(env.WECHAT_PAY_MERCHANT_PRIVATE_KEY, 'utf8'),
        platformPublicKeyPem: readFileSync(env.WECHAT_PAY_PLATFORM_PUBLIC_KEY, 'utf8'),
        platformSerial: env.WECHAT_PAY_PLATFORM_SERIAL,
        apiBase: 'https://api.mch.weixin.qq.com',
        publicBaseUrl: 'https://shop.example.com',
        fake: null,
      }),
    );
  });

  it.each([
    ['WECHAT_PAY_MCHID', { WECHAT_PAY_MCHID: '' }],
    ['WECHAT_PAY_MCHID', { WECHAT_PAY_MCHID: 'merchant' }],
    ['WECHAT_PAY_MERCHANT_SERIAL', { WECHAT_PAY_MERCHANT_SERIAL: '' }],
    ['WECHAT_PAY_APIV3_KEY', { WECHAT_PAY_APIV3_KEY: 'too-short' }],
    ['WECHAT_PAY_MERCHANT_PRIVATE_KEY', { WECHAT_PAY_MERCHANT_PRIVATE_KEY: '/nonexistent/apiclient_key.pem' }],
    ['WECHAT_PAY_PLATFORM_PUBLIC_KEY', { WECHAT_PAY_PLATFORM_PUBLIC_KEY: __filename }],
    ['WECHAT_PAY_PLATFORM_SERIAL', { WECHAT_PAY_PLATFORM_SERIAL: '' }],
    ['PUBLIC_BASE_URL', { PUBLIC_BASE_URL: '' }],
    ['PUBLIC_BASE_URL', { PUBLIC_BASE_URL: 'shop.example.com' }],
    ['WECHAT_PAY_API_BASE', { WECHAT_PAY_API_BASE: 'api.mch.weixin.qq.com' }],
  ])('in real mode, names %s when it is missing or wrong', (variable, override) => {
    const env = { ...realEnv(), ...override };
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(variable);
  });

  it('in fake mode, generates a test merchant once under DATA_DIR and keeps it', () => {
    const first = load().wechatPay;
    expect(first.fake?.merchant.platformSerial).toMatch(/^PUB_KEY_ID_/);
    expect(Buffer.byteLength(first.apiV3Key)).toBe(32);
    expect(first.merchantPrivateKeyPem).toContain('BEGIN PRIVATE KEY');
    expect(first.platformPublicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(first.apiBase).toBeNull();
    expect(first.publicBaseUrl).toBe('http://localhost:3000');
    expect(JSON.parse(readFileSync(join(dataDir, 'wechat-pay-fake', 'test-merchant.json'), 'utf8')).mchid).toBe(first.mchid);
    expect(load().wechatPay).toEqual(first);
    expect(readdirSync(join(dataDir, 'wechat-pay-fake'))).toEqual(['test-merchant.json']);
    expect(() => load({ WECHAT_PAY_FAKE_RETRY_FACTOR: '0' })).toThrow('WECHAT_PAY_FAKE_RETRY_FACTOR');
    expect(load({ WECHAT_PAY_FAKE_RETRY_FACTOR: '0.001' }).wechatPay.fake?.notifyRetryFactor).toBe(0.001);
  });

  it('offers the fake templates in fake mode, only the configured ones in real mode, and names a bad id', () => {
    expect(Object.keys(load().subscribeTemplates)).toEqual(['order_paid', 'order_shipped', 'refund_result', 'group_buy_succeeded', 'group_buy_failed', 'live_reminder']);
    expect(load({ ...realEnv(), WECHAT_TEMPLATE_ORDER_SHIPPED: 'Tmpl_Shipped-01' }).subscribeTemplates).toEqual({ order_shipped: 'Tmpl_Shipped-01' });
    expect(() => load({ WECHAT_TEMPLATE_REFUND_RESULT: 'bad id!' })).toThrow('WECHAT_TEMPLATE_REFUND_RESULT');
  });
});

describe('TRUST_PROXY', () => {
  it('believes no proxy unless told: false by default, hops, addresses, or true', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8, ::1')).toBe('127.0.0.1, 10.0.0.0/8, ::1');
  });

  it('names the variable when the value is neither', () => {
    expect(() => parseTrustProxy('nginx')).toThrow(/TRUST_PROXY/);
  });
});

describe('parseJobIntervals', () => {
  it('reads name=duration pairs with ms, s, m or h; unset means every job at its default', () => {
    expect(parseJobIntervals(undefined)).toEqual({});
    expect(parseJobIntervals('')).toEqual({});
    expect(parseJobIntervals('payments.reconcile=30s, orders.unpaid-timeout = 2m,analytics.purchase-stats-backfill=1h,loyalty.points-expiry=500ms')).toEqual({
      'payments.reconcile': 30_000,
      'orders.unpaid-timeout': 120_000,
      'analytics.purchase-stats-backfill': 3_600_000,
      'loyalty.points-expiry': 500,
    });
  });

  it('refuses a missing unit, a bad name, a twice-named job and intervals outside 100ms-24h, naming the variable', () => {
    for (const raw of ['payments.reconcile=30', 'payments.reconcile', 'Payments=1s', 'a=1s,a=2s', 'a=50ms', 'a=25h', 'a=-1s']) {
      expect(() => parseJobIntervals(raw)).toThrow(ConfigError);
      expect(() => parseJobIntervals(raw)).toThrow(/JOB_INTERVALS/);
    }
  });
});

describe('ATTRIBUTION_TTL_DAYS', () => {
  it('defaults to 7 days and takes 1..90', () => {
    expect(parseAttributionTtlDays(undefined)).toBe(7);
    expect(parseAttributionTtlDays('')).toBe(7);
    expect(parseAttributionTtlDays('1')).toBe(1);
    expect(parseAttributionTtlDays('30')).toBe(30);
    expect(parseAttributionTtlDays('90')).toBe(90);
  });

  it('refuses other values, naming the variable', () => {
    for (const raw of ['0', '91', '7.5', '-3', 'week']) expect(() => parseAttributionTtlDays(raw)).toThrow(/ATTRIBUTION_TTL_DAYS/);
  });
});
