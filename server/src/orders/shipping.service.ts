import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EXPRESS_COMPANIES, maskPhone, ORDER_STATUS_LABELS, type BatchShipResult, type OrderDetail } from '../../../shared';
import { MemberRow } from '../members/member.entity';
import { PaymentRow } from '../payments/payment.entity';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { parseShipmentCsv } from './shipment-csv';
import { ShopSettingsService } from '../settings/shop-settings.service';
import { WechatClient } from '../wechat/wechat.client';
import { WechatPayClient } from '../wechat/pay/wechat-pay.client';
import { OrderEventPublisher } from './order-events';
import { ORDER_NO_PATTERN } from './order-number';
import { OrderRow } from './order.entity';
import { OrdersService } from './orders.service';
import { OrderProcess } from './process/order-process';

export const TRACKING_NO_PATTERN = /^[A-Za-z0-9]{5,32}$/;

/** A shipment this old without any report outcome lost its report (the WeChat call times out within seconds). */
const REPORT_ABANDONED_MS = 60_000;

export interface ShipmentInput {
  carrierCode: string;
  trackingNo: string;
}

/**
 * Shipping (paid → shipped) and receipt (shipped → completed). Shipping sets the auto-confirm due time
 * and reports the shipment to WeChat's shipping-info API after the commit; the report's result is kept
 * on the order, and a failed or lost report is sent again whenever the same shipment is submitted again.
 */
@Injectable()
export class ShippingService {
  private readonly logger = new Logger('Shipping');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly orders: OrdersService,
    private readonly settings: ShopSettingsService,
    private readonly events: OrderEventPublisher,
    private readonly wechat: WechatClient,
    private readonly pay: WechatPayClient,
    private readonly process: OrderProcess,
  ) {}

  /**
   * Ships a paid order. The same shipment again answers 'unchanged'; another one is 409. `reportToWechat: false`
   * is for orders WeChat Pay never saw (the demo history): WeChat would refuse a shipment for them.
   */
  async ship(orderNo: string, input: ShipmentInput, { reportToWechat = true } = {}): Promise<{ order: OrderRow; result: 'shipped' | 'unchanged' }> {
    const order = await this.findByNo(orderNo);
    const now = new Date();
    const { autoConfirmDays } = await this.settings.get();
    const shipped = await this.transactions.run((manager) =>
      this.process.transition(manager, {
        orderId: order.id,
        from: 'paid',
        to: 'shipped',
        changes: {
          shippedAt: now,
          carrierCode: input.carrierCode,
          trackingNo: input.trackingNo,
          autoConfirmAt: new Date(now.getTime() + autoConfirmDays * 86_400_000),
        },
        event: () => this.events.shipped(manager, order, input),
      }),
    );
    let current = await this.dataSource.getRepository(OrderRow).findOneByOrFail({ id: order.id });
    if (!shipped) {
      const same = current.carrierCode === input.carrierCode && current.trackingNo === input.trackingNo;
      if (!same) {
        throw new ApiException(
          'ORDER_STATE_CONFLICT',
          HttpStatus.CONFLICT,
          current.shippedAt ? '订单已用其他快递单号发货' : `订单${ORDER_STATUS_LABELS[current.status]}，不能发货`,
          { status: current.status },
        );
      }
      // A report still under way (null) belongs to the call that shipped; a failed one is sent again, and so is one
      // still missing long after that call must have ended (its process died between the commit and the report).
      const abandoned = current.shippingReportStatus === null && current.shippedAt !== null && now.getTime() - current.shippedAt.getTime() > REPORT_ABANDONED_MS;
      if (current.shippingReportStatus === 'failed' || abandoned) current = await this.reportToWechat(current);
      return { order: current, result: 'unchanged' };
    }
    if (reportToWechat) current = await this.reportToWechat(current);
    return { order: current, result: 'shipped' };
  }

  /** Ships every row of a CSV (订单号,快递公司,快递单号) independently. */
  async shipBatch(csv: Buffer): Promise<BatchShipResult> {
    const rows = parseShipmentCsv(csv);
    const result: BatchShipResult = { shipped: 0, unchanged: 0, failed: [] };
    for (const row of rows) {
      const carrier = EXPRESS_COMPANIES.find((company) => company.code === row.carrier.toUpperCase() || company.name === row.carrier);
      const fail = (message: string) => result.failed.push({ line: row.line, orderNo: row.orderNo, message });
      if (!carrier) {
        fail(`未知的快递公司“${row.carrier}”`);
        continue;
      }
      if (!TRACKING_NO_PATTERN.test(row.trackingNo)) {
        fail('快递单号应为 5–32 位字母或数字');
        continue;
      }
      try {
        const { result: outcome } = await this.ship(row.orderNo, { carrierCode: carrier.code, trackingNo: row.trackingNo });
        result[outcome] += 1;
      } catch (error) {
        if (!(error instanceof ApiException)) throw error;
        fail(error.body.message);
      }
    }
    return result;
  }

  /** The shopper confirms receipt. Confirming a completed order again answers it unchanged. */
  async confirmReceipt(memberId: number, orderNo: string): Promise<OrderDetail> {
    const order = await this.orders.findOwned(memberId, orderNo);
    await this.complete(order.id);
    const now = await this.orders.findOwned(memberId, orderNo);
    if (now.status !== 'completed') {
      throw new ApiException('ORDER_STATE_CONFLICT', HttpStatus.CONFLICT, `订单${ORDER_STATUS_LABELS[now.status]}，不能确认收货`, {
        status: now.status,
      });
    }
    return this.orders.detailOf(now);
  }

  /** shipped → completed; true when this call completed it (the shopper and the sweep may race). */
  async complete(orderId: number): Promise<boolean> {
    return this.transactions.run((manager) =>
      this.process.transition(manager, {
        orderId,
        from: 'shipped',
        to: 'completed',
        changes: { completedAt: new Date(), autoConfirmAt: null },
        event: async () => this.events.completed(manager, await manager.findOneByOrFail(OrderRow, { id: orderId })),
      }),
    );
  }

  async findByNo(orderNo: string): Promise<OrderRow> {
    const order = ORDER_NO_PATTERN.test(orderNo) ? await this.dataSource.getRepository(OrderRow).findOneBy({ orderNo }) : null;
    if (!order) throw new ApiException('ORDER_NOT_FOUND', HttpStatus.NOT_FOUND, '订单不存在');
    return order;
  }

  /** Reports the shipment to WeChat and keeps the outcome on the order; never throws. */
  private async reportToWechat(order: OrderRow): Promise<OrderRow> {
    let status: 'reported' | 'failed' = 'reported';
    let message: string | null = null;
    try {
      const payment = await this.dataSource.getRepository(PaymentRow).findOneBy({ orderId: order.id, outcome: 'matched' });
      const payerOpenid = payment?.payerOpenid || (await this.dataSource.getRepository(MemberRow).findOneByOrFail({ id: order.memberId })).openid;
      const lines = (await this.orders.linesOf([order.id])).get(order.id) ?? [];
      await this.wechat.uploadShippingInfo({
        mchid: this.pay.mchid,
        outTradeNo: order.orderNo,
        trackingNo: order.trackingNo!,
        expressCompany: order.carrierCode!,
        itemDesc: lines.map((line) => `${line.title}×${line.quantity}`).join('，'),
        receiverContact: maskPhone(order.recipientPhone),
        payerOpenid,
      });
    } catch (error) {
      status = 'failed';
      message = String((error as Error).message ?? error).slice(0, 200);
      this.logger.warn(`shipping report of order ${order.orderNo} failed: ${message}`);
    }
    const changes = { shippingReportStatus: status, shippingReportMessage: message, shippingReportAt: new Date() };
    await this.transactions.run((manager) => manager.update(OrderRow, { id: order.id }, changes));
    return { ...order, ...changes };
  }
}
