import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findRoute, type FakeRequest, type FakeResponse, type FakeRoute } from './fake-router';
import { FakeWechatState, type FakeWechatOptions } from './fake-wechat-state';
import { accessTokenRoutes } from './routes/access-token.routes';
import { liveTesterRoutes } from './routes/live-tester.routes';
import { liveRoutes } from './routes/live.routes';
import { loginRoutes } from './routes/login.routes';
import { orderMessageRoutes } from './routes/order-messages.routes';
import { payTesterRoutes } from './routes/pay-tester.routes';
import { payRoutes } from './routes/pay.routes';
import { phoneNumberRoutes } from './routes/phone-number.routes';
import { transferTesterRoutes } from './routes/transfer-tester.routes';
import { transferRoutes } from './routes/transfer.routes';
import { wxacodeRoutes } from './routes/wxacode.routes';

/** Route modules of the fake; other protocols add theirs here. */
const ROUTE_MODULES: FakeRoute[][] = [
  loginRoutes,
  accessTokenRoutes,
  phoneNumberRoutes,
  payRoutes,
  payTesterRoutes,
  transferRoutes,
  transferTesterRoutes,
  orderMessageRoutes,
  wxacodeRoutes,
  liveRoutes,
  liveTesterRoutes,
];

const MAX_BODY_BYTES = 64 * 1024;

/**
 * A real HTTP server speaking WeChat's server API (api.weixin.qq.com) for one mini-program and WeChat
 * Pay API v3 (api.mch.weixin.qq.com) for its merchant (payments, refunds, 商家转账), plus the tester endpoints
 * under /fake/ that play the part of the WeChat app on a phone (login, phone number, the payment cashier,
 * confirming a transfer). CORS is open so the H5 storefront can call the tester endpoints from the browser.
 */
export class FakeWechatServer {
  readonly state: FakeWechatState;
  private readonly routes: FakeRoute[] = ROUTE_MODULES.flat();
  private server: Server | null = null;

  constructor(options: FakeWechatOptions) {
    this.state = new FakeWechatState(options);
  }

  /** Starts listening; port 0 picks a free port. Resolves with the base URL. */
  async start(port: number, host = '127.0.0.1'): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return this.url;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    this.state.pay.stop();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', 'content-type');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    try {
      const url = new URL(req.url ?? '/', 'http://fake.local');
      this.state.recordCall(req.method ?? 'GET', url.pathname);
      const found = findRoute(this.routes, req.method ?? 'GET', url.pathname);
      if (!found) return send(res, { status: 404, body: { errcode: 404, errmsg: `no such api: ${req.method} ${url.pathname}` } });
      const rawBody = await readBody(req);
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        pathAndQuery: req.url ?? '/',
        params: found.params,
        query: url.searchParams,
        body: parseJsonObject(rawBody),
        raw: req,
        rawBody,
      };
      const response = await found.route.handle(request, this.state);
      send(res, response);
    } catch (error) {
      send(res, { status: 500, body: { errcode: -1, errmsg: `system error: ${(error as Error).message}` } });
    }
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJsonObject(raw: Buffer): Record<string, unknown> | null {
  if (raw.length === 0) return null;
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function send(res: ServerResponse, response: FakeResponse): void {
  res.writeHead(response.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...response.headers });
  res.end(response.binary ?? response.text ?? JSON.stringify(response.body));
}
