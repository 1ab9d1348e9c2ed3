import { HttpStatus, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { StartPaymentResponse } from '../../../shared';
import { MemberRow } from '../members/member.entity';
import { OrderEventPublisher, OrderEvents, type OrderCancelledPayload } from '../orders/order-events';
import { EventFollowers } from '../platform/events/event-followers';
import { OrderLineRow } from '../orders/order-line.entity';
import { ORDER_NO_PATTERN } from '../orders/order-number';
import { OrderRow } from '../orders/order.entity';
import { OrderProcess } from '../orders/process/order-process';
import { APP_CONFIG, type AppConfig } from '../platform/config/app-config';
import { isUniqueViolation, TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { WechatPayApiError, wechatPayUnavailable } from '../wechat/pay/wechat-pay-errors';
import { WechatPayClient } from '../wechat/pay/wechat-pay.client';
import type { WechatPayTransaction } from '../wechat/pay/wechat-pay.types';
import { wechatPayNotifyUrl } from './notify-url';
import { PaymentRow } from './payment.entity';
import { RefundsService } from './refunds.service';

/** A prepay id lives 2 hours at WeChat; stop re-using it a little before. */
const PREPAY_REUSE_MS = 110 * 60_000;

/** What a transaction reported by WeChat did to its order. */
export type TransactionOutcome = 'paid' | 'duplicate' | 'amount_mismatch' | 'refunded_late' | 'not_paid' | 'unknown_order' | 'already_paid';

/**
 * Paying for orders with WeChat Pay: the JSAPI order for the shopper, and the one path every successful
 * transaction takes (notification or reconciliation query) to mark the order paid exactly once.
 */
@Injectable()
export class PaymentsService implements OnModuleInit {
  private readonly logger = new Logger('Payments');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly events: OrderEventPublisher,
    private readonly pay: WechatPayClient,
    private readonly refunds: RefundsService,
    private readonly followers: EventFollowers,
    private readonly process: OrderProcess,
  ) {}

  onModuleInit(): void {
    this.followers.register<OrderCancelledPayload>({
      name: 'payments.close-cancelled-order',
      label: '订单取消后关闭微信支付订单',
      on: [OrderEvents.cancelled],
      handle: ({ payload }) => this.closeAtWechat(payload.orderId),
    });
  }

  /**
   * Places (or re-uses) the JSAPI order of the member's unpaid order and signs the requestPayment params.
   *
   * A cancel (shopper, timeout sweep, staff) may land at any moment, so a start wins or loses on conditional
   * updates of the order while it is still pending_payment: the attempt is recorded BEFORE WeChat is asked
   * (so a cancel committed after it knows to close the WeChat order), and the prepay id is kept only if the
   * order is still pending afterwards. A start that loses hands out nothing (409 PAYMENT_NOT_ALLOWED) and
   * closes the WeChat order it may have just created, which a cancel that ran in between could not close yet.
   */
  async start(memberId: number, orderNo: string): Promise<StartPaymentResponse> {
    const order = await this.payableOrder(memberId, orderNo);
    const now = new Date();
    // One conditional UPDATE each, atomic on its own: no transaction around it.
    const stillPayable = (changes: Partial<OrderRow>) =>
      this.transactions.single((manager) =>
        manager
          .createQueryBuilder()
          .update(OrderRow)
          .set(changes)
          .where('id = :id AND status = :status AND payDeadlineAt > :now', { id: order.id, status: 'pending_payment', now })
          .execute(),
      );
    if (order.status !== 'pending_payment' || !order.payDeadlineAt || order.payDeadlineAt <= now) throw await this.notPayable(order.id);
    const reusable = order.prepayId && order.prepayExpiresAt && order.prepayExpiresAt > now ? { prepayId: order.prepayId, expiresAt: order.prepayExpiresAt } : null;
    let prepayId = reusable?.prepayId ?? null;
    if (!prepayId) {
      // The attempt is recorded before WeChat is asked (a valid prepay id re-used asks WeChat nothing).
      if (!(await stillPayable({ paymentAttemptAt: now })).affected) throw await this.notPayable(order.id);
      try {
        ({ prepayId } = await this.pay.createJsapiOrder({
          outTradeNo: order.orderNo,
          description: billDescription(order.firstLineTitle, order.lineCount),
          amountFen: order.payableFen,
          payerOpenid: order.payerOpenid,
          notifyUrl: wechatPayNotifyUrl(this.config),
          timeExpire: order.payDeadlineAt,
        }));
      } catch (error) {
        if (error instanceof WechatPayApiError && (error.code === 'ORDERPAID' || error.code === 'ORDER_CLOSED')) {
          throw new ApiException('PAYMENT_NOT_ALLOWED', HttpStatus.CONFLICT, error.code === 'ORDERPAID' ? '订单已支付，请稍后刷新' : '订单已关闭，不能支付');
        }
        throw wechatPayUnavailable(error);
      }
    }
    // Kept only while the order is still unpaid; the attempt time lets the reconciliation sweep find it. A re-used
    // prepay id keeps the expiry it was given when WeChat made it.
    const expiresAt = reusable?.expiresAt ?? new Date(now.getTime() + PREPAY_REUSE_MS);
    if (!(await stillPayable({ prepayId, prepayExpiresAt: expiresAt, paymentAttemptAt: now })).affected) {
      // Cancelled (or paid) while WeChat was asked: the JSAPI order must not stay open for a cancelled order.
      const latest = await this.dataSource.getRepository(OrderRow).findOneByOrFail({ id: order.id });
      if (latest.status === 'cancelled') await this.closeJsapiOrder(latest.orderNo);
      throw await this.notPayable(order.id);
    }
    const { appId: _appId, ...params } = this.pay.requestPaymentParams(prepayId);
    return { orderNo: order.orderNo, payableFen: order.payableFen, prepayId, params };
  }

  /**
   * What a payment start needs, in one statement: the member's order (404 ORDER_NOT_FOUND for another member's
   * or a missing one), the payer's openid and the bill line (the first line's title, how many lines).
   */
  private async payableOrder(memberId: number, orderNo: string) {
    const found = ORDER_NO_PATTERN.test(orderNo)
      ? await this.dataSource
          .getRepository(OrderRow)
          .createQueryBuilder('o')
          .select(['o.id', 'o.orderNo', 'o.status', 'o.payableFen', 'o.payDeadlineAt', 'o.prepayId', 'o.prepayExpiresAt'])
          .addSelect((query) => query.select('m.openid').from(MemberRow, 'm').where('m.id = o.memberId'), 'payerOpenid')
          .addSelect((query) => query.select('COUNT(*)').from(OrderLineRow, 'l').where('l.orderId = o.id'), 'lineCount')
          .addSelect(
            (query) => query.select('f.title').from(OrderLineRow, 'f').where('f.orderId = o.id').orderBy('f.id', 'ASC').limit(1),
            'firstLineTitle',
          )
          .where('o.orderNo = :orderNo AND o.memberId = :memberId', { orderNo, memberId })
          .getRawAndEntities<{ payerOpenid: string; lineCount: number | string; firstLineTitle: string | null }>()
      : null;
    const [order] = found?.entities ?? [];
    if (!order) throw new ApiException('ORDER_NOT_FOUND', HttpStatus.NOT_FOUND, '订单不存在');
    const [extra] = found!.raw;
    return Object.assign(order, { payerOpenid: extra.payerOpenid, lineCount: Number(extra.lineCount), firstLineTitle: extra.firstLineTitle });
  }

  private async notPayable(orderId: number): Promise<ApiException> {
    const latest = await this.dataSource.getRepository(OrderRow).findOneByOrFail({ id: orderId });
    return new ApiException('PAYMENT_NOT_ALLOWED', HttpStatus.CONFLICT, '订单当前不能支付（已支付、已取消或已超过支付时限）', {
      status: latest.status,
    });
  }

  /**
   * Applies a transaction WeChat Pay reported as verified fact. One payment row per transaction id (a
   * unique index), so repeated or parallel deliveries record and apply it once; the order moves
   * pending_payment → paid with a conditional update. A payment for a cancelled order is refunded.
   */
  async applyTransaction(transaction: WechatPayTransaction): Promise<TransactionOutcome> {
    if (transaction.trade_state !== 'SUCCESS' || !transaction.transaction_id) return 'not_paid';
    const transactionId = transaction.transaction_id;
    // The order with its lines in one read: the paid transition's hooks (sales counts) take the lines from here.
    const order = (await this.dataSource
      .getRepository(OrderRow)
      .createQueryBuilder('o')
      .leftJoinAndMapMany('o.lines', OrderLineRow, 'l', 'l.orderId = o.id')
      .where('o.orderNo = :orderNo', { orderNo: transaction.out_trade_no })
      .getOne()) as (OrderRow & { lines: OrderLineRow[] }) | null;
    if (!order) {
      this.logger.warn(`payment ${transactionId} for unknown order ${transaction.out_trade_no}`);
      return 'unknown_order';
    }
    const amountFen = transaction.amount?.total ?? -1;
    const matches =
      transaction.appid === this.pay.appid && transaction.mchid === this.pay.mchid && amountFen === order.payableFen;
    const successAt = transaction.success_time ? new Date(transaction.success_time) : new Date();

    const outcome = await this.transactions.run(async (manager): Promise<TransactionOutcome> => {
      try {
        await manager.insert(PaymentRow, {
          orderId: order.id,
          transactionId,
          amountFen: Math.max(0, amountFen),
          payerOpenid: transaction.payer?.openid ?? '',
          successAt,
          outcome: matches ? 'matched' : 'amount_mismatch',
        });
      } catch (error) {
        if (isUniqueViolation(error)) return 'duplicate';
        throw error;
      }
      if (!matches) return 'amount_mismatch';
      const paid = await this.process.transition(manager, {
        orderId: order.id,
        from: 'pending_payment',
        to: 'paid',
        changes: { paidAt: successAt, payDeadlineAt: null },
        lines: order.lines,
        order,
        event: () => this.events.paid(manager, order, successAt),
      });
      if (paid) return 'paid';
      const now = await manager.findOneByOrFail(OrderRow, { id: order.id });
      if (now.status !== 'cancelled') return 'already_paid';
      await manager.update(PaymentRow, { transactionId }, { outcome: 'refunded_late' });
      // The refund is recorded with the flag: a crash before it is sent leaves it to the refund sweep, never lost.
      await this.refunds.recordPaymentRefund(manager, {
        orderId: order.id,
        afterSaleId: null,
        outRefundNo: lateRefundNo(order.orderNo, transactionId),
        amountFen,
        paymentTotalFen: amountFen,
        reason: '订单已取消，退回支付款',
      });
      return 'refunded_late';
    });

    if (outcome === 'amount_mismatch') {
      this.logger.error(`payment ${transactionId} of order ${order.orderNo} does not match it (amount ${amountFen}, expected ${order.payableFen}): flagged, order unchanged`);
    } else if (outcome === 'refunded_late') {
      await this.refunds.send(lateRefundNo(order.orderNo, transactionId));
    }
    return outcome;
  }

  /** The order as WeChat Pay knows it; null when WeChat has no such order (it was never placed there). */
  async queryAtWechat(orderNo: string): Promise<WechatPayTransaction | null> {
    try {
      return await this.pay.queryOrder(orderNo);
    } catch (error) {
      if (error instanceof WechatPayApiError && error.code === 'ORDER_NOT_EXIST') return null;
      throw error;
    }
  }

  /**
   * A cancelled order is closed at WeChat so it cannot be paid any more, when a payment was ever started (its
   * attempt is recorded before WeChat is asked, so a start racing this cancel is either seen here or closes
   * the WeChat order itself).
   */
  private async closeAtWechat(orderId: number): Promise<void> {
    const order = await this.dataSource.getRepository(OrderRow).findOneBy({ id: orderId });
    if (order?.paymentAttemptAt) await this.closeJsapiOrder(order.orderNo);
  }

  /**
   * Closes the order's JSAPI order (one per order: out_trade_no is the order number). If WeChat answers that it
   * was paid meanwhile, the payment is applied at once (recorded and refunded) rather than waiting for a
   * notification that may be lost. Failures are only logged.
   */
  private async closeJsapiOrder(orderNo: string): Promise<void> {
    try {
      await this.pay.closeOrder(orderNo);
    } catch (error) {
      // Not placed at WeChat (yet): a payment start that places it later sees the cancel and closes it itself.
      if (error instanceof WechatPayApiError && error.code === 'ORDER_NOT_EXIST') return;
      this.logger.warn(`closing WeChat Pay order ${orderNo} failed: ${String(error)}`);
      if (!(error instanceof WechatPayApiError && error.code === 'ORDERPAID')) return;
      try {
        const transaction = await this.queryAtWechat(orderNo);
        if (transaction) await this.applyTransaction(transaction);
      } catch (queryError) {
        this.logger.error(`order ${orderNo} was paid after cancellation; applying the payment failed: ${String(queryError)}`);
      }
    }
  }
}

/** The payer's bill line: the first product, and how many more (WeChat allows 127 characters). */
function billDescription(firstLineTitle: string | null, lineCount: number): string {
  const first = firstLineTitle ?? '商品';
  const text = lineCount > 1 ? `${first} 等${lineCount}件商品` : first;
  return text.slice(0, 127);
}

/** The refund of a payment that arrived after its order was cancelled: one per payment. */
function lateRefundNo(orderNo: string, transactionId: string): string {
  return `${orderNo}L${transactionId.slice(-8)}`;
}
