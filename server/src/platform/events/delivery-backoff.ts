/** A delivery's first run is the in-process one right after the commit; the sweep takes over only after this. */
export const FIRST_RUN_GRACE_MS = 60_000;
/** How long a sweep's claim on a delivery lasts (a process that died mid-run frees it then). */
export const CLAIM_LEASE_MS = 5 * 60_000;
/** After this many failed runs a delivery is `failed`: logged as an error and no longer retried. */
export const MAX_DELIVERY_ATTEMPTS = 20;

const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 60 * 60_000;

/** The wait after the `attempts`-th failed run: 30 s, 1, 2, 4 … minutes, at most an hour (20 runs ≈ 13 hours). */
export function retryDelayMs(attempts: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}
