import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedNotification {
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
  /** What the receiver answered. */
  status: number;
}

/**
 * A stand-in for the shop's notify endpoint, for protocol tests without the app: records the raw deliveries
 * of the fake WeChat Pay and answers the statuses it is told to.
 */
export class NotifyReceiver {
  readonly received: ReceivedNotification[] = [];
  /** Statuses for the next deliveries; 200 once they run out. */
  statuses: number[] = [];
  private server: Server | null = null;

  /** Starts on a free loopback port; resolves with its base URL. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const status = this.statuses.shift() ?? 200;
        this.received.push({ rawBody: Buffer.concat(chunks), headers: req.headers, status });
        res.writeHead(status, { 'content-type': 'application/json' }).end(status < 300 ? '' : '{"code":"FAIL","message":"busy"}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
