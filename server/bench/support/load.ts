import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  url: string;
  connections: number;
  /** Stop after this many responses… */
  amount: number;
  /** …or after this many seconds, whichever comes first. */
  maxSeconds: number;
  method?: 'GET' | 'POST';
  /** Builds each request's headers and JSON body (a fresh client token, the next member, …). */
  nextRequest?: () => { headers: Record<string, string>; body: unknown };
}

export interface LoadResult {
  responses: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** "201", "409 OUT_OF_STOCK", "timeout", … → count. */
  outcomes: Map<string, number>;
}

/**
 * Fires requests from `connections` concurrent keep-alive connections (autocannon) and measures every
 * response: rate over the whole run, exact latency percentiles, and answers by HTTP status and error code.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  const { nextRequest } = options;

  const started = performance.now();
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  // The callback form answers the instance, which reports each response's latency and can be stopped.
  const instance = autocannon(
    {
      url: options.url,
      connections: options.connections,
      amount: options.amount,
      method: options.method ?? 'GET',
      requests: [
        {
          // autocannon calls setupRequest whenever the key is present, so it is left out for fixed requests.
          ...(nextRequest && {
            setupRequest: (request: autocannon.Request) => {
              const { headers, body } = nextRequest();
              return { ...request, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
            },
          }),
          onResponse: (status: number, body: string) => count(status < 300 ? String(status) : `${status} ${errorCode(body)}`),
        },
      ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  instance.on('reqError', (error: { code?: string; message?: string }) => count(`error ${error.code ?? error.message}`));
  const timer = setTimeout(() => instance.stop(), options.maxSeconds * 1000);
  const result = await done;
  clearTimeout(timer);
  const seconds = (performance.now() - started) / 1000;
  if (result.timeouts) outcomes.set('timeout', result.timeouts);

  latencies.sort((a, b) => a - b);
  return {
    responses: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    outcomes,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The `code` of our error shape ({ code, message }), or what the body was when it is not one. */
function errorCode(body: string): string {
  try {
    return (JSON.parse(body) as { code?: string }).code ?? 'no code';
  } catch {
    return 'not JSON';
  }
}
