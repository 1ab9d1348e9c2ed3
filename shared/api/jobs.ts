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

/**
 * A follower's delivery of a domain event that needs the owner's eye: `failed` (it gave up after its runs, or the
 * follower is gone), or `pending` past its next attempt by more than a sweep interval (nothing is running it).
 */
export interface AdminEventDelivery {
  eventId: string;
  /** e.g. `order.paid` */
  eventType: string;
  /** The event in Chinese (DOMAIN_EVENT_LABELS), or its type when it has no label. */
  eventLabel: string;
  /** What the event is about, e.g. `order:2026…` */
  aggregateKey: string;
  follower: string;
  /** What the follower does, in Chinese (its registration's label); its name when no follower of that name runs any more. */
  followerLabel: string;
  status: 'pending' | 'failed' | 'done';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  eventCreatedAt: string;
}

/** `GET /api/v1/admin/event-deliveries` → the deliveries that need a look (newest events first, at most 50). */
export interface AdminEventDeliveryList {
  /** All failed deliveries (not only the listed ones). */
  failed: number;
  /** All pending deliveries overdue by more than EVENT_DELIVERY_OVERDUE_MS. */
  overdue: number;
  items: AdminEventDelivery[];
}

/** The domain events in Chinese, for the owner. A new event type adds its label here (a test checks every type has one). */
export const DOMAIN_EVENT_LABELS: Record<string, string> = {
  'order.created': '下单',
  'order.paid': '订单付款',
  'order.shipped': '订单发货',
  'order.completed': '订单完成',
  'order.cancelled': '订单取消',
  'order.refunded': '订单退款',
  'member.registered': '新会员注册',
  'coupon.redeemed': '用券下单',
  'points.changed': '积分变动',
  'group_buy.team_succeeded': '拼团成功',
  'group_buy.team_failed': '拼团失败',
};

/** A pending delivery this late (past its next attempt) is listed as stuck: the redelivery sweep runs every 30 s. */
export const EVENT_DELIVERY_OVERDUE_MS = 5 * 60_000;

/**
 * `POST /api/v1/admin/event-deliveries/:eventId/:follower/retry` → AdminEventDelivery: runs the follower on the event
 * now, on the answering instance, and answers the delivery afterwards (`done`, or the new error). 404
 * EVENT_DELIVERY_NOT_FOUND; 409 EVENT_DELIVERY_DONE when it has already succeeded; 409 EVENT_DELIVERY_BUSY when a
 * run of it is in progress elsewhere.
 */
