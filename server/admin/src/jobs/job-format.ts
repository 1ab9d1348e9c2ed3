import type { AdminEventDelivery, AdminEventDeliveryList, AdminJob, JobRunResult } from '@shared/api/jobs';

const UNITS: [ms: number, name: string][] = [
  [3_600_000, '小时'],
  [60_000, '分钟'],
  [1_000, '秒'],
];

/** An interval as the owner reads it: 每 1 分钟, 每 30 分钟, 每 90 秒, 每 500 毫秒. */
export function formatInterval(ms: number): string {
  for (const [unit, name] of UNITS) if (ms >= unit && ms % unit === 0) return `每 ${ms / unit} ${name}`;
  return `每 ${ms} 毫秒`;
}

/** A run's duration: 120 毫秒, 3.4 秒. */
export function formatDuration(ms: number): string {
  return ms < 1_000 ? `${ms} 毫秒` : `${(ms / 1_000).toFixed(1)} 秒`;
}

/** Whether the job's recorded error belongs to its latest run, to an earlier one (it has run fine since), or there is none. */
export function errorState(job: Pick<AdminJob, 'lastError' | 'lastErrorAt' | 'lastRunAt'>): 'none' | 'latest' | 'earlier' {
  if (!job.lastError || !job.lastErrorAt) return 'none';
  return job.lastRunAt && Date.parse(job.lastRunAt) > Date.parse(job.lastErrorAt) ? 'earlier' : 'latest';
}

/** Who runs a job: every server, or the lease holder (named, and marked when it is the server that answered). */
export function leaseText(job: Pick<AdminJob, 'usesWechat' | 'leaseHolder'>, answeringInstance: string): { tag: string; detail: string } {
  if (!job.usesWechat) return { tag: '无需租约', detail: '每台服务器都运行' };
  if (!job.leaseHolder) return { tag: '需要租约', detail: '当前空闲' };
  return { tag: '需要租约', detail: `${job.leaseHolder}${job.leaseHolder === answeringInstance ? '（本实例）' : ''}` };
}

/** What 立即执行 tells the owner afterwards. */
export function runResultText(label: string, result: JobRunResult): { ok: boolean; text: string } {
  if (result.error !== null) return { ok: false, text: `「${label}」执行失败：${result.error}` };
  return { ok: true, text: `「${label}」已执行，改动 ${result.rowsChanged ?? 0} 行，用时 ${formatDuration(result.durationMs)}` };
}

/** The row key of an event delivery: the event and its follower. */
export function deliveryKey(delivery: Pick<AdminEventDelivery, 'eventId' | 'follower'>): string {
  return `${delivery.eventId}/${delivery.follower}`;
}

/** The line above the deliveries that need a look: all clear, or how many gave up and how many are stuck. */
export function deliveriesSummary(list: Pick<AdminEventDeliveryList, 'failed' | 'overdue' | 'items'>): { type: 'success' | 'warning' | 'error'; text: string } {
  if (list.failed === 0 && list.overdue === 0) return { type: 'success', text: '所有事件都已送达，或正在按计划重试' };
  const parts = [list.failed > 0 ? `${list.failed} 条已放弃重试` : null, list.overdue > 0 ? `${list.overdue} 条积压超过 5 分钟` : null].filter(Boolean);
  const shown = list.items.length < list.failed + list.overdue ? `（下面列出最近的 ${list.items.length} 条）` : '';
  return { type: list.failed > 0 ? 'error' : 'warning', text: `${parts.join('，')}${shown}。排除原因后点“重新投递”。` };
}
