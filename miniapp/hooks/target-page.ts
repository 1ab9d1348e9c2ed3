import Taro from '@tarojs/taro';
import { ApiRequestError } from '@/services/request';

/** What a page about one thing shows (a 拼团 team, a live session): `gone` when it does not exist (any more). */
export type TargetPageState<T> = { status: 'loading' } | { status: 'gone' } | { status: 'error'; message: string } | ({ status: 'ready' } & T);

/** A 404 (or the thing's own not-found code): the page says the thing is gone rather than offering 重试. */
export function isGone(error: unknown, notFoundCode: string): boolean {
  return error instanceof ApiRequestError && (error.status === 404 || error.code === notFoundCode);
}

/**
 * The state after a failed load: gone; else a failed refresh keeps the thing on screen (a toast says why), and only a
 * first load ends in the error block.
 */
export function failedTargetLoad<T>(previous: TargetPageState<T>, error: unknown, gone: boolean): TargetPageState<T> {
  if (gone) return { status: 'gone' };
  if (previous.status === 'ready') {
    Taro.showToast({ title: (error as Error).message, icon: 'none' });
    return previous;
  }
  return { status: 'error', message: (error as Error).message };
}
