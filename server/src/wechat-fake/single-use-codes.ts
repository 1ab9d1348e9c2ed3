import { randomBytes } from 'node:crypto';

const CODE_TTL_MS = 5 * 60 * 1000;

export type RedeemResult<T> = { ok: true; value: T } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** Codes that are valid for five minutes and can be redeemed once, like wx.login and phone codes. */
export class SingleUseCodes<T> {
  private readonly codes = new Map<string, { value: T; issuedAt: number; used: boolean }>();

  constructor(private readonly now: () => number) {}

  issue(value: T): string {
    this.forgetOld();
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { value, issuedAt: this.now(), used: false });
    return code;
  }

  redeem(code: string): RedeemResult<T> {
    const entry = this.codes.get(code);
    if (!entry) return { ok: false, reason: 'unknown' };
    if (entry.used) return { ok: false, reason: 'used' };
    if (this.now() - entry.issuedAt > CODE_TTL_MS) return { ok: false, reason: 'expired' };
    entry.used = true;
    return { ok: true, value: entry.value };
  }

  /** Used and expired codes are kept a while (so a reuse still reads as "used"), then dropped. */
  private forgetOld(): void {
    const cutoff = this.now() - 2 * CODE_TTL_MS;
    for (const [code, entry] of this.codes) {
      if (entry.issuedAt < cutoff) this.codes.delete(code);
    }
  }
}
