/**
 * Reads an append-only table (auto-increment ids) as a log, without missing rows that commit late. On
 * MariaDB a row's id is taken at its insert and the row is seen only at its commit, so a poll may see id 101
 * before 100 commits. Ids skipped over are kept as gaps and asked for again until they show up or `gapLifetimeMs`
 * passes (a rolled-back insert never shows up; transactions last well under that).
 */
export interface IdCursorOptions {
  gapLifetimeMs: number;
  maxGaps: number;
}

export class IdCursor {
  private last: number;
  private readonly gaps = new Map<number, number>();

  constructor(
    start: number,
    private readonly options: IdCursorOptions,
  ) {
    this.last = start;
  }

  /** What the next read asks for: ids after `after`, and the `gaps` below it. */
  position(): { after: number; gaps: number[] } {
    return { after: this.last, gaps: [...this.gaps.keys()] };
  }

  /** Takes in the ids a read answered (any order); answers those not seen before. */
  advance(ids: number[], now: number): number[] {
    const fresh: number[] = [];
    for (const id of [...ids].sort((a, b) => a - b)) {
      if (id > this.last) {
        for (let gap = this.last + 1; gap < id && this.gaps.size < this.options.maxGaps; gap++) this.gaps.set(gap, now);
        this.last = id;
        fresh.push(id);
      } else if (this.gaps.delete(id)) {
        fresh.push(id);
      }
    }
    for (const [id, noticedAt] of this.gaps) if (now - noticedAt > this.options.gapLifetimeMs) this.gaps.delete(id);
    return fresh;
  }
}
