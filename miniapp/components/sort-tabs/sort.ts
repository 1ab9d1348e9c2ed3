import type { ProductSort } from '@shared/api/catalog';

/** The four tabs above a product list: 综合 / 销量 / 价格 / 新品. Price is one tab that flips direction. */
export type SortTab = 'default' | 'sales' | 'price' | 'newest';

export const SORT_TABS: readonly SortTab[] = ['default', 'sales', 'price', 'newest'];

export function tabOfSort(sort: ProductSort): SortTab {
  return sort === 'price_asc' || sort === 'price_desc' ? 'price' : sort;
}

/** The sort after a tap: the price tab starts low-to-high and flips on every further tap. */
export function sortAfterTap(current: ProductSort, tab: SortTab): ProductSort {
  if (tab !== 'price') return tab;
  return current === 'price_asc' ? 'price_desc' : 'price_asc';
}

export function sortTabLabel(tab: SortTab, current: ProductSort): string {
  switch (tab) {
    case 'default':
      return '综合';
    case 'sales':
      return '销量';
    case 'newest':
      return '新品';
    case 'price':
      if (current === 'price_asc') return '价格↑';
      if (current === 'price_desc') return '价格↓';
      return '价格';
  }
}
