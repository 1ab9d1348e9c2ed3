import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Source files of the server (not specs), recursively. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('optional request fields', () => {
  it('use OptionalField, not IsOptional (which lets null through to services that do not expect it)', () => {
    const root = join(__dirname, '..', '..');
    // The checkout's memberCouponId is the one field where null is a value ("no coupon"), said where it is declared.
    const allowed = new Set(['orders/order.dto.ts']);
    const offenders = sourceFiles(root)
      .filter((path) => /\bIsOptional\s*\(/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(root, path))
      .filter((path) => !allowed.has(path));
    expect(offenders).toEqual([]);
  });
});
