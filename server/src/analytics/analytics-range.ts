import { HttpStatus } from '@nestjs/common';
import { MAX_ANALYTICS_RANGE_DAYS } from '../../../shared';
import { daysBetween } from '../../../shared/china-time';
import { ApiException } from '../platform/errors/api-exception';

/** 400 ANALYTICS_RANGE_INVALID when `to` is before `from` (calendar days); else the days of the range, both included. */
export function assertRangeOrdered(from: string, to: string): number {
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw new ApiException('ANALYTICS_RANGE_INVALID', HttpStatus.BAD_REQUEST, '结束日期不能早于开始日期', { from, to });
  return days;
}

/**
 * The days of a report's `from`..`to` (both included, already checked as calendar days): 400
 * ANALYTICS_RANGE_INVALID when `to` is before `from`, 400 ANALYTICS_RANGE_TOO_LONG beyond MAX_ANALYTICS_RANGE_DAYS.
 */
export function analyticsRangeDays(from: string, to: string): number {
  const days = assertRangeOrdered(from, to);
  if (days > MAX_ANALYTICS_RANGE_DAYS) {
    throw new ApiException('ANALYTICS_RANGE_TOO_LONG', HttpStatus.BAD_REQUEST, `日期范围最长 ${MAX_ANALYTICS_RANGE_DAYS} 天`, { from, to, days, maxDays: MAX_ANALYTICS_RANGE_DAYS });
  }
  return days;
}
