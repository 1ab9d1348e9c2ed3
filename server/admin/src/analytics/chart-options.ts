import type { CohortRow, RepurchasedProduct } from '@shared/api/analytics';
import { COHORT_FOLLOW_MONTHS } from '@shared/api/analytics';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { ratePercent } from './metrics-format';

/** The option shape of the parts registered in Chart.tsx. */
export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** 第1月 … 第6月: months after the first purchase. */
export const FOLLOW_MONTH_LABELS = Array.from({ length: COHORT_FOLLOW_MONTHS }, (_, index) => `第${index + 1}月`);

const percentText = (value: unknown) => (typeof value === 'number' ? `${value}%` : '—');

/**
 * Cohort curves: one line per first-purchase month (empty cohorts left out), the share of it that bought again in
 * each following month. Months still to come are gaps, not zeros.
 */
export function cohortCurvesOption(cohorts: CohortRow[]): ChartOption {
  const shown = cohorts.filter((cohort) => cohort.members > 0);
  return {
    tooltip: { trigger: 'axis', valueFormatter: percentText },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: FOLLOW_MONTH_LABELS, boundaryGap: false },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value}%' } },
    series: shown.map((cohort) => ({
      type: 'line',
      name: `${cohort.month}（${cohort.members} 人）`,
      data: cohort.followUps.map((cell) => ratePercent(cell.rate)),
      connectNulls: false,
      symbolSize: 6,
    })),
  };
}

/** Whether any cohort has a member and a month after its first purchase that has come: else there is no curve to draw. */
export function hasCohortCurves(cohorts: CohortRow[]): boolean {
  return cohorts.some((cohort) => cohort.members > 0 && cohort.followUps.some((cell) => cell.rate !== null));
}

/** Most repurchased products as horizontal bars, the first at the top. */
export function topProductsOption(products: RepurchasedProduct[]): ChartOption {
  const bottomUp = [...products].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: bottomUp.map((product) => product.title),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: '复购人数',
        data: bottomUp.map((product) => product.repurchasingMembers),
        label: { show: true, position: 'right' },
        barMaxWidth: 24,
      },
    ],
  };
}
