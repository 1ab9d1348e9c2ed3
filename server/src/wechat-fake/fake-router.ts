import type { IncomingMessage } from 'node:http';
import type { FakeWechatState } from './fake-wechat-state';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body; null when the body is empty or not JSON. */
  body: Record<string, unknown> | null;
  raw: IncomingMessage;
  rawBody: Buffer;
}

export interface FakeResponse {
  status?: number;
  body: unknown;
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

export function findRoute(routes: FakeRoute[], method: string, path: string): FakeRoute | undefined {
  return routes.find((route) => route.method === method && route.path === path);
}
