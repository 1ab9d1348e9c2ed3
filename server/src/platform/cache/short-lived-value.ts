/**
 * A value read from the database and then shared by the requests of the next `ttlMs` on this instance:
 * for settings that every order reads, where a few seconds of delay after a change (on other instances)
 * is worth a query per order. A failed read is not kept; `forget()` makes the next `get()` read again.
 */
export class ShortLivedValue<T> {
  private cached: { value: Promise<T>; readAt: number } | null = null;

  constructor(
    private readonly ttlMs: number,
    private readonly read: () => Promise<T>,
  ) {}

  /**
   * `read`, when given, is how a stale value is read this time: inside a transaction, with the transaction's
   * manager, so the transaction never waits for a second pooled connection (with every connection held by
   * transactions waiting so, the pool would wait forever).
   */
  get(read: () => Promise<T> = this.read): Promise<T> {
    const now = Date.now();
    if (this.cached && now - this.cached.readAt < this.ttlMs) return this.cached.value;
    const entry = { value: read(), readAt: now };
    this.cached = entry;
    entry.value.catch(() => {
      if (this.cached === entry) this.cached = null;
    });
    return entry.value;
  }

  forget(): void {
    this.cached = null;
  }
}
