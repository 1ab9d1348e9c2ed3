import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  formatYuan,
  SUBSCRIBE_TEMPLATE_KINDS,
  SUBSCRIBE_TEMPLATE_LABELS,
  type SubscribeAnswersRequest,
  type SubscribeTemplate,
  type SubscribeTemplateKind,
} from '../../../shared';
import { Member } from '../members/member.entity';
import { OrderEvents, type OrderChangedEvent } from '../orders/order-events';
import { OrderLineRow } from '../orders/order-line.entity';
import { carrierName } from '../orders/shipment-view';
import { OrderRow } from '../orders/order.entity';
import { RefundRow } from '../payments/refund.entity';
import { APP_CONFIG, type AppConfig } from '../platform/config/app-config';
import { isUniqueViolation } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { WechatApiError } from '../wechat/wechat-errors';
import { WechatClient } from '../wechat/wechat.client';
import { SubscribeMessageLogRow } from './subscribe-message-log.entity';
import { SubscribeQuotaRow } from './subscribe-quota.entity';

/** WeChat's errcode for a user who has no quota left for the template. */
const NO_QUOTA_ERRCODE = 43101;

/**
 * One-time subscribe messages. Each accepted template adds one to the member's quota; each message
 * takes one with a conditional decrement, so parallel sends never go below zero. Sending follows the
 * order events (after commit) and is logged per order; it never fails the transition that caused it.
 */
@Injectable()
export class SubscribeMessagesService {
  private readonly logger = new Logger('SubscribeMessages');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly wechat: WechatClient,
  ) {}

  templates(): SubscribeTemplate[] {
    return SUBSCRIBE_TEMPLATE_KINDS.flatMap((kind) => {
      const templateId = this.config.subscribeTemplates[kind];
      return templateId ? [{ kind, templateId, title: SUBSCRIBE_TEMPLATE_LABELS[kind] }] : [];
    });
  }

  /** Records the shopper's answers; 400 SUBSCRIBE_TEMPLATE_UNKNOWN before anything is written. */
  async recordAnswers(memberId: number, request: SubscribeAnswersRequest): Promise<void> {
    const known = new Set(Object.values(this.config.subscribeTemplates));
    const unknown = request.answers.find((answer) => !known.has(answer.templateId));
    if (unknown) {
      throw new ApiException('SUBSCRIBE_TEMPLATE_UNKNOWN', HttpStatus.BAD_REQUEST, '未知的订阅消息模板', { templateId: unknown.templateId });
    }
    const quotas = this.dataSource.getRepository(SubscribeQuotaRow);
    for (const { templateId } of request.answers.filter((answer) => answer.accepted)) {
      try {
        await quotas.insert({ memberId, templateId, remaining: 0 });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      await quotas.increment({ memberId, templateId }, 'remaining', 1);
    }
  }

  @OnEvent(OrderEvents.paid)
  async onPaid(event: OrderChangedEvent): Promise<void> {
    await this.notify('order_paid', event.orderId, (order, lines) => ({
      character_string1: order.orderNo,
      amount2: formatYuan(order.payableFen),
      thing3: clip(lines[0]?.title ?? '商品', lines.length > 1 ? `等${lines.length}件` : ''),
      time4: chinaMinute(order.paidAt ?? new Date()),
    }));
  }

  @OnEvent(OrderEvents.shipped)
  async onShipped(event: OrderChangedEvent): Promise<void> {
    await this.notify('order_shipped', event.orderId, (order) => ({
      character_string1: order.orderNo,
      thing2: clip(carrierName(order.carrierCode ?? ''), ''),
      character_string3: order.trackingNo ?? '',
      time4: chinaMinute(order.shippedAt ?? new Date()),
    }));
  }

  @OnEvent(OrderEvents.refunded)
  async onRefunded(event: OrderChangedEvent): Promise<void> {
    const refund = await this.dataSource.getRepository(RefundRow).findOne({ where: { orderId: event.orderId, status: 'succeeded' }, order: { id: 'DESC' } });
    await this.notify('refund_result', event.orderId, (order) => ({
      character_string1: order.orderNo,
      amount2: formatYuan(refund?.amountFen ?? order.payableFen),
      phrase3: '退款成功',
      time4: chinaMinute(order.refundedAt ?? new Date()),
    }));
  }

  /** Sends one message about the order if the member has quota; logs the outcome; never throws. */
  private async notify(kind: SubscribeTemplateKind, orderId: number, data: (order: OrderRow, lines: OrderLineRow[]) => Record<string, string>): Promise<void> {
    const templateId = this.config.subscribeTemplates[kind];
    if (!templateId) return;
    try {
      const order = await this.dataSource.getRepository(OrderRow).findOneByOrFail({ id: orderId });
      const quotas = this.dataSource.getRepository(SubscribeQuotaRow);
      const taken = await quotas
        .createQueryBuilder()
        .update()
        .set({ remaining: () => 'remaining - 1' })
        .where('memberId = :memberId AND templateId = :templateId AND remaining > 0', { memberId: order.memberId, templateId })
        .execute();
      if (taken.affected !== 1) {
        await this.log(orderId, kind, templateId, 'no_quota', null);
        return;
      }
      const [member, lines] = await Promise.all([
        this.dataSource.getRepository(Member).findOneByOrFail({ id: order.memberId }),
        this.dataSource.getRepository(OrderLineRow).find({ where: { orderId }, order: { id: 'ASC' } }),
      ]);
      try {
        await this.wechat.sendSubscribeMessage({
          openid: member.openid,
          templateId,
          page: `orders/detail/index?orderNo=${order.orderNo}`,
          data: data(order, lines),
        });
        await this.log(orderId, kind, templateId, 'sent', null);
      } catch (error) {
        const errcode = error instanceof WechatApiError ? error.errcode : null;
        // Only WeChat's "no quota" means the shopper's permission was used up; otherwise it is still there.
        if (errcode !== NO_QUOTA_ERRCODE) await quotas.increment({ memberId: order.memberId, templateId }, 'remaining', 1);
        await this.log(orderId, kind, templateId, errcode === NO_QUOTA_ERRCODE ? 'no_quota' : 'failed', errcode);
        this.logger.warn(`subscribe message ${kind} for order ${order.orderNo} failed: ${String(error)}`);
      }
    } catch (error) {
      this.logger.error(`subscribe message ${kind} for order ${orderId} not handled: ${String(error)}`);
    }
  }

  private async log(orderId: number, kind: SubscribeTemplateKind, templateId: string, result: SubscribeMessageLogRow['result'], errcode: number | null): Promise<void> {
    await this.dataSource.getRepository(SubscribeMessageLogRow).insert({ orderId, kind, templateId, result, errcode });
  }
}

/** thing values are at most 20 characters. */
function clip(text: string, suffix: string): string {
  return `${text.slice(0, 20 - suffix.length)}${suffix}`;
}

/** "2026年11月22日 15:30" in China time, the time keyword's format. */
function chinaMinute(date: Date): string {
  const china = new Date(date.getTime() + 8 * 3600_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`;
}
