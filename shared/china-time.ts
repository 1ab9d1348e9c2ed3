/**
 * China time (UTC+8, no daylight saving), the one place that knows the offset. Days are `YYYY-MM-DD`, months
 * `YYYY-MM`: figures count days and months as the shop and its staff live them, on both databases alike and
 * wherever the server or the browser runs, so the arithmetic happens here rather than in SQL date functions
 * or the machine's time zone.
 */
export const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** An instant's wall clock in China. */
export interface ChinaClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function chinaClock(instant: Date): ChinaClock {
  const china = new Date(instant.getTime() + CHINA_OFFSET_MS);
  return {
    year: china.getUTCFullYear(),
    month: china.getUTCMonth() + 1,
    day: china.getUTCDate(),
    hour: china.getUTCHours(),
    minute: china.getUTCMinutes(),
    second: china.getUTCSeconds(),
  };
}

/** 2026-11-22 15:30:05 in China, as exports and the console write a moment. */
export function chinaDateTime(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * RFC 3339 in China time, the form WeChat reads and writes: 2026-11-22T15:30:05+08:00, or with milliseconds
 * (2026-11-22T15:30:05.000+08:00) where an API documents them.
 */
export function chinaRfc3339(instant: Date, withMillis = false): string {
  const text = new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString();
  return `${withMillis ? text.slice(0, 23) : text.slice(0, 19)}+08:00`;
}

/** The China date of an instant. */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China date starts (00:00 in China). */
export function startOfChinaDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The month of a day or an instant (China). */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function addMonths(month: string, months: number): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const index = year * 12 + (monthNumber - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months from `first` through `last`, both included. */
export function monthsThrough(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** Whether a `YYYY-MM-DD` string names a real calendar day (2026-02-30 does not). */
export function isCalendarDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
}
