// `npm test`: every test of the project, on a fresh machine.
// Installs what is missing (system packages when root, npm dependencies), builds what the browser tests
// serve, then runs: unit tests of the three apps, the API end-to-end suite on SQLite and on MariaDB,
// the browser tests against a running server, and the mini-program package budget.
// Set TEST_STEPS=unit,api-sqlite,... to run a subset while developing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMariaDb, findMariaDbServer } from './support/mariadb.mjs';
import { measureWeappPackages, formatKiB, MAIN_PACKAGE_BUDGET_BYTES } from './support/weapp-size.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const artifacts = join(root, 'test-artifacts');
const CHROMIUM = '/usr/bin/chromium';
const wanted = process.env.TEST_STEPS?.split(',').map((name) => name.trim());
const results = [];

function log(message) {
  console.log(`\n[npm test] ${message}`);
}

function run(command, args, { cwd = root, env = {} } = {}) {
  const child = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, stdio: 'inherit' });
  return child.status === 0;
}

function ensureSystemPackages() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!findMariaDbServer()) missing.push('mariadb-server');
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(`[npm test] missing system packages: ${missing.join(' ')}. Install them with:\n  sudo apt-get install -y ${missing.join(' ')} fonts-noto-cjk`);
    process.exit(1);
  }
  log(`installing ${missing.join(', ')} with apt-get`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (!run('apt-get', ['update', '-qq'], { env }) || !run('apt-get', ['install', '-y', '-qq', ...missing, 'fonts-noto-cjk'], { env })) {
    console.error('[npm test] apt-get failed; install them by hand: apt-get install -y ' + missing.join(' '));
    process.exit(1);
  }
}

function ensureNpmDependencies() {
  // The root install's postinstall installs server/ and server/admin/ too.
  for (const project of ['.', 'server', 'server/admin']) {
    if (!existsSync(join(root, project, 'node_modules'))) {
      log(`installing npm dependencies of ${project}`);
      if (!run('npm', ['install', '--no-audit', '--no-fund'], { cwd: join(root, project) })) process.exit(1);
    }
  }
}

/** Jest and Vitest both write jest-style JSON: numPassedTests / numFailedTests. */
function countsFromJestJson(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: report.numPassedTests, failed: report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0) };
}

/** node:test TAP output ends with "# pass N" / "# fail N". */
function countsFromTap(file) {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const count = (label) => Number(new RegExp(`^# ${label} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') };
}

async function step(name, body) {
  if (wanted && !wanted.includes(name)) return;
  log(`── ${name}`);
  const started = Date.now();
  let outcome;
  try {
    outcome = await body();
  } catch (error) {
    console.error(error);
    outcome = { ok: false };
  }
  const counts = outcome.counts ?? { passed: outcome.ok ? 1 : 0, failed: outcome.ok ? 0 : 1 };
  const ok = outcome.ok && counts.failed === 0;
  results.push({ name, ok, ...counts, seconds: Math.round((Date.now() - started) / 1000) });
}

function jestStep(name, npmArgs, env = {}) {
  return step(name, () => {
    const report = join(artifacts, `${name}.json`);
    rmSync(report, { force: true });
    const ok = run('npm', [...npmArgs, '--', '--json', `--outputFile=${report}`], { env });
    return { ok, counts: countsFromJestJson(report) ?? { passed: 0, failed: 1 } };
  });
}

ensureSystemPackages();
ensureNpmDependencies();
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });

await step('build', () => ({ ok: run('npm', ['run', 'build']) }));

await jestStep('unit-server', ['--prefix', 'server', 'run', 'test']);
await step('unit-admin', () => {
  const report = join(artifacts, 'unit-admin.json');
  const ok = run('npm', ['--prefix', 'server/admin', 'run', 'test', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  return { ok, counts: countsFromJestJson(report) ?? { passed: 0, failed: 1 } };
});
await jestStep('unit-storefront', ['run', 'test:unit']);

await jestStep('api-sqlite', ['--prefix', 'server', 'run', 'test:e2e'], { TEST_DB: 'sqlite' });
await step('api-mariadb', async () => {
  const mariadb = await startMariaDb();
  try {
    const report = join(artifacts, 'api-mariadb.json');
    const ok = run('npm', ['--prefix', 'server', 'run', 'test:e2e', '--', '--json', `--outputFile=${report}`], {
      env: { TEST_DB: 'mariadb', TEST_MARIADB_URL: mariadb.url },
    });
    return { ok, counts: countsFromJestJson(report) ?? { passed: 0, failed: 1 } };
  } finally {
    await mariadb.stop();
  }
});

await step('browser', () => {
  const tap = join(artifacts, 'browser.tap');
  const ok = run(process.execPath, [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    'tests/browser/',
  ]);
  return { ok, counts: countsFromTap(tap) ?? { passed: 0, failed: 1 } };
});

await step('weapp-budget', () => {
  if (!run('npm', ['run', 'build:weapp'])) return { ok: false };
  const sizes = measureWeappPackages(join(root, 'dist', 'weapp'));
  console.log(`main package ${formatKiB(sizes.main)} (budget ${formatKiB(MAIN_PACKAGE_BUDGET_BYTES)})`);
  for (const [rootDir, bytes] of Object.entries(sizes.subpackages)) console.log(`subpackage ${rootDir}: ${formatKiB(bytes)}`);
  return { ok: sizes.main <= MAIN_PACKAGE_BUDGET_BYTES };
});

log('summary');
for (const r of results) {
  console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(16)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds}s`);
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) && results.length > 0 ? 0 : 1);
