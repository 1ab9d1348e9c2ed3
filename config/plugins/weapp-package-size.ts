import fs from 'node:fs';
import path from 'node:path';
import type { IPluginContext } from '@tarojs/service';

/** Our budget for the main package; WeChat refuses anything over 2 MB. */
const MAIN_PACKAGE_BUDGET_BYTES = 1024 * 1024;

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

/** Splits the built files by package the way WeChat counts them: everything outside a subpackage root is main. */
export function measureWeappPackages(weappDir: string) {
  const appJson = JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8'));
  const roots: string[] = (appJson.subPackages ?? appJson.subpackages ?? []).map((pkg: { root: string }) =>
    pkg.root.replace(/\/+$/, ''),
  );
  const sizes = { main: 0, total: 0, subpackages: Object.fromEntries(roots.map((root) => [root, 0])) };
  for (const file of listFiles(weappDir)) {
    const relative = path.relative(weappDir, file).split(path.sep).join('/');
    const bytes = fs.statSync(file).size;
    const root = roots.find((candidate) => relative === candidate || relative.startsWith(`${candidate}/`));
    if (root) sizes.subpackages[root] += bytes;
    else sizes.main += bytes;
    sizes.total += bytes;
  }
  return sizes;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * After every weapp build, prints the main package and subpackage sizes, and fails a one-off build whose
 * main package is over budget (a watch build only warns, so development keeps going).
 */
export default (ctx: IPluginContext) => {
  ctx.onBuildFinish(({ error, isWatch }: { error?: unknown; isWatch: boolean }) => {
    if (error || process.env.TARO_ENV !== 'weapp') return;
    const sizes = measureWeappPackages(ctx.paths.outputPath);
    const overBudget = sizes.main > MAIN_PACKAGE_BUDGET_BYTES;
    console.log(`\n[weapp] main package ${kib(sizes.main)} (budget ${kib(MAIN_PACKAGE_BUDGET_BYTES)})`);
    for (const [root, bytes] of Object.entries(sizes.subpackages)) console.log(`[weapp] subpackage ${root}: ${kib(bytes)}`);
    console.log(`[weapp] total ${kib(sizes.total)}`);
    if (overBudget) {
      console.error(`[weapp] the main package is over budget: move pages into subpackages or trim dependencies`);
      if (!isWatch) process.exitCode = 1;
    }
  });
};
