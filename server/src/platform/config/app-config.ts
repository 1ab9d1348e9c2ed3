import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { DEFAULT_ATTRIBUTION_TTL_DAYS, type SubscribeTemplateKind } from '../../../../shared';
import { FAKE_SUBSCRIBE_TEMPLATE_IDS, SUBSCRIBE_TEMPLATE_ENV } from '../../subscribe-messages/subscribe-templates';
import { loadOrCreateTestMerchant, type TestMerchant } from '../../wechat/pay/test-merchant';

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'mysql' | 'mariadb'; url: string };

export interface WechatConfig {
  mode: 'fake' | 'real';
  appid: string;
  secret: string;
  /** Explicit WECHAT_API_BASE; in fake mode the in-process fake's URL is used when this is empty. */
  apiBase: string | null;
  /** Port of the in-process fake (fake mode); 0 picks a free port. */
  fakePort: number;
}

export interface WechatPayConfig {
  mchid: string;
  /** Serial of the merchant API certificate (serial_no in Authorization). */
  merchantSerial: string;
  merchantPrivateKeyPem: string;
  /** 32 bytes; decrypts notifications. */
  apiV3Key: string;
  /** "微信支付公钥" and its id (PUB_KEY_ID_…), which verify every response and notification. */
  platformPublicKeyPem: string;
  platformSerial: string;
  /** Explicit WECHAT_PAY_API_BASE; in fake mode the in-process fake's URL is used when this is empty. */
  apiBase: string | null;
  /** Where WeChat reaches this server: notify_url = PUBLIC_BASE_URL + the notify path. */
  publicBaseUrl: string;
  /** Fake mode: the generated test merchant (the fake signs with its platform key) and the notify retry speed-up. */
  fake: { merchant: TestMerchant; notifyRetryFactor: number } | null;
}

export interface AppConfig {
  port: number;
  repoRoot: string;
  dataDir: string;
  uploadsDir: string;
  database: DatabaseConfig;
  jwtSecret: string;
  wechat: WechatConfig;
  wechatPay: WechatPayConfig;
  /** Subscribe-message template ids by kind; a kind without an id is never asked for nor sent. */
  subscribeTemplates: Partial<Record<SubscribeTemplateKind, string>>;
  h5DistDir: string;
  adminDistDir: string;
  seedDemo: boolean;
  /** The demo store's coupons (a 新人券 and two in 领券中心); follows seedDemo unless set. */
  seedDemoCoupons: boolean;
  /**
   * Six months of demo members and orders (written once per database after the server listens, removable in
   * the console); follows seedDemo in fake WeChat mode unless set, never with real WeChat.
   */
  seedDemoHistory: boolean;
  logLevel: string;
  /**
   * Fastify's trustProxy: which proxies' X-Forwarded-For is believed for the client address (request.ip, which
   * the staff login throttle counts by). false (default): the TCP peer is the client; a number: that many
   * proxy hops; text: the proxies' addresses or CIDR ranges.
   */
  trustProxy: boolean | number | string;
  /**
   * JOB_INTERVALS: intervals (ms) of the periodic jobs that do not run at their default, by job name, e.g.
   * `payments.reconcile=30s,orders.unpaid-timeout=2m`. Names are checked against the registered jobs at start.
   */
  jobIntervals: Record<string, number>;
  /** Days the storefront keeps the share link or channel it was opened with (ATTRIBUTION_TTL_DAYS, 1..90, default 7). */
  attributionTtlDays: number;
  /** Days settled domain events are kept before the prune job removes them (EVENT_RETENTION_DAYS, 1..3650, default 30). */
  eventRetentionDays: number;
}

/** A bad environment value; the message names the variable so the operator knows what to fix. */
export class ConfigError extends Error {}

/** Credentials the in-process fake WeChat accepts when no real AppID is configured. */
export const FAKE_WECHAT_APPID = 'wx0000000000fake0';
export const FAKE_WECHAT_SECRET = 'fake-wechat-app-secret';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * The repository root, found from this file's own location (src/ under ts-node/jest, dist/ when built),
 * so the server finds data/ and the builds whatever directory it is started from.
 */
export function findRepoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'server', 'package.json')) && existsSync(join(dir, 'shared'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new ConfigError(`找不到项目根目录（从 ${from} 向上查找 server/package.json）`);
    dir = parent;
  }
}

function parsePort(name: string, raw: string | undefined, fallback: number, allowZero = false): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  const min = allowZero ? 0 : 1;
  if (!/^\d+$/.test(raw) || value < min || value > 65535) {
    throw new ConfigError(`环境变量 ${name} 必须是 ${min}-65535 之间的整数，当前为 "${raw}"`);
  }
  return value;
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  const normalized = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(normalized)) return true;
  if (['0', 'false', 'no', 'off'].includes(normalized)) return false;
  throw new ConfigError(`环境变量 ${name} 必须是 true 或 false，当前为 "${raw}"`);
}

export function parseDatabase(raw: string | undefined, dataDir: string): DatabaseConfig {
  if (!raw) return { dialect: 'sqlite', file: join(dataDir, 'storefront.sqlite') };
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file) throw new ConfigError('环境变量 DATABASE_URL 的 sqlite: 地址缺少文件路径，例如 sqlite:data/shop.sqlite');
    return { dialect: 'sqlite', file: isAbsolute(file) ? file : resolve(file) };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`环境变量 DATABASE_URL 不是合法的地址："${raw}"`);
  }
  const dialect = url.protocol === 'mysql:' ? 'mysql' : url.protocol === 'mariadb:' ? 'mariadb' : null;
  if (!dialect) {
    throw new ConfigError(
      `环境变量 DATABASE_URL 只支持 mysql://、mariadb:// 或 sqlite:，当前为 "${url.protocol}"`,
    );
  }
  if (!url.hostname || url.pathname.length <= 1) {
    throw new ConfigError('环境变量 DATABASE_URL 需要主机和数据库名，例如 mysql://user:pass@127.0.0.1:3306/storefront');
  }
  return { dialect, url: raw };
}

/** Reads JWT_SECRET, or the secret generated on first start and kept in DATA_DIR/jwt-secret. */
function loadJwtSecret(raw: string | undefined, dataDir: string): string {
  if (raw !== undefined && raw !== '') {
    if (raw.length < 16) throw new ConfigError('环境变量 JWT_SECRET 至少需要 16 个字符');
    return raw;
  }
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  // 'wx' fails if another instance wrote the file first; then read theirs.
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}

function readPemFile(name: string, path: string | undefined, kind: 'private' | 'public'): string {
  if (!path) throw new ConfigError(`WECHAT_MODE=real 时必须设置环境变量 ${name}（PEM 文件路径）`);
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`环境变量 ${name} 指向的文件无法读取：${path}（${(error as Error).message}）`);
  }
  try {
    if (kind === 'private') createPrivateKey(pem);
    else createPublicKey(pem);
  } catch {
    throw new ConfigError(`环境变量 ${name} 指向的文件不是有效的 PEM ${kind === 'private' ? '私钥' : '公钥'}：${path}`);
  }
  return pem;
}

function parseBaseUrl(name: string, raw: string): string {
  if (!/^https?:\/\/[^/]+/.test(raw)) throw new ConfigError(`环境变量 ${name} 必须是 http(s):// 开头的地址，当前为 "${raw}"`);
  return raw.replace(/\/+$/, '');
}

/** WeChat Pay: real credentials in real mode; in fake mode the test merchant generated under DATA_DIR. */
function loadWechatPay(env: NodeJS.ProcessEnv, mode: 'fake' | 'real', dataDir: string, port: number): WechatPayConfig {
  const rawBase = env.WECHAT_PAY_API_BASE || (mode === 'real' ? 'https://api.mch.weixin.qq.com' : '');
  const apiBase = rawBase ? parseBaseUrl('WECHAT_PAY_API_BASE', rawBase) : null;
  if (mode === 'real' && !env.PUBLIC_BASE_URL) {
    throw new ConfigError('WECHAT_MODE=real 时必须设置环境变量 PUBLIC_BASE_URL（微信支付回调地址的 https 域名）');
  }
  const publicBaseUrl = parseBaseUrl('PUBLIC_BASE_URL', env.PUBLIC_BASE_URL || `http://localhost:${port}`);

  const rawFactor = env.WECHAT_PAY_FAKE_RETRY_FACTOR || '1';
  const notifyRetryFactor = Number(rawFactor);
  if (!Number.isFinite(notifyRetryFactor) || notifyRetryFactor <= 0 || notifyRetryFactor > 1) {
    throw new ConfigError(`环境变量 WECHAT_PAY_FAKE_RETRY_FACTOR 必须是 (0, 1] 之间的数，当前为 "${rawFactor}"`);
  }

  if (mode === 'fake') {
    const merchant = loadOrCreateTestMerchant(join(dataDir, 'wechat-pay-fake'));
    return {
      mchid: merchant.mchid,
      merchantSerial: merchant.merchantSerial,
      merchantPrivateKeyPem: merchant.merchantPrivateKeyPem,
      apiV3Key: merchant.apiV3Key,
      platformPublicKeyPem: createPublicKey(merchant.platformPrivateKeyPem).export({ type: 'spki', format: 'pem' }).toString(),
      platformSerial: merchant.platformSerial,
      apiBase,
      publicBaseUrl,
      fake: { merchant, notifyRetryFactor },
    };
  }

  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new ConfigError(`WECHAT_MODE=real 时必须设置环境变量 ${name}`);
    return value;
  };
  const mchid = required('WECHAT_PAY_MCHID');
  if (!/^\d{8,12}$/.test(mchid)) throw new ConfigError(`环境变量 WECHAT_PAY_MCHID 必须是商户号（数字），当前为 "${mchid}"`);
  const apiV3Key = required('WECHAT_PAY_APIV3_KEY');
  if (Buffer.byteLength(apiV3Key) !== 32) throw new ConfigError('环境变量 WECHAT_PAY_APIV3_KEY 必须正好 32 个字节');
  return {
    mchid,
    merchantSerial: required('WECHAT_PAY_MERCHANT_SERIAL'),
    merchantPrivateKeyPem: readPemFile('WECHAT_PAY_MERCHANT_PRIVATE_KEY', env.WECHAT_PAY_MERCHANT_PRIVATE_KEY, 'private'),
    apiV3Key,
    platformPublicKeyPem: readPemFile('WECHAT_PAY_PLATFORM_PUBLIC_KEY', env.WECHAT_PAY_PLATFORM_PUBLIC_KEY, 'public'),
    platformSerial: required('WECHAT_PAY_PLATFORM_SERIAL'),
    apiBase,
    publicBaseUrl,
    fake: null,
  };
}

/** WECHAT_TEMPLATE_* ids; in fake mode the fake mini-program's templates unless overridden. */
function loadSubscribeTemplates(env: NodeJS.ProcessEnv, mode: 'fake' | 'real'): Partial<Record<SubscribeTemplateKind, string>> {
  const templates: Partial<Record<SubscribeTemplateKind, string>> = {};
  for (const [kind, name] of Object.entries(SUBSCRIBE_TEMPLATE_ENV) as [SubscribeTemplateKind, string][]) {
    const id = env[name] || (mode === 'fake' ? FAKE_SUBSCRIBE_TEMPLATE_IDS[kind] : '');
    if (!id) continue;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new ConfigError(`环境变量 ${name} 不是有效的订阅消息模板 ID：“${id}”`);
    templates[kind] = id;
  }
  return templates;
}

/** Builds and validates the configuration from environment variables; throws ConfigError on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const repoRoot = findRepoRoot();
  const port = parsePort('PORT', env.PORT, 3000);
  const dataDir = resolve(env.DATA_DIR || join(repoRoot, 'data'));
  try {
    mkdirSync(join(dataDir, 'uploads'), { recursive: true });
  } catch (error) {
    throw new ConfigError(`环境变量 DATA_DIR 指向的目录无法创建：${dataDir}（${(error as Error).message}）`);
  }

  const appid = env.WECHAT_APPID ?? '';
  const secret = env.WECHAT_SECRET ?? '';
  const rawMode = env.WECHAT_MODE || (appid ? 'real' : 'fake');
  if (rawMode !== 'fake' && rawMode !== 'real') {
    throw new ConfigError(`环境变量 WECHAT_MODE 只能是 fake 或 real，当前为 "${rawMode}"`);
  }
  if (rawMode === 'real' && !appid) throw new ConfigError('WECHAT_MODE=real 时必须设置环境变量 WECHAT_APPID');
  if (rawMode === 'real' && !secret) throw new ConfigError('WECHAT_MODE=real 时必须设置环境变量 WECHAT_SECRET');
  const apiBase = env.WECHAT_API_BASE || (rawMode === 'real' ? 'https://api.weixin.qq.com' : null);
  if (apiBase && !/^https?:\/\/[^/]+/.test(apiBase)) {
    throw new ConfigError(`环境变量 WECHAT_API_BASE 必须是 http(s):// 开头的地址，当前为 "${apiBase}"`);
  }

  const logLevel = env.LOG_LEVEL || 'info';
  const seedDemo = parseBoolean('SEED_DEMO', env.SEED_DEMO, true);
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`环境变量 LOG_LEVEL 只能是 ${LOG_LEVELS.join('、')} 之一，当前为 "${logLevel}"`);
  }

  return {
    port,
    repoRoot,
    dataDir,
    uploadsDir: join(dataDir, 'uploads'),
    database: parseDatabase(env.DATABASE_URL, dataDir),
    jwtSecret: loadJwtSecret(env.JWT_SECRET, dataDir),
    wechat: {
      mode: rawMode,
      appid: rawMode === 'fake' ? appid || FAKE_WECHAT_APPID : appid,
      secret: rawMode === 'fake' ? secret || FAKE_WECHAT_SECRET : secret,
      apiBase: apiBase ? apiBase.replace(/\/+$/, '') : null,
      fakePort: parsePort('WECHAT_FAKE_PORT', env.WECHAT_FAKE_PORT, port === 65535 ? 0 : port + 1, true),
    },
    wechatPay: loadWechatPay(env, rawMode, dataDir, port),
    subscribeTemplates: loadSubscribeTemplates(env, rawMode),
    h5DistDir: resolve(env.H5_DIST_DIR || join(repoRoot, 'dist', 'h5')),
    adminDistDir: resolve(env.ADMIN_DIST_DIR || join(repoRoot, 'server', 'admin', 'dist')),
    seedDemo,
    seedDemoCoupons: parseBoolean('SEED_DEMO_COUPONS', env.SEED_DEMO_COUPONS, seedDemo),
    // Its payments are made up: never beside a real merchant account.
    seedDemoHistory: rawMode === 'fake' && parseBoolean('SEED_DEMO_HISTORY', env.SEED_DEMO_HISTORY, seedDemo),
    logLevel,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    jobIntervals: parseJobIntervals(env.JOB_INTERVALS),
    attributionTtlDays: parseAttributionTtlDays(env.ATTRIBUTION_TTL_DAYS),
    eventRetentionDays: parseDays('EVENT_RETENTION_DAYS', env.EVENT_RETENTION_DAYS, { min: 1, max: 3650, fallback: 30 }),
  };
}

const DURATION_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** A job runs at most every 100 ms (tests) and at least once a day. */
const JOB_INTERVAL_MIN_MS = 100;
const JOB_INTERVAL_MAX_MS = 24 * 3_600_000;

/** JOB_INTERVALS: `name=duration` pairs, comma separated; a duration is a number with ms, s, m or h. */
export function parseJobIntervals(raw: string | undefined): Record<string, number> {
  const intervals: Record<string, number> = {};
  for (const entry of (raw ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const match = /^([a-z0-9][a-z0-9.-]{0,63})\s*=\s*(\d+)\s*(ms|s|m|h)$/.exec(entry);
    if (!match) {
      throw new ConfigError(`环境变量 JOB_INTERVALS 的 "${entry}" 格式不对，应为 任务名=时长（时长带单位 ms、s、m 或 h），例如 payments.reconcile=30s`);
    }
    const [, name, amount, unit] = match;
    const ms = Number(amount) * DURATION_UNITS_MS[unit];
    if (ms < JOB_INTERVAL_MIN_MS || ms > JOB_INTERVAL_MAX_MS) {
      throw new ConfigError(`环境变量 JOB_INTERVALS 中 ${name} 的间隔必须在 100ms 到 24h 之间，当前为 "${amount}${unit}"`);
    }
    if (name in intervals) throw new ConfigError(`环境变量 JOB_INTERVALS 中任务 ${name} 出现了两次`);
    intervals[name] = ms;
  }
  return intervals;

}

export function parseAttributionTtlDays(raw: string | undefined): number {
  return parseDays('ATTRIBUTION_TTL_DAYS', raw, { min: 1, max: 90, fallback: DEFAULT_ATTRIBUTION_TTL_DAYS });
}

/** A whole number of days within [min, max]; the fallback when unset. */
function parseDays(name: string, raw: string | undefined, { min, max, fallback }: { min: number; max: number; fallback: number }): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new ConfigError(`环境变量 ${name} 必须是 ${min}-${max} 之间的整数（天），当前为 "${raw}"`);
  }
  return value;
}

/** TRUST_PROXY: unset or false; true (every proxy: only when nothing but the proxy can reach the server); hops; addresses. */
export function parseTrustProxy(raw: string | undefined): boolean | number | string {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  if (!/^[0-9a-fA-F.:/, ]+$/.test(value)) {
    throw new ConfigError(`环境变量 TRUST_PROXY 只能是 true、false、代理层数或代理的 IP/CIDR 列表（逗号分隔），当前为 "${value}"`);
  }
  return value;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
