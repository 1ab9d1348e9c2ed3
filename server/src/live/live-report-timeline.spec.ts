import { MAX_TIMELINE_POINTS, timelineFrame } from './live-report-timeline';
import { HOUR_MS } from './live-time';

const start = new Date('2026-03-01T12:00:00Z');
const session = (hours: number, endedAfterHours: number | null = null, startedAt: Date | null = null) => ({
  plannedStartAt: start,
  startedAt,
  plannedEndAt: new Date(start.getTime() + hours * HOUR_MS),
  endedAt: endedAfterHours === null ? null : new Date(start.getTime() + endedAfterHours * HOUR_MS),
});
const later = new Date('2027-01-01T00:00:00Z');

describe('a live session timeline', () => {
  it('picks the smallest bucket that keeps the whole span within 60 buckets', () => {
    // 1 h before + 2 h live + 24 h window = 1620 min: 15-min buckets would be 108, 30-min ones are 54.
    expect(timelineFrame(session(2), 24, later)).toEqual({ startMs: start.getTime() - HOUR_MS, endMs: start.getTime() + 26 * HOUR_MS, bucketMinutes: 30, points: 54 });
    // 1 + 1 + 1 = 180 min: 5-min buckets, 36 of them.
    expect(timelineFrame(session(1), 1, later)).toMatchObject({ bucketMinutes: 5, points: 36 });
    // 1 + 2 + 168 = 10260 min: 180-min buckets (57).
    expect(timelineFrame(session(2), 168, later)).toMatchObject({ bucketMinutes: 180, points: 57 });
    // A session planned for 90 days: whole days, still at most 60 buckets.
    const long = timelineFrame(session(90 * 24), 24, later);
    expect(long.bucketMinutes % 1440).toBe(0);
    expect(long.points).toBeLessThanOrEqual(MAX_TIMELINE_POINTS);
  });

  it('runs to the window after the actual end, when the session ended', () => {
    // Ended after 1 h instead of 2: 1 + 1 + 24 h.
    expect(timelineFrame(session(2, 1), 24, later)).toMatchObject({ endMs: start.getTime() + 25 * HOUR_MS, bucketMinutes: 30, points: 52 });
  });

  it('stops at now (a partial last bucket counts) and has no buckets before it begins', () => {
    expect(timelineFrame(session(2), 24, new Date(start.getTime() + 61 * 60_000))).toMatchObject({ bucketMinutes: 30, points: 5 });
    expect(timelineFrame(session(2), 24, new Date(start.getTime() - 2 * HOUR_MS))).toMatchObject({ bucketMinutes: 30, points: 0 });
  });

  it('starts earlier when the session started early, never at an earlier touch or order', () => {
    // Started 3 h early: 3 + 2 + 24 h = 29 h from the actual start, 30-min buckets (58).
    const early = new Date(start.getTime() - 3 * HOUR_MS);
    expect(timelineFrame(session(2, null, early), 24, later)).toMatchObject({ startMs: early.getTime(), bucketMinutes: 30, points: 58 });
    // Started after the planned start − 1 h: the frame keeps the plan's start.
    expect(timelineFrame(session(2, null, start), 24, later)).toEqual(timelineFrame(session(2), 24, later));
  });
});
