import type { CohortRow, RepeatPurchaseMetrics } from '@shared/api/analytics';
import { describe, expect, it } from 'vitest';
import { cohortCellStyle, formatDays, formatRate, hasNoPaidOrders, ratePercent } from './metrics-format';

describe('formatRate', () => {
  it('shows a share as a percentage with one decimal', () => {
    expect(formatRate(0.4567)).toBe('45.7%');
    expect(formatRate(1 / 3)).toBe('33.3%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0)).toBe('0%');
  });

  it('shows a dash when there was nothing to divide by', () => {
    expect(formatRate(null)).toBe('—');
    expect(ratePercent(null)).toBeNull();
  });
});

describe('formatDays', () => {
  it('keeps the half day of an even median', () => {
    expect(formatDays(12.5)).toBe('12.5 天');
    expect(formatDays(0)).toBe('0 天');
    expect(formatDays(null)).toBe('—');
  });
});

describe('cohortCellStyle', () => {
  it('leaves months still to come blank', () => {
    expect(cohortCellStyle(null)).toBeUndefined();
  });

  it('shades stronger for higher shares and turns the text white on dark cells', () => {
    expect(cohortCellStyle(0)).toEqual({ background: 'rgba(22, 119, 255, 0.06)', color: undefined });
    expect(cohortCellStyle(0.25)).toEqual({ background: 'rgba(22, 119, 255, 0.27)', color: undefined });
    expect(cohortCellStyle(0.5)).toEqual({ background: 'rgba(22, 119, 255, 0.48)', color: '#fff' });
    expect(cohortCellStyle(1)).toEqual({ background: 'rgba(22, 119, 255, 0.9)', color: '#fff' });
  });
});

describe('hasNoPaidOrders', () => {
  const cohort = (members: number): CohortRow => ({ month: '2026-10', members, followUps: [] });
  const metrics = (totalOrders: number, cohorts: CohortRow[]) =>
    ({ returningGmv: { totalOrders }, cohorts }) as unknown as RepeatPurchaseMetrics;

  it('is true only when the range has no paid order and no cohort member', () => {
    expect(hasNoPaidOrders(metrics(0, [cohort(0), cohort(0)]))).toBe(true);
    expect(hasNoPaidOrders(metrics(0, []))).toBe(true);
    expect(hasNoPaidOrders(metrics(1, [cohort(0)]))).toBe(false);
    // first orders earlier in the first month than the range starts still make a cohort worth showing
    expect(hasNoPaidOrders(metrics(0, [cohort(2)]))).toBe(false);
  });
});
