import type { ApiError, FieldError } from '@shared/errors';
import { expireSession, getToken } from '@/auth/token-store';

/** The one request wrapper of the console: base path, bearer token, JSON, and `{ code, message, details? }` errors. */
export const API_BASE = '/api/v1/admin';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiError['details'],
    /** Seconds from the Retry-After header (429 answers). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  /** Field-level validation errors, when the server named the offending fields. */
  get fieldErrors(): FieldError[] {
    return Array.isArray(this.details) ? this.details : [];
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: Query;
  /** A plain object is sent as JSON; FormData is sent as multipart. */
  body?: unknown;
  /** The login request must not end the (absent) session on 401. */
  skipSessionExpiry?: boolean;
}

/** The thing asked for does not exist (or is not the caller's to see). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 404;
}

/** The server refused because the thing changed state meanwhile (someone else acted first). */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 409;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options, 'application/json');
  return (await readJson(response)) as T;
}

/** A file the server generates (a CSV export): fetched with the token, so it cannot be a plain link. */
export async function requestFile(path: string, query?: Query): Promise<{ blob: Blob; filename: string | null }> {
  const response = await send('GET', path, { query }, '*/*');
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('Content-Disposition')) };
}

/** Sends the request; answers the response when it is 2xx and throws an ApiRequestError otherwise. */
async function send(method: string, path: string, options: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;

  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), { method, headers, body });
  } catch {
    throw new ApiRequestError(0, 'NETWORK_ERROR', '网络异常，请检查网络后重试');
  }
  if (response.ok) return response;

  const error = toApiRequestError(response, await readJson(response));
  if (error.status === 401 && !options.skipSessionExpiry) expireSession();
  throw error;
}

/** The file name of `Content-Disposition: attachment; filename*=UTF-8''…` (or plain `filename="…"`). */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // a malformed encoding falls through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : null;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiRequestError(response: Response, payload: unknown): ApiRequestError {
  const body = (payload ?? {}) as Partial<ApiError>;
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new ApiRequestError(
    response.status,
    body.code ?? `HTTP_${response.status}`,
    body.message ?? fallbackMessage(response.status),
    body.details,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

function fallbackMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '无权限';
  if (status === 404) return '内容不存在';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status >= 500) return '服务器开小差了，请稍后重试';
  return `请求失败（${status}）`;
}

export const http = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
