import dayjs from 'dayjs';

/** A server timestamp (ISO 8601) as staff read it, in the browser's time zone. */
export function formatTime(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
}

/** Like formatTime, with a dash for a step that has not happened. */
export function formatOptionalTime(iso: string | null | undefined): string {
  return iso ? formatTime(iso) : '—';
}
