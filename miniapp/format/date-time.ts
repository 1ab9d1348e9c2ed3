const pad = (value: number) => String(value).padStart(2, '0');

/** An API timestamp in the shopper's local time, e.g. 2026-05-01 18:05. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return `${formatDate(iso)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An API timestamp's day in the shopper's local time, e.g. 2026-05-01. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
