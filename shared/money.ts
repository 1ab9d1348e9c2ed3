/** Money is integer fen (分) everywhere: in the database, the API and the UI code. */
export type Fen = number;

/** Formats fen for display only, e.g. 1990 → "19.90". */
export function formatFen(fen: Fen): string {
  if (!Number.isInteger(fen)) throw new Error(`money must be integer fen, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

/** Formats fen with the currency sign, e.g. 1990 → "¥19.90". */
export function formatYuan(fen: Fen): string {
  return `¥${formatFen(fen)}`;
}

/**
 * Parses a yuan amount typed by a person ("19.9", "19.90", "20") into fen without floating point.
 * Returns null when the text is not a non-negative amount with at most two decimals.
 */
export function parseYuanToFen(text: string): Fen | null {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const cents = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(cents);
}

/** Yuan without trailing zeros, as coupon rules and names print it: 3000 → "30", 3050 → "30.5", 3005 → "30.05". */
export function compactYuan(fen: Fen): string {
  return formatFen(fen).replace(/\.00$/, '').replace(/(\.\d)0$/, '$1');
}

/** Whole amounts without ".00" (¥99, ¥1000), others with both cents (¥12.30, ¥12.34): the member center's amounts. */
export function roundYuan(fen: Fen): string {
  const text = formatFen(fen);
  return `¥${text.endsWith('.00') ? text.slice(0, -3) : text}`;
}
