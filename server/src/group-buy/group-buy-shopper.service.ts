import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type {
  GroupBuyJoinBlock,
  GroupBuyMyTeam,
  GroupBuyOffer,
  GroupBuyOpenTeam,
  GroupBuyProductOffer,
  GroupBuyTeamFace,
  GroupBuyTeamView,
  Paginated,
} from '../../../shared';
import { SkuRow } from '../catalog/sku.entity';
import { MemberRow } from '../members/member.entity';
import { OrderRow } from '../orders/order.entity';
import { paginated, type PageQueryDto } from '../platform/http/page-query.dto';
import { campaignProducts, whereCampaignState } from './group-buy-campaigns.service';
import { teamNotFound } from './group-buy-errors';
import { GroupBuyCampaignSkuRow } from './group-buy-campaign-sku.entity';
import { GroupBuyCampaignRow } from './group-buy-campaign.entity';
import { GroupBuyMemberUsageRow } from './group-buy-member-usage.entity';
import { GroupBuySeatRow } from './group-buy-seat.entity';
import { GroupBuyTeamRow } from './group-buy-team.entity';
import { campaignState, cappedGroupPrices, toOffer, VIRTUAL_FACE } from './group-buy-views';

/** Open teams listed under a product: the soonest to expire first. */
const OPEN_TEAMS_SHOWN = 10;

/** Seats a member holds or held in a team that the team page and 我的拼团 show (a released seat is an abandoned order). */
const SHOWN_SEAT_STATUSES = ['reserved', 'paid', 'quit', 'lost'] as const;

/**
 * What shoppers read of 拼团: the 拼团专区 (running campaigns), a product's offer and the teams they may join,
 * a team page, and 我的拼团. Reads only: seats are taken and paid by the checkout's seat participant.
 */
@Injectable()
export class GroupBuyShopperService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** Running campaigns of products on shelf, ending soonest first. */
  async offers(query: PageQueryDto): Promise<Paginated<GroupBuyOffer>> {
    const [rows, total] = await this.manager
      .getRepository(GroupBuyCampaignRow)
      .createQueryBuilder('c')
      .innerJoin('products', 'p', 'p.id = c.productId AND p.onShelf = :onShelf AND p.deletedAt IS NULL', { onShelf: true })
      .where(whereCampaignState('c', 'running'), { now: new Date() })
      .orderBy('c.endsAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    return paginated(await this.toOffers(rows), total, query);
  }

  /** The product's running campaign and the teams the viewer may join (not their own, not one they are in, not full). */
  async productOffer(productId: number, viewerId: number | null): Promise<GroupBuyProductOffer> {
    const now = new Date();
    const campaign = await this.manager
      .getRepository(GroupBuyCampaignRow)
      .createQueryBuilder('c')
      .innerJoin('products', 'p', 'p.id = c.productId AND p.onShelf = :onShelf AND p.deletedAt IS NULL', { onShelf: true })
      .where('c.productId = :productId', { productId })
      .andWhere(whereCampaignState('c', 'running'), { now })
      .orderBy('c.id', 'ASC')
      .getOne();
    if (!campaign) return { offer: null, openTeams: [] };
    const teams = this.manager
      .getRepository(GroupBuyTeamRow)
      .createQueryBuilder('t')
      .where('t.campaignId = :campaignId', { campaignId: campaign.id })
      .andWhere(`t.status = 'forming' AND t.seatsTaken < t.teamSize AND t.expiresAt > :now`, { now })
      .orderBy('t.expiresAt', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .take(OPEN_TEAMS_SHOWN);
    if (viewerId !== null) {
      teams
        .andWhere('t.leaderMemberId <> :viewerId', { viewerId })
        .andWhere('NOT EXISTS (SELECT 1 FROM group_buy_seats s WHERE s.teamId = t.id AND s.activeMemberId = :viewerId)', { viewerId });
    }
    const [offer] = await this.toOffers([campaign]);
    const rows = await teams.getMany();
    const faces = await this.faces(rows);
    return {
      offer,
      openTeams: rows.map(
        (team): GroupBuyOpenTeam => ({
          id: team.id,
          leader: faces.get(team.id)!.find((face) => face.isLeader) ?? faces.get(team.id)![0] ?? VIRTUAL_FACE,
          faces: faces.get(team.id)!,
          seatsLeft: team.teamSize - team.seatsTaken,
          teamSize: team.teamSize,
          expiresAt: team.expiresAt!.toISOString(),
        }),
      ),
    };
  }

  /** A team page. A team still `opening` (the leader has not paid) is the leader's alone: 404 for anyone else. */
  async team(teamId: number, viewerId: number | null): Promise<GroupBuyTeamView> {
    const team = await this.manager.findOneBy(GroupBuyTeamRow, { id: teamId });
    if (!team || (team.status === 'opening' && team.leaderMemberId !== viewerId)) throw teamNotFound();
    return (await this.teamViews([team], viewerId))[0];
  }

  /** 我的拼团: the teams the member opened or joined (newest first), with the order of their seat. */
  async myTeams(memberId: number, query: PageQueryDto): Promise<Paginated<GroupBuyMyTeam>> {
    const [seats, total] = await this.manager.getRepository(GroupBuySeatRow).findAndCount({
      where: { memberId, status: In([...SHOWN_SEAT_STATUSES]) },
      order: { id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const teamIds = [...new Set(seats.map((seat) => seat.teamId))];
    const teams = teamIds.length ? await this.manager.findBy(GroupBuyTeamRow, { id: In(teamIds) }) : [];
    const views = new Map((await this.teamViews(teams, memberId)).map((view) => [view.id, view]));
    const orders = await this.orderNumbers(seats.map((seat) => seat.orderId));
    return paginated(
      seats.map((seat) => ({ team: views.get(seat.teamId)!, orderNo: orders.get(seat.orderId) ?? '' })),
      total,
      query,
    );
  }

  /** Team views for one viewer, with a fixed number of queries however many teams. */
  private async teamViews(teams: GroupBuyTeamRow[], viewerId: number | null): Promise<GroupBuyTeamView[]> {
    if (teams.length === 0) return [];
    const now = new Date();
    const campaignIds = [...new Set(teams.map((team) => team.campaignId))];
    const campaigns = await this.manager.findBy(GroupBuyCampaignRow, { id: In(campaignIds) });
    const [offers, faces, viewerSeats, usage] = await Promise.all([
      this.toOffers(campaigns),
      this.faces(teams),
      viewerId === null
        ? []
        : this.manager.find(GroupBuySeatRow, {
            where: { memberId: viewerId, teamId: In(teams.map((team) => team.id)), status: In([...SHOWN_SEAT_STATUSES]) },
            order: { id: 'DESC' },
          }),
      viewerId === null ? [] : this.manager.findBy(GroupBuyMemberUsageRow, { memberId: viewerId, campaignId: In(campaignIds) }),
    ]);
    const offersById = new Map(offers.map((offer) => [offer.campaignId, offer]));
    const campaignsById = new Map(campaigns.map((campaign) => [campaign.id, campaign]));
    const orders = await this.orderNumbers(viewerSeats.map((seat) => seat.orderId));
    return teams.map((team): GroupBuyTeamView => {
      const campaign = campaignsById.get(team.campaignId)!;
      const mySeat = viewerSeats.find((seat) => seat.teamId === team.id) ?? null;
      const used = usage.find((row) => row.campaignId === team.campaignId);
      const block = joinBlock(team, campaign, viewerId, mySeat, used ?? null, now);
      return {
        id: team.id,
        status: team.status,
        teamSize: team.teamSize,
        seatsLeft: team.status === 'succeeded' ? 0 : Math.max(0, team.teamSize - team.seatsTaken - team.virtualSeats),
        faces: faces.get(team.id)!,
        expiresAt: team.expiresAt?.toISOString() ?? null,
        succeededAt: team.succeededAt?.toISOString() ?? null,
        failedAt: team.failedAt?.toISOString() ?? null,
        offer: offersById.get(team.campaignId)!,
        mySeat: mySeat ? { status: mySeat.status, orderNo: orders.get(mySeat.orderId) ?? '', isLeader: mySeat.isLeader } : null,
        joinBlock: block,
      };
    });
  }

  /** Paid members of each team (the leader first, then by payment) and then its virtual seats. */
  private async faces(teams: GroupBuyTeamRow[]): Promise<Map<number, GroupBuyTeamFace[]>> {
    const result = new Map<number, GroupBuyTeamFace[]>(teams.map((team) => [team.id, []]));
    if (teams.length === 0) return result;
    const seats = await this.manager.find(GroupBuySeatRow, {
      where: { teamId: In(teams.map((team) => team.id)), status: 'paid' },
      order: { isLeader: 'DESC', paidAt: 'ASC', id: 'ASC' },
    });
    const memberIds = [...new Set(seats.map((seat) => seat.memberId))];
    const members = memberIds.length ? await this.manager.find(MemberRow, { where: { id: In(memberIds) }, select: ['id', 'nickname', 'avatarUrl'] }) : [];
    const membersById = new Map(members.map((member) => [member.id, member]));
    for (const seat of seats) {
      const member = membersById.get(seat.memberId);
      result.get(seat.teamId)!.push({
        avatarUrl: member?.avatarUrl ?? null,
        nickname: member?.nickname || '微信用户',
        isLeader: seat.isLeader,
        isVirtual: false,
      });
    }
    for (const team of teams) {
      for (let index = 0; index < team.virtualSeats; index++) result.get(team.id)!.push({ ...VIRTUAL_FACE });
    }
    return result;
  }

  /** Offers of campaigns: their SKUs with list price and stock, products and succeeded teams, in three queries. */
  private async toOffers(campaigns: GroupBuyCampaignRow[]): Promise<GroupBuyOffer[]> {
    if (campaigns.length === 0) return [];
    const ids = campaigns.map((campaign) => campaign.id);
    const [skus, products, succeeded] = await Promise.all([
      this.manager
        .createQueryBuilder(GroupBuyCampaignSkuRow, 'cs')
        .innerJoin(SkuRow, 'k', 'k.id = cs.skuId')
        .select(['cs.campaignId AS campaignId', 'cs.skuId AS skuId', 'cs.groupPriceFen AS groupPriceFen', 'cs.leaderPriceFen AS leaderPriceFen'])
        .addSelect(['k.priceFen AS listPriceFen', 'k.stock AS stock'])
        .where('cs.campaignId IN (:...ids)', { ids })
        .getRawMany<Record<'campaignId' | 'skuId' | 'groupPriceFen' | 'listPriceFen' | 'stock', unknown> & { leaderPriceFen: unknown }>(),
      campaignProducts(this.manager, campaigns.map((campaign) => campaign.productId)),
      this.manager
        .createQueryBuilder(GroupBuyTeamRow, 't')
        .select('t.campaignId', 'campaignId')
        .addSelect('COUNT(*)', 'teams')
        .where('t.campaignId IN (:...ids)', { ids })
        .andWhere(`t.status = 'succeeded'`)
        .groupBy('t.campaignId')
        .getRawMany<{ campaignId: unknown; teams: unknown }>(),
    ]);
    const succeededBy = new Map(succeeded.map((row) => [Number(row.campaignId), Number(row.teams)]));
    return campaigns.map((campaign) =>
      toOffer(
        campaign,
        skus
          .filter((sku) => Number(sku.campaignId) === campaign.id)
          .map((sku) =>
            cappedGroupPrices(
              {
                skuId: Number(sku.skuId),
                groupPriceFen: Number(sku.groupPriceFen),
                leaderPriceFen: sku.leaderPriceFen === null ? null : Number(sku.leaderPriceFen),
                listPriceFen: Number(sku.listPriceFen),
                inStock: Number(sku.stock) > 0,
              },
              Number(sku.listPriceFen),
            ),
          ),
        products.get(campaign.productId) ?? { title: '', image: null },
        succeededBy.get(campaign.id) ?? 0,
      ),
    );
  }

  private async orderNumbers(orderIds: number[]): Promise<Map<number, string>> {
    if (orderIds.length === 0) return new Map();
    const orders = await this.manager.find(OrderRow, { where: { id: In(orderIds) }, select: ['id', 'orderNo'] });
    return new Map(orders.map((order) => [order.id, order.orderNo]));
  }
}

/**
 * Why the viewer cannot join the team, or null. The viewer's own relation comes first (their team, their seat),
 * then the team's state, the campaign's, and last the viewer's per-member limits.
 */
export function joinBlock(
  team: GroupBuyTeamRow,
  campaign: GroupBuyCampaignRow,
  viewerId: number | null,
  viewerSeat: GroupBuySeatRow | null,
  usage: GroupBuyMemberUsageRow | null,
  now: Date,
): GroupBuyJoinBlock | null {
  if (viewerId !== null && team.leaderMemberId === viewerId) return 'own_team';
  if (viewerSeat && (viewerSeat.status === 'reserved' || viewerSeat.status === 'paid')) return 'already_joined';
  if (team.status !== 'forming') return 'not_forming';
  if (!team.expiresAt || team.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (team.seatsTaken >= team.teamSize) return 'full';
  if (campaignState(campaign, now) !== 'running') return 'campaign_ended';
  if (usage && ((campaign.memberTeamLimit > 0 && usage.teams >= campaign.memberTeamLimit) || (campaign.memberUnitLimit > 0 && usage.units >= campaign.memberUnitLimit))) {
    return 'limit_reached';
  }
  return null;
}
