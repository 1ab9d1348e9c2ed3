import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnswerCache } from './answer-cache';
import { AnswerTags } from './cache-changes';
import { IdCursor } from './id-cursor';

/** How often each instance looks for changes made through the others. */
export const ANSWER_CACHE_POLL_MS = 250;
/** Stock movements read per poll at most (the rest at the next one). */
const MOVEMENTS_PER_POLL = 1000;
/** At startup the last movements are read again, so rows committing late around the start are not missed. */
const MOVEMENTS_REREAD_AT_START = 200;

interface PollRow {
  tag: string | null;
  n: number | string;
  productId: number | string | null;
}

/**
 * Drops this instance's cached answers for the changes made through OTHER instances, within a poll interval:
 * every ANSWER_CACHE_POLL_MS one statement reads the staff edits' versions (cache_versions, a few rows) and the
 * stock movements written since the last poll (by id: stock_movements' primary key). Only on MySQL/MariaDB: a
 * SQLite database is served by one process, which drops its answers itself after each commit.
 */
@Injectable()
export class AnswerCachePoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AnswerCachePoller');
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private cursor: IdCursor | null = null;
  private versions: Map<string, number> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: AnswerCache,
  ) {}

  /** The first poll (which notes the versions and the last movement) runs before the app serves anything. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.dataSource.options.type === 'better-sqlite3') return;
    await this.poll();
    this.timer = setInterval(() => void this.poll(), ANSWER_CACHE_POLL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * One poll (a call while one runs shares it); a failed one is logged and the next tries again (answers are never
   * older than the cache's max age). The instance's own changes are seen here too: dropped twice, harmlessly.
   */
  poll(): Promise<void> {
    this.polling ??= this.pollOnce().finally(() => (this.polling = null));
    return this.polling;
  }

  private async pollOnce(): Promise<void> {
    try {
      this.cursor ??= await this.startCursor();
      const { after, gaps } = this.cursor.position();
      const rows: PollRow[] = await this.dataSource.query(
        `SELECT name AS tag, version AS n, NULL AS productId FROM cache_versions
         UNION ALL
         SELECT NULL, m.id, m.productId FROM (
           SELECT id, productId FROM stock_movements WHERE id > ?${gaps.length ? ` OR id IN (${gaps.map(() => '?').join(', ')})` : ''}
           ORDER BY id LIMIT ${MOVEMENTS_PER_POLL}
         ) m`,
        [after, ...gaps],
      );
      this.takeVersions(rows.filter((row) => row.tag !== null));
      this.takeMovements(rows.filter((row) => row.tag === null));
    } catch (error) {
      this.logger.warn(`polling for changes failed (tried again in ${ANSWER_CACHE_POLL_MS} ms): ${String(error)}`);
    }
  }

  private async startCursor(): Promise<IdCursor> {
    const [{ id }] = await this.dataSource.query('SELECT COALESCE(MAX(id), 0) AS id FROM stock_movements');
    return new IdCursor(Math.max(0, Number(id) - MOVEMENTS_REREAD_AT_START), { gapLifetimeMs: 120_000, maxGaps: 5_000 });
  }

  private takeVersions(rows: PollRow[]): void {
    const seen = new Map(rows.map((row) => [row.tag!, Number(row.n)]));
    const changed = this.versions ? [...seen].filter(([tag, version]) => this.versions!.get(tag) !== version).map(([tag]) => tag) : [];
    this.versions = seen;
    if (changed.length > 0) this.cache.drop(changed);
  }

  private takeMovements(rows: PollRow[]): void {
    const productOf = new Map(rows.map((row) => [Number(row.n), Number(row.productId)]));
    const fresh = this.cursor!.advance([...productOf.keys()], Date.now());
    if (fresh.length === 0) return;
    const products = new Set(fresh.map((id) => productOf.get(id)!));
    this.cache.drop([AnswerTags.productLists, ...[...products].map(AnswerTags.product)]);
  }
}
