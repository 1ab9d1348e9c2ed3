import { ApiRequestError } from '@/api/client';

/** Message shown under the login form for a failed attempt. */
export function loginErrorText(error: unknown): string {
  if (error instanceof ApiRequestError && error.status === 429) {
    if (error.retryAfterSeconds) {
      const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
      return `尝试次数过多，请 ${minutes} 分钟后再试`;
    }
    return error.message;
  }
  if (error instanceof ApiRequestError) return error.message;
  return '登录失败，请稍后重试';
}
