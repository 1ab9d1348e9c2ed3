// Starts the built server (API + H5 storefront + admin console + fake WeChat) on free ports with a
// throwaway data folder, as `npm start` would, and stops it afterwards.
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
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`server did not become healthy:\n${Buffer.concat(output).toString()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // dataDir: tests that stage a state no API offers write to the SQLite file there.
  return { baseUrl, dataDir, stop, output: () => Buffer.concat(output).toString() };
}
