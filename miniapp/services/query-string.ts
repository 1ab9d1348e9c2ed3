export type QueryValue = string | number | boolean | null | undefined;

/** `{ a: 1, b: undefined, c: '茶' }` → `?a=1&c=%E8%8C%B6`; empty values are left out. */
export function buildQuery(query: Record<string, QueryValue> = {}): string {
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}
