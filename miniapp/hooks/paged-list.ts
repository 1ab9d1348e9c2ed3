import type { ProductSummary } from '@shared/api/catalog';

/** Appends a page, skipping products already shown (a product can shift pages when the catalog changes). */
export function appendPage(shown: ProductSummary[], page: ProductSummary[]): ProductSummary[] {
  const seen = new Set(shown.map((product) => product.id));
  return [...shown, ...page.filter((product) => !seen.has(product.id))];
}

/** Whether another page exists: fewer products shown than the total, and the last page was not empty. */
export function hasMorePages(shownCount: number, total: number, lastPageSize: number): boolean {
  return lastPageSize > 0 && shownCount < total;
}
