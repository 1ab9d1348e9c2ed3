import { HttpStatus, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  chinaClock,
  formatYuan,
  SUBSCRIBE_TEMPLATE_KINDS,
  SUBSCRIBE_TEMPLATE_LABELS,
  type SubscribeAnswersRequest,
  type SubscribeTemplate,
  type SubscribeTemplateKind,
} from '../../../shared';
import { MemberRow } from '../members/member.entity';
import { OrderEvents, type OrderEventPayload } from '../orders/order-events';
import { EventFollowers } from '../platform/events/event-followers';
import { OrderLineRow } from '../orders/order-line.entity';
import { carrierName } from '../orders/shipment-view';
import { OrderRow } from '../orders/order.entity';
import { RefundRow } from '../payments/refund.entity';
import { APP_CONFIG, type AppConfig } from '../platform/config/app-config';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { upsertRow } from '../platform/database/upsert';
import { ApiException } from '../platform/errors/api-exception';
import { WechatApiError } from '../wechat/wechat-errors';
import { WechatClient } from '../wechat/wechat.client';
import { SubscribeMessageLogRow } from './subscribe-message-log.entity';
import { SubscribeQuotaRow } from './subscribe-quota.entity';

/** How a message went: WeChat took it, the member had no quota, WeChat refused it, or the shop has no such template. */
export interface SendOutcome {
  result: SubscribeMessageLogRow['result'] | 'not_configured';
  errcode: number | null;
}

/** WeChat's errcode for a user who has no quota left for the template. */
const NO_QUOTA_ERRCODE = 43101;

/**
 * One-time subscribe messages. Each accepted template adds one to the member's quota; each message
 * takes one with a conditional decrement, so parallel sends never go below zero. Sending follows the
 * order events (after commit) and is logged per order; it never fails the transition that caused it.
 */
@Injectable()
export class SubscribeMessagesService implements OnModuleInit {
  private readonly logger = new Logger('SubscribeMessages');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly wechat: WechatClient,
    private readonly transactions: TransactionRunner,
    private readonly followers: EventFollowers,
  ) {}

  onModuleInit(): void {
    const follow = (name: string, type: string, kind: SubscribeTemplateKind, send: (orderId: number, memberId: number, quotaLeft: number) => Promise<void>) =>
      this.followers.register<OrderEventPayload>({
        name,
        label: `发送订阅消息「${SUBSCRIBE_TEMPLATE_LABELS[kind]}」`,
        on: [type],
        // Once per order and kind: an event redelivered after the process died mid-way sends nothing more.
        handle: async ({ payload }) => {
          const templateId = this.config.subscribeTemplates[kind];
          if (!templateId) return;
          const { logged, quotaLeft } = await this.standing(payload.orderId, kind, payload.memberId, templateId);
          if (!logged) await send(payload.orderId, payload.memberId, quotaLeft);
        },
      });
    follow('subscribe-messages.order-paid', OrderEvents.paid, 'order_paid', (orderId, memberId, quotaLeft) => this.onPaid(orderId, memberId, quotaLeft));
    follow('subscribe-messages.order-shipped', OrderEvents.shipped, 'order_shipped', (orderId, memberId, quotaLeft) => this.onShipped(orderId, memberId, quotaLeft));
    follow('subscribe-messages.refund-result', OrderEvents.refunded, 'refund_result', (orderId, memberId, quotaLeft) => this.onRefunded(orderId, memberId, quotaLeft));
  }

  /**
   * In one read: whether a message of this kind was logged for the order already, and the member's quota left
   * (a hint: taking one is still the conditional decrement; with none left there is nothing to take).
   */
  private async standing(orderId: number, kind: SubscribeTemplateKind, memberId: number, templateId: string): Promise<{ logged: boolean; quotaLeft: number }> {
    const [row]: { logged: number | string; quotaLeft: number | string | null }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM subscribe_message_logs WHERE orderId = ? AND kind = ?) AS logged,
              (SELECT remaining FROM subscribe_quotas WHERE memberId = ? AND templateId = ?) AS quotaLeft`,
      [orderId, kind, memberId, templateId],
    );
    return { logged: Number(row.logged) === 1, quotaLeft: Number(row.quotaLeft ?? 0) };
  }

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
    // In template order, so two of the member's parallel answers lock the quota rows in the same order.
    const accepted = request.answers.filter((answer) => answer.accepted).map((answer) => answer.templateId).sort();
    if (accepted.length === 0) return;
    await this.transactions.run(async (manager) => {
      for (const templateId of accepted) {
        // One upsert per quota: the first acceptance creates the row with 1, later ones add 1.
        await upsertRow(manager, SubscribeQuotaRow, { memberId, templateId, remaining: 1 }, ['memberId', 'templateId'], {
          remaining: ({ column }) => `${column('remaining')} + 1`,
        });
      }
    });
  }

  async onPaid(orderId: number, memberId?: number, quotaLeft?: number): Promise<void> {
    await this.notify('order_paid', orderId, memberId, quotaLeft, (order, lines) => ({
      character_string1: order.orderNo,
      amount2: formatYuan(order.payableFen),
      thing3: clip(lines[0]?.title ?? '商品', lines.length > 1 ? `等${lines.length}件` : ''),
      time4: chinaMinute(order.paidAt ?? new Date()),
    }));
  }

  async onShipped(orderId: number, memberId?: number, quotaLeft?: number): Promise<void> {
    await this.notify('order_shipped', orderId, memberId, quotaLeft, (order) => ({
      character_string1: order.orderNo,
      thing2: clip(carrierName(order.carrierCode ?? ''), ''),
      character_string3: order.trackingNo ?? '',
      time4: chinaMinute(order.shippedAt ?? new Date()),
    }));
  }

  async onRefunded(orderId: number, memberId?: number, quotaLeft?: number): Promise<void> {
    const refund = await this.dataSource.getRepository(RefundRow).findOne({ where: { orderId, status: 'succeeded' }, order: { id: 'DESC' } });
    await this.notify('refund_result', orderId, memberId, quotaLeft, (order) => ({
      character_string1: order.orderNo,
      amount2: formatYuan(refund?.amountFen ?? order.payableFen),
      phrase3: '退款成功',
      time4: chinaMinute(order.refundedAt ?? new Date()),
    }));
  }

  /**
   * 拼团成功 / 拼团失败 for one member's order of the team (called by group-buy's followers on the team's events):
   * once per order and kind, through the member's quota like every message.
   */
  async sendGroupBuyResult(kind: 'group_buy_succeeded' | 'group_buy_failed', orderId: number, memberId: number): Promise<void> {
    const templateId = this.config.subscribeTemplates[kind];
    if (!templateId) return;
    const { logged, quotaLeft } = await this.standing(orderId, kind, memberId, templateId);
    if (logged) return;
    const succeeded = kind === 'group_buy_succeeded';
    await this.notify(kind, orderId, memberId, quotaLeft, (order, lines) => ({
      thing1: clip(lines[0]?.title ?? '商品', ''),
      amount2: formatYuan(order.payableFen),
      phrase3: succeeded ? '拼团成功' : '拼团失败',
      thing4: succeeded ? '商家将尽快为你发货' : '款项将原路退回',
    }));
  }

  /**
   * Sends one message about the member's order if they have quota (taken first: without it nothing more is
   * read); logs the outcome; never throws.
   */
  private async notify(
    kind: SubscribeTemplateKind,
    orderId: number,
    /** The order's member (from the event); read from the order when not given. */
    memberId: number | undefined,
    /** The member's quota as just read (0: none to take, so no decrement is tried); undefined when not read. */
    quotaLeft: number | undefined,
    data: (order: OrderRow, lines: OrderLineRow[]) => Record<string, string>,
  ): Promise<void> {
    const templateId = this.config.subscribeTemplates[kind];
    if (!templateId) return;
    try {
      const recipient = memberId ?? (await this.dataSource.getRepository(OrderRow).findOneByOrFail({ id: orderId })).memberId;
      const outcome = await this.sendWithQuota(kind, recipient, quotaLeft, async () => {
        const [order, lines] = await Promise.all([
          this.dataSource.getRepository(OrderRow).findOneByOrFail({ id: orderId }),
          this.dataSource.getRepository(OrderLineRow).find({ where: { orderId }, order: { id: 'ASC' } }),
        ]);
        return { page: `orders/detail/index?orderNo=${order.orderNo}`, data: data(order, lines) };
      });
      if (outcome.result !== 'not_configured') await this.log(orderId, kind, templateId, outcome.result, outcome.errcode);
    } catch (error) {
      this.logger.error(`subscribe message ${kind} for order ${orderId} not handled: ${String(error)}`);
    }
  }

  /**
   * Sends the member one message of the template kind, using one unit of their quota: the unit is taken by a
   * conditional decrement first (none left: nothing more is read, 'no_quota'), then the message is composed and
   * sent; if WeChat refuses for any reason but "no quota" (43101) the unit is given back. Errors reading or
   * writing the database are thrown; WeChat's refusals are answered.
   */
  async sendWithQuota(
    kind: SubscribeTemplateKind,
    memberId: number,
    /** The member's quota as just read (0: none to take, so no decrement is tried); undefined when not read. */
    quotaLeft: number | undefined,
    compose: () => Promise<{ page: string; data: Record<string, string> }>,
  ): Promise<SendOutcome> {
    const templateId = this.config.subscribeTemplates[kind];
    if (!templateId) return { result: 'not_configured', errcode: null };
    const quota = { memberId, templateId };
    // Single statements through the transaction runner, like every write (on SQLite a write beside it could
    // land inside another request's open transaction and be rolled back with it).
    const taken = quotaLeft === 0 ? { affected: 0 } : await this.transactions.single((manager) =>
      manager
        .createQueryBuilder()
        .update(SubscribeQuotaRow)
        .set({ remaining: () => 'remaining - 1' })
        .where('memberId = :memberId AND templateId = :templateId AND remaining > 0', quota)
        .execute(),
    );
    if (taken.affected !== 1) return { result: 'no_quota', errcode: null };
    const [member, message] = await Promise.all([this.dataSource.getRepository(MemberRow).findOneByOrFail({ id: memberId }), compose()]);
    try {
      await this.wechat.sendSubscribeMessage({ openid: member.openid, templateId, page: message.page, data: message.data });
      return { result: 'sent', errcode: null };
    } catch (error) {
      const errcode = error instanceof WechatApiError ? error.errcode : null;
      // Only WeChat's "no quota" means the shopper's permission was used up; otherwise it is still there.
      if (errcode !== NO_QUOTA_ERRCODE) await this.transactions.single((manager) => manager.increment(SubscribeQuotaRow, quota, 'remaining', 1));
      this.logger.warn(`subscribe message ${kind} to member ${memberId} (${message.page}) failed: ${String(error)}`);
      return { result: errcode === NO_QUOTA_ERRCODE ? 'no_quota' : 'failed', errcode };
    }
  }

  private async log(orderId: number, kind: SubscribeTemplateKind, templateId: string, result: SubscribeMessageLogRow['result'], errcode: number | null): Promise<void> {
    await this.transactions.single((manager) => manager.insert(SubscribeMessageLogRow, { orderId, kind, templateId, result, errcode }));
  }
}

/** thing values are at most 20 characters. */
export function clip(text: string, suffix: string): string {
  return `${text.slice(0, 20 - suffix.length)}${suffix}`;
}

/** "2026年11月22日 15:30" in China time, the time keyword's format. */
export function chinaMinute(date: Date): string {
  const { year, month, day, hour, minute } = chinaClock(date);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${year}年${month}月${day}日 ${pad(hour)}:${pad(minute)}`;
}
