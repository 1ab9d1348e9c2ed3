import { addDays, addMonths, chinaDay, daysBetween, isCalendarDay, monthsThrough, startOfChinaDay } from './china-calendar';

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
