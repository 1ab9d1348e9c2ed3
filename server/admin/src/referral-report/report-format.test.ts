import { describe, expect, it } from 'vitest';
import { dailyFunnelOption, funnelSteps, isEmptyReport, ratio } from './report-format';

const figures = { shares: 4, visits: 10, newMembers: 3, firstOrders: 1, orders: 3, gmvFen: 30001 };

describe('funnelSteps', () => {
  it('shows each figure with the conversion from the step before', () => {
    expect(funnelSteps(figures).map((step) => [step.title, step.value, step.conversion])).toEqual([
      ['分享次数', '4', null],
      ['访客数', '10', '每次分享带来 2.5 位访客'],
      ['新会员', '3', '访客注册率 30%'],
      ['首单', '1', '新会员首单率 33.3%'],
      ['GMV', '¥300.01', '3 笔支付订单，客单价 ¥100.00'],
    ]);
  });

  it('says — where there is nothing to divide by', () => {
    const none = { shares: 0, visits: 0, newMembers: 0, firstOrders: 0, orders: 0, gmvFen: 0 };
    expect(funnelSteps(none).map((step) => step.conversion)).toEqual([null, '每次分享带来 — 位访客', '访客注册率 —', '新会员首单率 —', '0 笔支付订单，客单价 —']);
    expect(isEmptyReport(none)).toBe(true);
    expect(isEmptyReport({ ...none, visits: 1 })).toBe(false);
    expect(ratio(1, 0)).toBeNull();
  });
});

describe('dailyFunnelOption', () => {
  it('draws the counts as bars and GMV in yuan on the right axis', () => {
    const option = dailyFunnelOption([
      { day: '2026-03-01', ...figures },
      { day: '2026-03-02', shares: 0, visits: 1, newMembers: 0, firstOrders: 0, orders: 0, gmvFen: 0 },
    ]);
    expect(option.xAxis).toMatchObject({ data: ['03-01', '03-02'] });
    const series = option.series as { type: string; name: string; data: number[]; yAxisIndex?: number }[];
    expect(series.map((entry) => [entry.type, entry.name, entry.data])).toEqual([
      ['bar', '分享次数', [4, 0]],
      ['bar', '访客数', [10, 1]],
      ['bar', '新会员', [3, 0]],
      ['bar', '首单', [1, 0]],
      ['line', 'GMV（元）', [300.01, 0]],
    ]);
    expect(series[4].yAxisIndex).toBe(1);
  });
});
