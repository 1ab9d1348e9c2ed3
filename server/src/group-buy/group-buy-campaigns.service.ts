import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, type EntityManager } from 'typeorm';
import {
  memberDisplayName,
  orderStatusText,
  type GroupBuyAdminSeat,
  type GroupBuyAdminTeam,
  type GroupBuyCampaign,
  type GroupBuyCampaignInput,
  type Paginated,
} from '../../../shared';
import { ProductRow } from '../catalog/product.entity';
import { SkuRow } from '../catalog/sku.entity';
import { MemberRow } from '../members/member.entity';
import { OrderRow } from '../orders/order.entity';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { paginated } from '../platform/http/page-query.dto';
import { checkCampaignRules } from './group-buy-campaign-rules';
import { campaignNotFound } from './group-buy-errors';
import { GroupBuyCampaignSkuRow } from './group-buy-campaign-sku.entity';
import { GroupBuyCampaignRow } from './group-buy-campaign.entity';
import { GroupBuySeatRow } from './group-buy-seat.entity';
import { campaignStats, loadCampaignFigures, NO_FIGURES } from './group-buy-stats';
import { GroupBuyTeamRow } from './group-buy-team.entity';
import { campaignState, toAdminCampaign, VIRTUAL_FACE, type CampaignProduct } from './group-buy-views';
import type { GroupBuyCampaignQueryDto, GroupBuyTeamQueryDto } from './group-buy.dto';

const productNotFound = () => new ApiException('PRODUCT_NOT_FOUND', HttpStatus.NOT_FOUND, '商品不存在或已删除');

/** Campaign rows in one state at `now` (the state is derived from the window and endedAt). */
export function whereCampaignState(alias: string, state: GroupBuyCampaign['state']): string {
  switch (state) {
    case 'scheduled':
      return `${alias}.endedAt IS NULL AND ${alias}.startsAt > :now`;
    case 'running':
      return `${alias}.endedAt IS NULL AND ${alias}.startsAt <= :now AND ${alias}.endsAt > :now`;
    case 'ended':
      return `(${alias}.endedAt IS NOT NULL OR ${alias}.endsAt <= :now)`;
  }
}

/** The product's title and first image (also for a product deleted since). */
export async function campaignProducts(manager: EntityManager, productIds: number[]): Promise<Map<number, CampaignProduct>> {
  if (productIds.length === 0) return new Map();
  const rows = await manager.find(ProductRow, { where: { id: In([...new Set(productIds)]) }, withDeleted: true, select: ['id', 'title', 'images'] });
  return new Map(rows.map((row) => [row.id, { title: row.title, image: row.images[0] ?? null }]));
}

/** 拼团 campaigns in the console: list with statistics, one campaign, create, edit, and its teams. */
@Injectable()
export class GroupBuyCampaignsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  async list(query: GroupBuyCampaignQueryDto): Promise<Paginated<GroupBuyCampaign>> {
    const now = new Date();
    const builder = this.dataSource.getRepository(GroupBuyCampaignRow).createQueryBuilder('c').orderBy('c.id', 'DESC').skip(query.offset).take(query.pageSize);
    if (query.state) builder.where(whereCampaignState('c', query.state), { now });
    const [rows, total] = await builder.getManyAndCount();
    return paginated(await this.views(rows, now), total, query);
  }

  async get(id: number): Promise<GroupBuyCampaign> {
    const row = await this.dataSource.getRepository(GroupBuyCampaignRow).findOneBy({ id });
    if (!row) throw campaignNotFound();
    return (await this.views([row], new Date()))[0];
  }

  /**
   * Creates a campaign. The product's row lock makes "at most one not-ended campaign of a product in any
   * window" hold against parallel saves: the second waits for the first's commit and then sees its campaign.
   */
  async create(input: GroupBuyCampaignInput, staffId: number | null): Promise<GroupBuyCampaign> {
    const now = new Date();
    const id = await this.transactions.run(
      async (manager) => {
        await this.checkAgainstProduct(manager, input, now, true);
        await this.checkProductFree(manager, input, null, now);
        const inserted = await manager.insert(GroupBuyCampaignRow, { ...campaignColumns(input), createdByStaffId: staffId });
        const campaignId = Number(inserted.identifiers[0].id);
        await this.saveSkus(manager, campaignId, input);
        return campaignId;
      },
      { readCommitted: true },
    );
    return this.get(id);
  }

  /**
   * Replaces a campaign's settings. An ended campaign is not edited (409 GROUP_BUY_CAMPAIGN_ENDED); a running
   * one keeps its product and team size (teams have formed with them). The campaign row is locked first, so an
   * edit and an early end never cross.
   */
  async update(id: number, input: GroupBuyCampaignInput): Promise<GroupBuyCampaign> {
    const now = new Date();
    await this.transactions.run(
      async (manager) => {
        await manager.query('UPDATE group_buy_campaigns SET id = id WHERE id = ?', [id]);
        const current = await manager.findOneBy(GroupBuyCampaignRow, { id });
        if (!current) throw campaignNotFound();
        const state = campaignState(current, now);
        if (state === 'ended') throw new ApiException('GROUP_BUY_CAMPAIGN_ENDED', HttpStatus.CONFLICT, '拼团活动已结束，不能再修改');
        if (state === 'running' && (current.productId !== input.productId || current.teamSize !== input.teamSize)) {
          throw new ApiException('GROUP_BUY_CAMPAIGN_INVALID', HttpStatus.CONFLICT, '活动进行中，已有团按原商品和成团人数组建，不能修改商品或成团人数');
        }
        // Moving a started campaign's start into the future would strand its open teams (no joins until then).
        if (state === 'running' && Math.abs(new Date(input.startsAt).getTime() - current.startsAt.getTime()) >= 1000) {
          throw new ApiException('GROUP_BUY_CAMPAIGN_INVALID', HttpStatus.CONFLICT, '活动已开始，不能修改开始时间（可以延长或提前结束时间）');
        }
        await this.checkAgainstProduct(manager, input, now, false);
        await this.checkProductFree(manager, input, id, now);
        await manager.update(GroupBuyCampaignRow, { id }, campaignColumns(input));
        await manager.delete(GroupBuyCampaignSkuRow, { campaignId: id });
        await this.saveSkus(manager, id, input);
      },
      { readCommitted: true },
    );
    return this.get(id);
  }

  async teams(campaignId: number, query: GroupBuyTeamQueryDto): Promise<Paginated<GroupBuyAdminTeam>> {
    if (!(await this.dataSource.getRepository(GroupBuyCampaignRow).existsBy({ id: campaignId }))) throw campaignNotFound();
    const [teams, total] = await this.dataSource.getRepository(GroupBuyTeamRow).findAndCount({
      where: { campaignId, ...(query.status ? { status: query.status } : {}) },
      order: { id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const teamIds = teams.map((team) => team.id);
    const seats = teamIds.length ? await this.dataSource.getRepository(GroupBuySeatRow).find({ where: { teamId: In(teamIds) }, order: { id: 'ASC' } }) : [];
    const memberIds = [...new Set([...seats.map((seat) => seat.memberId), ...teams.map((team) => team.leaderMemberId)])];
    const orderIds = seats.map((seat) => seat.orderId);
    const [members, orders] = await Promise.all([
      memberIds.length ? this.dataSource.getRepository(MemberRow).find({ where: { id: In(memberIds) }, select: ['id', 'nickname'] }) : [],
      orderIds.length
        ? this.dataSource.getRepository(OrderRow).find({ where: { id: In(orderIds) }, select: ['id', 'orderNo', 'status', 'refundedFen', 'fulfilmentHold'] })
        : [],
    ]);
    const nicknames = new Map(members.map((member) => [member.id, memberDisplayName(member.nickname, member.id)]));
    const ordersById = new Map(orders.map((order) => [order.id, order]));
    const items = teams.map((team): GroupBuyAdminTeam => {
      const teamSeats = seats
        .filter((seat) => seat.teamId === team.id)
        .sort((a, b) => Number(b.isLeader) - Number(a.isLeader) || a.id - b.id)
        .map((seat): GroupBuyAdminSeat => {
          const order = ordersById.get(seat.orderId);
          return {
            memberId: seat.memberId,
            nickname: nicknames.get(seat.memberId) ?? memberDisplayName(null, seat.memberId),
            isLeader: seat.isLeader,
            isVirtual: false,
            status: seat.status,
            orderNo: order?.orderNo ?? null,
            orderStatus: order ? orderStatusText(order) : null,
            joinedAt: seat.createdAt.toISOString(),
            paidAt: seat.paidAt?.toISOString() ?? null,
          };
        });
      const filledAt = (team.succeededAt ?? team.createdAt).toISOString();
      const virtualSeats = Array.from({ length: team.virtualSeats }, (): GroupBuyAdminSeat => ({
        memberId: null,
        nickname: VIRTUAL_FACE.nickname,
        isLeader: false,
        isVirtual: true,
        status: 'paid',
        orderNo: null,
        orderStatus: null,
        joinedAt: filledAt,
        paidAt: filledAt,
      }));
      return {
        id: team.id,
        status: team.status,
        teamSize: team.teamSize,
        seatsTaken: team.seatsTaken,
        seatsPaid: team.seatsPaid,
        virtualSeats: team.virtualSeats,
        leaderNickname: nicknames.get(team.leaderMemberId) ?? memberDisplayName(null, team.leaderMemberId),
        expiresAt: team.expiresAt?.toISOString() ?? null,
        succeededAt: team.succeededAt?.toISOString() ?? null,
        failedAt: team.failedAt?.toISOString() ?? null,
        seats: [...teamSeats, ...virtualSeats],
        createdAt: team.createdAt.toISOString(),
      };
    });
    return paginated(items, total, query);
  }

  /** Campaign views with their statistics: a fixed number of queries for the whole page. */
  private async views(rows: GroupBuyCampaignRow[], now: Date): Promise<GroupBuyCampaign[]> {
    const ids = rows.map((row) => row.id);
    const manager = this.dataSource.manager;
    const [skus, products, figures] = await Promise.all([
      ids.length ? manager.find(GroupBuyCampaignSkuRow, { where: { campaignId: In(ids) } }) : [],
      campaignProducts(manager, rows.map((row) => row.productId)),
      loadCampaignFigures(manager, ids),
    ]);
    const skuIds = [...new Set(skus.map((sku) => sku.skuId))];
    const catalog = skuIds.length ? await manager.find(SkuRow, { where: { id: In(skuIds) }, select: ['id', 'priceFen'] }) : [];
    const listPrices = new Map(catalog.map((sku) => [sku.id, sku.priceFen]));
    return rows.map((row) =>
      toAdminCampaign(
        row,
        skus.filter((sku) => sku.campaignId === row.id),
        products.get(row.productId) ?? { title: `商品${row.productId}`, image: null },
        campaignStats(figures.get(row.id) ?? NO_FIGURES),
        now,
        listPrices,
      ),
    );
  }

  /**
   * Locks the product's row (a no-op write; it stays locked until the transaction ends) and checks the input
   * against it: the product exists, the SKUs are its current ones, the prices below their list prices.
   */
  private async checkAgainstProduct(manager: EntityManager, input: GroupBuyCampaignInput, now: Date, creating: boolean): Promise<void> {
    await manager.query('UPDATE products SET id = id WHERE id = ?', [input.productId]);
    if (!(await manager.existsBy(ProductRow, { id: input.productId }))) throw productNotFound();
    const skus = await manager.find(SkuRow, { where: { productId: input.productId }, select: ['id', 'priceFen'] });
    checkCampaignRules(input, skus, now, creating);
  }

  /** 409 GROUP_BUY_PRODUCT_BUSY when another not-ended campaign of the product overlaps the window. */
  private async checkProductFree(manager: EntityManager, input: GroupBuyCampaignInput, exceptId: number | null, now: Date): Promise<void> {
    const builder = manager
      .getRepository(GroupBuyCampaignRow)
      .createQueryBuilder('c')
      .where('c.productId = :productId', { productId: input.productId })
      .andWhere('c.endedAt IS NULL AND c.endsAt > :now', { now })
      .andWhere(
        new Brackets((window) =>
          window.where('c.startsAt < :endsAt', { endsAt: new Date(input.endsAt) }).andWhere('c.endsAt > :startsAt', { startsAt: new Date(input.startsAt) }),
        ),
      );
    if (exceptId !== null) builder.andWhere('c.id <> :exceptId', { exceptId });
    const other = await builder.orderBy('c.id', 'ASC').getOne();
    if (other) {
      throw new ApiException(
        'GROUP_BUY_PRODUCT_BUSY',
        HttpStatus.CONFLICT,
        `该商品已在拼团活动「${other.name}」（#${other.id}）中，时间重叠；一个商品同一时间只能参加一个拼团活动`,
      );
    }
  }

  private async saveSkus(manager: EntityManager, campaignId: number, input: GroupBuyCampaignInput): Promise<void> {
    await manager.insert(
      GroupBuyCampaignSkuRow,
      input.skus.map((sku) => ({ campaignId, skuId: sku.skuId, groupPriceFen: sku.groupPriceFen, leaderPriceFen: sku.leaderPriceFen })),
    );
  }
}

function campaignColumns(input: GroupBuyCampaignInput): Partial<GroupBuyCampaignRow> {
  return {
    name: input.name.trim(),
    productId: input.productId,
    teamSize: input.teamSize,
    validityHours: input.validityHours,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    memberTeamLimit: input.memberTeamLimit,
    memberUnitLimit: input.memberUnitLimit,
    unitQuota: input.unitQuota,
    allowCoupons: input.allowCoupons,
    allowPoints: input.allowPoints,
    virtualCompletion: input.virtualCompletion,
    virtualThresholdPercent: input.virtualCompletion ? input.virtualThresholdPercent : null,
    rulesText: input.rulesText.trim(),
  };
}
