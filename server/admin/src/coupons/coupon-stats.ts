import type { CouponTemplateStats } from '@shared/api/coupons';

/** Used as a share of claimed, e.g. 25.0%; a dash before anyone claimed. Integer arithmetic, rounded down to 0.1%. */
export function usageRateText(stats: Pick<CouponTemplateStats, 'claimedCount' | 'usedCount'>): string {
  if (stats.claimedCount === 0) return '—';
  const permille = Math.floor((stats.usedCount * 1000) / stats.claimedCount);
  return `${Math.floor(permille / 10)}.${permille % 10}%`;
}
