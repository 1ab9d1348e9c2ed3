/**
 * This instance's copies of the shoppers' hot answers, kept SERIALIZED (the JSON bytes sent as they are), by
 * request URL. Each answer carries tags naming what it was made from (`catalog`, `product:12`, …); a change drops
 * every answer carrying one of its tags (cache-changes.ts says which change drops which tags). Least recently used
 * answers leave first once the bytes held pass `maxBytes`; none is served older than `maxAgeMs`, which bounds how
 * stale a figure without its own invalidation may get on other instances (已售, a coupon's 剩余).
 *
 * An answer computed while a change to one of its tags was dropped (it may hold the figures from before) is not
 * kept: `startFill` notes each tag's drop count when the computation starts, `store` compares.
 */
export interface AnswerCacheOptions {
  maxBytes: number;
  maxAgeMs: number;
  now?: () => number;
}

/** Who may be served a stored answer: every caller, or only callers without a member token (visitors). */
export type AnswerAudience = 'everyone' | 'visitors';

interface Entry {
  body: Buffer;
  tags: readonly string[];
  audience: AnswerAudience;
  storedAt: number;
}

/** What a computation started from: the drop counts of its tags at its start. */
export interface FillTicket {
  tags: readonly string[];
  dropsAtStart: number[];
}

export interface AnswerCacheStats {
  /** Answers served from the cache (or from a computation another request started). */
  hits: number;
  /** Cacheable answers computed (not found, too old, or dropped). */
  misses: number;
  entries: number;
  bytes: number;
}

export class AnswerCache {
  /** Insertion order is recency: a hit moves its entry to the end, eviction takes from the front. */
  private readonly entries = new Map<string, Entry>();
  private readonly keysByTag = new Map<string, Set<string>>();
  /** Answers being computed, by URL: requests arriving meanwhile share the computation instead of repeating it. */
  private readonly computing = new Map<string, { computation: Promise<Buffer>; ticket: FillTicket }>();
  private readonly dropsByTag = new Map<string, number>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private readonly now: () => number;

  constructor(private readonly options: AnswerCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The stored answer for this URL, if it is fresh and may go to this caller (counted as a hit). */
  lookup(key: string, hasMemberToken: boolean): Buffer | undefined {
    const entry = this.entries.get(key);
    if (!entry || (hasMemberToken && entry.audience === 'visitors')) return undefined;
    if (this.now() - entry.storedAt > this.options.maxAgeMs) {
      this.remove(key, entry);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits++;
    return entry.body;
  }

  /**
   * The computation of this URL's answer under way, for this request to share (counted as a hit); none when a tag of
   * it was dropped since it started (it may answer the figures from before that change).
   */
  joinComputation(key: string): Promise<Buffer> | undefined {
    const shared = this.computing.get(key);
    if (!shared || this.droppedSince(shared.ticket)) return undefined;
    this.hits++;
    return shared.computation;
  }

  /** Lets requests for this URL share the computation started with this ticket until it settles. */
  shareComputation(key: string, computation: Promise<Buffer>, ticket: FillTicket): void {
    const shared = { computation, ticket };
    this.computing.set(key, shared);
    const forget = () => {
      if (this.computing.get(key) === shared) this.computing.delete(key);
    };
    computation.then(forget, forget);
  }

  /** A cacheable answer is being computed (counted as a miss). */
  startFill(tags: readonly string[]): FillTicket {
    this.misses++;
    return { tags, dropsAtStart: tags.map((tag) => this.dropsByTag.get(tag) ?? 0) };
  }

  /** Keeps the answer unless one of its tags was dropped since its computation started; answers whether it was kept. */
  store(key: string, body: Buffer, ticket: FillTicket, audience: AnswerAudience = 'everyone'): boolean {
    if (this.droppedSince(ticket) || body.length > this.options.maxBytes) return false;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    this.entries.set(key, { body, tags: ticket.tags, audience, storedAt: this.now() });
    this.bytes += body.length;
    for (const tag of ticket.tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.remove(oldest, entry);
    }
    return true;
  }

  /** Drops every answer carrying one of the tags (and keeps computations under way from storing theirs). */
  drop(tags: Iterable<string>): void {
    for (const tag of tags) {
      this.dropsByTag.set(tag, (this.dropsByTag.get(tag) ?? 0) + 1);
      for (const key of this.keysByTag.get(tag) ?? []) {
        const entry = this.entries.get(key);
        if (entry) this.remove(key, entry);
      }
    }
  }

  stats(): AnswerCacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size, bytes: this.bytes };
  }

  private droppedSince(ticket: FillTicket): boolean {
    return ticket.tags.some((tag, index) => (this.dropsByTag.get(tag) ?? 0) !== ticket.dropsAtStart[index]);
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.body.length;
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }
}
