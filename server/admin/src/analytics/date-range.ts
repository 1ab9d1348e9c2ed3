import { MAX_ANALYTICS_RANGE_DAYS } from '@shared/api/analytics';
import { chinaDay } from '@shared/china-time';
import dayjs, { type Dayjs } from 'dayjs';

/** A day range as the analytics endpoints take it: both ends included, YYYY-MM-DD (China time). */
export interface DayRange {
  from: string;
  to: string;
}

const DAY = 'YYYY-MM-DD';

export interface RangePreset {
  label: string;
  /** The range this preset means on `today`. */
  range: (today: Dayjs) => [Dayjs, Dayjs];
}

/** The ranges staff pick most, offered beside the picker. */
export const RANGE_PRESETS: RangePreset[] = [
  { label: '近 30 天', range: (today) => [today.subtract(29, 'day'), today] },
  { label: '近 3 个月', range: (today) => [today.subtract(3, 'month').add(1, 'day'), today] },
  { label: '近 6 个月', range: (today) => [today.subtract(6, 'month').add(1, 'day'), today] },
  { label: '近 12 个月', range: (today) => [today.subtract(12, 'month').add(1, 'day'), today] },
  { label: '今年', range: (today) => [today.startOf('year'), today] },
];

/**
 * Today's date in China (UTC+8, no daylight saving), as the server counts days: a browser elsewhere (or a
 * laptop on UTC) would otherwise leave out the orders paid since midnight in China.
 */
export function chinaToday(now: Date = new Date()): Dayjs {
  return dayjs(chinaDay(now));
}

/** The dashboard opens on the last 6 months: long enough for the cohort table to have a few filled columns. */
export function defaultRange(today: Dayjs = chinaToday()): DayRange {
  return toDayRange(RANGE_PRESETS[2].range(today.startOf('day')));
}

export function toDayRange([from, to]: [Dayjs, Dayjs]): DayRange {
  return { from: from.format(DAY), to: to.format(DAY) };
}

export function fromDayRange(range: DayRange): [Dayjs, Dayjs] {
  return [dayjs(range.from), dayjs(range.to)];
}

/** The last 30 days, today included (the referral report opens on it). */
export function last30Days(today: Dayjs = chinaToday()): DayRange {
  return toDayRange(RANGE_PRESETS[0].range(today.startOf('day')));
}

/**
 * The range in the page address (`?from=&to=`, so a link or a reload shows the same figures), or the page's
 * default range when the address has none or one the server would refuse.
 */
export function rangeFromQuery(params: URLSearchParams, today: Dayjs = chinaToday(), fallback: (today: Dayjs) => DayRange = defaultRange): DayRange {
  const from = params.get('from');
  const to = params.get('to');
  // A real calendar day written as YYYY-MM-DD (2025-02-30 would silently become March 2).
  const isDay = (text: string | null): text is string => text !== null && /^\d{4}-\d{2}-\d{2}$/.test(text) && dayjs(text).format(DAY) === text;
  if (isDay(from) && isDay(to) && rangeProblem({ from, to }) === null) return { from, to };
  return fallback(today);
}

/** Why the server would refuse the range (checked here so staff read it before asking), or null when it is fine. */
export function rangeProblem(range: DayRange): string | null {
  const [from, to] = fromDayRange(range);
  if (to.isBefore(from)) return '结束日期不能早于开始日期';
  const days = to.diff(from, 'day') + 1;
  if (days > MAX_ANALYTICS_RANGE_DAYS) return `时间范围最长 ${MAX_ANALYTICS_RANGE_DAYS} 天，请缩短后再查询`;
  return null;
}
