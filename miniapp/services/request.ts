import Taro from '@tarojs/taro';
import type { ApiError } from '@shared/errors';
import { ErrorCode } from '@shared/errors';
import { session } from '@/store/session';
import { apiUrl } from './api-origin';
import { attributionHeaders } from './attribution';
import { buildQuery, type QueryValue } from './query-string';

/** A failed API call: the server's `{ code, message }`, or NETWORK_ERROR when the server could not be reached. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode | 'NETWORK_ERROR',
    readonly status: number,
  ) {
    super(message);
  }
}

const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试';
const SESSION_EXPIRED_MESSAGE = '登录已过期，请重新登录';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Pages that show the error in place (with a retry button) pass false to skip the toast. */
  toast?: boolean;
}

function headers(): Record<string, string> {
  const token = session.get().token;
  return {
    ...attributionHeaders(),
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  };
}

/** Turns a non-2xx answer into an ApiRequestError; a 401 also ends the session (the token is no longer good). */
function toError(status: number, data: unknown): ApiRequestError {
  const body = (typeof data === 'string' ? safeJson(data) : data) as Partial<ApiError> | null;
  if (status === 401) {
    session.signOut();
    return new ApiRequestError(SESSION_EXPIRED_MESSAGE, body?.code ?? ErrorCode.UNAUTHORIZED, status);
  }
  const message = body?.message || `请求失败（${status}），请稍后重试`;
  return new ApiRequestError(message, body?.code ?? ErrorCode.INTERNAL_ERROR, status);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function report(error: ApiRequestError, toast: boolean | undefined): never {
  if (toast !== false) Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
  throw error;
}

/** The one way the storefront calls the API: adds the token and attribution headers, and maps errors. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response: Awaited<ReturnType<typeof Taro.request>>;
  try {
    response = await Taro.request({
      url: apiUrl(path) + buildQuery(options.query),
      method: options.method ?? 'GET',
      data: options.body,
      // A body-less POST (cancel, pay) must not claim a JSON body: the server rejects an empty one as bad JSON.
      header: { ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers() },
      dataType: 'json',
    });
  } catch {
    return report(new ApiRequestError(NETWORK_ERROR_MESSAGE, 'NETWORK_ERROR', 0), options.toast);
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T;
  return report(toError(response.statusCode, response.data), options.toast);
}

/** Uploads a local file (a temp path from the camera roll or chooseAvatar) as multipart field `file`. */
export async function uploadFile<T>(path: string, filePath: string): Promise<T> {
  let response: Taro.uploadFile.SuccessCallbackResult;
  try {
    response = await Taro.uploadFile({ url: apiUrl(path), filePath, name: 'file', header: headers() });
  } catch {
    return report(new ApiRequestError(NETWORK_ERROR_MESSAGE, 'NETWORK_ERROR', 0), true);
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return safeJson(response.data) as T;
  return report(toError(response.statusCode, response.data), true);
}
