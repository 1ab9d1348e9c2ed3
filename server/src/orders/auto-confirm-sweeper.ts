import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { drainInBatches } from '../platform/jobs/drain';
import { PeriodicSweep } from '../platform/jobs/periodic-sweep';
import { OrderRow } from './order.entity';
import { ShippingService } from './shipping.service';

const SWEEP_BATCH = 100;

/** Confirms receipt of orders shipped longer ago than the shop's auto-confirm days (shipped → completed). */
@Injectable()
export class AutoConfirmSweeper extends PeriodicSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly shipping: ShippingService,
  ) {
    super({ name: 'orders.auto-confirm', label: '自动确认收货', everyMs: 60_000 });
  }

  async sweep(now: Date = new Date()): Promise<number> {
    return drainInBatches(
      SWEEP_BATCH,
      () =>
        this.dataSource.getRepository(OrderRow).find({
          select: { id: true },
          where: { status: 'shipped', autoConfirmAt: LessThanOrEqual(now) },
          order: { autoConfirmAt: 'ASC' },
          take: SWEEP_BATCH,
        }),
      ({ id }) => this.shipping.complete(id),
    );
  }
}
