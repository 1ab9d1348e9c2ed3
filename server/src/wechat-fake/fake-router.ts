import type { IncomingMessage } from 'node:http';
import type { FakeWechatState } from './fake-wechat-state';

export interface FakeRequest {
  method: string;
  path: string;
  /** Path and query exactly as requested (what WeChat Pay signatures cover). */
  pathAndQuery: string;
  /** Values of `:name` segments of the route's path. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body; null when the body is empty or not JSON. */
  body: Record<string, unknown> | null;
  raw: IncomingMessage;
  rawBody: Buffer;
}

export interface FakeResponse {
  status?: number;
  /** Sent as JSON, unless `text` is given. */
  body?: unknown;
  /** Sent as is, for bodies whose exact bytes matter (signed WeChat Pay answers, HTML, an empty 204). */
  text?: string;
  /** Sent as is with its own content-type header, e.g. a mini-program code's PNG. */
  binary?: Buffer;
  headers?: Record<string, string>;
}

/** One endpoint of the fake. A route module is a list of these, e.g. login, access token, phone number. */
export interface FakeRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(request: FakeRequest, state: FakeWechatState): FakeResponse | Promise<FakeResponse>;
}

/** A WeChat protocol error: HTTP 200 with errcode/errmsg, as api.weixin.qq.com answers. */
export function wechatError(errcode: number, errmsg: string): FakeResponse {
  return { body: { errcode, errmsg: `${errmsg} rid: fake-${Date.now().toString(16)}` } };
}

/** The errcode answer for a missing, unknown (40001) or expired (42001) `access_token` query parameter; null when valid. */
export function accessTokenError(request: FakeRequest, state: FakeWechatState): FakeResponse | null {
  const error = state.checkAccessToken(request.query.get('access_token'));
  if (error === 40001) return wechatError(40001, 'invalid credential, access_token is invalid or not latest');
  if (error === 42001) return wechatError(42001, 'access_token expired');
  return null;
}

/** The route for a request, with its `:name` path parameters, e.g. /v3/refund/domestic/refunds/:outRefundNo. */
export function findRoute(routes: FakeRoute[], method: string, path: string): { route: FakeRoute; params: Record<string, string> } | undefined {
  const segments = path.split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, index) => {
      if (!part.startsWith(':')) return part === segments[index];
      if (!segments[index]) return false;
      params[part.slice(1)] = decodeURIComponent(segments[index]);
      return true;
    });
    if (matches) return { route, params };
  }
  return undefined;
}
