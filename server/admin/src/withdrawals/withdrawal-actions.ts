import type { AdminWithdrawal } from '@shared/api/withdrawals';
import { WITHDRAWAL_REVIEW_ROLES, type StaffRole } from '@shared/roles';

export type WithdrawalAction = 'approve' | 'reject' | 'cancel' | 'refresh';

/** What staff of `role` may do with the withdrawal now (the server checks the same roles and states). */
export function withdrawalActions(withdrawal: Pick<AdminWithdrawal, 'status'>, role: StaffRole): WithdrawalAction[] {
  if (!WITHDRAWAL_REVIEW_ROLES.includes(role)) return [];
  switch (withdrawal.status) {
    case 'requested':
      return ['approve', 'reject'];
    case 'approved':
    case 'waiting':
      return ['cancel', 'refresh'];
    default:
      return [];
  }
}
