import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { And, DataSource, LessThan, MoreThanOrEqual, type FindOptionsWhere } from 'typeorm';
import {
  addDays,
  chinaDateTime,
  LIVE_ATTRIBUTION_LABELS,
  LIVE_ATTRIBUTIONS,
  LIVE_PROVIDER_LABELS,
  LIVE_SESSION_STATUS_LABELS,
  startOfChinaDay,
  type LiveAttribution,
  type LiveOrderFigures,
  type LiveReportPage,
  type LiveSessionReport,
  type LiveSessionReportRow,
  type LiveTimelinePoint,
  type LiveTopProduct,
} from '../../../shared';
import { analyticsRangeDays } from '../analytics/analytics-range';
import { bindDateTime, readDate } from '../analytics/purchase-facts';
import { csvDocument } from '../platform/http/csv-document';
import { paginated } from '../platform/http/page-query.dto';
import type { LiveReportQueryDto } from './live-report.dto';
import { timelineFrame } from './live-report-timeline';
import { LiveSessionRow } from './live-session.entity';
import { sessionNotFound } from './live-sessions.service';
import { LiveSettingsService } from './live-settings.service';
import { HOUR_MS, isoOrNull, MINUTE_MS } from './live-time';

const TOP_PRODUCTS_SHOWN = 10;

type SqlRow = Record<string, unknown>;
const count = (value: unknown) => Number(value ?? 0);
const yuan = (fen: number) => (fen / 100).toFixed(2);
/** The CSV's times: China wall-clock time, as the other exports write them. */
const chinaTime = (value: string | null) => (value ? chinaDateTime(new Date(value)) : '');
const noOrders = (): LiveOrderFigures => ({ orders: 0, gmvFen: 0, refundedFen: 0 });

/**
 * 直播报表 (server/README.md 直播 defines every figure): per session, taps on our live entries, launches from the live,
 * 预约 and reminders, paid orders and GMV by attribution kind, new members and returning buyers; for one session also
 * its best-selling featured products and a timeline. A fixed handful of grouped queries for any number of sessions
 * (the `?` lists hold the sessions of one page, or of the CSV's range); only the one session's timeline buckets its
 * touches and orders in TypeScript, which keeps the date arithmetic the same on SQLite and MariaDB.
 */
@Injectable()
export class LiveReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: LiveSettingsService,
  ) {}

  /** Sessions planned in the range, newest first, a page of them. */
  async list(query: LiveReportQueryDto): Promise<LiveReportPage> {
    const [sessions, total] = await this.dataSource.getRepository(LiveSessionRow).findAndCount({
      where: plannedIn(query),
      order: { plannedStartAt: 'DESC', id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const { attributionWindowHours } = await this.settings.get();
    return paginated(await this.rows(sessions, attributionWindowHours), total, query);
  }

  /** Every session of the range (no paging) with the list's columns, for the console's CSV export. */
  async csv(query: LiveReportQueryDto): Promise<string> {
    const sessions = await this.dataSource.getRepository(LiveSessionRow).find({ where: plannedIn(query), order: { plannedStartAt: 'DESC', id: 'DESC' } });
    const { attributionWindowHours } = await this.settings.get();
    const rows = await this.rows(sessions, attributionWindowHours);
    const header = ['场次ID', '标题', '直播平台', '状态', '计划开播（北京时间）', '实际开播', '结束', '入口点击', '点击访客', '直播间进店', '带分享者进店', '预约', '提醒已发'];
    for (const kind of LIVE_ATTRIBUTIONS) header.push(`${LIVE_ATTRIBUTION_LABELS[kind]}订单`, `${LIVE_ATTRIBUTION_LABELS[kind]}GMV（元）`, `${LIVE_ATTRIBUTION_LABELS[kind]}退款（元）`);
    header.push('新会员', '回头客');
    return csvDocument(
      header,
      rows.map((row) => [
        row.sessionId,
        row.title,
        LIVE_PROVIDER_LABELS[row.provider],
        LIVE_SESSION_STATUS_LABELS[row.status],
        chinaTime(row.plannedStartAt),
        chinaTime(row.startedAt),
        chinaTime(row.endedAt),
        row.clicks,
        row.clickVisitors,
        row.inboundLaunches,
        row.inboundWithSharer,
        row.reservations,
        row.remindersSent,
        ...LIVE_ATTRIBUTIONS.flatMap((kind) => [row.byAttribution[kind].orders, yuan(row.byAttribution[kind].gmvFen), yuan(row.byAttribution[kind].refundedFen)]),
        row.newMembers,
        row.returningBuyers,
      ]),
    );
  }

  /** One session's report: its row, its best-selling featured products and its timeline. */
  async session(id: number): Promise<LiveSessionReport> {
    const session = await this.dataSource.getRepository(LiveSessionRow).findOneBy({ id });
    if (!session) throw sessionNotFound();
    const { attributionWindowHours } = await this.settings.get();
    const [[row], topProducts, timeline] = await Promise.all([
      this.rows([session], attributionWindowHours),
      this.topProducts(id),
      this.timeline(session, attributionWindowHours, new Date()),
    ]);
    return { ...row, attributionWindowHours, topProducts, ...timeline };
  }

  private async rows(sessions: LiveSessionRow[], windowHours: number): Promise<LiveSessionReportRow[]> {
    if (sessions.length === 0) return [];
    const ids = sessions.map((session) => session.id);
    const marks = ids.map(() => '?').join(', ');
    const query = (sql: string, parameters: unknown[] = ids): Promise<SqlRow[]> => this.dataSource.query(sql, parameters);
    // A touch's visitor: its member, or the member its device belongs to (member_identities), else the device.
    const visitorJoin = `LEFT JOIN member_identities i ON t.memberId IS NULL AND i.kind = 'device' AND i.value = t.deviceId`;
    const [touches, visitors, reservations, orders, firstTouches, buyers] = await Promise.all([
      query(
        `SELECT sessionId, kind, COUNT(*) AS total, SUM(CASE WHEN sharerMemberId IS NOT NULL OR withShareInfo = 1 THEN 1 ELSE 0 END) AS withSharer
         FROM live_touches WHERE sessionId IN (${marks}) GROUP BY sessionId, kind`,
      ),
      query(
        `SELECT t.sessionId AS sessionId, COUNT(DISTINCT COALESCE(t.memberId, i.memberId)) AS members,
           COUNT(DISTINCT CASE WHEN t.memberId IS NULL AND i.memberId IS NULL THEN t.deviceId END) AS devices
         FROM live_touches t ${visitorJoin} WHERE t.kind = 'click' AND t.sessionId IN (${marks}) GROUP BY t.sessionId`,
      ),
      query(
        `SELECT sessionId, COUNT(*) AS total, SUM(CASE WHEN reminderState = 'sent' THEN 1 ELSE 0 END) AS sent
         FROM live_reservations WHERE sessionId IN (${marks}) GROUP BY sessionId`,
      ),
      query(
        `SELECT sourceLiveSessionId AS sessionId, sourceLiveAttribution AS kind, COUNT(*) AS total, SUM(payableFen) AS gmvFen, SUM(refundedFen) AS refundedFen
         FROM orders WHERE sourceLiveSessionId IN (${marks}) AND paidAt IS NOT NULL GROUP BY sourceLiveSessionId, sourceLiveAttribution`,
      ),
      // Each member's first touch of each session (their own or their devices'), and when they registered.
      query(
        `SELECT t.sessionId AS sessionId, COALESCE(t.memberId, i.memberId) AS memberId, MIN(t.createdAt) AS firstAt, MIN(m.createdAt) AS registeredAt
         FROM live_touches t ${visitorJoin} JOIN members m ON m.id = COALESCE(t.memberId, i.memberId)
         WHERE t.sessionId IN (${marks}) GROUP BY t.sessionId, COALESCE(t.memberId, i.memberId)`,
      ),
      // Each buyer of each session's paid orders: their first such order, and the first order they ever paid.
      query(
        `SELECT b.sessionId AS sessionId, b.memberId AS memberId, b.firstOrderAt AS firstOrderAt, f.firstPaidAt AS firstPaidAt
         FROM (SELECT sourceLiveSessionId AS sessionId, memberId, MIN(createdAt) AS firstOrderAt FROM orders
               WHERE sourceLiveSessionId IN (${marks}) AND paidAt IS NOT NULL GROUP BY sourceLiveSessionId, memberId) b
         JOIN (SELECT memberId, MIN(paidAt) AS firstPaidAt FROM orders WHERE paidAt IS NOT NULL
               AND memberId IN (SELECT memberId FROM orders WHERE sourceLiveSessionId IN (${marks}) AND paidAt IS NOT NULL) GROUP BY memberId) f
           ON f.memberId = b.memberId`,
        [...ids, ...ids],
      ),
    ]);

    const report = new Map(sessions.map((session) => [session.id, emptyRow(session)]));
    const of = (row: SqlRow) => report.get(Number(row.sessionId))!;
    for (const row of touches) {
      if (row.kind === 'click') of(row).clicks = count(row.total);
      if (row.kind === 'inbound') {
        of(row).inboundLaunches = count(row.total);
        of(row).inboundWithSharer = count(row.withSharer);
      }
    }
    for (const row of visitors) of(row).clickVisitors = count(row.members) + count(row.devices);
    for (const row of reservations) {
      of(row).reservations = count(row.total);
      of(row).remindersSent = count(row.sent);
    }
    for (const row of orders) {
      const kind = row.kind as LiveAttribution;
      if (!LIVE_ATTRIBUTIONS.includes(kind)) continue;
      of(row).byAttribution[kind] = { orders: count(row.total), gmvFen: count(row.gmvFen), refundedFen: count(row.refundedFen) };
    }
    const firstTouchOf = new Map<string, number>();
    for (const row of firstTouches) {
      const firstAt = readDate(row.firstAt).getTime();
      firstTouchOf.set(`${String(row.sessionId)}:${String(row.memberId)}`, firstAt);
      const registeredAt = readDate(row.registeredAt).getTime();
      if (registeredAt >= firstAt && registeredAt < firstAt + windowHours * HOUR_MS) of(row).newMembers += 1;
    }
    for (const row of buyers) {
      // Before their first touch of the session, or before this order when the live price alone tied it to the session.
      const since = Math.min(firstTouchOf.get(`${String(row.sessionId)}:${String(row.memberId)}`) ?? Infinity, readDate(row.firstOrderAt).getTime());
      if (readDate(row.firstPaidAt).getTime() < since) of(row).returningBuyers += 1;
    }
    return sessions.map((session) => report.get(session.id)!);
  }

  /** The session's featured products by units in its paid orders (all attributions), most first. */
  private async topProducts(sessionId: number): Promise<LiveTopProduct[]> {
    const rows: SqlRow[] = await this.dataSource.query(
      `SELECT l.productId AS productId, MAX(l.title) AS title, SUM(l.quantity) AS units, SUM(l.lineTotalFen) AS gmvFen
       FROM order_lines l JOIN orders o ON o.id = l.orderId
       JOIN live_session_products p ON p.sessionId = o.sourceLiveSessionId AND p.productId = l.productId
       WHERE o.sourceLiveSessionId = ? AND o.paidAt IS NOT NULL
       GROUP BY l.productId ORDER BY units DESC, productId ASC LIMIT ${TOP_PRODUCTS_SHOWN}`,
      [sessionId],
    );
    return rows.map((row) => ({ productId: Number(row.productId), title: String(row.title), units: count(row.units), gmvFen: count(row.gmvFen) }));
  }

  /**
   * Clicks, launches and paid orders (by when they were placed) per bucket over the session's timeline frame
   * (live-report-timeline.ts: from an hour before the plan or the actual start, never past now). What came earlier (a
   * tap on the 直播预告 days ahead) is summed by one query into a leading point marked `beforeStart`, so the chart adds
   * up to the figures without stretching its buckets over those days.
   */
  private async timeline(session: LiveSessionRow, windowHours: number, now: Date): Promise<{ timeline: LiveTimelinePoint[]; bucketMinutes: number }> {
    const { startMs: start, endMs: end, bucketMinutes, points } = timelineFrame(session, windowHours, now);
    const startBound = this.wholeSecond(start);
    const range = [startBound, this.wholeSecond(end, Math.ceil)];
    const [[before], touches, orders]: SqlRow[][] = await Promise.all([
      this.dataSource.query(
        `SELECT
           (SELECT COUNT(*) FROM live_touches WHERE sessionId = ? AND kind = 'click' AND createdAt < ?) AS clicks,
           (SELECT COUNT(*) FROM live_touches WHERE sessionId = ? AND kind = 'inbound' AND createdAt < ?) AS inboundLaunches,
           (SELECT COUNT(*) FROM orders WHERE sourceLiveSessionId = ? AND paidAt IS NOT NULL AND createdAt < ?) AS orders,
           (SELECT COALESCE(SUM(payableFen), 0) FROM orders WHERE sourceLiveSessionId = ? AND paidAt IS NOT NULL AND createdAt < ?) AS gmvFen`,
        [session.id, startBound, session.id, startBound, session.id, startBound, session.id, startBound],
      ),
      points === 0
        ? []
        : this.dataSource.query(`SELECT createdAt, kind FROM live_touches WHERE sessionId = ? AND createdAt >= ? AND createdAt < ?`, [session.id, ...range]),
      points === 0
        ? []
        : this.dataSource.query(`SELECT createdAt, payableFen FROM orders WHERE sourceLiveSessionId = ? AND paidAt IS NOT NULL AND createdAt >= ? AND createdAt < ?`, [
            session.id,
            ...range,
          ]),
    ]);
    const bucketMs = bucketMinutes * MINUTE_MS;
    const timeline: LiveTimelinePoint[] = Array.from({ length: points }, (_, index) => ({
      at: new Date(start + index * bucketMs).toISOString(),
      clicks: 0,
      inboundLaunches: 0,
      orders: 0,
      gmvFen: 0,
    }));
    // The queries split the rows at whole-second bounds: a row they put in the frame stays in it (first or last bucket).
    const pointAt = (value: unknown): LiveTimelinePoint =>
      timeline[Math.min(points - 1, Math.max(0, Math.floor((readDate(value).getTime() - start) / bucketMs)))];
    for (const row of touches) {
      const point = pointAt(row.createdAt);
      if (row.kind === 'click') point.clicks += 1;
      if (row.kind === 'inbound') point.inboundLaunches += 1;
    }
    for (const row of orders) {
      const point = pointAt(row.createdAt);
      point.orders += 1;
      point.gmvFen += count(row.payableFen);
    }
    const earlier = { clicks: count(before.clicks), inboundLaunches: count(before.inboundLaunches), orders: count(before.orders), gmvFen: count(before.gmvFen) };
    if (earlier.clicks + earlier.inboundLaunches + earlier.orders > 0) {
      timeline.unshift({ at: new Date(start).toISOString(), ...earlier, beforeStart: true });
    }
    return { timeline, bucketMinutes };
  }

  /**
   * A bound for plain SQL on createdAt, cut to the second: SQLite compares the stored text, and a row stored by the
   * column default ('… 20:00:05') sorts before the same second with milliseconds ('… 20:00:05.000'). The frame's end
   * is rounded up, so a touch of this very second (now) is in the chart.
   */
  private wholeSecond(ms: number, round = Math.floor): unknown {
    const value = bindDateTime(this.dataSource, new Date(round(ms / 1000) * 1000));
    return typeof value === 'string' ? value.slice(0, 19) : value;
  }
}

/** Sessions whose planned start falls on the range's China days (both included); 400 for a range backwards or too long. */
function plannedIn(query: LiveReportQueryDto): FindOptionsWhere<LiveSessionRow> {
  if (query.from && query.to) analyticsRangeDays(query.from, query.to);
  const from = query.from ? MoreThanOrEqual(startOfChinaDay(query.from)) : null;
  const to = query.to ? LessThan(startOfChinaDay(addDays(query.to, 1))) : null;
  if (from && to) return { plannedStartAt: And(from, to) };
  if (from ?? to) return { plannedStartAt: (from ?? to)! };
  return {};
}

function emptyRow(session: LiveSessionRow): LiveSessionReportRow {
  return {
    sessionId: session.id,
    title: session.title,
    provider: session.provider,
    status: session.status,
    plannedStartAt: session.plannedStartAt.toISOString(),
    startedAt: isoOrNull(session.startedAt),
    endedAt: isoOrNull(session.endedAt),
    clicks: 0,
    clickVisitors: 0,
    inboundLaunches: 0,
    inboundWithSharer: 0,
    reservations: 0,
    remindersSent: 0,
    byAttribution: { live_price: noOrders(), inbound: noOrders(), assisted: noOrders() },
    newMembers: 0,
    returningBuyers: 0,
  };
}
