import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { loadConfig } from '../../../server/src/platform/config/app-config';
import { FakeWechatServer } from '../../../server/src/wechat-fake/fake-wechat-server';

/**
 * Real server processes for the tests that need more than one instance on one database: each runs
 * server/src/main.ts from its TypeScript sources (compiled on load by swc: ts-register.cjs).
 */
const REPO_ROOT = join(__dirname, '..', '..', '..');

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  output(): string;
}

/**
 * The environment of server processes sharing one database, and the fake WeChat they all talk to (started here,
 * the test's own): the demo store without coupons or history, logs at warn; `extra` adds to it.
 */
export async function sharedServerEnv(options: { dataDir: string; databaseUrl: string; jwtSecret: string; extra?: NodeJS.ProcessEnv }) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl,
    JWT_SECRET: options.jwtSecret,
    SEED_DEMO: 'true',
    SEED_DEMO_COUPONS: 'false',
    SEED_DEMO_HISTORY: 'false',
    LOG_LEVEL: 'warn',
    WECHAT_MODE: 'fake',
    WECHAT_FAKE_PORT: '0',
    ...options.extra,
  };
  // The configuration every process will load makes the fake merchant under DATA_DIR, which this fake then knows.
  const config = loadConfig(env);
  const fake = new FakeWechatServer({ appid: config.wechat.appid, secret: config.wechat.secret, pay: config.wechatPay.fake! });
  await fake.start(0);
  env.WECHAT_API_BASE = fake.url;
  env.WECHAT_PAY_API_BASE = fake.url;
  return { env, fake, config };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads until the answer is not null (a read that throws counts as null), or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, read: () => Promise<T | null>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Starts the server on a free port with this environment and waits until it answers its health check. */
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
    throw new Error(`${(error as Error).message}\n${server.output()}`);
  });
  return server;
}

/** SIGTERM to each process still running, and waits for it to exit. */
export async function stopServerProcesses(processes: ServerProcess[]): Promise<void> {
  for (const { child } of processes) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
}

/** One API call; a status other than 2xx throws with the answer. */
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
