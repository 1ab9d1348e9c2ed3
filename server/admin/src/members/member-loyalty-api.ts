import type { Paginated } from '@shared/api/common';
import type { AdjustPointsRequest, AdminMemberLoyalty, PointsLedgerEntry } from '@shared/api/loyalty';
import { http } from '@/api/client';

export function fetchMemberLoyalty(memberId: number): Promise<AdminMemberLoyalty> {
  return http.get<AdminMemberLoyalty>(`/members/${memberId}/loyalty`);
}

/** The member's points ledger, newest first. */
export function fetchMemberPoints(memberId: number, query: { page: number; pageSize: number }): Promise<Paginated<PointsLedgerEntry>> {
  return http.get<Paginated<PointsLedgerEntry>>(`/members/${memberId}/points`, query);
}

/** A credit (positive) or debit (negative) by hand; the reason stays in the ledger. */
export function adjustMemberPoints(memberId: number, body: AdjustPointsRequest): Promise<PointsLedgerEntry> {
  return http.post<PointsLedgerEntry>(`/members/${memberId}/points-adjustments`, body);
}
