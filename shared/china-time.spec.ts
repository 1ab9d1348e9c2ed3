import { addDays, addMonths, chinaClock, chinaDateTime, chinaDay, chinaRfc3339, daysBetween, isCalendarDay, monthsThrough, startOfChinaDay } from './china-time';

describe('China calendar', () => {
  it('dates an instant in China, where the day starts 8 hours before UTC', () => {
    expect(chinaDay(new Date('2025-03-31T15:59:59Z'))).toBe('2025-03-31');
    expect(chinaDay(new Date('2025-03-31T16:00:00Z'))).toBe('2025-04-01');
    expect(startOfChinaDay('2025-04-01')).toEqual(new Date('2025-03-31T16:00:00Z'));
  });

  it('counts days and months across month and year ends', () => {
    expect(daysBetween('2025-02-20', '2025-03-08')).toBe(16);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(monthsThrough('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('tells real days from impossible ones', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2025-13-01')).toBe(false);
    expect(isCalendarDay('2025-3-01')).toBe(false);
  });
});

describe('China wall clock', () => {
  it('writes RFC 3339 in +08:00, with milliseconds only when asked', () => {
    expect(chinaRfc3339(new Date(Date.UTC(2018, 5, 8, 2, 34, 56, 789)))).toBe('2018-06-08T10:34:56+08:00');
    expect(chinaRfc3339(new Date(Date.UTC(2026, 11, 31, 20, 0, 0)))).toBe('2027-01-01T04:00:00+08:00');
    expect(chinaRfc3339(new Date(Date.UTC(2026, 10, 22, 7, 30, 0, 5)), true)).toBe('2026-11-22T15:30:00.005+08:00');
  });

  it('reads the date and time a person in China sees, across the UTC day edge', () => {
    expect(chinaDateTime(new Date('2026-11-22T16:05:09Z'))).toBe('2026-11-23 00:05:09');
    expect(chinaClock(new Date('2026-12-31T16:00:00Z'))).toEqual({ year: 2027, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
  });
});
