import { COUPON_ISSUE_SKIP_REASON_LABELS, type CouponIssueLine, type IssueCouponsResponse } from '@shared/api/coupons';

/** The server reads at most this many members per request (ids plus lines). */
export const MAX_ISSUE_LINES = 5000;

/** The non-blank lines of a pasted or uploaded list: what the server will read one member from each. */
export function countIssueLines(text: string): number {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '').length;
}

/** Why the dialog cannot send yet, or null. */
export function issueInputProblem(memberIds: number[], text: string): string | null {
  const total = memberIds.length + countIssueLines(text);
  if (total === 0) return '请选择会员，或粘贴、上传会员 ID / 手机号';
  return total > MAX_ISSUE_LINES ? `一次最多发放 ${MAX_ISSUE_LINES} 人，当前 ${total} 人` : null;
}

/** The result's headline, e.g. 已发放 3 张，跳过 2 行. */
export function issueSummary(result: Pick<IssueCouponsResponse, 'issued' | 'skipped'>): string {
  return result.skipped ? `已发放 ${result.issued} 张，跳过 ${result.skipped} 行` : `已发放 ${result.issued} 张`;
}

export interface SkippedRow {
  key: string;
  /** 第 3 位已选会员 / 名单第 5 行 */
  where: string;
  input: string;
  reason: string;
}

/** The skipped entries with where they came from and the reason as staff read it. */
export function skippedRows(lines: CouponIssueLine[]): SkippedRow[] {
  return lines
    .filter((line) => line.result === 'skipped')
    .map((line) => ({
      key: `${line.source}-${line.line}`,
      where: line.source === 'memberIds' ? `第 ${line.line} 位已选会员` : `名单第 ${line.line} 行`,
      input: line.input,
      reason: line.reason ? COUPON_ISSUE_SKIP_REASON_LABELS[line.reason] : '未发放',
    }));
}
