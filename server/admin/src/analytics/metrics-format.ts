import type { RepeatPurchaseMetrics } from '@shared/api/analytics';
import type { CSSProperties } from 'react';

/** A share (0..1) as a percentage with one decimal, e.g. 0.4567 → 45.7; null stays null. For display only. */
export function ratePercent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

/** A share (0..1) as staff read it: "45.7%", or "—" when there is nothing to divide by. */
export function formatRate(rate: number | null): string {
  const percent = ratePercent(rate);
  return percent === null ? '—' : `${percent}%`;
}

/** Days that may end in .5 (a median of an even count): "12 天", "12.5 天"; "—" when no member qualifies. */
export function formatDays(days: number | null): string {
  return days === null ? '—' : `${days} 天`;
}

/** The range had no paid order at all and no member's first order fell in its months: nothing to chart. */
export function hasNoPaidOrders(metrics: RepeatPurchaseMetrics): boolean {
  return metrics.returningGmv.totalOrders === 0 && metrics.cohorts.every((cohort) => cohort.members === 0);
}

// antd's primary blue; the heat map is this colour at a strength that follows the rate.
const HEAT_RGB = '22, 119, 255';

/**
 * The background of a cohort cell: the higher the share who came back, the stronger the blue. Months still to
 * come (null) stay blank; 0% keeps a faint tint so it reads as a measured zero, not a gap.
 */
export function cohortCellStyle(rate: number | null): CSSProperties | undefined {
  if (rate === null) return undefined;
  const strength = Math.min(1, Math.max(0, rate));
  const alpha = Math.round((0.06 + 0.84 * strength) * 100) / 100;
  return { background: `rgba(${HEAT_RGB}, ${alpha})`, color: strength >= 0.5 ? '#fff' : undefined };
}

/**
 * What counts as a repeat purchase (shared/api/analytics.ts), as the dashboard says it: a paid order on a
 * later China day than the member's first; orders of one day are one purchase.
 */
export const REPEAT_PURCHASE_DEFINITION =
  '复购口径：会员在首次付款之后的另一天（北京时间）再次付款才算复购；同一天内的多笔订单算一次购买，不算复购，首购到二购天数因此至少为 1 天。';
