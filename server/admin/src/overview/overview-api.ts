import type { DemoHistoryRemoved, DemoHistoryStatus } from '@shared/api/demo-history';
import type { OverviewPeriod, OverviewTodos, StoreOverview } from '@shared/api/overview';
import { http } from '@/api/client';

export function fetchOverview(period: OverviewPeriod): Promise<StoreOverview> {
  return http.get<StoreOverview>('/overview', { period });
}

export function fetchOverviewTodos(): Promise<OverviewTodos> {
  return http.get<OverviewTodos>('/overview/todos');
}

export function fetchDemoHistory(): Promise<DemoHistoryStatus> {
  return http.get<DemoHistoryStatus>('/demo-history');
}

export function removeDemoHistory(): Promise<DemoHistoryRemoved> {
  return http.delete<DemoHistoryRemoved>('/demo-history');
}
