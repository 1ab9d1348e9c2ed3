/**
 * Time left to pay, as the order shows it: 29分05秒, or 1小时02分03秒 past an hour; null once it ran out.
 * Whole seconds, rounded down, so the display never promises a second that is not there.
 */
export function formatCountdown(deadlineAt: string | Date, now: number): string | null {
  const left = Math.floor((new Date(deadlineAt).getTime() - now) / 1000);
  if (!(left > 0)) return null;
  const hours = Math.floor(left / 3600);
  const minutes = Math.floor((left % 3600) / 60);
  const seconds = left % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}小时${pad(minutes)}分${pad(seconds)}秒` : `${pad(minutes)}分${pad(seconds)}秒`;
}
