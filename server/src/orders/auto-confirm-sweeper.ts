import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual } from 'typeorm';
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
    super(60_000);
  }

  async sweep(now: Date = new Date()): Promise<number> {
    let completed = 0;
    for (;;) {
      const due = await this.dataSource.getRepository(OrderRow).find({
        select: { id: true },
        where: { status: 'shipped', autoConfirmAt: LessThanOrEqual(now) },
        order: { autoConfirmAt: 'ASC' },
        take: SWEEP_BATCH,
      });
      let progressed = 0;
      for (const { id } of due) if (await this.shipping.complete(id)) progressed++;
      completed += progressed;
      if (due.length < SWEEP_BATCH || progressed === 0) return completed;
    }
  }
}
