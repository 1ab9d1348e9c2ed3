import { useRef } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';

/**
 * Reloads when the shopper comes back to the page (from a page it opened, or from another tab): what they did
 * there may have changed it. The first show is left to the page's own first load.
 */
export function useReloadOnReturn(reload: () => unknown) {
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) reload();
    shownBefore.current = true;
  });
}

/** Pull-to-refresh: runs `reload` and stops the spinner once it has finished. */
export function usePullDownReload(reload: () => Promise<unknown>) {
  usePullDownRefresh(async () => {
    await reload();
    Taro.stopPullDownRefresh();
  });
}
