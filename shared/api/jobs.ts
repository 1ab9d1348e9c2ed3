/*
 * The periodic jobs (sweeps) every server instance runs, as the owner sees them in 任务 (JOB_ADMIN_ROLES).
 * Last-run figures come from the shared jobs table (whichever instance ran the job); nextRunAt and running are
 * the answering instance's own timer.
 */

export interface AdminJob {
  /** Stable name, e.g. `orders.unpaid-timeout`. */
  name: string;
  /** Chinese label. */
  label: string;
  intervalMs: number;
  /** Calls WeChat, so it runs under a lease on one instance at a time. */
  usesWechat: boolean;
  lastRunAt: string | null;
  lastRunBy: string | null;
  lastDurationMs: number | null;
  /** Rows the last run changed; null when it failed or never ran. */
  lastRowsChanged: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** When this instance's timer runs it next (a leased job only runs if the lease is free or ours). */
  nextRunAt: string | null;
  /** The instance holding the lease while it has not lapsed; null for unleased jobs or a free lease. */
  leaseHolder: string | null;
  leaseUntil: string | null;
  /** Running right now on this instance. */
  running: boolean;
}

/** `GET /api/v1/admin/jobs` → AdminJobList. */
export interface AdminJobList {
  /** The instance that answered. */
  instanceId: string;
  jobs: AdminJob[];
}

/**
 * `POST /api/v1/admin/jobs/:name/run` → JobRunResult: runs the job now on the answering instance. 404
 * JOB_NOT_FOUND for an unknown name; 409 JOB_LEASE_HELD when another instance holds its lease, 409 JOB_RUNNING
 * when it is running here already. A run that fails answers 200 with `error` (it is recorded like a timed run).
 */
export interface JobRunResult {
  name: string;
  rowsChanged: number | null;
  durationMs: number;
  error: string | null;
}
