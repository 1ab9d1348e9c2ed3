import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThanOrEqual } from 'typeorm';
import type { RefundRecord } from '../../../shared';
import { toRefundRecord } from './refund-views';
import { AfterSaleRow } from '../after-sales/after-sale.entity';
import { OrderEventPublisher } from '../orders/order-events';
import { OrderRow } from '../orders/order.entity';
import { OrderProcess } from '../orders/process/order-process';
import { APP_CONFIG, type AppConfig } from '../platform/config/app-config';
import { TransactionRunner, isUniqueViolation } from '../platform/database/transaction-runner';
import { WechatPayClient } from '../wechat/pay/wechat-pay.client';
import type { WechatPayRefundNotice } from '../wechat/pay/wechat-pay.types';
import { wechatPayNotifyUrl } from './notify-url';
import { RefundRow } from './refund.entity';

export interface StartRefundInput {
  orderId: number;
  afterSaleId: number | null;
  /** Derived from what is refunded, so a repeat names the same refund. */
  outRefundNo: string;
  amountFen: number;
  paymentTotalFen: number;
  reason: string;
}

/**
 * Refunds through WeChat Pay. A refund row is written first (unique out_refund_no), then sent; sending
 * again with the same out_refund_no is WeChat's own idempotent retry, so a lost answer or a second
 * caller never refunds twice. REFUND.SUCCESS settles the row, then the after-sale case and the order.
 */
@Injectable()
export class RefundsService {
  private readonly logger = new Logger('Refunds');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly pay: WechatPayClient,
    private readonly events: OrderEventPublisher,
    private readonly process: OrderProcess,
  ) {}

  /**
   * Records the refund (once) and sends it to WeChat; a failed send is retried by the refund sweep.
   * `sendToWechat: false` only records it, for payments WeChat Pay never saw (the demo history settles those itself).
   */
  async startRefund(input: StartRefundInput, { sendToWechat = true } = {}): Promise<void> {
    try {
      await this.transactions.run((manager) => manager.insert(RefundRow, { ...input, status: 'processing', acceptedAt: null, wechatRefundId: null, succeededAt: null }));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    if (sendToWechat) await this.send(input.outRefundNo);
  }

  /** Sends a processing refund that WeChat has not accepted yet. */
  async send(outRefundNo: string): Promise<void> {
    const refund = await this.dataSource.getRepository(RefundRow).findOneByOrFail({ outRefundNo });
    if (refund.status !== 'processing' || refund.acceptedAt) return;
    const order = await this.dataSource.getRepository(OrderRow).findOneByOrFail({ id: refund.orderId });
    try {
      const accepted = await this.pay.createRefund({
        outTradeNo: order.orderNo,
        outRefundNo,
        refundFen: refund.amountFen,
        totalFen: refund.paymentTotalFen,
        reason: refund.reason,
        notifyUrl: wechatPayNotifyUrl(this.config),
      });
      await this.dataSource
        .createQueryBuilder()
        .update(RefundRow)
        .set({ acceptedAt: new Date(), wechatRefundId: accepted.refund_id })
        .where('id = :id AND acceptedAt IS NULL', { id: refund.id })
        .execute();
    } catch (error) {
      this.logger.error(`refund ${outRefundNo} of order ${order.orderNo} not accepted yet (the refund sweep retries): ${String(error)}`);
    }
  }

  /**
   * REFUND.SUCCESS / ABNORMAL / CLOSED. processing → succeeded is conditional, so a repeated notification
   * changes nothing; the after-sale case and the order move refunding → refunded in the same transaction.
   */
  async applyRefundNotice(notice: WechatPayRefundNotice): Promise<void> {
    const refund = await this.dataSource.getRepository(RefundRow).findOneBy({ outRefundNo: notice.out_refund_no });
    if (!refund) {
      this.logger.warn(`refund notification for unknown refund ${notice.out_refund_no}`);
      return;
    }
    if (notice.amount?.refund !== refund.amountFen) {
      this.logger.error(`refund notification ${notice.out_refund_no} names ${notice.amount?.refund} fen, the refund is ${refund.amountFen}: ignored`);
      return;
    }
    const succeeded = notice.refund_status === 'SUCCESS';
    const at = notice.success_time ? new Date(notice.success_time) : new Date();
    await this.transactions.run(async (manager) => {
      const changed = await manager
        .createQueryBuilder()
        .update(RefundRow)
        .set(succeeded ? { status: 'succeeded', succeededAt: at } : { status: 'failed' })
        .where('id = :id AND status = :from', { id: refund.id, from: 'processing' })
        .execute();
      if (changed.affected !== 1 || !succeeded || refund.afterSaleId === null) return;
      await manager
        .createQueryBuilder()
        .update(AfterSaleRow)
        .set({ status: 'refunded', refundedAt: at })
        .where('id = :id AND status = :from', { id: refund.afterSaleId, from: 'refunding' })
        .execute();
      await this.process.transition(manager, {
        orderId: refund.orderId,
        from: 'refunding',
        to: 'refunded',
        changes: { refundedAt: at },
        event: async () => this.events.refunded(manager, await manager.findOneByOrFail(OrderRow, { id: refund.orderId }), refund.amountFen),
      });
    });
    if (!succeeded) this.logger.error(`refund ${notice.out_refund_no} ended ${notice.refund_status}: staff must handle it`);
  }

  async listForOrder(orderId: number): Promise<RefundRecord[]> {
    const rows = await this.dataSource.getRepository(RefundRow).find({ where: { orderId }, order: { id: 'ASC' } });
    return rows.map(toRefundRecord);
  }

  /** Refunds recorded but never accepted by WeChat (it was unreachable): sent again. */
  async resendUnaccepted(olderThan: Date): Promise<number> {
    const due = await this.dataSource.getRepository(RefundRow).find({
      select: { outRefundNo: true },
      where: { status: 'processing', acceptedAt: IsNull(), createdAt: LessThanOrEqual(olderThan) },
      order: { id: 'ASC' },
      take: 100,
    });
    for (const row of due) await this.send(row.outRefundNo);
    return due.length;
  }
}
