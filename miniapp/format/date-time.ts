const pad = (value: number) => String(value).padStart(2, '0');

/** An API timestamp's day in the shopper's local time, e.g. 2026-05-01. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** An API timestamp in the shopper's local time, e.g. 2026-05-01 18:05. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return `${formatDate(iso)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** 11月30日, with the year when it is not the current one (2027年1月5日). */
export function monthDay(iso: string, now: Date): string {
  const date = new Date(iso);
  const year = date.getFullYear() === now.getFullYear() ? '' : `${date.getFullYear()}年`;
  return `${year}${date.getMonth() + 1}月${date.getDate()}日`;
}
