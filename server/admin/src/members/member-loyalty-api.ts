import type { Paginated } from '@shared/api/common';
import type { AdjustPointsRequest, AdminMemberLoyalty, AdminPointsLedgerEntry } from '@shared/api/loyalty';
import { http } from '@/api/client';

export function fetchMemberLoyalty(memberId: number): Promise<AdminMemberLoyalty> {
  return http.get<AdminMemberLoyalty>(`/members/${memberId}/loyalty`);
}

/** The member's points ledger, newest first. */
export function fetchMemberPoints(memberId: number, query: { page: number; pageSize: number }): Promise<Paginated<AdminPointsLedgerEntry>> {
  return http.get<Paginated<AdminPointsLedgerEntry>>(`/members/${memberId}/points`, query);
}

/** A credit (positive) or debit (negative) by hand; the reason stays in the ledger. */
export function adjustMemberPoints(memberId: number, body: AdjustPointsRequest): Promise<AdminPointsLedgerEntry> {
  return http.post<AdminPointsLedgerEntry>(`/members/${memberId}/points-adjustments`, body);
}
