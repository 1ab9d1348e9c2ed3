import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, FAKE_WECHAT_APPID, findRepoRoot, loadConfig } from './app-config';

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
    expect(config.h5DistDir).toBe(join(findRepoRoot(), 'dist', 'h5'));
    expect(config.adminDistDir).toBe(join(findRepoRoot(), 'server', 'admin', 'dist'));
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

  it('reads MySQL and MariaDB URLs and real WeChat credentials', () => {
    expect(load({ DATABASE_URL: 'mysql://u:p@db:3306/shop' }).database).toEqual({ dialect: 'mysql', url: 'mysql://u:p@db:3306/shop' });
    expect(load({ DATABASE_URL: 'mariadb://u:p@db:3306/shop' }).database.dialect).toBe('mariadb');
    const real = load({ WECHAT_APPID: 'wx123', WECHAT_SECRET: 's3cret' }).wechat;
    expect(real).toEqual(expect.objectContaining({ mode: 'real', appid: 'wx123', apiBase: 'https://api.weixin.qq.com' }));
  });
});
