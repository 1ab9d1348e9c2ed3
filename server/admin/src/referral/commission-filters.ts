import { COMMISSION_STATUSES, type AdminCommissionQuery, type CommissionStatus } from '@shared/api/referral';

/** The 佣金明细 filter form as ProTable hands it over (the date range arrives as YYYY-MM-DD strings). */
export interface CommissionFilterValues {
  promoterId?: string | number;
  status?: string;
  createdRange?: [string, string] | string[];
  orderNo?: string;
}

/** What the server takes as an order number (AdminCommissionQueryDto). */
export const ORDER_NO_PATTERN = /^[0-9A-Za-z]{1,24}$/;

/**
 * The server's filters for what the form holds: text trimmed, blanks and unknown values left out, so the list and
 * the CSV export of the same form ask for exactly the same records.
 */
export function commissionFilters(values: CommissionFilterValues): Omit<AdminCommissionQuery, 'page' | 'pageSize'> {
  const query: Omit<AdminCommissionQuery, 'page' | 'pageSize'> = {};
  const promoterId = Number(String(values.promoterId ?? '').trim());
  if (Number.isInteger(promoterId) && promoterId > 0) query.promoterId = promoterId;
  if (values.status && (COMMISSION_STATUSES as readonly string[]).includes(values.status)) query.status = values.status as CommissionStatus;
  const [from, to] = values.createdRange ?? [];
  if (from) query.from = from;
  if (to) query.to = to;
  const orderNo = values.orderNo?.trim();
  if (orderNo) query.orderNo = orderNo;
  return query;
}

/** Name of the exported CSV when the server does not name it: 佣金明细-<today>.csv. */
export function commissionExportFilename(today: string): string {
  return `佣金明细-${today}.csv`;
}
