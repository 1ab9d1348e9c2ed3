import type { Paginated } from '@shared/api/common';
import type { MembershipCard, MyPointsQuery, PointsLedgerEntry } from '@shared/api/loyalty';
import { request } from './request';

/** The member center's level card, benefits and points summary (pages show the error in place). */
export function fetchMembership(): Promise<MembershipCard> {
  return request<MembershipCard>('/me/membership', { toast: false });
}

/** The points ledger, newest first. */
export function listMyPoints(query: MyPointsQuery): Promise<Paginated<PointsLedgerEntry>> {
  return request<Paginated<PointsLedgerEntry>>('/me/points', { query: { ...query }, toast: false });
}
