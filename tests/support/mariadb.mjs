// Starts a throwaway MariaDB server on a free loopback port for one test run, and stops it.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.mjs';

const SERVER_BINARIES = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'];

export function findMariaDbServer() {
  return SERVER_BINARIES.find((path) => existsSync(path)) ?? null;
}

export async function startMariaDb() {
  const serverBinary = findMariaDbServer();
  if (!serverBinary) throw new Error('MariaDB is not installed (apt-get install -y mariadb-server)');
  const dir = mkdtempSync(join(tmpdir(), 'storefront-mariadb-'));
  const dataDir = join(dir, 'data');
  const socket = join(dir, 'mariadb.sock');
  execFileSync(
    'mariadb-install-db',
    ['--no-defaults', `--datadir=${dataDir}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'],
    { stdio: 'ignore' },
  );
  const port = await freePort();
  const child = spawn(
    serverBinary,
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      '--user=root',
      '--bind-address=127.0.0.1',
      `--port=${port}`,
      `--socket=${socket}`,
      `--pid-file=${join(dir, 'mariadb.pid')}`,
      '--skip-name-resolve',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
      '--max-connections=500',
      '--skip-log-bin',
      `--log-error=${join(dir, 'error.log')}`,
    ],
    { stdio: 'ignore' },
  );
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      execFileSync('mariadb-admin', ['--no-defaults', '--protocol=tcp', '-h127.0.0.1', `-P${port}`, '-uroot', 'ping'], {
        stdio: 'ignore',
      });
      break;
    } catch {
      if (child.exitCode !== null || Date.now() > deadline) {
        await stop();
        throw new Error('MariaDB did not start within 30 s');
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { url: `mysql://root@127.0.0.1:${port}/`, port, pid: child.pid, stop };
}
