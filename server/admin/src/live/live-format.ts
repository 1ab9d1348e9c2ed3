import {
  LIVE_ATTRIBUTION_LABELS,
  LIVE_ATTRIBUTIONS,
  type LiveAttribution,
  type LiveSession,
  type LiveSessionReport,
  type LiveSessionReportRow,
  type LiveSessionStatus,
  type LiveTimelinePoint,
} from '@shared/api/live';
import { chinaDateTime } from '@shared/china-time';
import { formatYuan } from '@shared/money';
import type { StaffRole } from '@shared/roles';
import type { ChartOption } from '@/analytics/chart-options';
import { canManageLive } from '@/auth/access';

export const LIVE_STATUS_COLORS: Record<LiveSessionStatus, string> = { upcoming: 'blue', live: 'red', ended: 'default', cancelled: 'default' };

/**
 * Why inbound and assisted figures are inferred, not counted for certain: the note every live report shows
 * (server/README.md 直播 says the same).
 */
export const INFERRED_NOTE =
  '「直播间进店」和「直播助攻」是推断：视频号直播间不能把观众直接带进本店下单，只能看到会员从直播入口进店、或从直播间打开小程序后在归因窗口内下单，所以这些订单很可能来自直播，但不能确定。「直播专享价下单」按直播价成交，确定来自该场直播。';

export type LiveSessionRowAction = 'edit' | 'view' | 'start' | 'end' | 'cancel';

/**
 * What this role may do to a session in its state, besides opening its 数据: write roles edit an upcoming or live
 * session, cancel an upcoming one, and start / end a Channels one (a 小程序直播 room's state comes from WeChat);
 * ended and cancelled sessions (and read-only roles) open read-only.
 */
export function sessionActions(session: Pick<LiveSession, 'status' | 'provider'>, role: StaffRole): LiveSessionRowAction[] {
  if (!canManageLive(role) || session.status === 'ended' || session.status === 'cancelled') return ['view'];
  const channels = session.provider === 'channels';
  if (session.status === 'upcoming') return channels ? ['edit', 'start', 'cancel'] : ['edit', 'cancel'];
  return channels ? ['edit', 'end'] : ['edit'];
}

/** A moment in China time to the minute, or a dash for a step that has not happened. */
export function chinaMinuteOrDash(iso: string | null): string {
  return iso ? chinaDateTime(new Date(iso)).slice(0, 16) : '—';
}

/** The planned schedule: "2026-12-06 20:00 – 22:00" on one day, both dates when it runs past midnight. */
export function plannedWindowText(startIso: string, endIso: string): string {
  const start = chinaMinuteOrDash(startIso);
  const end = chinaMinuteOrDash(endIso);
  return start.slice(0, 10) === end.slice(0, 10) ? `${start} – ${end.slice(11)}` : `${start} – ${end}`;
}

/** Orders and GMV of one attribution as the report cell's lines: "3 单", "¥297.00", and the refunds when there were any. */
export function attributionLines(row: LiveSessionReportRow, kind: LiveAttribution): string[] {
  const figures = row.byAttribution[kind];
  return [`${figures.orders} 单`, formatYuan(figures.gmvFen), ...(figures.refundedFen > 0 ? [`退款 ${formatYuan(figures.refundedFen)}`] : [])];
}

/** Orders and GMV over every attribution (each order has one attribution, so they add up). */
export function totalOrders(row: LiveSessionReportRow): { orders: number; gmvFen: number } {
  return LIVE_ATTRIBUTIONS.reduce(
    (sum, kind) => ({ orders: sum.orders + row.byAttribution[kind].orders, gmvFen: sum.gmvFen + row.byAttribution[kind].gmvFen }),
    { orders: 0, gmvFen: 0 },
  );
}

/** One KPI card of the session report. */
export interface LiveKpi {
  key: string;
  title: string;
  value: string;
  /** The line under the figure. */
  hint: string;
  /** A figure that is inferred (marked 推断 on the card). */
  inferred: boolean;
}

/** The KPI cards in two rows: people (visits, reservations, members), then orders and GMV by attribution. */
export interface LiveKpiRows {
  people: LiveKpi[];
  orders: LiveKpi[];
}

/** The head of a session report: visits, reservations, reminders, new and returning buyers; orders per attribution. */
export function sessionKpis(report: LiveSessionReport): LiveKpiRows {
  const total = totalOrders(report);
  return {
    people: [
      { key: 'clicks', title: '点击 / 访客', value: `${report.clicks} / ${report.clickVisitors}`, hint: '直播入口的点击次数 / 点击的人数', inferred: false },
      { key: 'inbound', title: '直播间进店', value: String(report.inboundLaunches), hint: `从直播间打开小程序，其中 ${report.inboundWithSharer} 次带分享人`, inferred: false },
      { key: 'reservations', title: '预约', value: String(report.reservations), hint: `开播提醒已发 ${report.remindersSent} 条`, inferred: false },
      { key: 'newMembers', title: '新会员', value: String(report.newMembers), hint: `首次接触本场后 ${report.attributionWindowHours} 小时内注册`, inferred: false },
      { key: 'returningBuyers', title: '回头客', value: String(report.returningBuyers), hint: '接触本场前已在店里付过款的下单会员', inferred: false },
    ],
    orders: [
      ...LIVE_ATTRIBUTIONS.map((kind) => ({
        key: kind,
        title: LIVE_ATTRIBUTION_LABELS[kind],
        value: formatYuan(report.byAttribution[kind].gmvFen),
        hint: attributionLines(report, kind).filter((_, index) => index !== 1).join('，'),
        inferred: kind !== 'live_price',
      })),
      { key: 'total', title: '合计 GMV', value: formatYuan(total.gmvFen), hint: `${total.orders} 单（含推断）`, inferred: true },
    ],
  };
}

/** The timeline has nothing on it: the page says so instead of drawing a flat chart. */
export function isQuietTimeline(timeline: LiveTimelinePoint[]): boolean {
  return timeline.every((point) => point.clicks === 0 && point.inboundLaunches === 0 && point.orders === 0);
}

/** The label of the leading point that sums everything before the chart's start. */
export const BEFORE_START_LABEL = '开播前';

/**
 * The session's timeline: clicks, inbound launches and orders as bars (left axis), GMV in yuan as a line (right
 * axis); buckets labelled by China time (with the date when the timeline spans more than one day), the leading
 * point of earlier events as 「开播前」.
 */
export function timelineOption(timeline: LiveTimelinePoint[]): ChartOption {
  const moments = timeline.map((point) => chinaDateTime(new Date(point.at)).slice(0, 16));
  const oneDay = new Set(moments.map((moment) => moment.slice(0, 10))).size <= 1;
  const labels = moments.map((moment, index) => (timeline[index].beforeStart ? BEFORE_START_LABEL : oneDay ? moment.slice(11) : moment.slice(5)));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 64, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: labels },
    yAxis: [
      { type: 'value', name: '次数 / 单数', minInterval: 1 },
      { type: 'value', name: 'GMV（元）' },
    ],
    series: [
      { type: 'bar', name: '点击', data: timeline.map((point) => point.clicks), barMaxWidth: 14 },
      { type: 'bar', name: '直播间进店', data: timeline.map((point) => point.inboundLaunches), barMaxWidth: 14 },
      { type: 'bar', name: '订单', data: timeline.map((point) => point.orders), barMaxWidth: 14 },
      { type: 'line', name: 'GMV（元）', yAxisIndex: 1, data: timeline.map((point) => point.gmvFen / 100), symbolSize: 5 },
    ],
  };
}

/** The CSV's name when the server sends none: 直播报表_2026-12-01_2026-12-31.csv. */
export function liveReportExportFilename(from: string, to: string): string {
  return `直播报表_${from}_${to}.csv`;
}
