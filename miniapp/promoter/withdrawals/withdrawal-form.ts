import { formatFen, parseYuanToFen } from '@shared/money';
import type { MyWithdrawals } from '@shared/api/withdrawals';
import type { MyPromoterStatus } from '@shared/api/referral';

export type WithdrawalRules = Pick<MyWithdrawals, 'balanceFen' | 'debtFen' | 'minFen' | 'maxFen' | 'dailyLimitFen' | 'todayLeftFen'>;

/** The rules in one line, as the form shows them under the amount. */
export function rulesText(rules: WithdrawalRules): string {
  return `单次 ¥${formatFen(rules.minFen)} 起，最多 ¥${formatFen(rules.maxFen)}；每天最多 ¥${formatFen(rules.dailyLimitFen)}，今天还可提现 ¥${formatFen(rules.todayLeftFen)}`;
}

/** The most one request may take now: the balance, within the day's rest and the per-request maximum. */
export function mostNowFen(rules: WithdrawalRules): number {
  return Math.max(0, Math.min(rules.balanceFen, rules.todayLeftFen, rules.maxFen));
}

/** Yuan as typed: digits, at most two decimals, no sign (a trailing "." is fine while typing). */
const AMOUNT_PATTERN = /^\d*(\.\d{0,2})?$/;

/** Why the text typed so far can never be an amount (null when it may be); the form says it instead of rewriting the text. */
export function amountFormatProblem(text: string): string | null {
  return AMOUNT_PATTERN.test(text.trim()) ? null : '金额只能填数字，最多两位小数，不能带正负号';
}

/** The typed amount in fen, or why it cannot be asked for (the server checks the same, this only saves a round trip). */
export function checkAmount(text: string, rules: WithdrawalRules): { fen: number } | { problem: string } {
  if (rules.debtFen > 0) return { problem: `有 ¥${formatFen(rules.debtFen)} 佣金欠款待抵扣，还清前不能提现` };
  const formatProblem = amountFormatProblem(text);
  if (formatProblem) return { problem: formatProblem };
  const fen = parseYuanToFen(text);
  if (fen === null || fen <= 0) return { problem: '请输入提现金额（元，最多两位小数）' };
  if (fen < rules.minFen) return { problem: `单次最少提现 ¥${formatFen(rules.minFen)}` };
  if (fen > rules.balanceFen) return { problem: `可提现余额只有 ¥${formatFen(rules.balanceFen)}` };
  if (fen > rules.maxFen) return { problem: `单次最多提现 ¥${formatFen(rules.maxFen)}` };
  if (fen > rules.todayLeftFen) return { problem: `今天还可提现 ¥${formatFen(rules.todayLeftFen)}` };
  return { fen };
}

/** Why the form is off for this promoter, or null: a frozen promoter's withdrawals are paused (confirming one already approved is not). */
export function pausedReason(status: Pick<MyPromoterStatus, 'status'>): string | null {
  return status.status === 'frozen' ? '推广资格已冻结，暂停提现；已通过审核的提现仍可确认收款。如有疑问请联系客服' : null;
}
