import { formatYuan } from '@shared/money';
import type { CommissionRecord, MyPromoterStatus, ReferralLedgerEntry } from '@shared/api/referral';

/** What the promoter center shows for a member's status. */
export type PromoterView =
  /** 分销 is off in this shop. */
  | 'off'
  /** 指定分销, never applied: the apply form. */
  | 'apply'
  | 'pending'
  /** Refused: the reason and the form to apply again. */
  | 'rejected'
  | 'frozen'
  /** 人人分销 with a minimum spend not reached yet. */
  | 'spend'
  | 'active';

export function promoterView(status: MyPromoterStatus): PromoterView {
  if (!status.programEnabled) return 'off';
  if (status.status === 'active') return 'active';
  if (status.status === 'frozen') return 'frozen';
  if (status.status === 'pending') return 'pending';
  if (status.status === 'rejected') return 'rejected';
  return status.programMode === 'approved' ? 'apply' : 'spend';
}

/**
 * With 分销 off, what the member may still do: withdraw a balance, see a debt, or confirm a withdrawal already under
 * way (`openWithdrawal`: one of theirs is neither paid out nor returned). Null: nothing left, the center has no use.
 */
export function leftoverAfterProgramOff(status: MyPromoterStatus, openWithdrawal: boolean): string | null {
  if (openWithdrawal) return '有提现在处理中';
  if (status.debtFen > 0) return `佣金欠款 ${formatYuan(status.debtFen)}`;
  if (status.balanceFen > 0) return `可提现 ${formatYuan(status.balanceFen)}`;
  return null;
}

/** The line under 推广中心 on 我的 (null: the entry is hidden — 分销 is off and nothing is left to withdraw). */
export function promoterEntryText(status: MyPromoterStatus, openWithdrawal = false): string | null {
  switch (promoterView(status)) {
    case 'off': {
      const leftover = leftoverAfterProgramOff(status, openWithdrawal);
      return leftover && `分销已关闭 · ${leftover}`;
    }
    case 'active':
      return `今日收益 ${formatYuan(status.todayCommissionFen)}`;
    case 'apply':
      return '申请成为推广员';
    case 'pending':
      return '申请审核中';
    case 'rejected':
      return '申请未通过，可重新申请';
    case 'frozen':
      return '推广资格已冻结，暂停提现';
    case 'spend':
      return status.spendToGoFen ? `再消费 ${formatYuan(status.spendToGoFen)} 成为推广员` : '推广员';
  }
}

/** Basis points as a percentage: 1000 → "10%", 1250 → "12.5%". */
export function rateText(rateBp: number): string {
  return `${Number((rateBp / 100).toFixed(2))}%`;
}

export function levelText(level: 1 | 2): string {
  return level === 1 ? '一级' : '二级';
}

/** A signed amount: +¥3.00 / -¥3.00 (nothing for 0). */
export function signedYuan(fen: number): string {
  if (fen === 0) return '';
  return `${fen > 0 ? '+' : '-'}${formatYuan(Math.abs(fen))}`;
}

/** The ledger row's amounts: the balance change, and the debt change when there is one. */
export function ledgerAmounts(entry: ReferralLedgerEntry): { balance: string; debt: string | null } {
  return {
    balance: signedYuan(entry.balanceDeltaFen) || '¥0.00',
    debt: entry.debtDeltaFen === 0 ? null : `欠款 ${signedYuan(entry.debtDeltaFen)}`,
  };
}

/** "原佣金 ¥4.36，已扣回 ¥1.45" when refunds took part of a record back, else null. */
export function reversalNote(record: CommissionRecord): string | null {
  if (record.reversedFen === 0) return null;
  return `原佣金 ${formatYuan(record.originalFen)}，退款扣回 ${formatYuan(record.reversedFen)}`;
}
