import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { Paginated } from '@shared/api/common';
import { appendPage, hasMorePages } from './paged-list';

interface PagedListState<T> {
  items: T[];
  /** 'loading' and 'error' describe the first page; later pages report through loadingMore / loadMoreFailed. */
  status: 'loading' | 'error' | 'ready';
  error: string | null;
  page: number;
  hasMore: boolean;
  loadingMore: boolean;
  loadMoreFailed: boolean;
}

const INITIAL: PagedListState<never> = {
  items: [],
  status: 'loading',
  error: null,
  page: 0,
  hasMore: false,
  loadingMore: false,
  loadMoreFailed: false,
};

/**
 * A paged list (product feeds, orders): first page, pull-to-refresh (keeps what is shown until the new page
 * arrives) and infinite scroll. Answers to an outdated query are dropped. `queryKey` identifies the query
 * (the list restarts when it changes); null waits (e.g. until a category is chosen).
 */
export function usePagedList<T>(
  queryKey: string | null,
  fetchPage: (page: number) => Promise<Paginated<T>>,
  keyOf: (item: T) => string | number,
) {
  const [state, setState] = useState<PagedListState<T>>(INITIAL);
  const stateRef = useRef(state);
  stateRef.current = state;
  const generation = useRef(0);
  const inFlight = useRef(false);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const keyOfRef = useRef(keyOf);
  keyOfRef.current = keyOf;

  const load = useCallback(
    async (page: number) => {
      if (queryKey === null) return;
      const current = ++generation.current;
      inFlight.current = true;
      try {
        const result = await fetchRef.current(page);
        if (current !== generation.current) return;
        setState((previous) => {
          const items = page === 1 ? result.items : appendPage(previous.items, result.items, keyOfRef.current);
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
          // A failed pull-to-refresh keeps the list on screen and says why.
          Taro.showToast({ title: message, icon: 'none' });
        } else {
          setState({ ...INITIAL, status: 'error', error: message });
        }
      } finally {
        if (current === generation.current) inFlight.current = false;
      }
    },
    [queryKey],
  );

  useEffect(() => {
    if (queryKey === null) return;
    setState(INITIAL);
    load(1);
  }, [load]);

  /** Pull-to-refresh: reloads the first page; resolves when done so the page can stop the spinner. */
  const refresh = useCallback(() => load(1), [load]);

  /** Retry after the first page failed. */
  const retry = useCallback(() => {
    setState(INITIAL);
    return load(1);
  }, [load]);

  /** Next page (infinite scroll, or the retry link after a failed page). */
  const loadMore = useCallback(() => {
    const { status, hasMore, page } = stateRef.current;
    if (inFlight.current || status !== 'ready' || !hasMore) return;
    setState((previous) => ({ ...previous, loadingMore: true, loadMoreFailed: false }));
    load(page + 1);
  }, [load]);

  return { ...state, refresh, retry, loadMore };
}
