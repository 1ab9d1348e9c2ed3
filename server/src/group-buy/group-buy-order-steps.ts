import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderRow } from '../orders/order.entity';
import { OrderProcess } from '../orders/process/order-process';
import type { OrderTransitionContext } from '../orders/process/order-steps';
import { GroupBuyCampaignRow } from './group-buy-campaign.entity';
import { campaignRunning } from './group-buy-seat-participant';
import { GroupBuySeatRow } from './group-buy-seat.entity';
import { GroupBuySeats } from './group-buy-seats';
import { GroupBuyTeamRow } from './group-buy-team.entity';

/** Whole seconds (expiresAt is a DATETIME without fraction on MySQL). */
const wholeSeconds = (date: Date) => Math.floor(date.getTime() / 1000) * 1000;

/** What each guard tells the person who tried, while the order's team is still forming. */
const HELD_MESSAGES = {
  shipped: '拼团中的订单成团后才能发货',
  after_sale: '拼团成功前不能申请售后，可在订单中「取消拼团并退款」',
  completed: '拼团中的订单成团后才能确认收货',
} as const;

/**
 * Where 拼团 follows the order (src/orders/process/):
 * - paid (a hook on the team's row, so it runs last): the seat is counted — the leader's payment opens the team
 *   (forming, the clock starts), a joiner's counts `seatsPaid + 1` while the team forms and has not expired, and
 *   the payment that fills the last seat moves the team to succeeded and releases all its orders at once. A
 *   payment cannot be refused (the money moved), so one that comes too late loses its seat and is refunded by
 *   group-buy.refund-lost-seats.
 * - shipped, after_sale, completed: refused while the order is on hold (its team forms); shipping info is uploaded
 *   and points are earned only on those later steps, so they wait too.
 */
@Injectable()
export class GroupBuyOrderSteps implements OnModuleInit {
  constructor(
    private readonly orders: OrderProcess,
    private readonly seats: GroupBuySeats,
  ) {}

  onModuleInit(): void {
    this.orders.registerHook({
      name: 'group-buy.seat-on-paid',
      from: 'pending_payment',
      to: 'paid',
      run: (manager, ctx) => this.seatPaid(manager, ctx),
      sharedRows: true,
    });
    this.orders.registerGuard({ name: 'group-buy.no-ship-while-forming', from: 'paid', to: 'shipped', check: (manager, ctx) => this.heldReason(manager, ctx, HELD_MESSAGES.shipped) });
    this.orders.registerGuard({ name: 'group-buy.no-after-sale-while-forming', from: 'paid', to: 'after_sale', check: (manager, ctx) => this.heldReason(manager, ctx, HELD_MESSAGES.after_sale) });
    this.orders.registerGuard({ name: 'group-buy.no-completion-while-forming', to: 'completed', check: (manager, ctx) => this.heldReason(manager, ctx, HELD_MESSAGES.completed) });
  }

  private async heldReason(manager: EntityManager, { orderId }: OrderTransitionContext, message: string): Promise<string | null> {
    const order = await manager.findOne(OrderRow, { select: { id: true, fulfilmentHold: true }, where: { id: orderId } });
    return order?.fulfilmentHold === 'group_buy' ? message : null;
  }

  private async seatPaid(manager: EntityManager, { orderId, changes, order }: OrderTransitionContext): Promise<void> {
    // The payment read the order: an ordinary one costs no statement here.
    if (order && order.fulfilmentHold !== 'group_buy') return;
    const seat = await manager.findOneBy(GroupBuySeatRow, { orderId, status: 'reserved' });
    if (!seat) return;
    const now = changes.paidAt ?? new Date();
    if (seat.isLeader) await this.leaderPaid(manager, seat, now);
    else await this.joinerPaid(manager, seat, now);
  }

  /**
   * The team opens (forming, expiring validityHours from now, but no later than the campaign's end: nobody may join
   * after it) if the campaign still runs; else the seat and the team are lost.
   */
  private async leaderPaid(manager: EntityManager, seat: GroupBuySeatRow, now: Date): Promise<void> {
    const campaign = await manager.findOneByOrFail(GroupBuyCampaignRow, { id: seat.campaignId });
    if (campaignRunning(campaign, now)) {
      const expiresAt = new Date(Math.min(wholeSeconds(now) + campaign.validityHours * 3_600_000, wholeSeconds(campaign.endsAt)));
      const opened = await manager
        .createQueryBuilder()
        .update(GroupBuyTeamRow)
        .set({ status: 'forming', expiresAt, seatsPaid: () => 'seatsPaid + 1' })
        .where("id = :id AND status = 'opening'", { id: seat.teamId })
        .execute();
      if (opened.affected === 1) {
        await this.seats.moveSeat(manager, seat.id, 'reserved', 'paid', now);
        return;
      }
    }
    await this.seats.loseSeat(manager, seat, now);
    await this.seats.fail(manager, { id: seat.teamId, campaignId: seat.campaignId }, now, 'opening');
  }

  /** Counted while the team forms and has not expired; the payment that fills the last seat completes the team. */
  private async joinerPaid(manager: EntityManager, seat: GroupBuySeatRow, now: Date): Promise<void> {
    const counted = await manager
      .createQueryBuilder()
      .update(GroupBuyTeamRow)
      .set({ seatsPaid: () => 'seatsPaid + 1' })
      .where("id = :id AND status = 'forming' AND expiresAt > :now AND seatsPaid < teamSize", { id: seat.teamId, now })
      .execute();
    if (counted.affected !== 1) {
      await this.seats.loseSeat(manager, seat, now);
      return;
    }
    await this.seats.moveSeat(manager, seat.id, 'reserved', 'paid', now);
    await this.seats.succeed(manager, { id: seat.teamId, campaignId: seat.campaignId }, now);
  }
}
