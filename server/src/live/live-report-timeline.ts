import type { LiveSessionRow } from './live-session.entity';
import { HOUR_MS, MINUTE_MS } from './live-time';

const DAY_MINUTES = 1440;
/** A timeline has at most this many buckets: the smallest bucket size that keeps it so. */
export const MAX_TIMELINE_POINTS = 60;
/** Bucket sizes a chart reads easily; beyond a day, whole days. */
const BUCKET_MINUTES = [5, 10, 15, 30, 60, 120, 180, 360, 720, DAY_MINUTES];

/** Where a session's timeline starts and stops (epoch ms), its bucket size and how many buckets there are so far. */
export interface TimelineFrame {
  startMs: number;
  endMs: number;
  bucketMinutes: number;
  points: number;
}

/**
 * A session's timeline: from an hour before the planned start (or its actual start when earlier; anything before that
 * is summed into one leading 「开播前」 point by the report, not charted by bucket) to the attribution window's end
 * after the session ended (or, until it has, its planned end), cut at `now`. The bucket size is chosen for the whole
 * span, so it does not change while the session runs; a session not begun and without events has no buckets.
 */
export function timelineFrame(
  session: Pick<LiveSessionRow, 'plannedStartAt' | 'plannedEndAt' | 'startedAt' | 'endedAt'>,
  windowHours: number,
  now: Date,
): TimelineFrame {
  const startMs = Math.min(session.plannedStartAt.getTime() - HOUR_MS, session.startedAt?.getTime() ?? Infinity);
  const fullEndMs = (session.endedAt ?? session.plannedEndAt).getTime() + windowHours * HOUR_MS;
  const spanMinutes = Math.max(0, fullEndMs - startMs) / MINUTE_MS;
  const bucketMinutes =
    BUCKET_MINUTES.find((minutes) => spanMinutes / minutes <= MAX_TIMELINE_POINTS) ?? Math.ceil(spanMinutes / MAX_TIMELINE_POINTS / DAY_MINUTES) * DAY_MINUTES;
  const endMs = Math.min(fullEndMs, now.getTime());
  const points = endMs > startMs ? Math.ceil((endMs - startMs) / (bucketMinutes * MINUTE_MS)) : 0;
  return { startMs, endMs, bucketMinutes, points };
}
