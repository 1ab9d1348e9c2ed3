import type { Paginated } from '@shared/api/common';
import type { CommissionRecord, CommissionStatus, MyPromoterStatus, ReferralLedgerEntry, TeamMember } from '@shared/api/referral';
import { request } from './request';

// The promoter center's data (server: src/referral/referral.controller.ts). Pages show load errors in place; a refused
// application toasts the server's reason.

export function fetchPromoterStatus(): Promise<MyPromoterStatus> {
  return request<MyPromoterStatus>('/referral/promoter', { toast: false });
}

/** 指定分销: apply (no fee, no purchase needed); answers the new status. */
export function applyPromoter(note: string): Promise<MyPromoterStatus> {
  return request<MyPromoterStatus>('/referral/promoter/apply', { method: 'POST', body: note ? { note } : {} });
}

export function listMyTeam(query: { level: 1 | 2; page: number; pageSize: number }): Promise<Paginated<TeamMember>> {
  return request<Paginated<TeamMember>>('/referral/team', { query: { ...query }, toast: false });
}

export function listMyCommissions(query: { status?: CommissionStatus; page: number; pageSize: number }): Promise<Paginated<CommissionRecord>> {
  return request<Paginated<CommissionRecord>>('/referral/commissions', { query: { ...query }, toast: false });
}

export function listMyReferralLedger(query: { page: number; pageSize: number }): Promise<Paginated<ReferralLedgerEntry>> {
  return request<Paginated<ReferralLedgerEntry>>('/referral/ledger', { query: { ...query }, toast: false });
}
