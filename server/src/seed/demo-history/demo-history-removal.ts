import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Like, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { DemoHistoryRemoved, DemoHistoryStatus } from '../../../../shared';
import { AddressRow } from '../../addresses/address.entity';
import { AfterSaleRow } from '../../after-sales/after-sale.entity';
import { MemberPurchaseStatsRow } from '../../analytics/member-purchase-stats.entity';
import { CartItemRow } from '../../cart/cart-item.entity';
import { CouponTemplateRow } from '../../coupons/coupon-template.entity';
import { MemberCouponCountRow } from '../../coupons/member-coupon-count.entity';
import { MemberCouponRow } from '../../coupons/member-coupon.entity';
import { MemberLevelChangeRow } from '../../loyalty/member-level-change.entity';
import { MemberLevelReviewRow } from '../../loyalty/member-level-review.entity';
import { PointsLedgerRow } from '../../loyalty/points-ledger.entity';
import { MemberRow } from '../../members/member.entity';
import { MemberPrivacyConsentRow } from '../../members/privacy-consent.entity';
import { OrderLineRow } from '../../orders/order-line.entity';
import { OrderRow } from '../../orders/order.entity';
import { PaymentRow } from '../../payments/payment.entity';
import { RefundRow } from '../../payments/refund.entity';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { DomainEventDeliveryRow } from '../../platform/events/domain-event-delivery.entity';
import { DomainEventRow } from '../../platform/events/domain-event.entity';
import { ApiException } from '../../platform/errors/api-exception';
import { SubscribeMessageLogRow } from '../../subscribe-messages/subscribe-message-log.entity';
import { SubscribeQuotaRow } from '../../subscribe-messages/subscribe-quota.entity';
import { DEMO_OPENID_PREFIX } from './demo-history-plan';
import { DemoHistorySeeder } from './demo-history.seeder';
import { takeOffSales } from '../../catalog/product-sales';

/** IN lists stay well below every driver's parameter limit. */
const CHUNK = 500;

/**
 * Removes the demo history in one transaction: everything that belongs to a member whose openid starts with
 * DEMO_OPENID_PREFIX (no real WeChat openid does), and the counters those rows added to shared rows: products'
 * sales counts (paid orders add to them) and coupon templates' received and used counts. Stock is left as it is:
 * the seeder put back what the history sold. Real members and their rows are never read into the id lists.
 */
@Injectable()
export class DemoHistoryRemoval {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly seeder: DemoHistorySeeder,
  ) {}

  async status(): Promise<DemoHistoryStatus> {
    const memberIds = await this.demoMemberIds(this.dataSource.manager);
    const orders = await this.countIn(this.dataSource.manager, OrderRow, 'memberId', memberIds);
    return { members: memberIds.length, orders, seeding: this.seeder.running };
  }

  async remove(): Promise<DemoHistoryRemoved> {
    if (this.seeder.running) {
      throw new ApiException('DEMO_HISTORY_BUSY', HttpStatus.CONFLICT, '演示历史还在写入中，请稍后再清除');
    }
    return this.transactions.run(async (manager) => {
      const memberIds = await this.demoMemberIds(manager);
      const orderIds = (await this.findIn(manager, OrderRow, 'memberId', memberIds, { id: true })).map((order) => order.id);
      await this.takeBackSales(manager, memberIds);
      await this.takeBackCoupons(manager, memberIds);
      for (const target of [SubscribeMessageLogRow, PaymentRow, RefundRow, OrderLineRow] as EntityTarget<ObjectLiteral>[]) {
        await this.deleteIn(manager, target, 'orderId', orderIds);
      }
      for (const target of [
        AfterSaleRow,
        OrderRow,
        PointsLedgerRow,
        MemberCouponRow,
        MemberCouponCountRow,
        MemberPurchaseStatsRow,
        MemberLevelChangeRow,
        MemberLevelReviewRow,
        SubscribeQuotaRow,
        AddressRow,
        CartItemRow,
        MemberPrivacyConsentRow,
      ] as EntityTarget<ObjectLiteral>[]) {
        await this.deleteIn(manager, target, 'memberId', memberIds);
      }
      await this.deleteEvents(manager, memberIds);
      await this.deleteIn(manager, MemberRow, 'id', memberIds);
      return { members: memberIds.length, orders: orderIds.length };
    });
  }

  /** The demo members' domain events and their deliveries (a pending one would otherwise look for a removed order). */
  private async deleteEvents(manager: EntityManager, memberIds: number[]): Promise<void> {
    const eventIds = (await this.findIn(manager, DomainEventRow, 'memberId', memberIds, { id: true })).map((event) => event.id);
    for (const ids of chunks(eventIds)) await manager.delete(DomainEventDeliveryRow, { eventId: In(ids) });
    await this.deleteIn(manager, DomainEventRow, 'memberId', memberIds);
  }

  private async demoMemberIds(manager: EntityManager): Promise<number[]> {
    const members = await manager.find(MemberRow, { select: { id: true }, where: { openid: Like(`${DEMO_OPENID_PREFIX}%`) } });
    return members.map((member) => member.id);
  }

  /**
   * What the demo's paid orders still add to the products' sales counts, taken off again (never below 0). A refunded
   * order took its units off when its refund succeeded (product-sales.ts), so only the others count here.
   */
  private async takeBackSales(manager: EntityManager, memberIds: number[]): Promise<void> {
    const sold = new Map<number, { productId: number; quantity: number }>();
    for (const ids of chunks(memberIds)) {
      const rows: { skuId: number | string; productId: number | string; quantity: number | string }[] = await manager
        .createQueryBuilder(OrderLineRow, 'l')
        .innerJoin(OrderRow, 'o', 'o.id = l.orderId')
        .select('l.skuId', 'skuId')
        .addSelect('MIN(l.productId)', 'productId')
        .addSelect('SUM(l.quantity)', 'quantity')
        .where("o.memberId IN (:...ids) AND o.paidAt IS NOT NULL AND o.status <> 'refunded'", { ids })
        .groupBy('l.skuId')
        .getRawMany();
      for (const row of rows) {
        const units = sold.get(Number(row.skuId)) ?? { productId: Number(row.productId), quantity: 0 };
        units.quantity += Number(row.quantity);
        sold.set(Number(row.skuId), units);
      }
    }
    await takeOffSales(manager, sold);
  }

  /** The demo members' coupons off their templates' received and used counts. */
  private async takeBackCoupons(manager: EntityManager, memberIds: number[]): Promise<void> {
    const counts = new Map<number, { received: number; used: number }>();
    for (const coupon of await this.findIn(manager, MemberCouponRow, 'memberId', memberIds, { templateId: true, status: true })) {
      const count = counts.get(coupon.templateId) ?? { received: 0, used: 0 };
      count.received += 1;
      if (coupon.status === 'used') count.used += 1;
      counts.set(coupon.templateId, count);
    }
    for (const [templateId, { received, used }] of counts) {
      await manager
        .createQueryBuilder()
        .update(CouponTemplateRow)
        .set({
          claimedCount: () => 'CASE WHEN claimedCount > :received THEN claimedCount - :received ELSE 0 END',
          usedCount: () => 'CASE WHEN usedCount > :used THEN usedCount - :used ELSE 0 END',
        })
        .where('id = :templateId')
        .setParameters({ templateId, received, used })
        .execute();
    }
  }

  private async findIn<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, column: string, ids: number[], select: Record<string, true>): Promise<T[]> {
    const found: T[] = [];
    for (const part of chunks(ids)) found.push(...(await manager.find(target, { select: select as never, where: { [column]: In(part) } as never })));
    return found;
  }

  private async countIn(manager: EntityManager, target: EntityTarget<ObjectLiteral>, column: string, ids: number[]): Promise<number> {
    let total = 0;
    for (const part of chunks(ids)) total += await manager.count(target, { where: { [column]: In(part) } });
    return total;
  }

  private async deleteIn(manager: EntityManager, target: EntityTarget<ObjectLiteral>, column: string, ids: number[]): Promise<void> {
    for (const part of chunks(ids)) await manager.delete(target, { [column]: In(part) });
  }
}

function chunks<T>(ids: T[]): T[][] {
  const parts: T[][] = [];
  for (let index = 0; index < ids.length; index += CHUNK) parts.push(ids.slice(index, index + CHUNK));
  return parts;
}
