import type { DataSource, EntityManager } from 'typeorm';
import type { LiveSessionStatus } from '../../../shared';
import { LiveSessionRow } from './live-session.entity';

/** The moment column each status sets when a session moves into it. */
const STAMP: Partial<Record<LiveSessionStatus, 'startedAt' | 'endedAt' | 'cancelledAt'>> = { live: 'startedAt', ended: 'endedAt', cancelled: 'cancelledAt' };

/** Datetime columns keep whole seconds: a stamp that reads back as written. */
export const wholeSecond = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

/**
 * Moves a session from `from` to `to` by one conditional update on the expected status, so staff's buttons and the
 * sync sweep (or two instances of it) move it once; false when it was no longer in `from`.
 */
export async function moveSessionStatus(db: DataSource | EntityManager, id: number, from: LiveSessionStatus, to: LiveSessionStatus, now: Date): Promise<boolean> {
  const stamp = STAMP[to];
  const moved = await db
    .createQueryBuilder()
    .update(LiveSessionRow)
    .set({ status: to, ...(stamp ? { [stamp]: wholeSecond(now) } : {}) })
    .where('id = :id AND status = :from', { id, from })
    .execute();
  return moved.affected === 1;
}
