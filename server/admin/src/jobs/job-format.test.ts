import { describe, expect, it } from 'vitest';
import { deliveriesSummary, errorState, formatDuration, formatInterval, leaseText, runResultText } from './job-format';

describe('formatInterval', () => {
  it('uses the largest whole unit', () => {
    expect(formatInterval(60_000)).toBe('每 1 分钟');
    expect(formatInterval(30 * 60_000)).toBe('每 30 分钟');
    expect(formatInterval(3_600_000)).toBe('每 1 小时');
    expect(formatInterval(90_000)).toBe('每 90 秒');
    expect(formatInterval(2_000)).toBe('每 2 秒');
    expect(formatInterval(500)).toBe('每 500 毫秒');
    expect(formatInterval(1_500)).toBe('每 1500 毫秒');
  });
});

describe('formatDuration', () => {
  it('reads milliseconds under a second, seconds with one decimal above', () => {
    expect(formatDuration(0)).toBe('0 毫秒');
    expect(formatDuration(999)).toBe('999 毫秒');
    expect(formatDuration(3_440)).toBe('3.4 秒');
  });
});

describe('errorState', () => {
  const at = (minute: number) => `2026-12-06T10:${String(minute).padStart(2, '0')}:00.000Z`;
  it('tells a failing latest run from an old failure the job has run past', () => {
    expect(errorState({ lastError: null, lastErrorAt: null, lastRunAt: at(5) })).toBe('none');
    expect(errorState({ lastError: 'boom', lastErrorAt: at(5), lastRunAt: at(5) })).toBe('latest');
    expect(errorState({ lastError: 'boom', lastErrorAt: at(4), lastRunAt: at(5) })).toBe('earlier');
    expect(errorState({ lastError: 'boom', lastErrorAt: at(4), lastRunAt: null })).toBe('latest');
  });
});

describe('leaseText', () => {
  it('says every server runs a database sweep, and who holds a WeChat job’s lease', () => {
    expect(leaseText({ usesWechat: false, leaseHolder: null }, 'a:1:ff')).toEqual({ tag: '无需租约', detail: '每台服务器都运行' });
    expect(leaseText({ usesWechat: true, leaseHolder: null }, 'a:1:ff')).toEqual({ tag: '需要租约', detail: '当前空闲' });
    expect(leaseText({ usesWechat: true, leaseHolder: 'a:1:ff' }, 'a:1:ff')).toEqual({ tag: '需要租约', detail: 'a:1:ff（本实例）' });
    expect(leaseText({ usesWechat: true, leaseHolder: 'b:2:ee' }, 'a:1:ff')).toEqual({ tag: '需要租约', detail: 'b:2:ee' });
  });
});

describe('runResultText', () => {
  it('answers the rows changed, or the failure', () => {
    expect(runResultText('超时未付款订单取消', { name: 'orders.unpaid-timeout', rowsChanged: 3, durationMs: 120, error: null })).toEqual({
      ok: true,
      text: '「超时未付款订单取消」已执行，改动 3 行，用时 120 毫秒',
    });
    expect(runResultText('积分过期', { name: 'loyalty.points-expiry', rowsChanged: null, durationMs: 5, error: '数据库连接中断' })).toEqual({
      ok: false,
      text: '「积分过期」执行失败：数据库连接中断',
    });
  });
});

describe('deliveriesSummary', () => {
  const item = { eventId: 'e', eventType: 'order.paid', eventLabel: '订单付款', aggregateKey: 'order:1', follower: 'f', followerLabel: '付款后更新会员等级', status: 'failed' as const, attempts: 20, lastError: 'x', nextAttemptAt: '', eventCreatedAt: '' };
  it('says all clear when nothing failed or is stuck', () => {
    expect(deliveriesSummary({ failed: 0, overdue: 0, items: [] })).toEqual({ type: 'success', text: '所有事件都已送达，或正在按计划重试' });
  });

  it('counts what gave up and what is stuck, and says when only the latest are listed', () => {
    expect(deliveriesSummary({ failed: 1, overdue: 0, items: [item] })).toEqual({ type: 'error', text: '1 条已放弃重试。排除原因后点“重新投递”。' });
    expect(deliveriesSummary({ failed: 0, overdue: 3, items: [item, item, item] }).type).toBe('warning');
    expect(deliveriesSummary({ failed: 60, overdue: 2, items: Array(50).fill(item) }).text).toBe('60 条已放弃重试，2 条积压超过 5 分钟（下面列出最近的 50 条）。排除原因后点“重新投递”。');
  });
});
