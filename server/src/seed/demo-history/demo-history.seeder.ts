import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { AddressRow } from '../../addresses/address.entity';
import { AddressesService } from '../../addresses/addresses.service';
import type { ApplyAfterSaleDto } from '../../after-sales/after-sale.dto';
import { AfterSaleRow } from '../../after-sales/after-sale.entity';
import { AfterSalesService } from '../../after-sales/after-sales.service';
import { MemberPurchaseStatsService } from '../../analytics/member-purchase-stats.service';
import { PurchaseStatsSweeper } from '../../analytics/purchase-stats-sweeper';
import { ProductRow } from '../../catalog/product.entity';
import { ProductsAdminService } from '../../catalog/products-admin.service';
import { SkuRow } from '../../catalog/sku.entity';
import { MemberCouponRow } from '../../coupons/member-coupon.entity';
import { LoyaltySettingsService } from '../../loyalty/loyalty-settings.service';
import { MemberLevelChangeRow } from '../../loyalty/member-level-change.entity';
import { MemberLevelsService } from '../../loyalty/member-levels.service';
import { PointsLedgerRow } from '../../loyalty/points-ledger.entity';
import { addMonths, pointsEarned } from '../../loyalty/points-lots';
import { MemberRow } from '../../members/member.entity';
import { MembersService } from '../../members/members.service';
import { CheckoutService } from '../../orders/checkout.service';
import type { CreateOrderDto } from '../../orders/order.dto';
import { OrderRow } from '../../orders/order.entity';
import { OrdersService } from '../../orders/orders.service';
import { ShippingService } from '../../orders/shipping.service';
import { PaymentRow } from '../../payments/payment.entity';
import { PaymentsService } from '../../payments/payments.service';
import { RefundRow } from '../../payments/refund.entity';
import { RefundsService } from '../../payments/refunds.service';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { ShopSettingsService } from '../../settings/shop-settings.service';
import { StaffRow } from '../../staff/staff.entity';
import { SubscribeMessageLogRow } from '../../subscribe-messages/subscribe-message-log.entity';
import { WechatPayClient } from '../../wechat/pay/wechat-pay.client';
import { claimSeed } from '../seed-claim';
import { DEMO_OPENID_PREFIX, planDemoHistory, type PlannedMember, type PlannedOrder } from './demo-history-plan';

export const DEMO_HISTORY_SEED = 'demo-history-v1';
const NO_SOURCE = { channelCode: null, referrerCode: null, sharerMemberId: null, liveRoomId: null, groupBuyTeamId: null, liveSessionId: null, liveAttribution: null };
const CARRIERS = ['SF', 'YTO', 'ZTO', 'YD', 'JD'];
/** Only SKUs with at least this much stock sell in the history, and never below it: no demo product sells out. */
const STOCK_FLOOR = 12;
const RESTOCK_REASON = '演示历史：补回演示订单售出的库存';
/** Order followers run right after each commit; one that takes longer than this has failed. */
const FOLLOWER_WAIT_MS = 10_000;

/** Times are whole seconds, as MySQL's DATETIME keeps them. */
const second = (at: Date) => new Date(Math.floor(at.getTime() / 1000) * 1000);

interface SellableSku {
  id: number;
  stock: number;
}

/** A demo member as signed up: what their orders need. */
interface SignedUp {
  memberId: number;
  addressId: number;
  newcomerCouponId: number | null;
}

/**
 * Writes six months of believable shop history once per database (a seed_runs claim), so a fresh install's
 * 经营概览, 复购分析, 待复购会员 and member details show figures: members sign in through MembersService, order
 * through CheckoutService (coupons, points, stock), pay through PaymentsService.applyTransaction (the payment
 * notification's own path, dated when the plan pays), ship and complete through ShippingService, refund through
 * AfterSalesService and RefundsService.applyRefundNotice. Nothing goes to WeChat: these payments never went
 * through WeChat Pay. The services stamp `now` on most steps, so after each step a conditional update moves
 * that step's timestamps to when the plan has it happen. Stock the history sold is put back at the end, and the
 * purchase stats and levels are recomputed the way the sweeps do.
 * Demo rows belong to members whose openid starts with DEMO_OPENID_PREFIX (DemoHistoryRemoval removes them).
 */
@Injectable()
export class DemoHistorySeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly members: MembersService,
    private readonly addresses: AddressesService,
    private readonly checkout: CheckoutService,
    private readonly orders: OrdersService,
    private readonly payments: PaymentsService,
    private readonly refunds: RefundsService,
    private readonly shipping: ShippingService,
    private readonly afterSales: AfterSalesService,
    private readonly levels: MemberLevelsService,
    private readonly stats: MemberPurchaseStatsService,
    private readonly statsSweeper: PurchaseStatsSweeper,
    private readonly products: ProductsAdminService,
    private readonly shopSettings: ShopSettingsService,
    private readonly loyaltySettings: LoyaltySettingsService,
    private readonly pay: WechatPayClient,
  ) {}

  /** When this run started: rows stamped since then are the ones to date. */
  private startedAt = new Date();
  /** While this instance writes the history (its removal waits for it). */
  running = false;

  /** main.ts starts it once the server listens; a failure is logged and leaves the shop usable. */
  seedInBackground(log: (line: string) => void = (line) => console.log(line)): void {
    this.seedOnce(log).catch((error) => log(`[演示历史] 写入失败：${String((error as Error).stack ?? error)}`));
  }

  /** Seeds once per database; logs progress and how long it took. */
  async seedOnce(log: (line: string) => void = (line) => console.log(line)): Promise<void> {
    if (!(await claimSeed(this.transactions, DEMO_HISTORY_SEED))) return;
    this.running = true;
    try {
      await this.write(log);
    } finally {
      this.running = false;
    }
  }

  private async write(log: (line: string) => void): Promise<void> {
    const started = Date.now();
    const now = new Date();
    this.startedAt = second(new Date(started - 1000));
    const plan = planDemoHistory(now);
    log(`[演示历史] 正在写入 ${plan.members.length} 位演示会员的半年订单（只在首次启动时写入一次）…`);
    const skus = await this.sellableSkus();
    // Members join, and orders are placed, in the order of the plan's dates: ids then follow time, as in a real shop.
    const joined: { planned: PlannedMember; signedUp: SignedUp }[] = [];
    for (const planned of [...plan.members].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime())) {
      joined.push({ planned, signedUp: await this.signUp(planned) });
    }
    const orders = joined
      .flatMap(({ planned, signedUp }) => planned.orders.map((order, index) => ({ planned, signedUp, order, clientToken: `demo-${planned.openid.slice(-4)}-${index}` })))
      .sort((a, b) => a.order.placedAt.getTime() - b.order.placedAt.getTime());
    for (const [index, { planned, signedUp, order, clientToken }] of orders.entries()) {
      await this.writeOrder(signedUp.memberId, planned, order, {
        addressId: signedUp.addressId,
        couponId: order.useNewcomerCoupon ? signedUp.newcomerCouponId : null,
        clientToken,
        skus,
      });
      if ((index + 1) % 100 === 0) log(`[演示历史] ${index + 1}/${orders.length} 笔订单，${((Date.now() - started) / 1000).toFixed(1)} 秒`);
    }
    // Dated last: the newcomer coupon stays valid (as of today) until its first order has spent it.
    for (const { planned, signedUp } of joined) await this.dateMember(planned, signedUp);
    const memberIds = joined.map(({ signedUp }) => signedUp.memberId);
    const orderCount = orders.length;
    await this.settle(memberIds);
    await this.restock();
    log(`[演示历史] 已写入：${plan.members.length} 位会员、${orderCount} 笔订单，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒（可在管理后台「经营概览」一键清除）`);
  }

  private async sellableSkus(): Promise<SellableSku[]> {
    const rows = await this.dataSource
      .getRepository(SkuRow)
      .createQueryBuilder('s')
      .innerJoin(ProductRow, 'p', 'p.id = s.productId')
      .select('s.id', 'id')
      .addSelect('s.stock', 'stock')
      .where('p.onShelf = 1 AND p.deletedAt IS NULL AND s.stock >= :floor', { floor: STOCK_FLOOR + 10 })
      .orderBy('s.id', 'ASC')
      .getRawMany<{ id: number | string; stock: number | string }>();
    return rows.map((row) => ({ id: Number(row.id), stock: Number(row.stock) }));
  }

  /** Signs the member in (the newcomer coupon comes with it), names them and gives them an address. */
  private async signUp(planned: PlannedMember): Promise<SignedUp> {
    const { member } = await this.members.signIn(planned.openid);
    await this.members.updateProfile(member.id, { nickname: planned.nickname });
    const address = await this.addresses.create(member.id, { ...planned.address, phone: planned.phone, isDefault: true });
    const newcomer = await this.dataSource.getRepository(MemberCouponRow).findOneBy({ memberId: member.id, source: 'newcomer' });
    return { memberId: member.id, addressId: address.id, newcomerCouponId: newcomer?.id ?? null };
  }

  /** The member joined (and received the newcomer coupon) when the plan says, and was last seen at their last order. */
  private async dateMember(planned: PlannedMember, { memberId, newcomerCouponId }: SignedUp): Promise<void> {
    const lastSeen = planned.orders.length > 0 ? planned.orders[planned.orders.length - 1].placedAt : planned.joinedAt;
    const newcomer = newcomerCouponId ? await this.dataSource.getRepository(MemberCouponRow).findOneByOrFail({ id: newcomerCouponId }) : null;
    await this.transactions.run(async (manager) => {
      // Phones come from WeChat's phone-number button in real life; the demo members simply have one.
      await manager.update(MemberRow, { id: memberId }, { phone: planned.phone, createdAt: second(planned.joinedAt), lastLoginAt: second(lastSeen), updatedAt: second(lastSeen) });
      await manager.update(AddressRow, { memberId }, { createdAt: second(planned.joinedAt), updatedAt: second(planned.joinedAt) });
      if (newcomer) {
        // Received when the member joined, valid for the same number of days from then.
        const validFor = newcomer.validTo.getTime() - newcomer.validFrom.getTime();
        await manager.update(MemberCouponRow, { id: newcomer.id }, {
          createdAt: second(planned.joinedAt),
          validFrom: second(planned.joinedAt),
          validTo: second(new Date(planned.joinedAt.getTime() + validFor)),
        });
      }
    });
  }

  private async writeOrder(
    memberId: number,
    planned: PlannedMember,
    order: PlannedOrder,
    context: { addressId: number; couponId: number | null; clientToken: string; skus: SellableSku[] },
  ): Promise<void> {
    const items = this.pickItems(order, planned.favouritePick, context.skus);
    if (items.length === 0) return;
    const request = (memberCouponId: number | null) =>
      ({ clientToken: context.clientToken, addressId: context.addressId, items, memberCouponId, usePoints: order.usePoints }) as CreateOrderDto;
    const placed = await this.checkout.place(memberId, request(context.couponId), NO_SOURCE).catch(() => this.checkout.place(memberId, request(null), NO_SOURCE));
    const row = await this.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: placed.order.orderNo });
    this.takeStock(context.skus, items, -1);

    if (order.cancelledAt) {
      await this.orders.cancelByShopper(memberId, row.orderNo);
      this.takeStock(context.skus, items, 1);
      await this.dateOrder(row, order, 'cancelled');
      return;
    }
    await this.payments.applyTransaction({
      appid: this.pay.appid,
      mchid: this.pay.mchid,
      out_trade_no: row.orderNo,
      transaction_id: `DEMO${row.orderNo}`,
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      success_time: second(order.paidAt!).toISOString(),
      payer: { openid: planned.openid },
      amount: { total: row.payableFen, currency: 'CNY' },
    });
    await this.recomputeLevel(memberId, 'order_paid', second(order.paidAt!));

    if (order.refund) {
      await this.refundBeforeShipping(memberId, row, order.refund);
      this.takeStock(context.skus, items, 1);
      await this.dateOrder(row, order, 'refunded');
      return;
    }
    if (order.shippedAt) {
      const carrierCode = CARRIERS[row.id % CARRIERS.length];
      await this.shipping.ship(row.orderNo, { carrierCode, trackingNo: `${carrierCode}${row.orderNo.slice(-12)}` }, { reportToWechat: false });
    }
    if (order.completedAt) {
      await this.shipping.complete(row.id);
      // Its follower credits the points; the next order may spend them, so wait for it.
      const { pointsEarnedPerYuan } = await this.loyaltySettings.get();
      if (pointsEarned(row.payableFen, row.shippingFeeFen, pointsEarnedPerYuan) > 0) await this.followerWrote(row.id, 'order_completed');
    }
    if (order.openCase) await this.openCase(memberId, row, order.openCase);
    await this.dateOrder(row, order, order.openCase ? 'after_sale' : order.completedAt ? 'completed' : order.shippedAt ? 'shipped' : 'paid');
  }

  /** The member's level as of a payment or refund of the history, any change it makes dated then. */
  private async recomputeLevel(memberId: number, reason: 'order_paid' | 'order_refunded', at: Date): Promise<void> {
    await this.levels.recompute(memberId, reason, at);
    await this.transactions.run((manager) =>
      manager.update(MemberLevelChangeRow, { memberId, changedAt: MoreThanOrEqual(this.startedAt) }, { changedAt: at }),
    );
  }

  /** Waits until an order follower has written the order's points row (they run right after the commit). */
  private async followerWrote(orderId: number, reason: PointsLedgerRow['reason']): Promise<void> {
    const deadline = Date.now() + FOLLOWER_WAIT_MS;
    while (!(await this.dataSource.getRepository(PointsLedgerRow).existsBy({ orderId, reason }))) {
      if (Date.now() > deadline) throw new Error(`order ${orderId}: no ${reason} points row after ${FOLLOWER_WAIT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** The plan's picks as SKUs with stock to spare (pick −1 is the member's favourite), one line per SKU. */
  private pickItems(order: PlannedOrder, favouritePick: number, skus: SellableSku[]): { skuId: number; quantity: number }[] {
    const items = new Map<number, number>();
    for (const line of order.lines) {
      const start = Math.floor((line.pick < 0 ? favouritePick : line.pick) * skus.length);
      for (let step = 0; step < skus.length; step++) {
        const sku = skus[(start + step) % skus.length];
        if (sku.stock - line.quantity >= STOCK_FLOOR && !items.has(sku.id)) {
          items.set(sku.id, line.quantity);
          break;
        }
      }
    }
    return [...items].map(([skuId, quantity]) => ({ skuId, quantity }));
  }

  private takeStock(skus: SellableSku[], items: { skuId: number; quantity: number }[], sign: 1 | -1): void {
    for (const item of items) {
      const sku = skus.find((candidate) => candidate.id === item.skuId);
      if (sku) sku.stock += sign * item.quantity;
    }
  }

  /** 仅退款 before shipping: the shopper applies, staff approve, WeChat Pay's refund notice settles it. */
  private async refundBeforeShipping(memberId: number, order: OrderRow, refund: NonNullable<PlannedOrder['refund']>): Promise<void> {
    await this.afterSales.apply(memberId, order.orderNo, { type: 'refund_only', reason: '拍错了/不想要了', description: '', images: [] } as ApplyAfterSaleDto);
    const sale = await this.dataSource.getRepository(AfterSaleRow).findOneByOrFail({ orderId: order.id, status: 'applied' });
    await this.afterSales.approve(sale.id, { sendToWechat: false });
    const refunded = await this.dataSource.getRepository(RefundRow).findOneByOrFail({ afterSaleId: sale.id });
    await this.refunds.applyRefundNotice({
      mchid: this.pay.mchid,
      transaction_id: `DEMO${order.orderNo}`,
      out_trade_no: order.orderNo,
      refund_id: `DEMOR${order.orderNo}`,
      out_refund_no: refunded.outRefundNo,
      refund_status: 'SUCCESS',
      success_time: second(refund.refundedAt).toISOString(),
      user_received_account: '支付用户零钱',
      amount: { total: order.payableFen, refund: refunded.amountFen, payer_total: order.payableFen, payer_refund: refunded.amountFen },
    });
    // Its follower gives back the points the order spent.
    if (order.pointsUsed > 0) await this.followerWrote(order.id, 'order_refunded_return');
    await this.recomputeLevel(memberId, 'order_refunded', second(refund.refundedAt));
    const handledAt = second(new Date(Math.min(refund.refundedAt.getTime(), refund.appliedAt.getTime() + 3_600_000)));
    await this.transactions.run(async (manager) => {
      await manager.update(AfterSaleRow, { id: sale.id, status: 'refunded' }, { createdAt: second(refund.appliedAt), handledAt, refundStartedAt: handledAt });
      await manager.update(RefundRow, { id: refunded.id, status: 'succeeded' }, { createdAt: handledAt, acceptedAt: handledAt });
    });
  }

  /** A 退货退款 case on a shipped or completed order: waiting for staff, or approved and waiting for the goods. */
  private async openCase(memberId: number, order: OrderRow, openCase: NonNullable<PlannedOrder['openCase']>): Promise<void> {
    await this.afterSales.apply(memberId, order.orderNo, { type: 'return_refund', reason: '商品与描述不符', description: '茶叶有受潮结块，想退货。', images: [] } as ApplyAfterSaleDto);
    const sale = await this.dataSource.getRepository(AfterSaleRow).findOneByOrFail({ orderId: order.id, status: 'applied' });
    if (openCase.approvedAt) await this.afterSales.approve(sale.id);
    await this.transactions.run((manager) =>
      manager.update(AfterSaleRow, { id: sale.id }, { createdAt: second(openCase.appliedAt), handledAt: openCase.approvedAt ? second(openCase.approvedAt) : null }),
    );
  }

  /**
   * Moves the order's timestamps (and those of its payment, coupon and points rows) to the plan's times, on the
   * condition that the order is in the state the plan left it. paidAt and refundedAt already are (the payment and
   * refund notices carry their own times).
   */
  private async dateOrder(order: OrderRow, planned: PlannedOrder, status: OrderRow['status']): Promise<void> {
    const placedAt = second(planned.placedAt);
    const { autoConfirmDays } = await this.shopSettings.get();
    const { pointsExpiryMonths } = await this.loyaltySettings.get();
    const shippedAt = planned.shippedAt ? second(planned.shippedAt) : null;
    const completedAt = planned.completedAt ? second(planned.completedAt) : null;
    const lastChange = [planned.openCase?.approvedAt ?? planned.openCase?.appliedAt, completedAt, shippedAt, planned.refund?.refundedAt, planned.paidAt, planned.cancelledAt, placedAt].find(
      (at): at is Date => !!at,
    )!;
    await this.transactions.run(async (manager) => {
      await manager.update(OrderRow, { id: order.id, status }, {
        createdAt: placedAt,
        updatedAt: second(lastChange),
        ...(planned.cancelledAt ? { cancelledAt: second(planned.cancelledAt) } : {}),
        ...(shippedAt ? { shippedAt } : {}),
        ...(status === 'shipped' && shippedAt ? { autoConfirmAt: new Date(shippedAt.getTime() + autoConfirmDays * 86_400_000) } : {}),
        ...(completedAt ? { completedAt } : {}),
      });
      if (planned.paidAt) await manager.update(PaymentRow, { orderId: order.id }, { createdAt: second(planned.paidAt) });
      if (order.memberCouponId) await manager.update(MemberCouponRow, { id: order.memberCouponId, orderId: order.id }, { usedAt: placedAt });
      await this.datePoints(manager, order.id, {
        order_redeemed: placedAt,
        order_cancelled_return: planned.cancelledAt ? second(planned.cancelledAt) : null,
        order_refunded_return: planned.refund ? second(planned.refund.refundedAt) : null,
        order_completed: completedAt,
      }, pointsExpiryMonths);
    });
  }

  /** Dates the order's points rows; the lot a completion credits expires the configured months after it. */
  private async datePoints(manager: EntityManager, orderId: number, at: Record<string, Date | null>, expiryMonths: number): Promise<void> {
    for (const entry of await manager.findBy(PointsLedgerRow, { orderId })) {
      const when = at[entry.reason];
      if (!when) continue;
      if (entry.reason !== 'order_completed') {
        await manager.update(PointsLedgerRow, { id: entry.id }, { createdAt: when });
        continue;
      }
      const expiresAt = addMonths(when, expiryMonths);
      await manager.update(PointsLedgerRow, { id: entry.id }, { createdAt: when, expiresAt, openLotExpiresAt: entry.remaining > 0 ? expiresAt : null });
    }
  }

  /**
   * After the last order: the order followers have caught up; purchase stats and levels are recomputed for every
   * demo member (as the sweeps would), and the follower rows written at the real time (subscribe message logs,
   * level changes) are dated with the orders.
   */
  private async settle(memberIds: number[]): Promise<void> {
    // Followers run after each commit; on SQLite they queue behind the writes above, so an empty transaction waits them out.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await this.transactions.run(async () => undefined);
    for (const memberId of memberIds) {
      await this.stats.recompute(memberId);
      await this.levels.recompute(memberId, 'order_paid');
    }
    await this.statsSweeper.sweep();
    const demoOrders = await this.dataSource.getRepository(OrderRow).find({
      select: { id: true, memberId: true, paidAt: true, shippedAt: true, refundedAt: true },
      where: { memberId: In(memberIds) },
    });
    const byId = new Map(demoOrders.map((order) => [order.id, order]));
    const lastPaid = new Map<number, Date>();
    for (const order of demoOrders) {
      const known = lastPaid.get(order.memberId);
      if (order.paidAt && (!known || known < order.paidAt)) lastPaid.set(order.memberId, order.paidAt);
    }
    const logs = await this.dataSource.getRepository(SubscribeMessageLogRow).findBy({ orderId: In(demoOrders.map((order) => order.id)) });
    const changes = await this.dataSource.getRepository(MemberLevelChangeRow).findBy({ memberId: In(memberIds), changedAt: MoreThanOrEqual(this.startedAt) });
    await this.transactions.run(async (manager) => {
      for (const log of logs) {
        const order = byId.get(log.orderId)!;
        const at = { order_paid: order.paidAt, order_shipped: order.shippedAt, refund_result: order.refundedAt, group_buy_succeeded: null, group_buy_failed: null, live_reminder: null }[log.kind];
        if (at) await manager.update(SubscribeMessageLogRow, { id: log.id }, { at });
      }
      // A level change written by a follower at the real time: dated at the member's last payment.
      for (const change of changes) {
        const at = lastPaid.get(change.memberId);
        if (at) await manager.update(MemberLevelChangeRow, { id: change.id }, { changedAt: at });
      }
    });
  }

  /**
   * Puts back what the demo orders still hold (their own stock movements: sales less what cancels and refunds
   * returned), as a stock adjustment in the owner's name, so the catalog is as the demo store made it. Real orders
   * and staff adjustments made while the history was being written are not touched.
   */
  private async restock(): Promise<void> {
    const owner = await this.dataSource.getRepository(StaffRow).findOne({ where: { role: 'owner' }, order: { id: 'ASC' } });
    const held: { skuId: number | string; net: number | string }[] = await this.dataSource.query(
      `SELECT m.skuId AS skuId, SUM(m.delta) AS net FROM stock_movements m
         JOIN orders o ON o.id = m.orderId JOIN members b ON b.id = o.memberId
        WHERE b.openid LIKE ? GROUP BY m.skuId`,
      [`${DEMO_OPENID_PREFIX}%`],
    );
    for (const { skuId, net } of held) {
      if (Number(net) < 0) await this.products.adjustStock(Number(skuId), -Number(net), RESTOCK_REASON, owner?.id ?? 0);
    }
  }
}
