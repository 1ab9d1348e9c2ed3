import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { chinaToday, defaultRange, last30Days, RANGE_PRESETS, rangeFromQuery, rangeProblem, toDayRange } from './date-range';

const today = dayjs('2026-11-22');
const preset = (label: string) => toDayRange(RANGE_PRESETS.find((entry) => entry.label === label)!.range(today));

describe('chinaToday', () => {
  it('is the date in China, 8 hours ahead of UTC', () => {
    expect(chinaToday(new Date('2026-11-22T15:59:59Z')).format('YYYY-MM-DD')).toBe('2026-11-22');
    expect(chinaToday(new Date('2026-11-22T16:00:00Z')).format('YYYY-MM-DD')).toBe('2026-11-23');
  });
});

describe('defaultRange', () => {
  it('opens on the last 6 months, today included', () => {
    expect(defaultRange(today)).toEqual({ from: '2026-05-23', to: '2026-11-22' });
  });

  it('ignores the time of day', () => {
    expect(defaultRange(dayjs('2026-11-22T23:59:00'))).toEqual({ from: '2026-05-23', to: '2026-11-22' });
  });
});

describe('RANGE_PRESETS', () => {
  it('counts both ends as days of the range', () => {
    expect(preset('近 30 天')).toEqual({ from: '2026-10-24', to: '2026-11-22' });
    expect(preset('近 3 个月')).toEqual({ from: '2026-08-23', to: '2026-11-22' });
    expect(preset('近 12 个月')).toEqual({ from: '2025-11-23', to: '2026-11-22' });
    expect(preset('今年')).toEqual({ from: '2026-01-01', to: '2026-11-22' });
  });

  it('offers only ranges the server accepts', () => {
    for (const entry of RANGE_PRESETS) expect(rangeProblem(toDayRange(entry.range(today)))).toBeNull();
    // a leap year's 12 months are 366 days, the longest range allowed
    expect(rangeProblem(toDayRange(RANGE_PRESETS[3].range(dayjs('2028-12-31'))))).toBeNull();
  });
});

describe('rangeProblem', () => {
  it('refuses a range that ends before it starts', () => {
    expect(rangeProblem({ from: '2026-11-02', to: '2026-11-01' })).toBe('结束日期不能早于开始日期');
    expect(rangeProblem({ from: '2026-11-01', to: '2026-11-01' })).toBeNull();
  });

  it('refuses more than 366 days, both ends counted', () => {
    expect(rangeProblem({ from: '2025-01-01', to: '2026-01-01' })).toBeNull(); // 366 days
    expect(rangeProblem({ from: '2025-01-01', to: '2026-01-02' })).toMatch(/最长 366 天/); // 367 days
  });
});

describe('rangeFromQuery', () => {
  const query = (text: string) => rangeFromQuery(new URLSearchParams(text), today);

  it('takes the range of the page address', () => {
    expect(query('from=2025-03-01&to=2025-04-30')).toEqual({ from: '2025-03-01', to: '2025-04-30' });
  });

  it('falls back to the last 6 months for a missing, malformed, impossible or refused range', () => {
    const fallback = { from: '2026-05-23', to: '2026-11-22' };
    expect(query('')).toEqual(fallback);
    expect(query('from=2025-03-01')).toEqual(fallback);
    expect(query('from=2025-3-1&to=2025-04-30')).toEqual(fallback);
    expect(query('from=2025-02-30&to=2025-04-30')).toEqual(fallback);
    expect(query('from=2025-04-30&to=2025-03-01')).toEqual(fallback);
    expect(query('from=2024-01-01&to=2025-04-30')).toEqual(fallback);
  });

  it("falls back to the page's own default when it has one", () => {
    expect(rangeFromQuery(new URLSearchParams(''), today, last30Days)).toEqual({ from: '2026-10-24', to: '2026-11-22' });
    expect(rangeFromQuery(new URLSearchParams('from=2025-03-01&to=2025-04-30'), today, last30Days)).toEqual({ from: '2025-03-01', to: '2025-04-30' });
  });
});
