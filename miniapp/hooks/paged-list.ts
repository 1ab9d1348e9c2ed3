/** Appends a page, skipping items already shown (an item can shift pages when the list changes meanwhile). */
export function appendPage<T>(shown: T[], page: T[], keyOf: (item: T) => string | number): T[] {
  const seen = new Set(shown.map(keyOf));
  return [...shown, ...page.filter((item) => !seen.has(keyOf(item)))];
}

/** Whether another page exists: fewer items shown than the total, and the last page was not empty. */
export function hasMorePages(shownCount: number, total: number, lastPageSize: number): boolean {
  return lastPageSize > 0 && shownCount < total;
}
