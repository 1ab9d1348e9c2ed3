import type { MemberLevel } from '@shared/api/loyalty';
import { formatYuan, type Fen } from '@shared/money';

export interface LevelProgress {
  /** Null at the top level. */
  nextLevel: MemberLevel | null;
  /** How much more the member must pay to reach it (0 at the top). */
  fenToNext: Fen;
  /** How far from this level's threshold to the next (0–100, whole percent; 100 at the top). */
  percent: number;
}

/** Where a member stands between their level and the next, from the tier list and their net paid. */
export function levelProgress(levels: MemberLevel[], current: MemberLevel, netPaidFen: Fen): LevelProgress {
  const nextLevel = levels.filter((level) => level.rank > current.rank).sort((a, b) => a.rank - b.rank)[0] ?? null;
  if (!nextLevel) return { nextLevel: null, fenToNext: 0, percent: 100 };
  const span = nextLevel.minPaidFen - current.minPaidFen;
  const done = netPaidFen - current.minPaidFen;
  const percent = span > 0 ? Math.min(100, Math.max(0, Math.floor((done * 100) / span))) : 100;
  return { nextLevel, fenToNext: Math.max(0, nextLevel.minPaidFen - netPaidFen), percent };
}

/** The line under the progress bar, as staff read it. */
export function levelProgressText(progress: LevelProgress, current: MemberLevel): string {
  if (!progress.nextLevel) return `已是最高等级「${current.name}」`;
  return `再消费 ${formatYuan(progress.fenToNext)} 升级为「${progress.nextLevel.name}」`;
}

const LEVEL_CHANGE_REASONS: Record<string, string> = {
  order_paid: '订单支付',
  order_refunded: '订单退款',
  sweep: '定期重算',
};

/** A level change's cause in words; a cause newer than this console reads as 等级重算. */
export function levelChangeReasonLabel(reason: string): string {
  return LEVEL_CHANGE_REASONS[reason] ?? '等级重算';
}

/** A points amount with its sign: +120 / -50. */
export function signedPoints(delta: number): string {
  return delta > 0 ? `+${delta}` : String(delta);
}

/**
 * Why a typed adjustment is refused, or null: a non-zero whole number within ±1 000 000 (the server's
 * bounds) and within the role's per-adjustment limit (null: none), that does not take more than the balance.
 */
export function pointsAdjustmentProblem(delta: number | null | undefined, balance: number, limit: number | null = null): string | null {
  if (delta === null || delta === undefined || !Number.isInteger(delta)) return '请输入整数积分';
  if (delta === 0) return '调整积分不能为 0';
  if (Math.abs(delta) > 1_000_000) return '单次调整不超过 1000000 积分';
  if (limit !== null && Math.abs(delta) > limit) return `单次调整不能超过 ±${limit} 积分，更大的调整请由运营或店主操作`;
  if (delta < 0 && -delta > balance) return `扣减不能超过当前余额 ${balance} 积分`;
  return null;
}

/** What points are worth at the points rule's rate, rounded down to the fen as checkout redeems them: 2000 at 100 per 元 → ¥20.00. */
export function pointsValueFen(points: number, pointsPerYuan: number): Fen {
  return Math.floor((Math.abs(points) * 100) / pointsPerYuan);
}

/** The question asked before an adjustment is made: what it does, in points and in 元. */
export function pointsAdjustmentConfirmText(delta: number, balance: number, pointsPerYuan: number): string {
  const value = formatYuan(pointsValueFen(delta, pointsPerYuan));
  const verb = delta > 0 ? '增加' : '扣减';
  return `确认给会员${verb} ${Math.abs(delta)} 积分（价值 ${value}，按 ${pointsPerYuan} 积分 = 1 元）？调整后余额 ${balance + delta} 积分。`;
}
