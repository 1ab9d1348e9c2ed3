import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { ProductListQuery, ProductSummary } from '@shared/api/catalog';
import { listProducts } from '@/services/catalog';
import { appendPage, hasMorePages } from './product-feed';

export type FeedQuery = Omit<ProductListQuery, 'page' | 'pageSize'>;

const PAGE_SIZE = 10;

interface FeedState {
  items: ProductSummary[];
  /** 'loading' and 'error' describe the first page; later pages report through loadingMore / loadMoreFailed. */
  status: 'loading' | 'error' | 'ready';
  error: string | null;
  page: number;
  hasMore: boolean;
  loadingMore: boolean;
  loadMoreFailed: boolean;
}

const INITIAL: FeedState = {
  items: [],
  status: 'loading',
  error: null,
  page: 0,
  hasMore: false,
  loadingMore: false,
  loadMoreFailed: false,
};

/**
 * A paged product list for the home feed, the category pane and search results: first page, pull-to-refresh
 * (keeps what is shown until the new page arrives) and infinite scroll. Answers to an outdated query are dropped.
 * Pass null to wait (e.g. until a category is chosen).
 */
export function useProductFeed(query: FeedQuery | null) {
  const [state, setState] = useState<FeedState>(INITIAL);
  const stateRef = useRef(state);
  stateRef.current = state;
  const generation = useRef(0);
  const inFlight = useRef(false);
  const queryKey = JSON.stringify(query);

  const fetchPage = useCallback(
    async (page: number) => {
      if (!query) return;
      const current = ++generation.current;
      inFlight.current = true;
      try {
        const result = await listProducts({ ...query, page, pageSize: PAGE_SIZE });
        if (current !== generation.current) return;
        setState((previous) => {
          const items = page === 1 ? result.items : appendPage(previous.items, result.items);
          const hasMore = hasMorePages(items.length, result.total, result.items.length);
          return { ...INITIAL, items, status: 'ready', page, hasMore };
        });
      } catch (error) {
        if (current !== generation.current) return;
        const message = (error as Error).message;
        const shown = stateRef.current.items.length;
        if (page > 1) {
          setState((previous) => ({ ...previous, loadingMore: false, loadMoreFailed: true }));
        } else if (shown > 0) {
          // A failed pull-to-refresh keeps the products on screen and says why.
          Taro.showToast({ title: message, icon: 'none' });
        } else {
          setState({ ...INITIAL, status: 'error', error: message });
        }
      } finally {
        if (current === generation.current) inFlight.current = false;
      }
    },
    [queryKey], // the query's content, not its identity
  );

  useEffect(() => {
    if (!query) return;
    setState(INITIAL);
    fetchPage(1);
  }, [fetchPage]);

  /** Pull-to-refresh: reloads the first page; resolves when done so the page can stop the spinner. */
  const refresh = useCallback(() => fetchPage(1), [fetchPage]);

  /** Retry after the first page failed. */
  const retry = useCallback(() => {
    setState(INITIAL);
    return fetchPage(1);
  }, [fetchPage]);

  /** Next page (infinite scroll, or the retry link after a failed page). */
  const loadMore = useCallback(() => {
    const { status, hasMore, page } = stateRef.current;
    if (inFlight.current || status !== 'ready' || !hasMore) return;
    setState((previous) => ({ ...previous, loadingMore: true, loadMoreFailed: false }));
    fetchPage(page + 1);
  }, [fetchPage]);

  return { ...state, refresh, retry, loadMore };
}
