import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { OrderRow } from '../orders/order.entity';
import { PeriodicSweep } from '../platform/jobs/periodic-sweep';
import { PaymentsService } from './payments.service';
import { RefundsService } from './refunds.service';

/** A payment attempt this old without a notification is asked about at WeChat (notifications can be lost). */
export const RECONCILE_AFTER_MS = 5 * 60_000;
/** A refund WeChat has not accepted is sent again after this long. */
const REFUND_RESEND_AFTER_MS = 60_000;
const BATCH = 100;

/**
 * Reconciles with WeChat Pay every minute: orders still unpaid some minutes after a payment attempt are
 * queried, and a SUCCESS goes through the same path as a notification (deduplicated by transaction id).
 * It calls WeChat, so one instance at a time runs it (the registry's lease).
 */
@Injectable()
export class PaymentSweeper extends PeriodicSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly payments: PaymentsService,
  ) {
    super({ name: 'payments.reconcile', label: '支付对账（向微信查单）', everyMs: 60_000, usesWechat: true });
  }

  /** Answers how many orders the queries found paid. */
  async sweep(now: Date = new Date()): Promise<number> {
    const due = await this.dataSource.getRepository(OrderRow).find({
      select: { id: true, orderNo: true },
      where: { status: 'pending_payment', paymentAttemptAt: LessThanOrEqual(new Date(now.getTime() - RECONCILE_AFTER_MS)) },
      order: { paymentAttemptAt: 'ASC' },
      take: BATCH,
    });
    let paid = 0;
    for (const order of due) {
      try {
        const transaction = await this.payments.queryAtWechat(order.orderNo);
        if (transaction && (await this.payments.applyTransaction(transaction)) === 'paid') paid++;
      } catch (error) {
        this.logger.warn(`reconciling order ${order.orderNo} failed: ${String(error)}`);
      }
    }
    return paid;
  }
}

/** Every minute, refunds WeChat never accepted are sent again with the same out_refund_no (under the lease too). */
@Injectable()
export class RefundResendSweeper extends PeriodicSweep {
  constructor(private readonly refunds: RefundsService) {
    super({ name: 'payments.refund-resend', label: '退款重发（向微信重新申请）', everyMs: 60_000, usesWechat: true });
  }

  /** Answers how many refunds were sent again. */
  sweep(now: Date = new Date()): Promise<number> {
    return this.refunds.resendUnaccepted(new Date(now.getTime() - REFUND_RESEND_AFTER_MS));
  }
}
