/**
 * Chinese shops state a percentage discount as 折 (the tenths of the price the shopper pays): 88% → 8.8折.
 * Coupons carry it as an integer percent (payPercent 1..99); these convert without floating point.
 */

/** 88 → "8.8", 80 → "8", 5 → "0.5". */
export function payPercentToFold(payPercent: number): string {
  const tenths = payPercent % 10;
  return `${Math.floor(payPercent / 10)}${tenths ? `.${tenths}` : ''}`;
}

/** "8.8" → 88, "8" → 80, "0.5" → 5; null for text that is not a 折 between 0.1 and 9.9 with at most one decimal. */
export function foldToPayPercent(text: string): number | null {
  const match = /^\s*(\d)(?:\.(\d))?\s*$/.exec(text);
  if (!match) return null;
  const percent = Number(match[1]) * 10 + Number(match[2] ?? '0');
  return percent >= 1 && percent <= 99 ? percent : null;
}
