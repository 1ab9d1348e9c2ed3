import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { PeriodicSweep } from '../platform/jobs/periodic-sweep';
import { OrderRow } from './order.entity';
import { OrdersService } from './orders.service';

const SWEEP_BATCH = 100;

/**
 * Cancels orders still unpaid after their pay deadline and returns their stock. Every instance runs it
 * every minute: each order is cancelled by a conditional update, so overlapping sweeps (and a shopper
 * cancelling at the same moment) cancel it once.
 */
@Injectable()
export class UnpaidOrderSweeper extends PeriodicSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
  ) {
    super(60_000);
  }

  /** Cancels every order due by `now`; answers how many this call cancelled (others may have won some). */
  async sweep(now: Date = new Date()): Promise<number> {
    let cancelled = 0;
    for (;;) {
      const due = await this.dataSource.getRepository(OrderRow).find({
        select: { id: true },
        where: { status: 'pending_payment', payDeadlineAt: LessThanOrEqual(now) },
        order: { payDeadlineAt: 'ASC' },
        take: SWEEP_BATCH,
      });
      let progressed = 0;
      for (const { id } of due) {
        if (await this.orders.cancelUnpaid(id, 'timeout')) progressed++;
      }
      cancelled += progressed;
      // A short batch was the last; a batch another sweep emptied first ends this one too.
      if (due.length < SWEEP_BATCH || progressed === 0) return cancelled;
    }
  }
}
