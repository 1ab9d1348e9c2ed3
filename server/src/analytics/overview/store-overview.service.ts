import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OverviewPeriod, OverviewTodoKey, OverviewTodos, StoreOverview } from '../../../../shared';
import { ShipRemindersService } from '../../orders/ship-reminders.service';
import { addDays, chinaDay, startOfChinaDay } from '../../../../shared/china-time';
import { bindDateTime, readDate } from '../purchase-facts';
import { storeOverview, trendStart, type OverviewFacts } from './overview-figures';

/** One counter of the 待办 strip: its key (the console's OverviewTodoStrip names it and links it) and how it counts. */
interface TodoCounter {
  key: OverviewTodoKey;
  count: () => Promise<number>;
}

/**
 * 经营概览: three range reads over indexed time columns (orders.paidAt, refunds(status, succeededAt),
 * members.createdAt) for the 30 days of the trend, which hold every period compared; the arithmetic is the
 * pure storeOverview, in China days like the rest of analytics.
 */
@Injectable()
export class StoreOverviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly shipReminders: ShipRemindersService,
  ) {}

  async overview(period: OverviewPeriod, now: Date = new Date()): Promise<StoreOverview> {
    const today = chinaDay(now);
    const from = bindDateTime(this.dataSource, startOfChinaDay(trendStart(today)));
    const to = bindDateTime(this.dataSource, startOfChinaDay(addDays(today, 1)));
    const [payments, refunds, members] = await Promise.all([
      this.dataSource.query('SELECT paidAt, memberId, payableFen FROM orders WHERE paidAt >= ? AND paidAt < ?', [from, to]) as Promise<
        { paidAt: unknown; memberId: number | string; payableFen: number | string }[]
      >,
      this.dataSource.query(
        "SELECT succeededAt, amountFen FROM refunds WHERE status = 'succeeded' AND succeededAt >= ? AND succeededAt < ?",
        [from, to],
      ) as Promise<{ succeededAt: unknown; amountFen: number | string }[]>,
      this.dataSource.query('SELECT createdAt FROM members WHERE createdAt >= ? AND createdAt < ?', [from, to]) as Promise<{ createdAt: unknown }[]>,
    ]);
    const facts: OverviewFacts = {
      payments: payments.map((row) => ({ paidAt: readDate(row.paidAt), memberId: Number(row.memberId), payableFen: Number(row.payableFen) })),
      refunds: refunds.map((row) => ({ succeededAt: readDate(row.succeededAt), amountFen: Number(row.amountFen) })),
      newMembers: members.map((row) => readDate(row.createdAt)),
    };
    return storeOverview(period, today, facts, now);
  }

  async todos(): Promise<OverviewTodos> {
    const counters = this.todoCounters();
    return { counts: await Promise.all(counters.map(async ({ key, count }) => ({ key, count: await count() }))) };
  }

  /** The to-dos, in the strip's order. A new one is one more entry here. */
  private todoCounters(): TodoCounter[] {
    return [
      // Paid, not shipped (IDX_orders_status_pay_deadline leads with status).
      { key: 'awaitingShipment', count: () => this.count('SELECT COUNT(*) AS n FROM orders WHERE status = ?', ['paid']) },
      // Of those, the ones whose buyer asked to ship.
      { key: 'shipReminders', count: () => this.shipReminders.countOpenShipReminders() },
      // Applied, waiting for staff (IDX_after_sales_status).
      { key: 'afterSalesAwaitingStaff', count: () => this.count('SELECT COUNT(*) AS n FROM after_sales WHERE status = ?', ['applied']) },
      // 退货退款 approved, the goods not back yet.
      {
        key: 'returnsAwaitingGoods',
        count: () => this.count('SELECT COUNT(*) AS n FROM after_sales WHERE status = ? AND type = ?', ['approved', 'return_refund']),
      },
      // The goods are back; the refund waits for staff.
      { key: 'returnsAwaitingRefund', count: () => this.count('SELECT COUNT(*) AS n FROM after_sales WHERE status = ?', ['return_received']) },
    ];
  }

  private async count(sql: string, parameters: unknown[]): Promise<number> {
    const [row]: { n: number | string }[] = await this.dataSource.query(sql, parameters);
    return Number(row.n);
  }
}
