import type { Paginated } from '@shared/api/common';
import type { AdminWithdrawal, RejectWithdrawalRequest, WithdrawalStatus } from '@shared/api/withdrawals';
import { http } from '@/api/client';

export function fetchWithdrawals(query: { status?: WithdrawalStatus; memberId?: number; page: number; pageSize: number }): Promise<Paginated<AdminWithdrawal>> {
  return http.get<Paginated<AdminWithdrawal>>('/referral/withdrawals', query);
}

/** Approves and creates the WeChat transfer bill (the promoter then confirms receipt). */
export function approveWithdrawal(id: number): Promise<AdminWithdrawal> {
  return http.post<AdminWithdrawal>(`/referral/withdrawals/${id}/approve`);
}

export function rejectWithdrawal(id: number, body: RejectWithdrawalRequest): Promise<AdminWithdrawal> {
  return http.post<AdminWithdrawal>(`/referral/withdrawals/${id}/reject`, body);
}

/** Cancels a bill the promoter has not confirmed yet; the amount goes back once WeChat has cancelled it. */
export function cancelWithdrawal(id: number): Promise<AdminWithdrawal> {
  return http.post<AdminWithdrawal>(`/referral/withdrawals/${id}/cancel`);
}

/** Asks WeChat for the bill's state now. */
export function refreshWithdrawal(id: number): Promise<AdminWithdrawal> {
  return http.post<AdminWithdrawal>(`/referral/withdrawals/${id}/refresh`);
}
