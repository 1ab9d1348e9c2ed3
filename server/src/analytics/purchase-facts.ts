import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { OrderRow } from '../orders/order.entity';
import { chinaDay } from '../../../shared/china-time';
import type { PaidOrderFact } from './purchase-history';

/** A product one member bought in two or more distinct paid orders of a range. */
export interface RepurchasePair {
  productId: number;
  memberId: number;
  /** Distinct paid orders of the range with the product. */
  orders: number;
  /** The newest order line of those (its title is the product's name as last sold). */
  latestLineId: number;
  /** The first and last payment of those orders: on one China day they are one purchase, not a repurchase. */
  firstPaidAt: Date;
  lastPaidAt: Date;
}

/**
 * The facts of repeat purchase, read straight from orders and refunds with plain SQL that runs the same on
 * SQLite and MySQL/MariaDB (`?` placeholders; dates bound through the driver's own conversion, read by readDate).
 * A paid order: paidAt set and not fully refunded (status refunded); net paid: payable minus succeeded refunds.
 */
@Injectable()
export class PurchaseFacts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The member's paid orders, oldest first (read in `manager`'s transaction when given). */
  memberPaidOrders(memberId: number, manager?: EntityManager): Promise<PaidOrderFact[]> {
    return this.paidOrders('o.memberId = ?', [memberId], manager);
  }

  /** Every paid order paid before `before`, oldest first (the store metrics need each member's whole history). */
  paidOrdersBefore(before: Date): Promise<PaidOrderFact[]> {
    return this.paidOrders('o.paidAt < ?', [this.bindDate(before)]);
  }

  /**
   * Products bought by one member in 2+ distinct paid orders paid in [from, to), per member: counted by the
   * database, with the first and last payment so the caller can tell whether they fall on different China days.
   */
  async repurchasePairs(from: Date, to: Date): Promise<RepurchasePair[]> {
    const rows: Record<keyof RepurchasePair, unknown>[] = await this.dataSource.query(
      `SELECT l.productId AS productId, o.memberId AS memberId, COUNT(DISTINCT l.orderId) AS orders, MAX(l.id) AS latestLineId,
              MIN(o.paidAt) AS firstPaidAt, MAX(o.paidAt) AS lastPaidAt
       FROM order_lines l INNER JOIN orders o ON o.id = l.orderId
       WHERE o.paidAt IS NOT NULL AND o.status <> 'refunded' AND o.paidAt >= ? AND o.paidAt < ?
       GROUP BY l.productId, o.memberId
       HAVING COUNT(DISTINCT l.orderId) >= 2`,
      [this.bindDate(from), this.bindDate(to)],
    );
    return rows.map((row) => ({
      productId: Number(row.productId),
      memberId: Number(row.memberId),
      orders: Number(row.orders),
      latestLineId: Number(row.latestLineId),
      firstPaidAt: readDate(row.firstPaidAt),
      lastPaidAt: readDate(row.lastPaidAt),
    }));
  }

  /** Order line titles by line id. */
  async lineTitles(lineIds: number[]): Promise<Map<number, string>> {
    if (lineIds.length === 0) return new Map();
    const rows: { id: number | string; title: string }[] = await this.dataSource.query(
      `SELECT id, title FROM order_lines WHERE id IN (${lineIds.map(() => '?').join(', ')})`,
      lineIds,
    );
    return new Map(rows.map((row) => [Number(row.id), row.title]));
  }

  /**
   * Members whose purchase facts changed at or after `since` (an order paid or refunded, a refund that
   * succeeded), with the latest such moment.
   */
  async membersChangedSince(since: Date): Promise<Map<number, Date>> {
    const at = this.bindDate(since);
    const rows: { memberId: number | string; changedAt: unknown }[] = await this.dataSource.query(
      `SELECT o.memberId AS memberId, CASE WHEN o.refundedAt >= ? THEN o.refundedAt ELSE o.paidAt END AS changedAt
         FROM orders o WHERE o.paidAt >= ? OR o.refundedAt >= ?
       UNION ALL SELECT o.memberId, r.succeededAt FROM refunds r INNER JOIN orders o ON o.id = r.orderId
         WHERE r.status = 'succeeded' AND r.succeededAt >= ?`,
      [at, at, at, at],
    );
    const latest = new Map<number, Date>();
    for (const row of rows) {
      const memberId = Number(row.memberId);
      const changedAt = readDate(row.changedAt);
      const known = latest.get(memberId);
      if (!known || known < changedAt) latest.set(memberId, changedAt);
    }
    return latest;
  }

  private async paidOrders(condition: string, parameters: unknown[], manager?: EntityManager): Promise<PaidOrderFact[]> {
    const source = manager ?? this.dataSource;
    // Refunds are few next to orders: summed once per query rather than once per order.
    const [rows, refunds] = await Promise.all([
      source.query(
        `SELECT o.id AS orderId, o.memberId AS memberId, o.paidAt AS paidAt, o.payableFen AS payableFen
         FROM orders o WHERE o.paidAt IS NOT NULL AND o.status <> 'refunded' AND ${condition}`,
        parameters,
      ) as Promise<{ orderId: number | string; memberId: number | string; paidAt: unknown; payableFen: number | string }[]>,
      source.query(
        `SELECT r.orderId AS orderId, SUM(r.amountFen) AS refundedFen FROM refunds r
         INNER JOIN orders o ON o.id = r.orderId
         WHERE r.status = 'succeeded' AND o.paidAt IS NOT NULL AND o.status <> 'refunded' AND ${condition}
         GROUP BY r.orderId`,
        parameters,
      ) as Promise<{ orderId: number | string; refundedFen: number | string }[]>,
    ]);
    const refunded = new Map(refunds.map((row) => [Number(row.orderId), Number(row.refundedFen)]));
    const facts = rows.map((row) => {
      const orderId = Number(row.orderId);
      const paidAt = readDate(row.paidAt);
      return {
        orderId,
        memberId: Number(row.memberId),
        paidAt,
        paidDay: chinaDay(paidAt),
        netPaidFen: Math.max(0, Number(row.payableFen) - (refunded.get(orderId) ?? 0)),
      };
    });
    return facts.sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime() || a.orderId - b.orderId);
  }

  private bindDate(date: Date): unknown {
    return bindDateTime(this.dataSource, date);
  }
}

/** A date as the driver stores a datetime column (SQLite: UTC text; MySQL: a Date it converts), for plain SQL. */
export function bindDateTime(dataSource: DataSource, date: Date): unknown {
  return dataSource.driver.preparePersistentValue(date, dataSource.getMetadata(OrderRow).findColumnWithPropertyName('paidAt')!);
}

/**
 * A datetime as the drivers answer it: mysql2 gives a Date (the connection is UTC); better-sqlite3 the text
 * TypeORM stored, 'YYYY-MM-DD HH:MM:SS.SSS' in UTC. Parsed here because the metrics read 100 000s of them.
 */
export function readDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);
}
