import type { DueForRepurchaseQuery } from '@shared/api/analytics';
import { yuanTextToFen } from '@/common/money-text';

/** The due-for-repurchase filter form as ProTable hands it over: spend as the yuan text typed. */
export interface DueFilterValues {
  levelId?: number;
  minSpent?: string;
  maxSpent?: string;
}

export type DueFilters = Omit<DueForRepurchaseQuery, 'page' | 'pageSize'>;

/**
 * The server's filters for what the form holds: spend in integer fen, blanks left out, so the list and the CSV
 * export of the same form ask for exactly the same members. Malformed amounts never get here (the form rules stop them).
 */
export function dueListFilters(values: DueFilterValues): DueFilters {
  const query: DueFilters = {};
  if (typeof values.levelId === 'number') query.levelId = values.levelId;
  const min = yuanTextToFen(values.minSpent);
  if (min !== null) query.minSpentFen = min;
  const max = yuanTextToFen(values.maxSpent);
  if (max !== null) query.maxSpentFen = max;
  return query;
}

/** Why the spend bounds do not make a range (checked on the upper bound's field), or null. */
export function spendRangeProblem(minText: string | undefined, maxText: string | undefined): string | null {
  let min: number | null;
  let max: number | null;
  try {
    min = yuanTextToFen(minText);
    max = yuanTextToFen(maxText);
  } catch {
    return null; // each field's own rule names a malformed amount
  }
  return min !== null && max !== null && min > max ? '最高累计实付不能低于最低累计实付' : null;
}

/** Name of the exported CSV when the server does not name it: 待复购会员-<today>.csv. */
export function dueExportFilename(today: string): string {
  return `待复购会员-${today}.csv`;
}
