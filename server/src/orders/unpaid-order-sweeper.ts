import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { drainInBatches } from '../platform/jobs/drain';
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
    super({ name: 'orders.unpaid-timeout', label: '超时未付款订单取消', everyMs: 60_000 });
  }

  /** Cancels every order due by `now`; answers how many this call cancelled (others may have won some). */
  async sweep(now: Date = new Date()): Promise<number> {
    return drainInBatches(
      SWEEP_BATCH,
      () =>
        this.dataSource.getRepository(OrderRow).find({
          select: { id: true },
          where: { status: 'pending_payment', payDeadlineAt: LessThanOrEqual(now) },
          order: { payDeadlineAt: 'ASC' },
          take: SWEEP_BATCH,
        }),
      ({ id }) => this.orders.cancelUnpaid(id, 'timeout'),
    );
  }
}
