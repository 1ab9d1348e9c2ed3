import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from './feedback';

export type RemoteData<T> = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; data: T };

/**
 * Data a page or card loads when it opens: the state to render (spinner, error with retry, data), `reload`
 * for the retry button, and `setData` to show what a save answered. An answer to an earlier load that
 * arrives late is dropped. `fetch` should be stable (useCallback) or the load repeats on every render.
 */
export function useRemoteData<T>(fetch: () => Promise<T>) {
  const [state, setState] = useState<RemoteData<T>>({ status: 'loading' });
  const generation = useRef(0);

  const reload = useCallback(() => {
    const current = ++generation.current;
    setState({ status: 'loading' });
    fetch().then(
      (data) => current === generation.current && setState({ status: 'ready', data }),
      (error: unknown) => current === generation.current && setState({ status: 'failed', message: errorText(error) }),
    );
  }, [fetch]);

  useEffect(reload, [reload]);

  const setData = useCallback((data: T) => {
    generation.current++;
    setState({ status: 'ready', data });
  }, []);

  return { state, reload, setData };
}
