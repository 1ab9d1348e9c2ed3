import type { AdminJobList, JobRunResult } from '@shared/api/jobs';
import { http } from '@/api/client';

export function fetchJobs(): Promise<AdminJobList> {
  return http.get<AdminJobList>('/jobs');
}

export function runJobNow(name: string): Promise<JobRunResult> {
  return http.post<JobRunResult>(`/jobs/${encodeURIComponent(name)}/run`, {});
}
