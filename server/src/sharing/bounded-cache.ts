/**
 * A least-recently-used map of promised values bounded by entry count and by total bytes (of settled values).
 * Holding the promise makes concurrent askers of one key share one computation; a rejected computation is
 * dropped so the next ask tries again.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; bytes: number }>();
  private totalBytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value of `key`, computed by `compute` only when it is not held (or was evicted). */
  get(key: string, compute: () => Promise<V>): Promise<V> {
    const held = this.entries.get(key);
    if (held) {
      // Most recently used goes last; eviction takes from the front.
      this.entries.delete(key);
      this.entries.set(key, held);
      return held.value;
    }
    const entry = { value: compute(), bytes: 0 };
    this.entries.set(key, entry);
    entry.value.then(
      (value) => {
        if (this.entries.get(key) !== entry) return;
        entry.bytes = this.sizeOf(value);
        this.totalBytes += entry.bytes;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    this.evict();
    return entry.value;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.totalBytes <= this.maxBytes) return;
      this.entries.delete(key);
      this.totalBytes -= entry.bytes;
    }
  }
}
