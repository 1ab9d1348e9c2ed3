// Starts the built server (API + H5 storefront + admin console + fake WeChat) on free ports with a
// throwaway data folder, as `npm start` would (demo store and demo history included), and stops it afterwards.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../support/ports.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const serverMain = join(root, 'server', 'dist', 'server', 'src', 'main.js');

export async function startAppServer() {
  if (!existsSync(serverMain)) throw new Error(`server is not built (${serverMain}); run npm run build`);
  const dataDir = mkdtempSync(join(tmpdir(), 'storefront-browser-'));
  const port = await freePort();
  const output = [];
  const child = spawn(process.execPath, [serverMain], {
    cwd: root,
    env: { ...process.env, PORT: String(port), WECHAT_FAKE_PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  // A fresh data folder: the server also writes the demo history (SEED_DEMO_HISTORY), after it listens. The tests
  // start once it is written, so they see the shop a first `npm start` shows and no figure moves under them.
  const deadline = Date.now() + 180_000;
  const text = () => Buffer.concat(output).toString();
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.ok && (text().includes('[演示历史] 已写入') || process.env.SEED_DEMO_HISTORY === 'false')) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline || text().includes('[演示历史] 写入失败')) {
      await stop();
      throw new Error(`server did not become ready:\n${text()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // dataDir: tests that stage a state no API offers write to the SQLite file there.
  return { baseUrl, dataDir, stop, output: text };
}
