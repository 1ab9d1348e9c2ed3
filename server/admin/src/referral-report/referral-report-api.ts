import type { ReferralReport, ReferralReportQuery } from '@shared/api/referral-report';
import { http, requestFile } from '@/api/client';

export function fetchReferralReport(query: ReferralReportQuery): Promise<ReferralReport> {
  return http.get<ReferralReport>('/referral/report', { ...query });
}

/** Every sharer row of the range (and sharer filter) as CSV. */
export function exportReferralReport(query: Omit<ReferralReportQuery, 'page' | 'pageSize'>) {
  return requestFile('/referral/report.csv', { ...query });
}
