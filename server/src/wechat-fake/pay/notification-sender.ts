/** WeChat Pay's resend schedule after a notification is not acknowledged (seconds, 15 retries, 24h4m in all). */
export const NOTIFY_RETRY_SCHEDULE_S = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600];

export interface DeliveryAttempt {
  notificationId: string;
  eventType: string;
  url: string;
  /** 0 for the first delivery, n for the n-th retry. */
  attempt: number;
  /** HTTP status of the merchant's answer, or null when it could not be reached. */
  status: number | null;
}

/**
 * Sends notifications the way WeChat Pay does: POST the JSON body with fresh signature headers on every
 * attempt; anything but 2xx is retried on WeChat's schedule, multiplied by `retryFactor` (tests use a
 * tiny one); a 2xx ends the chain.
 */
export class NotificationSender {
  /** Every attempt, for tests and for a tester wondering where a notification went. */
  readonly attempts: DeliveryAttempt[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];
  private stopped = false;

  constructor(
    private readonly signedHeaders: (body: string) => Record<string, string>,
    private readonly retryFactor: number,
  ) {}

  send(url: string, notification: { id: string; event_type: string }): void {
    if (this.stopped) return;
    void this.attempt(url, JSON.stringify(notification), notification.id, notification.event_type, 0);
  }

  /** Resolves once no delivery is running or scheduled. */
  idle(): Promise<void> {
    if (this.inFlight === 0 && this.timers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.notifyIdle();
  }

  private async attempt(url: string, body: string, notificationId: string, eventType: string, attempt: number): Promise<void> {
    this.inFlight += 1;
    let status: number | null = null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.signedHeaders(body) },
        body,
        signal: AbortSignal.timeout(5000),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch {
      status = null;
    } finally {
      this.inFlight -= 1;
    }
    this.attempts.push({ notificationId, eventType, url, attempt, status });
    const acknowledged = status !== null && status >= 200 && status < 300;
    if (!acknowledged && !this.stopped && attempt < NOTIFY_RETRY_SCHEDULE_S.length) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.attempt(url, body, notificationId, eventType, attempt + 1);
      }, NOTIFY_RETRY_SCHEDULE_S[attempt] * 1000 * this.retryFactor);
      timer.unref();
      this.timers.add(timer);
    }
    this.notifyIdle();
  }

  private notifyIdle(): void {
    if (this.inFlight > 0 || this.timers.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
