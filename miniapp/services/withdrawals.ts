import type { MyWithdrawals, Withdrawal, WithdrawalConfirmParams } from '@shared/api/withdrawals';
import { request } from './request';

/** My withdrawals (newest first), my balance and the shop's limits; the page shows errors in place. */
export function listMyWithdrawals(query: { page: number; pageSize: number }): Promise<MyWithdrawals> {
  return request<MyWithdrawals>('/referral/withdrawals', { query: { ...query }, toast: false });
}

/** Asks to withdraw `amountFen` of my balance (held at once; staff review it). */
export function requestWithdrawal(amountFen: number): Promise<Withdrawal> {
  return request<Withdrawal>('/referral/withdrawals', { method: 'POST', body: { amountFen } });
}

/** What 确认收款 needs for my waiting withdrawal. */
export function fetchConfirmParams(id: number): Promise<WithdrawalConfirmParams> {
  return request<WithdrawalConfirmParams>(`/referral/withdrawals/${id}/confirm-params`);
}
