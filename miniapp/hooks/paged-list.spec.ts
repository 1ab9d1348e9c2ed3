import type { ProductSummary } from '@shared/api/catalog';
import { appendPage, hasMorePages } from './paged-list';

const product = (id: number): ProductSummary => ({
  id,
  title: `商品${id}`,
  subtitle: '',
  coverUrl: '',
  minPriceFen: 100,
  originalPriceFen: null,
  priceVaries: false,
  salesCount: 0,
  tags: [],
  inStock: true,
});

describe('paged lists', () => {
  it('appends the next page without repeating products already shown', () => {
    const merged = appendPage([product(1), product(2)], [product(2), product(3)], (p) => p.id);
    expect(merged.map((p) => p.id)).toEqual([1, 2, 3]);
  });

  it('has more while fewer products are shown than the total', () => {
    expect(hasMorePages(10, 25, 10)).toBe(true);
    expect(hasMorePages(25, 25, 5)).toBe(false);
  });

  it('stops when a page comes back empty even if the total says otherwise', () => {
    expect(hasMorePages(10, 25, 0)).toBe(false);
  });
});
