import { useCallback, useEffect, useRef, useState } from 'react';
import { isNotFound } from '@/api/client';
import { errorText } from './feedback';

export type RemoteData<T> =
  | { status: 'loading' }
  | { status: 'failed'; message: string; notFound: boolean }
  | { status: 'ready'; data: T };

/**
 * Data a page or card loads when it opens: the state to render (spinner, error with retry, data), `reload`
 * for the retry button (back to the spinner), `refresh` to load again keeping what is shown until the answer
 * (after an action changed it), and `setData` to show what a save answered. An answer to an earlier load that
 * arrives late is dropped. `fetch` should be stable (useCallback) or the load repeats on every render.
 */
export function useRemoteData<T>(fetch: () => Promise<T>) {
  const [state, setState] = useState<RemoteData<T>>({ status: 'loading' });
  const generation = useRef(0);

  const refresh = useCallback(() => {
    const current = ++generation.current;
    fetch().then(
      (data) => current === generation.current && setState({ status: 'ready', data }),
      (error: unknown) =>
        current === generation.current && setState({ status: 'failed', message: errorText(error), notFound: isNotFound(error) }),
    );
  }, [fetch]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    refresh();
  }, [refresh]);

  useEffect(reload, [reload]);

  const setData = useCallback((data: T) => {
    generation.current++;
    setState({ status: 'ready', data });
  }, []);

  return { state, reload, refresh, setData };
}
