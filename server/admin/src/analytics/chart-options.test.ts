import type { CohortRow, RepurchasedProduct } from '@shared/api/analytics';
import { describe, expect, it } from 'vitest';
import { cohortCurvesOption, FOLLOW_MONTH_LABELS, hasCohortCurves, topProductsOption } from './chart-options';

function cohort(month: string, members: number, returned: (number | null)[]): CohortRow {
  return {
    month,
    members,
    followUps: returned.map((count, index) => ({
      offset: index + 1,
      month: `m+${index + 1}`,
      returned: count,
      rate: count === null || members === 0 ? null : count / members,
    })),
  };
}

describe('cohortCurvesOption', () => {
  const option = cohortCurvesOption([
    cohort('2026-09', 4, [1, 2, null, null, null, null]),
    cohort('2026-10', 0, [0, null, null, null, null, null]),
    cohort('2026-11', 3, [null, null, null, null, null, null]),
  ]);
  const series = option.series as { name: string; data: (number | null)[] }[];

  it('draws one line per cohort that has members, named with its size', () => {
    expect(series.map((line) => line.name)).toEqual(['2026-09（4 人）', '2026-11（3 人）']);
  });

  it('plots percentages and leaves months still to come as gaps', () => {
    expect(series[0].data).toEqual([25, 50, null, null, null, null]);
    expect(series[1].data).toEqual([null, null, null, null, null, null]);
  });

  it('labels the six months after the first purchase', () => {
    expect(option.xAxis).toMatchObject({ data: ['第1月', '第2月', '第3月', '第4月', '第5月', '第6月'] });
    expect(FOLLOW_MONTH_LABELS).toHaveLength(6);
  });
});

describe('hasCohortCurves', () => {
  it('needs a cohort with members and a following month that has come', () => {
    expect(hasCohortCurves([cohort('2026-11', 3, [null, null, null, null, null, null])])).toBe(false);
    expect(hasCohortCurves([cohort('2026-10', 0, [0, null, null, null, null, null])])).toBe(false);
    expect(hasCohortCurves([cohort('2026-10', 2, [0, null, null, null, null, null])])).toBe(true);
    expect(hasCohortCurves([])).toBe(false);
  });
});

describe('topProductsOption', () => {
  const products: RepurchasedProduct[] = [
    { productId: 7, title: '西湖龙井', repurchasingMembers: 5, orders: 12 },
    { productId: 3, title: '桂花乌龙', repurchasingMembers: 2, orders: 4 },
  ];

  it('puts the most repurchased product at the top of the bars', () => {
    const option = topProductsOption(products);
    // echarts draws a category axis from the bottom up
    expect(option.yAxis).toMatchObject({ data: ['桂花乌龙', '西湖龙井'] });
    expect((option.series as { data: number[] }[])[0].data).toEqual([2, 5]);
    expect(products[0].title).toBe('西湖龙井'); // the list handed in is left as it was
  });
});
