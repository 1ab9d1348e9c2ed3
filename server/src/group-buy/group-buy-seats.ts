import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderRow } from '../orders/order.entity';
import { lockedForUpdate } from '../platform/database/locking-read';
import { DomainEvents } from '../platform/events/domain-events.service';
import { CommissionsService } from '../referral/commissions.service';
import { GroupBuyCampaignRow } from './group-buy-campaign.entity';
import { GroupBuyEvents, type GroupBuyTeamEndedPayload } from './group-buy-events';
import { GroupBuyMemberUsageRow } from './group-buy-member-usage.entity';
import { GroupBuySeatRow } from './group-buy-seat.entity';
import { GroupBuyTeamRow } from './group-buy-team.entity';

/** A whole number for SQL arithmetic built here (never a value from a request). */
const int = (value: number) => {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return value;
};

/**
 * The writes on teams and seats that more than one step shares (the seat's release, the payment hook, the expiry
 * sweep, quit): each a conditional update on the expected state, so whoever loses a race changes nothing.
 */
@Injectable()
export class GroupBuySeats {
  constructor(
    private readonly events: DomainEvents,
    private readonly commissions: CommissionsService,
  ) {}

  /** Moves a seat from `from` to `to` (released, quit, lost: activeMemberId cleared). True for the one caller that changed it. */
  async moveSeat(manager: EntityManager, seatId: number, from: GroupBuySeatRow['status'], to: GroupBuySeatRow['status'], now: Date): Promise<boolean> {
    const ending = to === 'released' || to === 'quit' || to === 'lost';
    const result = await manager
      .createQueryBuilder()
      .update(GroupBuySeatRow)
      .set(ending ? { status: to, activeMemberId: null, endedAt: now } : { status: to, paidAt: now })
      .where('id = :seatId AND status = :from', { seatId, from })
      .execute();
    return result.affected === 1;
  }

  /** Gives a seat back to its team: `seatsTaken - 1` (and `seatsPaid - 1` for a paid seat); `onlyForming` for a quit. */
  async giveBackSeat(manager: EntityManager, teamId: number, paid: boolean, onlyForming: boolean): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(GroupBuyTeamRow)
      .set(paid ? { seatsTaken: () => 'seatsTaken - 1', seatsPaid: () => 'seatsPaid - 1' } : { seatsTaken: () => 'seatsTaken - 1' })
      .where(`id = :teamId AND seatsTaken > 0${paid ? ' AND seatsPaid > 0' : ''}${onlyForming ? " AND status = 'forming'" : ''}`, { teamId })
      .execute();
    return result.affected === 1;
  }

  /** Gives back the campaign units and the member's usage (one team, the seat's units) the seat took. */
  async giveBackUsage(manager: EntityManager, seat: Pick<GroupBuySeatRow, 'campaignId' | 'memberId' | 'quantity'>): Promise<void> {
    const units = int(seat.quantity);
    await manager
      .createQueryBuilder()
      .update(GroupBuyCampaignRow)
      .set({ unitsTaken: () => `unitsTaken - ${units}`, updatedAt: () => 'updatedAt' })
      .where(`id = :id AND unitsTaken >= ${units}`, { id: seat.campaignId })
      .execute();
    await manager
      .createQueryBuilder()
      .update(GroupBuyMemberUsageRow)
      .set({ teams: () => 'teams - 1', units: () => `units - ${units}` })
      .where(`campaignId = :campaignId AND memberId = :memberId AND teams >= 1 AND units >= ${units}`, { campaignId: seat.campaignId, memberId: seat.memberId })
      .execute();
  }

  /** A payment that came too late for its seat: the seat is lost (given back, refunded by group-buy.refund-lost-seats). */
  async loseSeat(manager: EntityManager, seat: GroupBuySeatRow, now: Date): Promise<void> {
    if (!(await this.moveSeat(manager, seat.id, 'reserved', 'lost', now))) return;
    await this.giveBackSeat(manager, seat.teamId, false, false);
    await this.giveBackUsage(manager, seat);
  }

  /**
   * forming → succeeded when every seat is paid (`virtual` false), or at expiry by 模拟成团 with the rest filled by
   * virtual seats when the paid share reaches `thresholdPercent`. The one caller that changes the row releases
   * the orders of all the team's paid seats (one UPDATE), creates their commission and records group_buy.team_succeeded.
   */
  async succeed(manager: EntityManager, team: Pick<GroupBuyTeamRow, 'id' | 'campaignId'>, now: Date, expiry?: { thresholdPercent: number }): Promise<boolean> {
    const update = manager.createQueryBuilder().update(GroupBuyTeamRow).where("id = :id AND status = 'forming'", { id: team.id });
    if (expiry) {
      update
        .set({ status: 'succeeded', succeededAt: now, virtualSeats: () => 'teamSize - seatsPaid' })
        .andWhere(`expiresAt <= :now AND seatsPaid > 0 AND seatsPaid * 100 >= ${int(expiry.thresholdPercent)} * teamSize`, { now });
    } else {
      update.set({ status: 'succeeded', succeededAt: now }).andWhere('seatsPaid = teamSize');
    }
    if ((await update.execute()).affected !== 1) return false;
    const { virtualSeats } = await manager.findOneOrFail(GroupBuyTeamRow, { select: { id: true, virtualSeats: true }, where: { id: team.id } });
    // The orders of the team's paid seats (not a lost seat's: that payment is refunded), read with locks so they are the
    // latest committed rows (a plain read on MariaDB sees this transaction's older snapshot and could miss a seat paid
    // meanwhile), and stay as read until the UPDATE below releases exactly them.
    const paidSeats = await lockedForUpdate(
      manager.createQueryBuilder(GroupBuySeatRow, 's').select(['s.id', 's.orderId']).where("s.teamId = :teamId AND s.status = 'paid'", { teamId: team.id }),
    ).getMany();
    const held =
      paidSeats.length === 0
        ? []
        : await lockedForUpdate(
            manager
              .createQueryBuilder(OrderRow, 'o')
              .select(['o.id'])
              .where("o.id IN (:...ids) AND o.fulfilmentHold = 'group_buy' AND o.status = 'paid'", { ids: paidSeats.map((seat) => seat.orderId) }),
          ).getMany();
    if (held.length > 0) {
      await manager
        .createQueryBuilder()
        .update(OrderRow)
        .set({ fulfilmentHold: null })
        .where('id IN (:...ids)', { ids: held.map((order) => order.id) })
        .execute();
    }
    // Held orders earned no commission at payment: they earn it now that they may ship.
    for (const { id } of held) await this.commissions.createForReleasedOrder(manager, id);
    this.recordEnd(manager, GroupBuyEvents.teamSucceeded, { teamId: team.id, campaignId: team.campaignId, virtualSeats });
    return true;
  }

  /**
   * → failed (from forming at expiry or when the campaign ended; from opening when the leader's payment came after
   * the campaign ended). The one caller that changes it gives back the paid seats' units and usage and records
   * group_buy.team_failed; the refund sweep then refunds every paid order.
   */
  async fail(manager: EntityManager, team: Pick<GroupBuyTeamRow, 'id' | 'campaignId'>, now: Date, from: 'forming' | 'opening' = 'forming'): Promise<boolean> {
    const update = manager.createQueryBuilder().update(GroupBuyTeamRow).set({ status: 'failed', failedAt: now }).where('id = :id AND status = :from', { id: team.id, from });
    if (from === 'forming') update.andWhere('expiresAt <= :now', { now });
    if ((await update.execute()).affected !== 1) return false;
    for (const seat of await manager.findBy(GroupBuySeatRow, { teamId: team.id, status: 'paid' })) await this.giveBackUsage(manager, seat);
    this.recordEnd(manager, GroupBuyEvents.teamFailed, { teamId: team.id, campaignId: team.campaignId, virtualSeats: 0 });
    return true;
  }

  /**
   * After the leader's paid seat was quit (a shopper's quit or a whole refund) while the team forms: leadership
   * passes to the earliest paid seat (its isLeader, the team's leaderMemberId); with no paid seat left the team
   * fails at once, so no one is shown a team without a leader. Its reserved joiners then lose their seat at payment
   * (refunded) or are cancelled by group-buy.expire-teams. Runs in the quit's transaction, after the seat went back.
   */
  async leaderQuit(manager: EntityManager, quitSeat: Pick<GroupBuySeatRow, 'id' | 'teamId' | 'campaignId'>, now: Date): Promise<void> {
    const heir = await manager.findOne(GroupBuySeatRow, { where: { teamId: quitSeat.teamId, status: 'paid' }, order: { paidAt: 'ASC', id: 'ASC' } });
    if (heir) {
      const passed = await manager
        .createQueryBuilder()
        .update(GroupBuyTeamRow)
        .set({ leaderMemberId: heir.memberId })
        .where("id = :id AND status = 'forming'", { id: quitSeat.teamId })
        .execute();
      if (passed.affected !== 1) return;
      await manager.update(GroupBuySeatRow, { id: quitSeat.id }, { isLeader: false });
      await manager.update(GroupBuySeatRow, { id: heir.id }, { isLeader: true });
      return;
    }
    const failed = await manager
      .createQueryBuilder()
      .update(GroupBuyTeamRow)
      .set({ status: 'failed', failedAt: now })
      .where("id = :id AND status = 'forming' AND seatsPaid = 0", { id: quitSeat.teamId })
      .execute();
    if (failed.affected === 1) this.recordEnd(manager, GroupBuyEvents.teamFailed, { teamId: quitSeat.teamId, campaignId: quitSeat.campaignId, virtualSeats: 0 });
  }

  private recordEnd(manager: EntityManager, type: string, payload: GroupBuyTeamEndedPayload): void {
    this.events.record(manager, { type, aggregateKey: `group-buy-team:${payload.teamId}`, memberId: null, payload });
  }
}
