import type { ExpectedNextBasis, MemberPurchaseStats } from '@shared/api/analytics';

/** Where the expected next purchase date comes from, as staff read it. */
export const EXPECTED_BASIS_LABELS: Record<ExpectedNextBasis, string> = {
  own_average: '按本人平均复购间隔',
  shop_median: '按全店首购到二购中位天数',
};

/** "2026-12-01（按本人平均复购间隔 21 天）"; "—" without paid orders. */
export function expectedNextText(stats: Pick<MemberPurchaseStats, 'expectedNextPurchaseDate' | 'expectedNextBasis' | 'expectedIntervalDays'>): string {
  const { expectedNextPurchaseDate: date, expectedNextBasis: basis, expectedIntervalDays: days } = stats;
  if (!date) return '—';
  return basis && days !== null ? `${date}（${EXPECTED_BASIS_LABELS[basis]} ${days} 天）` : date;
}

/**
 * Days the member is past the expected next purchase (0 when not yet due), from figures the server computed on
 * the same day: days since the last purchase minus the interval that was expected.
 */
export function daysOverdue(stats: Pick<MemberPurchaseStats, 'daysSinceLastPurchase' | 'expectedIntervalDays'>): number {
  const { daysSinceLastPurchase: since, expectedIntervalDays: interval } = stats;
  if (since === null || interval === null) return 0;
  return Math.max(0, since - interval);
}
