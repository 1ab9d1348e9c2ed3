import type {
  LiveReportPage,
  LiveSession,
  LiveSessionAction,
  LiveSessionInput,
  LiveSessionPage,
  LiveSessionQuery,
  LiveSessionReport,
  LiveSettings,
} from '@shared/api/live';
import { http, requestFile } from '@/api/client';

/** The console's calls to the 直播 endpoints (shared/api/live.ts is the contract). */
export function fetchLiveSessions(query: LiveSessionQuery): Promise<LiveSessionPage> {
  return http.get<LiveSessionPage>('/live/sessions', { ...query });
}

export function fetchLiveSession(id: number): Promise<LiveSession> {
  return http.get<LiveSession>(`/live/sessions/${id}`);
}

export function createLiveSession(body: LiveSessionInput): Promise<LiveSession> {
  return http.post<LiveSession>('/live/sessions', body);
}

export function updateLiveSession(id: number, body: LiveSessionInput): Promise<LiveSession> {
  return http.put<LiveSession>(`/live/sessions/${id}`, body);
}

/** 开播 / 结束 / 取消: answers the session; 409 LIVE_SESSION_STATE_CONFLICT when it is no longer in the expected state. */
export function actOnLiveSession(id: number, action: LiveSessionAction): Promise<LiveSession> {
  return http.post<LiveSession>(`/live/sessions/${id}/${action}`);
}

/** Sessions planned within the China days `from`–`to` (YYYY-MM-DD, both included). */
export interface LiveReportQuery {
  from: string;
  to: string;
  page: number;
  pageSize: number;
}

export function fetchLiveReport(query: LiveReportQuery): Promise<LiveReportPage> {
  return http.get<LiveReportPage>('/live/report', { ...query });
}

/** Every session of the range as CSV (the list's columns). */
export function exportLiveReport(query: Omit<LiveReportQuery, 'page' | 'pageSize'>) {
  return requestFile('/live/report.csv', { ...query });
}

export function fetchLiveSessionReport(id: number): Promise<LiveSessionReport> {
  return http.get<LiveSessionReport>(`/live/sessions/${id}/report`);
}

export function fetchLiveSettings(): Promise<LiveSettings> {
  return http.get<LiveSettings>('/live/settings');
}

export function saveLiveSettings(body: LiveSettings): Promise<LiveSettings> {
  return http.put<LiveSettings>('/live/settings', body);
}
