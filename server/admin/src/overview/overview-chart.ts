import type { OverviewTrendDay } from '@shared/api/overview';
import type { ChartOption } from '@/analytics/chart-options';

const yuan = (fen: number) => Math.round(fen) / 100;

/** The last 30 days: 净成交额 as bars (元, left axis), 付款订单 and 新会员 as lines (right axis). */
export function overviewTrendOption(trend: OverviewTrendDay[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 40, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: trend.map((day) => day.day.slice(5)) },
    yAxis: [
      { type: 'value', name: '元', axisLabel: { formatter: '{value}' } },
      { type: 'value', name: '单 / 人', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: '净成交额（元）', data: trend.map((day) => yuan(day.gmvFen)), barMaxWidth: 18, yAxisIndex: 0 },
      { type: 'line', name: '付款订单', data: trend.map((day) => day.paidOrders), yAxisIndex: 1, symbolSize: 5 },
      { type: 'line', name: '新会员', data: trend.map((day) => day.newMembers), yAxisIndex: 1, symbolSize: 5 },
    ],
  };
}
