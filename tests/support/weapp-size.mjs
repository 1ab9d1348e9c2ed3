// Measures the WeChat mini-program build: WeChat counts every file outside the subpackage roots as the
// main package (hard limit 2 MB); our budget is 1 MB.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const MAIN_PACKAGE_BUDGET_BYTES = 1024 * 1024;

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

export function measureWeappPackages(weappDir) {
  const appJson = JSON.parse(readFileSync(join(weappDir, 'app.json'), 'utf8'));
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((pkg) => pkg.root.replace(/\/+$/, ''));
  const sizes = { main: 0, subpackages: Object.fromEntries(roots.map((root) => [root, 0])) };
  for (const file of listFiles(weappDir)) {
    const path = relative(weappDir, file).split(sep).join('/');
    const bytes = statSync(file).size;
    const root = roots.find((candidate) => path === candidate || path.startsWith(`${candidate}/`));
    if (root) sizes.subpackages[root] += bytes;
    else sizes.main += bytes;
  }
  return sizes;
}

export function formatKiB(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
