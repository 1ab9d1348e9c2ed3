import { useCallback, useState } from 'react';
import { failedLoad, type Loadable } from './loadable';

/**
 * One fetched resource behind a page. `fetch` null waits (nothing to load yet); a new `fetch` changes `reload`,
 * so pages that load on mount run it from an effect. `keepDataOnError: false` shows the error block whenever a
 * load fails, also over data already shown (checkout's preview). `setState` replaces the data after a change
 * or shows a spinner with its own text.
 */
export function useLoadable<T>(fetch: (() => Promise<T>) | null, { keepDataOnError = true } = {}) {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });

  const reload = useCallback(async () => {
    if (!fetch) return;
    try {
      const data = await fetch();
      setState({ status: 'ready', data });
    } catch (error) {
      setState((previous) => failedLoad(previous, (error as Error).message, keepDataOnError, (error as { code?: string }).code));
    }
  }, [fetch, keepDataOnError]);

  /** The error block's 重试: back to the spinner, then load again. */
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    reload();
  }, [reload]);

  return { state, setState, reload, retry };
}
