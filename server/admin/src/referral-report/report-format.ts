import type { ReferralFunnelFigures, ReferralReportDay } from '@shared/api/referral-report';
import { formatYuan } from '@shared/money';
import type { ChartOption } from '@/analytics/chart-options';
import { formatRate } from '@/analytics/metrics-format';

/** One step of the funnel as the page shows it: its figure, and the conversion from the step before. */
export interface FunnelStep {
  key: 'shares' | 'visits' | 'newMembers' | 'firstOrders' | 'gmvFen';
  title: string;
  value: string;
  /** How the figure is counted (the help text beside it; server/README.md 推广报表 says the same). */
  definition: string;
  /** "访客 / 分享 1.5" or "转化率 12.5%"; null for the first step. */
  conversion: string | null;
}

/** `numerator / denominator` as a share (0..1), null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

export const STEP_DEFINITIONS = {
  shares: '分享者点击转发、分享到朋友圈或保存海报的次数（只记录，不发任何奖励）。',
  visits: '打开过分享者链接或海报的不同访客（按设备计）；分享者本人登录后打开自己的链接不计。整段时间内同一访客只计一次，所以可能少于每日之和。',
  newMembers: '在所选日期注册、注册时（10 分钟内）绑定的推荐人是该分享者的会员；注册时没有绑定的，看他第一次打开的是不是该分享者的链接。注册后才打开链接的老会员不算。',
  firstOrders: '上述新会员中，第一笔已支付订单（全额退款的不算）在所选日期内付款的人数。',
  gmvFen: '所选日期内付款、归属该分享者的订单实付减去已成功的退款（全额退款的订单不计）。订单通过谁的分享链接下单就归谁，没有分享链接时归下单时绑定的一级推荐人（自购不算）。',
} as const;

/** The five steps with the conversion between neighbours. */
export function funnelSteps(figures: ReferralFunnelFigures): FunnelStep[] {
  const visitsPerShare = ratio(figures.visits, figures.shares);
  return [
    { key: 'shares', title: '分享次数', value: String(figures.shares), definition: STEP_DEFINITIONS.shares, conversion: null },
    {
      key: 'visits',
      title: '访客数',
      value: String(figures.visits),
      definition: STEP_DEFINITIONS.visits,
      conversion: `每次分享带来 ${visitsPerShare === null ? '—' : (Math.round(visitsPerShare * 10) / 10).toString()} 位访客`,
    },
    {
      key: 'newMembers',
      title: '新会员',
      value: String(figures.newMembers),
      definition: STEP_DEFINITIONS.newMembers,
      conversion: `访客注册率 ${formatRate(ratio(figures.newMembers, figures.visits))}`,
    },
    {
      key: 'firstOrders',
      title: '首单',
      value: String(figures.firstOrders),
      definition: STEP_DEFINITIONS.firstOrders,
      conversion: `新会员首单率 ${formatRate(ratio(figures.firstOrders, figures.newMembers))}`,
    },
    {
      key: 'gmvFen',
      title: 'GMV',
      value: formatYuan(figures.gmvFen),
      definition: STEP_DEFINITIONS.gmvFen,
      conversion: `${figures.orders} 笔支付订单，客单价 ${figures.orders > 0 ? formatYuan(Math.floor(figures.gmvFen / figures.orders)) : '—'}`,
    },
  ];
}

/** Nothing happened in the range: the page shows an empty state instead of zeros. */
export function isEmptyReport(totals: ReferralFunnelFigures): boolean {
  return totals.shares === 0 && totals.visits === 0 && totals.newMembers === 0 && totals.firstOrders === 0 && totals.orders === 0;
}

const COUNT_SERIES = [
  ['shares', '分享次数'],
  ['visits', '访客数'],
  ['newMembers', '新会员'],
  ['firstOrders', '首单'],
] as const;

/** The daily chart: the four counts as bars (left axis), GMV in yuan as a line (right axis). */
export function dailyFunnelOption(daily: ReferralReportDay[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 64, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: daily.map((day) => day.day.slice(5)) },
    yAxis: [
      { type: 'value', name: '人数 / 次数', minInterval: 1 },
      { type: 'value', name: 'GMV（元）', axisLabel: { formatter: '{value}' } },
    ],
    series: [
      ...COUNT_SERIES.map(([key, name]) => ({ type: 'bar' as const, name, data: daily.map((day) => day[key]), barMaxWidth: 16 })),
      { type: 'line' as const, name: 'GMV（元）', yAxisIndex: 1, data: daily.map((day) => day.gmvFen / 100), symbolSize: 6 },
    ],
  };
}

/** The CSV's name when the server sends none: 推广报表_2026-03-01_2026-03-31.csv. */
export function reportExportFilename(from: string, to: string): string {
  return `推广报表_${from}_${to}.csv`;
}
