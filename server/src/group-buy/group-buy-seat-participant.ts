import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { OrderLineRow } from '../orders/order-line.entity';
import { OrderRow } from '../orders/order.entity';
import { PARTICIPANT_RANKS, type CheckoutParticipant, type ParticipantQuote, type QuoteInput, type ReleaseInput, type ReserveInput } from '../orders/participants/checkout-participant';
import { CheckoutParticipants } from '../orders/participants/checkout-participants';
import { insertRow } from '../platform/database/plain-sql';
import { isUniqueViolation } from '../platform/database/transaction-runner';
import { upsertRow } from '../platform/database/upsert';
import type { ApiException } from '../platform/errors/api-exception';
import { GroupBuyCampaignSkuRow } from './group-buy-campaign-sku.entity';
import { GroupBuyCampaignRow } from './group-buy-campaign.entity';
import { groupBuyErrors, teamNotFound } from './group-buy-errors';
import { GroupBuyMemberUsageRow } from './group-buy-member-usage.entity';
import { GroupBuySeatRow } from './group-buy-seat.entity';
import { GroupBuySeats } from './group-buy-seats';
import { GroupBuyTeamRow } from './group-buy-team.entity';

/** What the seat's reserve takes: a new team (teamId null) or a seat in one, and the units against the limits. */
interface SeatHold {
  campaignId: number;
  productId: number;
  teamId: number | null;
  teamSize: number;
  quantity: number;
  memberTeamLimit: number;
  memberUnitLimit: number;
  inviterMemberId: number | null;
}

/** A campaign takes orders from startsAt until endsAt or until staff end it. */
export function campaignRunning(campaign: Pick<GroupBuyCampaignRow, 'startsAt' | 'endsAt' | 'endedAt'>, now: Date): boolean {
  return campaign.endedAt === null && campaign.startsAt <= now && now < campaign.endsAt;
}

/**
 * The 拼团 seat as a checkout participant. Quote (no writes): a group-buy checkout is one line of the campaign's
 * product, a SKU of the campaign, while it runs, within the member's unit limit; joining needs a forming team
 * with a seat left before its expiry that is neither the member's own nor one they are in. Reserve (in the order's
 * transaction): opens the team, or takes the seat with `seatsTaken + 1 WHERE … seatsTaken < teamSize`; writes the
 * seat (unique per team and active member); takes the campaign's units and the member's usage by conditional
 * arithmetic. Any of them finding nothing left throws its 409 and the whole order rolls back, stock untouched.
 * Release: a cancelled unpaid order gives the seat back; a whole refund while the team forms is a quit.
 */
@Injectable()
export class GroupBuySeatParticipant implements CheckoutParticipant<SeatHold>, OnModuleInit {
  readonly name = 'group-buy.seat';
  readonly rank = PARTICIPANT_RANKS.groupBuySeat;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly participants: CheckoutParticipants,
    private readonly seats: GroupBuySeats,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
  }

  async quote(input: QuoteInput): Promise<ParticipantQuote<SeatHold>> {
    const { groupBuy, lines, memberId, now, source } = input;
    if (!groupBuy) return {};
    // The stock refused the only line (a preview shows that on the line): nothing left to judge.
    if (lines.length === 0) return {};
    const refuse = (error: ApiException): ParticipantQuote<SeatHold> => ({ refusals: [{ error, skuIds: null }] });
    const manager = this.dataSource.manager;
    const campaign = await manager.findOneBy(GroupBuyCampaignRow, { id: groupBuy.campaignId });
    if (!campaign || !campaignRunning(campaign, now)) {
      return refuse(notRunning(groupBuy.campaignId, campaign, now));
    }
    if (lines.length !== 1 || lines[0].productId !== campaign.productId) {
      return refuse(groupBuyErrors.selectionInvalid('拼团只能单独购买活动商品的一个规格'));
    }
    const [line] = lines;
    if (!(await manager.existsBy(GroupBuyCampaignSkuRow, { campaignId: campaign.id, skuId: line.skuId }))) {
      return refuse(groupBuyErrors.selectionInvalid('这个规格不参加拼团'));
    }
    if (campaign.memberUnitLimit > 0 && line.quantity > campaign.memberUnitLimit) return refuse(groupBuyErrors.limitReached(campaign.id));
    const usage = await manager.findOneBy(GroupBuyMemberUsageRow, { campaignId: campaign.id, memberId });
    if (usage && !withinLimits(usage, line.quantity, campaign)) return refuse(groupBuyErrors.limitReached(campaign.id));
    if (campaign.unitQuota > 0 && campaign.unitsTaken + line.quantity > campaign.unitQuota) return refuse(groupBuyErrors.quotaExhausted(campaign.id));
    let joining: GroupBuyTeamRow | null = null;
    if (groupBuy.teamId !== null) {
      const judged = await this.joinRefusal(manager, groupBuy.teamId, campaign.id, memberId, now);
      if (judged.refusal) return refuse(judged.refusal);
      joining = judged.team;
    }
    return {
      // A joiner pays before the team expires: after that the seat would be lost and the payment refunded.
      order: { fulfilmentHold: 'group_buy', ...(joining ? { groupBuyTeamId: joining.id, payDeadlineAt: joining.expiresAt } : {}) },
      hold: {
        campaignId: campaign.id,
        productId: campaign.productId,
        teamId: groupBuy.teamId,
        teamSize: campaign.teamSize,
        quantity: line.quantity,
        memberTeamLimit: campaign.memberTeamLimit,
        memberUnitLimit: campaign.memberUnitLimit,
        inviterMemberId: source.sharerMemberId !== memberId ? source.sharerMemberId : null,
      },
    };
  }

  async reserve(manager: EntityManager, { hold, memberId, orderId, now }: ReserveInput<SeatHold>): Promise<void> {
    if (!hold) return;
    let teamId = hold.teamId;
    if (teamId === null) {
      teamId = await insertRow(manager, GroupBuyTeamRow, {
        campaignId: hold.campaignId,
        productId: hold.productId,
        leaderMemberId: memberId,
        teamSize: hold.teamSize,
        seatsTaken: 1,
        seatsPaid: 0,
        virtualSeats: 0,
        status: 'opening',
        expiresAt: null,
        succeededAt: null,
        failedAt: null,
        createdAt: now,
      });
      await manager.update(OrderRow, { id: orderId }, { groupBuyTeamId: teamId });
    } else {
      const taken = await manager
        .createQueryBuilder()
        .update(GroupBuyTeamRow)
        .set({ seatsTaken: () => 'seatsTaken + 1' })
        .where("id = :teamId AND status = 'forming' AND seatsTaken < teamSize AND expiresAt > :now", { teamId, now })
        .execute();
      if (taken.affected !== 1) throw (await this.joinRefusal(manager, teamId, hold.campaignId, memberId, now)).refusal ?? groupBuyErrors.teamFull(teamId);
    }
    try {
      await insertRow(manager, GroupBuySeatRow, {
        teamId,
        campaignId: hold.campaignId,
        memberId,
        activeMemberId: memberId,
        orderId,
        isLeader: hold.teamId === null,
        quantity: hold.quantity,
        status: 'reserved',
        inviterMemberId: hold.inviterMemberId,
        createdAt: now,
        paidAt: null,
        endedAt: null,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw groupBuyErrors.alreadyJoined(teamId);
      throw error;
    }
    // The campaign's units, then the member's usage: the order every writer of both takes them in (giving back too).
    // The campaign must still run now (staff may have ended it since the quote read it).
    const units = hold.quantity;
    const quota = await manager
      .createQueryBuilder()
      .update(GroupBuyCampaignRow)
      .set({ unitsTaken: () => `unitsTaken + ${units}`, updatedAt: () => 'updatedAt' })
      .where(`id = :id AND endedAt IS NULL AND startsAt <= :now AND endsAt > :now AND (unitQuota = 0 OR unitsTaken + ${units} <= unitQuota)`, { id: hold.campaignId, now })
      .execute();
    if (quota.affected !== 1) {
      const campaign = await manager.findOneByOrFail(GroupBuyCampaignRow, { id: hold.campaignId });
      if (!campaignRunning(campaign, now)) throw notRunning(campaign.id, campaign, now);
      throw groupBuyErrors.quotaExhausted(hold.campaignId);
    }
    await this.takeUsage(manager, hold, memberId);
  }

  async release(manager: EntityManager, { order, cause }: ReleaseInput): Promise<void> {
    if (order.fulfilmentHold !== 'group_buy') return;
    const seat = await manager.findOneBy(GroupBuySeatRow, { orderId: order.id });
    if (!seat) return;
    const now = new Date();
    if (cause.kind === 'cancel') {
      if (!(await this.seats.moveSeat(manager, seat.id, 'reserved', 'released', now))) return;
      await this.seats.giveBackSeat(manager, seat.teamId, false, false);
      // The leader never paid: the team never opened.
      if (seat.isLeader) {
        await manager.createQueryBuilder().update(GroupBuyTeamRow).set({ status: 'cancelled' }).where("id = :id AND status = 'opening'", { id: seat.teamId }).execute();
      }
      await this.seats.giveBackUsage(manager, seat);
      return;
    }
    // A refund before shipping of a held order: one that leaves nothing of the order (its lines already carry this
    // refund's units) is a quit of a paid seat, which only a forming team allows. A partial refund of a held order is
    // refused before it gets here (RefundsService); a lost seat was given back already.
    if (seat.status !== 'paid') return;
    const orderLines = await manager.find(OrderLineRow, { select: { quantity: true, refundedQuantity: true }, where: { orderId: order.id } });
    if (orderLines.some((line) => line.refundedQuantity < line.quantity)) return;
    // A failed team's refunds leave its seats as they were (its units went back when it failed).
    const team = await manager.findOneBy(GroupBuyTeamRow, { id: seat.teamId });
    if (!team || team.status === 'failed') return;
    if (!(await this.seats.moveSeat(manager, seat.id, 'paid', 'quit', now))) return;
    // The team succeeded meanwhile: this refund must not happen (its orders may ship now), so it rolls back.
    if (!(await this.seats.giveBackSeat(manager, seat.teamId, true, true))) throw groupBuyErrors.teamClosed(seat.teamId);
    await this.seats.giveBackUsage(manager, seat);
    if (seat.isLeader) await this.seats.leaderQuit(manager, seat, now);
  }

  /** Why the member cannot join the team now (refusal null: they can), and the team as read. */
  private async joinRefusal(manager: EntityManager, teamId: number, campaignId: number, memberId: number, now: Date): Promise<{ refusal: ApiException | null; team: GroupBuyTeamRow | null }> {
    const team = await manager.findOneBy(GroupBuyTeamRow, { id: teamId });
    const refused = (refusal: ApiException) => ({ refusal, team });
    if (!team || team.campaignId !== campaignId) return refused(teamNotFound());
    if (team.leaderMemberId === memberId) return refused(groupBuyErrors.ownTeam(teamId));
    if (await manager.existsBy(GroupBuySeatRow, { teamId, activeMemberId: memberId })) return refused(groupBuyErrors.alreadyJoined(teamId));
    if (team.status !== 'forming') return refused(groupBuyErrors.teamClosed(teamId));
    if (team.expiresAt === null || team.expiresAt <= now) return refused(groupBuyErrors.teamExpired(teamId));
    if (team.seatsTaken >= team.teamSize) return refused(groupBuyErrors.teamFull(teamId));
    return { refusal: null, team };
  }

  /** The member's teams and units in the campaign, each `+ n <= limit` (0 = no limit), from parallel orders too. */
  private async takeUsage(manager: EntityManager, hold: SeatHold, memberId: number): Promise<void> {
    await upsertRow(manager, GroupBuyMemberUsageRow, { campaignId: hold.campaignId, memberId, teams: 0, units: 0 }, ['campaignId', 'memberId'], {
      teams: ({ column }) => column('teams'),
    });
    const units = hold.quantity;
    const limits = [
      hold.memberTeamLimit > 0 ? `teams + 1 <= ${hold.memberTeamLimit}` : null,
      hold.memberUnitLimit > 0 ? `units + ${units} <= ${hold.memberUnitLimit}` : null,
    ].filter((condition): condition is string => condition !== null);
    const taken = await manager
      .createQueryBuilder()
      .update(GroupBuyMemberUsageRow)
      .set({ teams: () => 'teams + 1', units: () => `units + ${units}` })
      .where(['campaignId = :campaignId AND memberId = :memberId', ...limits].join(' AND '), { campaignId: hold.campaignId, memberId })
      .execute();
    if (taken.affected !== 1) throw groupBuyErrors.limitReached(hold.campaignId);
  }
}

/** Why a campaign takes no order now: it has not started yet, or it ended (or does not exist). */
function notRunning(campaignId: number, campaign: GroupBuyCampaignRow | null, now: Date): ApiException {
  return groupBuyErrors.campaignNotRunning(campaignId, campaign !== null && campaign.endedAt === null && now < campaign.startsAt);
}

function withinLimits(usage: GroupBuyMemberUsageRow, quantity: number, campaign: GroupBuyCampaignRow): boolean {
  return (campaign.memberTeamLimit === 0 || usage.teams + 1 <= campaign.memberTeamLimit) && (campaign.memberUnitLimit === 0 || usage.units + quantity <= campaign.memberUnitLimit);
}
