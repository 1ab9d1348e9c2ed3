import { IdCursor } from './id-cursor';

describe('IdCursor', () => {
  const cursor = (start = 0) => new IdCursor(start, { gapLifetimeMs: 1000, maxGaps: 100 });

  it('answers each id once, in order, and moves past them', () => {
    const ids = cursor(10);
    expect(ids.advance([12, 11], 0)).toEqual([11, 12]);
    expect(ids.advance([12], 0)).toEqual([]);
    expect(ids.position()).toEqual({ after: 12, gaps: [] });
  });

  it('asks again for ids skipped over (committed late) until they show up', () => {
    const ids = cursor(0);
    expect(ids.advance([1, 4], 0)).toEqual([1, 4]);
    expect(ids.position()).toEqual({ after: 4, gaps: [2, 3] });
    expect(ids.advance([3, 5], 100)).toEqual([3, 5]);
    expect(ids.position()).toEqual({ after: 5, gaps: [2] });
  });

  it('forgets a gap after its lifetime (a rolled-back insert never shows up)', () => {
    const ids = cursor(0);
    ids.advance([2], 0);
    ids.advance([], 1000);
    expect(ids.position().gaps).toEqual([1]);
    ids.advance([], 1001);
    expect(ids.position().gaps).toEqual([]);
  });

  it('keeps at most maxGaps gaps', () => {
    const ids = new IdCursor(0, { gapLifetimeMs: 1000, maxGaps: 3 });
    ids.advance([100], 0);
    expect(ids.position()).toEqual({ after: 100, gaps: [1, 2, 3] });
  });
});
