import type {
  DueForRepurchaseQuery,
  DueForRepurchaseRow,
  MemberPurchaseStats,
  RepeatPurchaseMetrics,
  RepeatPurchaseQuery,
} from '@shared/api/analytics';
import type { Paginated } from '@shared/api/common';
import { http, requestFile } from '@/api/client';

export function fetchRepeatPurchaseMetrics(range: RepeatPurchaseQuery): Promise<RepeatPurchaseMetrics> {
  return http.get<RepeatPurchaseMetrics>('/analytics/repeat-purchase', { ...range });
}

export function fetchMemberPurchaseStats(memberId: number): Promise<MemberPurchaseStats> {
  return http.get<MemberPurchaseStats>(`/members/${memberId}/purchase-stats`);
}

export function fetchDueForRepurchase(query: DueForRepurchaseQuery): Promise<Paginated<DueForRepurchaseRow>> {
  return http.get<Paginated<DueForRepurchaseRow>>('/analytics/due-for-repurchase', { ...query });
}

/** The CSV of every due member matching the filters (the server caps it at 10 000 rows). */
export function exportDueForRepurchase(filters: Omit<DueForRepurchaseQuery, 'page' | 'pageSize'>) {
  return requestFile('/analytics/due-for-repurchase.csv', { ...filters });
}
