// `npm start`: builds whatever the one server process serves and is missing or older than its sources
// (H5 storefront, admin console, server), then runs the server in the foreground.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const parts = [
  { name: '店铺 H5', output: 'dist/h5/index.html', sources: ['miniapp', 'shared', 'config'], build: ['run', 'build:h5'] },
  { name: '管理后台', output: 'server/admin/dist/index.html', sources: ['server/admin/src', 'shared'], build: ['run', 'build:admin'] },
  { name: '服务端', output: 'server/dist/server/src/main.js', sources: ['server/src', 'shared'], build: ['run', 'build:server'] },
];

function newestMtime(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stats.mtimeMs);
}

for (const part of parts) {
  const output = join(root, part.output);
  const sourcesTime = Math.max(...part.sources.map((source) => newestMtime(join(root, source))));
  if (existsSync(output) && statSync(output).mtimeMs >= sourcesTime) continue;
  console.log(`构建${part.name}（首次启动或代码有更新）…`);
  const result = spawnSync('npm', part.build, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`构建${part.name}失败，请查看上面的输出。`);
    process.exit(result.status ?? 1);
  }
}

const server = spawn(process.execPath, [join(root, parts[2].output)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
