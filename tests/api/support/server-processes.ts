import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../../server/bench/support/free-port';
import { loadConfig, type AppConfig } from '../../../server/src/platform/config/app-config';
import { FakeWechatServer } from '../../../server/src/wechat-fake/fake-wechat-server';

/**
 * Real server processes for the tests that need more than one instance on one database: each runs
 * server/src/main.ts from the TypeScript sources through swc (ts-register.cjs), on a free port, with the
 * environment given (DATABASE_URL, WECHAT_API_BASE …).
 */
const REPO_ROOT = join(__dirname, '..', '..', '..');

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  output(): string;
}

/**
 * What server processes sharing one database need: their environment (the demo store seeded by the first one,
 * no demo coupons or history, `extra` on top), the configuration they will load (it makes the fake merchant
 * under dataDir) and one fake WeChat started here that all of them talk to instead of their own.
 * `databaseUrl` null: one SQLite file under dataDir (WAL), as two workers on one host would share.
 */
export async function sharedServerSetup(
  dataDir: string,
  databaseUrl: string | null,
  extra: NodeJS.ProcessEnv,
): Promise<{ env: NodeJS.ProcessEnv; config: AppConfig; fake: FakeWechatServer }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? `sqlite:${join(dataDir, 'shared.sqlite')}`,
    SEED_DEMO: 'true',
    SEED_DEMO_COUPONS: 'false',
    SEED_DEMO_HISTORY: 'false',
    LOG_LEVEL: 'warn',
    WECHAT_MODE: 'fake',
    WECHAT_FAKE_PORT: '0',
    ...extra,
  };
  const config = loadConfig(env);
  const fake = new FakeWechatServer({ appid: config.wechat.appid, secret: config.wechat.secret, pay: config.wechatPay.fake! });
  await fake.start(0);
  env.WECHAT_API_BASE = fake.url;
  env.WECHAT_PAY_API_BASE = fake.url;
  return { env, config, fake };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until it answers something other than null (errors count as null). */
export async function waitFor<T>(what: string, read: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Starts one server process and waits until it answers its health check. */
export async function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const port = await freePort();
  const output: Buffer[] = [];
  const child = spawn(process.execPath, ['-r', join(__dirname, 'ts-register.cjs'), join(REPO_ROOT, 'server', 'src', 'main.ts')], {
    cwd: REPO_ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk));
  const server = { child, baseUrl: `http://127.0.0.1:${port}`, output: () => Buffer.concat(output).toString() };
  await waitFor(
    `server on port ${port} to answer health`,
    async () => {
      if (child.exitCode !== null) throw new Error(`server exited:\n${server.output()}`);
      return (await fetch(`${server.baseUrl}/api/v1/health`)).ok ? true : null;
    },
    90_000,
  ).catch((error) => {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${server.output()}`);
  });
  return server;
}

/** SIGTERM to each process still running, and waits for them to exit. */
export async function stopServerProcesses(processes: ServerProcess[]): Promise<void> {
  for (const { child } of processes) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
}

/** One API call to a server process; a status other than 2xx throws with the answer. */
export async function callServer<T>(server: ServerProcess, method: string, path: string, body?: object, token?: string): Promise<T> {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
