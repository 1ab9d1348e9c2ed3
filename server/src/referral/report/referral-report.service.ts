import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  addDays,
  chinaDay,
  maskPhone,
  startOfChinaDay,
  memberDisplayName,
  type ReferralFunnelFigures,
  type ReferralReport,
  type ReferralSharerFigures,
} from '../../../../shared';
import { analyticsRangeDays } from '../../analytics/analytics-range';
import { bindDateTime, readDate } from '../../analytics/purchase-facts';
import { chinaDaySql } from '../../platform/database/china-day-sql';
import { csvDocument } from '../../platform/http/csv-document';
import { paginated } from '../../platform/http/page-query.dto';
import type { ReferralReportQueryDto } from './referral-report.dto';

/**
 * How long after a member's registration their binding may be recorded and still count as the registration's:
 * the login that creates the member writes its binding a moment later.
 */
export const ARRIVAL_WINDOW_MS = 10 * 60_000;

type Figure = keyof ReferralFunnelFigures;
const zero = (): ReferralFunnelFigures => ({ shares: 0, visits: 0, newMembers: 0, firstOrders: 0, orders: 0, gmvFen: 0 });

/** The days asked for (both included) and the one sharer, if any. */
interface Range {
  from: string;
  to: string;
  sharer: number | null;
}

/** One sharer's figures, or one day's, as the queries add them up. */
class Tally {
  readonly rows = new Map<string, ReferralFunnelFigures>();

  add(key: string | number, figure: Figure, amount: number): void {
    const id = String(key);
    const row = this.rows.get(id) ?? zero();
    row[figure] += amount;
    this.rows.set(id, row);
  }
}

/**
 * 推广报表: shares → visits → new members → first orders → GMV, overall, per day and per sharer, for a range of
 * China days. A handful of grouped queries whatever the number of members (server/README.md 推广报表 defines
 * every step); the figures are merged in TypeScript.
 */
@Injectable()
export class ReferralReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(query: ReferralReportQueryDto): Promise<ReferralReport> {
    const { totals, daily, sharers } = await this.figures(query);
    const page = sharers.slice(query.offset, query.offset + query.pageSize);
    return {
      from: query.from,
      to: query.to,
      totals,
      daily,
      sharers: paginated(await this.withMembers(page), sharers.length, query),
    };
  }

  /** Every sharer row of the range (no paging), as the console's CSV export. */
  async exportCsv(query: ReferralReportQueryDto): Promise<string> {
    const { sharers } = await this.figures(query);
    const rows = await this.withMembers(sharers);
    return csvDocument(
      ['分享者ID', '昵称', '手机号', '分享次数', '访客数', '新会员', '首单', '支付订单', 'GMV（元）'],
      rows.map((row) => [row.sharerMemberId, memberDisplayName(row.nickname, row.sharerMemberId), row.phone ?? '', row.shares, row.visits, row.newMembers, row.firstOrders, row.orders, (row.gmvFen / 100).toFixed(2)]),
    );
  }

  private async figures(query: ReferralReportQueryDto) {
    const days = analyticsRangeDays(query.from, query.to);
    const range: Range = { from: query.from, to: query.to, sharer: query.sharer ?? null };
    const bySharer = new Tally();
    const byDay = new Tally();
    const totals = zero();
    const [shares, visits, arrivals, orders] = await Promise.all([this.shares(range), this.visits(range), this.newMembers(range), this.orders(range)]);
    for (const row of shares) {
      bySharer.add(row.sharer, 'shares', row.count);
      byDay.add(row.day, 'shares', row.count);
      totals.shares += row.count;
    }
    for (const row of visits.bySharer) bySharer.add(row.sharer, 'visits', row.count);
    for (const row of visits.byDay) byDay.add(row.day, 'visits', row.count);
    totals.visits = visits.total;
    for (const row of arrivals) {
      bySharer.add(row.sharer, 'newMembers', 1);
      byDay.add(row.day, 'newMembers', 1);
      totals.newMembers += 1;
      if (row.firstOrderDay !== null) {
        bySharer.add(row.sharer, 'firstOrders', 1);
        byDay.add(row.firstOrderDay, 'firstOrders', 1);
        totals.firstOrders += 1;
      }
    }
    for (const row of orders) {
      bySharer.add(row.sharer, 'orders', row.orders);
      bySharer.add(row.sharer, 'gmvFen', row.gmvFen);
      byDay.add(row.day, 'orders', row.orders);
      byDay.add(row.day, 'gmvFen', row.gmvFen);
      totals.orders += row.orders;
      totals.gmvFen += row.gmvFen;
    }
    const daily = Array.from({ length: days }, (_, index) => {
      const day = addDays(query.from, index);
      return { day, ...(byDay.rows.get(day) ?? zero()) };
    });
    const sharers = [...bySharer.rows.entries()]
      .map(([id, figures]) => ({ sharerMemberId: Number(id), ...figures }))
      .sort((a, b) => b.gmvFen - a.gmvFen || b.newMembers - a.newMembers || b.visits - a.visits || b.shares - a.shares || a.sharerMemberId - b.sharerMemberId);
    return { totals, daily, sharers };
  }

  /** Share actions per sharer and day (share_events carries its China day). */
  private async shares(range: Range): Promise<{ sharer: number; day: string; count: number }[]> {
    const [filter, parameters] = this.sharerFilter(range, 'sharerMemberId');
    const rows: { sharer: unknown; day: string; count: unknown }[] = await this.dataSource.query(
      `SELECT sharerMemberId AS sharer, day, COUNT(*) AS count FROM share_events
       WHERE day >= ? AND day <= ?${filter} GROUP BY sharerMemberId, day`,
      [range.from, range.to, ...parameters],
    );
    return rows.map((row) => ({ sharer: Number(row.sharer), day: row.day, count: Number(row.count) }));
  }

  /** Distinct visitors per sharer, per day and over the whole range (a visitor of two sharers counts once in total). */
  private async visits(range: Range) {
    const [filter, parameters] = this.sharerFilter(range, 'sharerMemberId');
    const where = `WHERE day >= ? AND day <= ?${filter}`;
    const values = [range.from, range.to, ...parameters];
    const [bySharer, byDay, total] = (await Promise.all([
      this.dataSource.query(`SELECT sharerMemberId AS sharer, COUNT(DISTINCT visitorKey) AS count FROM share_visits ${where} GROUP BY sharerMemberId`, values),
      this.dataSource.query(`SELECT day, COUNT(DISTINCT visitorKey) AS count FROM share_visits ${where} GROUP BY day`, values),
      this.dataSource.query(`SELECT COUNT(DISTINCT visitorKey) AS count FROM share_visits ${where}`, values),
    ])) as { sharer?: unknown; day?: string; count: unknown }[][];
    return {
      bySharer: bySharer.map((row) => ({ sharer: Number(row.sharer), count: Number(row.count) })),
      byDay: byDay.map((row) => ({ day: String(row.day), count: Number(row.count) })),
      total: Number(total[0]?.count ?? 0),
    };
  }

  /**
   * Members registered in the range through a share link (their first touch recorded at or before registration:
   * a device touch before the login, or the link the registering login carried, which is dated at the
   * registration) and the sharer who brought them: the referrer of their first binding when it was made at their
   * registration (within ARRIVAL_WINDOW_MS), else the sharer of that first touch; with the China day of their
   * first paid order (not fully refunded) when it was paid in the range. A member who registered on their own
   * and opened a link later is nobody's new member.
   */
  private async newMembers(range: Range): Promise<{ sharer: number; day: string; firstOrderDay: string | null }[]> {
    const rows: Record<'memberId' | 'createdAt' | 'touchSharer' | 'touchAt' | 'boundSharer' | 'boundAt' | 'firstPaidAt', unknown>[] = await this.dataSource.query(
      `SELECT m.id AS memberId, m.createdAt AS createdAt,
              vt.firstSharerMemberId AS touchSharer, vt.firstTouchAt AS touchAt,
              b.referrerMemberId AS boundSharer, b.createdAt AS boundAt,
              (SELECT MIN(o.paidAt) FROM orders o WHERE o.memberId = m.id AND o.paidAt IS NOT NULL AND o.status <> 'refunded') AS firstPaidAt
       FROM members m
       LEFT JOIN visitor_touches vt ON vt.memberId = m.id AND vt.visitorKey LIKE 'member:%'
       LEFT JOIN referral_bindings b ON b.id = (SELECT MIN(x.id) FROM referral_bindings x WHERE x.memberId = m.id AND x.outcome = 'bound')
       WHERE m.createdAt >= ? AND m.createdAt < ?`,
      this.instants(range),
    );
    const end = startOfChinaDay(addDays(range.to, 1));
    const arrivals: { sharer: number; day: string; firstOrderDay: string | null }[] = [];
    for (const row of rows) {
      const memberId = Number(row.memberId);
      const createdAt = readDate(row.createdAt);
      // A link opened after registering (the member came on their own) credits nobody, whatever its binding did.
      if (row.touchAt == null || readDate(row.touchAt).getTime() > createdAt.getTime()) continue;
      const boundAtRegistration = row.boundAt != null && readDate(row.boundAt).getTime() <= createdAt.getTime() + ARRIVAL_WINDOW_MS;
      const candidate = boundAtRegistration ? row.boundSharer : row.touchSharer;
      const sharer = candidate != null && Number(candidate) !== memberId ? Number(candidate) : null;
      if (sharer === null || (range.sharer !== null && sharer !== range.sharer)) continue;
      const firstPaidAt = row.firstPaidAt != null ? readDate(row.firstPaidAt) : null;
      arrivals.push({ sharer, day: chinaDay(createdAt), firstOrderDay: firstPaidAt && firstPaidAt < end ? chinaDay(firstPaidAt) : null });
    }
    return arrivals;
  }

  /**
   * Paid orders of the range (not fully refunded) per sharer and China day of payment, with what they paid minus
   * their succeeded refunds. The order's sharer: the share link it was placed through, else its level-1 earner
   * fixed at placement (not a self purchase).
   */
  private async orders(range: Range): Promise<{ sharer: number; day: string; orders: number; gmvFen: number }[]> {
    const [filter, parameters] = this.sharerFilter(range, 'sharer');
    const [start, end] = this.instants(range);
    const rows: { sharer: unknown; day: string; orders: unknown; gmvFen: unknown }[] = await this.dataSource.query(
      `SELECT sharer, day, COUNT(*) AS orders, SUM(netFen) AS gmvFen FROM (
         SELECT COALESCE(o.sourceSharerMemberId, CASE WHEN r.selfPurchase = 0 THEN r.level1MemberId END) AS sharer,
                ${chinaDaySql(this.dataSource, 'o.paidAt')} AS day,
                o.payableFen - COALESCE(refunded.amountFen, 0) AS netFen
         FROM orders o
         LEFT JOIN referral_order_referrers r ON r.orderId = o.id
         LEFT JOIN (SELECT f.orderId AS orderId, SUM(f.amountFen) AS amountFen FROM refunds f
                    INNER JOIN orders p ON p.id = f.orderId
                    WHERE f.status = 'succeeded' AND p.paidAt >= ? AND p.paidAt < ? GROUP BY f.orderId) refunded ON refunded.orderId = o.id
         WHERE o.paidAt >= ? AND o.paidAt < ? AND o.status <> 'refunded'
       ) attributed
       WHERE sharer IS NOT NULL${filter} GROUP BY sharer, day`,
      [start, end, start, end, ...parameters],
    );
    return rows.map((row) => ({ sharer: Number(row.sharer), day: row.day, orders: Number(row.orders), gmvFen: Number(row.gmvFen) }));
  }

  /** Nickname and masked phone of each row's sharer (one query per thousand rows). */
  private async withMembers(rows: ({ sharerMemberId: number } & ReferralFunnelFigures)[]): Promise<ReferralSharerFigures[]> {
    const members = new Map<number, { nickname: string | null; phone: string | null }>();
    for (let index = 0; index < rows.length; index += 1000) {
      const ids = rows.slice(index, index + 1000).map((row) => row.sharerMemberId);
      const found: { id: unknown; nickname: string | null; phone: string | null }[] = await this.dataSource.query(
        `SELECT id, nickname, phone FROM members WHERE id IN (${ids.map(() => '?').join(', ')})`,
        ids,
      );
      for (const member of found) members.set(Number(member.id), member);
    }
    return rows.map((row) => {
      const member = members.get(row.sharerMemberId);
      return { ...row, nickname: member?.nickname ?? '', phone: maskPhone(member?.phone) };
    });
  }

  private sharerFilter(range: Range, column: string): [string, number[]] {
    return range.sharer === null ? ['', []] : [` AND ${column} = ?`, [range.sharer]];
  }

  private instants(range: Range): unknown[] {
    return [startOfChinaDay(range.from), startOfChinaDay(addDays(range.to, 1))].map((date) => bindDateTime(this.dataSource, date));
  }
}
