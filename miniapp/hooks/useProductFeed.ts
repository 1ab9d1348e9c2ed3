import type { ProductListQuery } from '@shared/api/catalog';
import { listProducts } from '@/services/catalog';
import { usePagedList } from './usePagedList';

export type FeedQuery = Omit<ProductListQuery, 'page' | 'pageSize'>;

const PAGE_SIZE = 10;

/** The home feed, the category pane and search results. Pass null to wait (e.g. until a category is chosen). */
export function useProductFeed(query: FeedQuery | null) {
  return usePagedList(
    query ? JSON.stringify(query) : null,
    (page) => listProducts({ ...query, page, pageSize: PAGE_SIZE }),
    (product) => product.id,
  );
}
