import { formatDate, formatDateTime, monthDay } from './date-time';

// Built in local time, so the expected texts do not depend on the machine's time zone.
const local = (month: number, day: number, hour = 0, minute = 0, year = 2026) => new Date(year, month - 1, day, hour, minute).toISOString();
const now = new Date(2026, 10, 22, 10, 0, 0);

describe('dates as the storefront writes them', () => {
  it('writes the day, and the day with the time, zero-padded', () => {
    expect(formatDate(local(5, 1, 18, 5))).toBe('2026-05-01');
    expect(formatDateTime(local(5, 1, 18, 5))).toBe('2026-05-01 18:05');
  });

  it('adds the year to a month and day only when it is not this year', () => {
    expect(monthDay(local(11, 30, 23, 59), now)).toBe('11月30日');
    expect(monthDay(local(1, 5, 0, 0, 2027), now)).toBe('2027年1月5日');
  });
});
