import type { GroupBuyCampaign, GroupBuyCampaignInput, GroupBuySeatStatus, GroupBuyTeamStatus, OrderStatus } from '../../../shared';
import { GroupBuySeatRow } from '../../../server/src/group-buy/group-buy-seat.entity';
import { GroupBuyTeamRow } from '../../../server/src/group-buy/group-buy-team.entity';
import { MemberRow } from '../../../server/src/members/member.entity';
import { OrderRow } from '../../../server/src/orders/order.entity';
import { API, bearer, memberToken, type TestApp } from './test-app';

const HOUR_MS = 3600_000;

/** A campaign input for `productId`'s SKUs at `groupPriceFen`, running from an hour ago for 30 days. */
export function campaignInput(productId: number, skus: { skuId: number; groupPriceFen: number; leaderPriceFen?: number | null }[], overrides: Partial<GroupBuyCampaignInput> = {}): GroupBuyCampaignInput {
  return {
    name: '两人拼团',
    productId,
    skus: skus.map((sku) => ({ skuId: sku.skuId, groupPriceFen: sku.groupPriceFen, leaderPriceFen: sku.leaderPriceFen ?? null })),
    teamSize: 2,
    validityHours: 24,
    startsAt: new Date(Date.now() - HOUR_MS).toISOString(),
    endsAt: new Date(Date.now() + 30 * 24 * HOUR_MS).toISOString(),
    memberTeamLimit: 0,
    memberUnitLimit: 0,
    unitQuota: 0,
    allowCoupons: false,
    allowPoints: false,
    virtualCompletion: false,
    virtualThresholdPercent: null,
    rulesText: '',
    ...overrides,
  };
}

export async function createCampaign(t: TestApp, staffToken: string, input: GroupBuyCampaignInput): Promise<GroupBuyCampaign> {
  const response = await t.api().post(`${API}/admin/group-buy/campaigns`).set(bearer(staffToken)).send(input);
  if (response.status !== 201) throw new Error(`campaign not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A shopper: their token and member id, with a nickname and avatar as after a profile edit. */
export interface FixtureShopper {
  token: string;
  id: number;
  nickname: string;
}

/**
 * Teams, seats and orders written straight into the tables, as the checkout and payment would leave them, so the
 * read endpoints and statistics can be tested on states of every kind (the money path has its own suites).
 */
export class GroupBuyReadFixtures {
  private orderCount = 0;

  constructor(private readonly t: TestApp) {}

  async shopper(identity: string, nickname: string): Promise<FixtureShopper> {
    const token = await memberToken(this.t, identity);
    const id = (await this.t.api().get(`${API}/me`).set(bearer(token)).expect(200)).body.id as number;
    await this.t.dataSource.getRepository(MemberRow).update({ id }, { nickname, avatarUrl: `https://img.example.com/${identity}.png` });
    return { token, id, nickname };
  }

  /** A team of the campaign led by `leader`, with the leader's seat and order. */
  async team(
    campaign: GroupBuyCampaign,
    leader: FixtureShopper,
    state: { status: GroupBuyTeamStatus; expiresInMs?: number; virtualSeats?: number; leaderSeat?: GroupBuySeatStatus; payableFen?: number },
  ): Promise<GroupBuyTeamRow> {
    const paid = state.status !== 'opening' && state.status !== 'cancelled';
    const now = Date.now();
    const team = await this.t.dataSource.getRepository(GroupBuyTeamRow).save({
      campaignId: campaign.id,
      productId: campaign.productId,
      leaderMemberId: leader.id,
      teamSize: campaign.teamSize,
      seatsTaken: 0,
      seatsPaid: 0,
      virtualSeats: state.virtualSeats ?? 0,
      status: state.status,
      expiresAt: paid ? new Date(now + (state.expiresInMs ?? 12 * HOUR_MS)) : null,
      succeededAt: state.status === 'succeeded' ? new Date(now) : null,
      failedAt: state.status === 'failed' ? new Date(now) : null,
    });
    await this.seat(team, leader, { status: state.leaderSeat ?? (paid ? 'paid' : 'reserved'), isLeader: true, payableFen: state.payableFen });
    return team;
  }

  /**
   * A member's seat in the team with its order (paid or not as the seat says; `refundedFen` for a refunded one),
   * and the team's counters moved as the seat participant would.
   */
  async seat(
    team: GroupBuyTeamRow,
    member: FixtureShopper,
    seat: { status: GroupBuySeatStatus; isLeader?: boolean; quantity?: number; payableFen?: number; refundedFen?: number },
  ): Promise<OrderRow> {
    const paidOnce = seat.status === 'paid' || seat.status === 'quit' || seat.status === 'lost';
    const quantity = seat.quantity ?? 1;
    const payableFen = seat.payableFen ?? 5000 * quantity;
    const status: OrderStatus = seat.status === 'paid' ? 'paid' : seat.status === 'reserved' ? 'pending_payment' : paidOnce ? 'refunded' : 'cancelled';
    this.orderCount += 1;
    const order = await this.t.dataSource.getRepository(OrderRow).save({
      orderNo: `GB${team.id}${String(this.orderCount).padStart(6, '0')}${member.id}`.slice(0, 24),
      memberId: member.id,
      clientToken: `group-buy-fixture-${team.id}-${this.orderCount}`,
      status,
      itemCount: quantity,
      listTotalFen: payableFen,
      shippingFeeFen: 0,
      payableFen,
      refundedFen: seat.refundedFen ?? (status === 'refunded' ? payableFen : 0),
      recipientName: member.nickname,
      recipientPhone: '13800000000',
      provinceName: '浙江省',
      cityName: '杭州市',
      districtName: '西湖区',
      regionCode: '330106',
      addressDetail: '文三路 1 号',
      groupBuyTeamId: team.id,
      fulfilmentHold: status === 'paid' && team.status !== 'succeeded' ? 'group_buy' : null,
      paidAt: paidOnce ? new Date() : null,
    });
    const active = seat.status === 'paid' || seat.status === 'reserved';
    await this.t.dataSource.getRepository(GroupBuySeatRow).insert({
      teamId: team.id,
      campaignId: team.campaignId,
      memberId: member.id,
      activeMemberId: active ? member.id : null,
      orderId: order.id,
      isLeader: seat.isLeader ?? false,
      quantity,
      status: seat.status,
      paidAt: paidOnce ? new Date() : null,
      endedAt: active ? null : new Date(),
    });
    team.seatsTaken += active ? 1 : 0;
    team.seatsPaid += seat.status === 'paid' ? 1 : 0;
    await this.t.dataSource.getRepository(GroupBuyTeamRow).update({ id: team.id }, { seatsTaken: team.seatsTaken, seatsPaid: team.seatsPaid });
    return order;
  }
}
