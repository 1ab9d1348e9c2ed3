import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NOTIFY_RETRY_SCHEDULE_S, NotificationSender } from './notification-sender';

describe('NotificationSender', () => {
  let server: Server;
  let url: string;
  let statuses: number[] = [];
  const arrivals: number[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        arrivals.push(Date.now());
        res.writeHead(statuses.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    arrivals.length = 0;
  });

  it('follows WeChat’s schedule of 15 retries over 24h4m and then gives up', async () => {
    expect(NOTIFY_RETRY_SCHEDULE_S).toHaveLength(15);
    expect(NOTIFY_RETRY_SCHEDULE_S.reduce((a, b) => a + b, 0)).toBe(24 * 3600 + 4 * 60);
    statuses = Array(20).fill(500);
    // 1e-6: the whole day takes ~90 ms.
    const sender = new NotificationSender(() => ({ 'wechatpay-signature': 'x' }), 0.000001);
    sender.send(url, { id: 'EV-1', event_type: 'TRANSACTION.SUCCESS' });
    await sender.idle();
    expect(sender.attempts.map((a) => a.attempt)).toEqual([...Array(16).keys()]);
    expect(sender.attempts.every((a) => a.status === 500)).toBe(true);
    expect(arrivals).toHaveLength(16);
  });

  it('waits the scaled delay before a retry and stops at the first 2xx', async () => {
    statuses = [500, 204];
    const sender = new NotificationSender(() => ({}), 0.01); // 15 s → 150 ms
    sender.send(url, { id: 'EV-2', event_type: 'TRANSACTION.SUCCESS' });
    await sender.idle();
    expect(sender.attempts.map((a) => a.status)).toEqual([500, 204]);
    expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(140);
  });

  it('counts an unreachable receiver as a failure and stops retrying once stopped', async () => {
    const sender = new NotificationSender(() => ({}), 1);
    sender.send('http://127.0.0.1:1/notify', { id: 'EV-3', event_type: 'REFUND.SUCCESS' });
    while (sender.attempts.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sender.attempts).toEqual([{ notificationId: 'EV-3', eventType: 'REFUND.SUCCESS', url: 'http://127.0.0.1:1/notify', attempt: 0, status: null }]);
    sender.stop();
    await sender.idle();
  });
});
