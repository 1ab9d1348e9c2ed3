import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SERVER_SRC = join(__dirname, '..', '..');

/** The server's source files (not specs), relative to src/, with their text. */
function sources(dir = SERVER_SRC): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    if (!path.endsWith('.ts') || path.endsWith('.spec.ts')) return [];
    return [{ path: relative(SERVER_SRC, path), text: readFileSync(path, 'utf8') }];
  });
}

/** Rules a new file could break without any test of its own noticing: each names the class of bug it prevents. */
describe('server source rules', () => {
  const files = sources();
  const offenders = (pattern: RegExp, allowed: string[]) =>
    files.filter((file) => pattern.test(file.text) && !allowed.includes(file.path)).map((file) => file.path);

  it('optional request fields use OptionalField, not IsOptional (which lets null through to services that do not expect it)', () => {
    // The checkout's memberCouponId is the one field where null is a value ("no coupon"), said where it is declared.
    expect(offenders(/\bIsOptional\s*\(/, ['orders/order.dto.ts'])).toEqual([]);
  });

  it('every CSV export is written by csvDocument (formula-like cells neutralised) and sent with CsvDownload (errors stay JSON)', () => {
    expect(offenders(/csv-stringify/, ['platform/http/csv-document.ts'])).toEqual([]);
    expect(offenders(/['"]text\/csv/, ['platform/http/csv-document.ts'])).toEqual([]);
  });

  it('order statuses change only through OrderProcess (a bare conditional update would skip the guards and hooks other domains registered)', () => {
    expect(offenders(/from '[^']*\/order-transition'/, ['orders/process/order-process.ts'])).toEqual([]);
  });
});
