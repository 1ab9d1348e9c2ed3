import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { chinaClock, ORDER_HOLD_LABELS, ORDER_STATUS_LABELS, SHIP_REMINDER_INTERVAL_HOURS, type OrderDetail } from '../../../shared';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { nextShipReminderAt } from './order-views';
import { OrderRow } from './order.entity';
import { OrdersService } from './orders.service';

/**
 * 提醒发货: the buyer of a paid, unshipped order nudges the shop, at most once per SHIP_REMINDER_INTERVAL_HOURS.
 * The limit is one conditional UPDATE on the order's shipRemindedAt, so parallel taps record one reminder.
 * Staff see the reminder on the order and count the open ones for their 待办.
 */
@Injectable()
export class ShipRemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly orders: OrdersService,
  ) {}

  async remind(memberId: number, orderNo: string): Promise<OrderDetail> {
    const order = await this.orders.findOwned(memberId, orderNo);
    // Whole seconds: MySQL DATETIME keeps no fraction, and the next allowed time is computed from what is stored.
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const dueBefore = new Date(now.getTime() - SHIP_REMINDER_INTERVAL_HOURS * 3600_000);
    const recorded = await this.transactions.run(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(OrderRow)
        .set({ shipRemindedAt: now })
        .where("id = :id AND status = 'paid' AND fulfilmentHold IS NULL AND (shipRemindedAt IS NULL OR shipRemindedAt <= :dueBefore)", { id: order.id, dueBefore })
        .execute();
      return result.affected === 1;
    });
    const current = await this.orders.findOwned(memberId, orderNo);
    if (recorded) return this.orders.detailOf(current);
    if (current.status !== 'paid') {
      throw new ApiException(
        'ORDER_STATE_CONFLICT',
        HttpStatus.CONFLICT,
        current.status === 'pending_payment' ? '订单还没有付款，付款后才能提醒发货' : `订单${ORDER_STATUS_LABELS[current.status]}，不需要提醒发货`,
        { status: current.status },
      );
    }
    // An order on hold (its 拼团 still forming) may not ship yet: nothing to remind the shop of.
    if (current.fulfilmentHold !== null) {
      throw new ApiException('ORDER_STATE_CONFLICT', HttpStatus.CONFLICT, `${ORDER_HOLD_LABELS[current.fulfilmentHold]}的订单成团后才会发货，暂时不需要提醒`, { fulfilmentHold: current.fulfilmentHold });
    }
    const nextAllowedAt = nextShipReminderAt(current.shipRemindedAt ?? now);
    throw new ApiException(
      'SHIP_REMINDER_TOO_SOON',
      HttpStatus.TOO_MANY_REQUESTS,
      `已经提醒过商家了，${chinaMinute(nextAllowedAt)} 后可以再次提醒`,
      { nextAllowedAt: nextAllowedAt.toISOString() },
    );
  }

  /** Paid orders not shipped yet whose buyer asked to ship (the admin's 待办; its list is `?reminded=true`). */
  countOpenShipReminders(): Promise<number> {
    return this.dataSource.getRepository(OrderRow).countBy({ status: 'paid', shipRemindedAt: Not(IsNull()) });
  }
}

/** 12月7日 10:30, China time, as the shopper reads it. */
function chinaMinute(date: Date): string {
  const { month, day, hour, minute } = chinaClock(date);
  return `${month}月${day}日 ${hour}:${String(minute).padStart(2, '0')}`;
}
