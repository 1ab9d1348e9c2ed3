import { describe, expect, it } from 'vitest';
import { couponRowActions } from './coupon-actions';
import { usageRateText } from './coupon-stats';
import { countIssueLines, issueInputProblem, issueSummary, skippedRows } from './issue-input';

describe('couponRowActions', () => {
  it('lets owners and operators edit, issue, pause or end an active template', () => {
    expect(couponRowActions({ status: 'active', type: 'amount_off' }, 'operator')).toEqual(['edit', 'issue', 'pause', 'end']);
    expect(couponRowActions({ status: 'paused', type: 'amount_off' }, 'owner')).toEqual(['edit', 'resume', 'end']);
  });

  it('leaves nothing to do with an ended template', () => {
    expect(couponRowActions({ status: 'ended', type: 'amount_off' }, 'owner')).toEqual([]);
  });

  it('lets customer service only issue, and the warehouse nothing', () => {
    expect(couponRowActions({ status: 'active', type: 'percent_off' }, 'customer_service')).toEqual(['issue']);
    expect(couponRowActions({ status: 'active', type: 'percent_off' }, 'warehouse')).toEqual([]);
  });

  it('does not offer issuing newcomer coupons (the shop issues them at first login)', () => {
    expect(couponRowActions({ status: 'active', type: 'newcomer' }, 'owner')).toEqual(['edit', 'pause', 'end']);
  });
});

describe('issue input', () => {
  it('counts the non-blank lines of a pasted list', () => {
    expect(countIssueLines('13800000001\r\n\n  \n42\n13800000002')).toBe(3);
  });

  it('asks for at least one member and at most 5000', () => {
    expect(issueInputProblem([], ' \n')).toBe('请选择会员，或粘贴、上传会员 ID / 手机号');
    expect(issueInputProblem([1, 2], '')).toBeNull();
    expect(issueInputProblem([1], Array.from({ length: 5000 }, (_, i) => String(i + 1)).join('\n'))).toBe('一次最多发放 5000 人，当前 5001 人');
  });

  it('sums up the result and lists skipped lines with their reasons', () => {
    expect(issueSummary({ issued: 3, skipped: 0 })).toBe('已发放 3 张');
    expect(issueSummary({ issued: 3, skipped: 2 })).toBe('已发放 3 张，跳过 2 行');
    expect(
      skippedRows([
        { source: 'memberIds', line: 1, input: '7', memberId: 7, result: 'issued', reason: null, memberCouponId: 11 },
        { source: 'memberIds', line: 2, input: '8', memberId: 8, result: 'skipped', reason: 'limit_reached', memberCouponId: null },
        { source: 'text', line: 1, input: '手机号', memberId: null, result: 'skipped', reason: 'invalid', memberCouponId: null },
        { source: 'text', line: 2, input: '13800000009', memberId: null, result: 'skipped', reason: 'member_not_found', memberCouponId: null },
        { source: 'text', line: 3, input: '7', memberId: 7, result: 'skipped', reason: 'duplicate', memberCouponId: null },
      ]),
    ).toEqual([
      { key: 'memberIds-2', where: '第 2 位已选会员', input: '8', reason: '已达每人限领数量' },
      { key: 'text-1', where: '名单第 1 行', input: '手机号', reason: '不是会员 ID 或手机号' },
      { key: 'text-2', where: '名单第 2 行', input: '13800000009', reason: '会员不存在' },
      { key: 'text-3', where: '名单第 3 行', input: '7', reason: '重复' },
    ]);
  });
});

describe('use rate', () => {
  it('is used over claimed, rounded down to 0.1%, and a dash before any claim', () => {
    expect(usageRateText({ claimedCount: 0, usedCount: 0 })).toBe('—');
    expect(usageRateText({ claimedCount: 120, usedCount: 30 })).toBe('25.0%');
    expect(usageRateText({ claimedCount: 3, usedCount: 2 })).toBe('66.6%');
    expect(usageRateText({ claimedCount: 7, usedCount: 7 })).toBe('100.0%');
  });
});
