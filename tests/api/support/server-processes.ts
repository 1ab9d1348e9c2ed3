import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

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
