import type { AdminEventDelivery, AdminEventDeliveryList, AdminJobList, JobRunResult } from '@shared/api/jobs';
import { http } from '@/api/client';

export function fetchJobs(): Promise<AdminJobList> {
  return http.get<AdminJobList>('/jobs');
}

export function runJobNow(name: string): Promise<JobRunResult> {
  return http.post<JobRunResult>(`/jobs/${encodeURIComponent(name)}/run`, {});
}

export function fetchEventDeliveries(): Promise<AdminEventDeliveryList> {
  return http.get<AdminEventDeliveryList>('/event-deliveries');
}

export function retryEventDelivery(delivery: Pick<AdminEventDelivery, 'eventId' | 'follower'>): Promise<AdminEventDelivery> {
  return http.post<AdminEventDelivery>(`/event-deliveries/${encodeURIComponent(delivery.eventId)}/${encodeURIComponent(delivery.follower)}/retry`, {});
}
