import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not, type EntityManager } from 'typeorm';
import { LIVE_SESSION_ACTION_LABELS, LIVE_SESSION_STATUS_LABELS, type LiveSession, type LiveSessionAction, type LiveSessionInput, type LiveSessionStatus, type Paginated } from '../../../shared';
import { ProductRow } from '../catalog/product.entity';
import { SkuRow } from '../catalog/sku.entity';
import { CouponTemplateRow } from '../coupons/coupon-template.entity';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { paginated } from '../platform/http/page-query.dto';
import { LiveSessionPriceRow } from './live-session-price.entity';
import { LiveSessionProductRow } from './live-session-product.entity';
import { actionRefusal, checkLiveCoupon, checkSessionRules, sessionInvalid, skuName } from './live-session-rules';
import { moveSessionStatus, wholeSecond } from './live-session-transitions';
import { toLiveSession, type FeaturedProductFace } from './live-session-views';
import { LiveSessionRow } from './live-session.entity';
import { LIVE_PROVIDER_DRIVERS, type LiveProviderDriver } from './providers/live-provider';
import type { LiveSessionQueryDto } from './live-session.dto';

export const sessionNotFound = () => new ApiException('LIVE_SESSION_NOT_FOUND', HttpStatus.NOT_FOUND, '直播场次不存在');
const stateConflict = (message: string, status: LiveSessionStatus) => new ApiException('LIVE_SESSION_STATE_CONFLICT', HttpStatus.CONFLICT, message, { status });

/**
 * Each staff action: the status it starts from, the one it leads to, and `onAir`: it moves the live itself, so only
 * where the provider lets staff set it (LiveProviderDriver.staffStartsAndEnds); cancelling is always staff's.
 */
const ACTIONS: Record<LiveSessionAction, { from: LiveSessionStatus; to: LiveSessionStatus; onAir: boolean }> = {
  start: { from: 'upcoming', to: 'live', onAir: true },
  end: { from: 'live', to: 'ended', onAir: true },
  cancel: { from: 'upcoming', to: 'cancelled', onAir: false },
};

/** Live sessions in the console: list, one session, create, edit, and the 开播 / 结束 / 取消 actions. */
@Injectable()
export class LiveSessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    @Inject(LIVE_PROVIDER_DRIVERS) private readonly drivers: LiveProviderDriver[],
  ) {}

  async list(query: LiveSessionQueryDto): Promise<Paginated<LiveSession>> {
    const [rows, total] = await this.dataSource.getRepository(LiveSessionRow).findAndCount({
      where: query.status ? { status: query.status } : {},
      order: { plannedStartAt: 'DESC', id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return paginated(await this.views(rows), total, query);
  }

  async get(id: number): Promise<LiveSession> {
    const row = await this.dataSource.getRepository(LiveSessionRow).findOneBy({ id });
    if (!row) throw sessionNotFound();
    return (await this.views([row]))[0];
  }

  async create(input: LiveSessionInput, staffId: number | null): Promise<LiveSession> {
    const id = await this.transactions.run(async (manager) => {
      await this.checkAgainstCatalog(manager, input, new Date());
      await this.checkRoomFree(manager, input, null);
      const inserted = await manager.insert(LiveSessionRow, { ...sessionColumns(input), status: 'upcoming', createdByStaffId: staffId });
      const sessionId = Number(inserted.identifiers[0].id);
      await this.saveProducts(manager, sessionId, input);
      await this.insertPrices(manager, sessionId, input, input.prices.map((price) => price.skuId));
      return sessionId;
    });
    return this.get(id);
  }

  /**
   * Replaces an upcoming or live session's settings (ended and cancelled ones are history: 409). A live session
   * keeps its provider and room (the live is on air there). A live price keeps its units sold: its quota may not go
   * below them and it may not be removed once units sold at it (both by conditional writes, so a sale landing
   * meanwhile is not lost).
   */
  async update(id: number, input: LiveSessionInput): Promise<LiveSession> {
    await this.transactions.run(async (manager) => {
      await manager.query('UPDATE live_sessions SET id = id WHERE id = ?', [id]);
      const current = await manager.findOneBy(LiveSessionRow, { id });
      if (!current) throw sessionNotFound();
      if (current.status === 'ended' || current.status === 'cancelled') {
        throw stateConflict(`直播${LIVE_SESSION_STATUS_LABELS[current.status]}，不能再修改`, current.status);
      }
      if (current.status === 'live' && (current.provider !== input.provider || current.roomId !== input.roomId || current.finderUserName !== input.finderUserName)) {
        throw stateConflict('直播进行中，不能修改直播平台、视频号 ID 或直播间号', current.status);
      }
      await this.checkAgainstCatalog(manager, input, new Date());
      await this.checkRoomFree(manager, input, id);
      await manager.update(LiveSessionRow, { id }, sessionColumns(input));
      await manager.delete(LiveSessionProductRow, { sessionId: id });
      await this.saveProducts(manager, id, input);
      await this.replacePrices(manager, id, input);
    });
    return this.get(id);
  }

  /** 开播 / 结束 / 取消: one conditional update on the status the action starts from; 409 from any other. */
  async act(id: number, action: LiveSessionAction): Promise<LiveSession> {
    const rule = ACTIONS[action];
    const session = await this.dataSource.getRepository(LiveSessionRow).findOneBy({ id });
    if (!session) throw sessionNotFound();
    const label = LIVE_SESSION_ACTION_LABELS[action];
    if (rule.onAir && !this.drivers.find((driver) => driver.provider === session.provider)?.staffStartsAndEnds) {
      throw stateConflict(`小程序直播的开播和结束以直播间状态为准（每分钟同步），不能在这里${label}`, session.status);
    }
    if (!(await moveSessionStatus(this.dataSource, id, rule.from, rule.to, new Date()))) {
      const now = await this.dataSource.getRepository(LiveSessionRow).findOneByOrFail({ id });
      throw stateConflict(actionRefusal(now.status, action, rule.to), now.status);
    }
    return this.get(id);
  }

  /** Session views with their products and prices: a fixed number of queries for the whole page. */
  private async views(rows: LiveSessionRow[]): Promise<LiveSession[]> {
    const ids = rows.map((row) => row.id);
    if (ids.length === 0) return [];
    const manager = this.dataSource.manager;
    const [products, prices] = await Promise.all([
      manager.find(LiveSessionProductRow, { where: { sessionId: In(ids) } }),
      manager.find(LiveSessionPriceRow, { where: { sessionId: In(ids) } }),
    ]);
    const productIds = [...new Set(products.map((product) => product.productId))];
    const catalog = productIds.length ? await manager.find(ProductRow, { where: { id: In(productIds) }, withDeleted: true, select: ['id', 'title', 'images'] }) : [];
    const faces = new Map<number, FeaturedProductFace>(catalog.map((product) => [product.id, { title: product.title, image: product.images[0] ?? null }]));
    return rows.map((row) =>
      toLiveSession(
        row,
        products.filter((product) => product.sessionId === row.id),
        prices.filter((price) => price.sessionId === row.id),
        faces,
      ),
    );
  }

  /** The featured products exist, the priced SKUs are theirs below list price, the coupon template can be the live coupon. */
  private async checkAgainstCatalog(manager: EntityManager, input: LiveSessionInput, now: Date): Promise<void> {
    const [products, skus] = input.productIds.length
      ? await Promise.all([
          manager.find(ProductRow, { where: { id: In(input.productIds) }, select: ['id'] }),
          manager.find(SkuRow, { where: { productId: In(input.productIds) }, select: ['id', 'productId', 'priceFen'] }),
        ])
      : [[], []];
    checkSessionRules(input, new Set(products.map((product) => product.id)), skus, now);
    if (input.couponTemplateId !== null) checkLiveCoupon(input.couponTemplateId, await manager.findOne(CouponTemplateRow, { where: { id: input.couponTemplateId }, select: ['id', 'type', 'channel'] }));
  }

  private async saveProducts(manager: EntityManager, sessionId: number, input: LiveSessionInput): Promise<void> {
    if (input.productIds.length === 0) return;
    await manager.insert(LiveSessionProductRow, input.productIds.map((productId, position) => ({ sessionId, productId, position })));
  }

  private async insertPrices(manager: EntityManager, sessionId: number, input: LiveSessionInput, skuIds: number[]): Promise<void> {
    const rows = input.prices.filter((price) => skuIds.includes(price.skuId));
    if (rows.length === 0) return;
    const productOf = new Map((await manager.find(SkuRow, { where: { id: In(skuIds) }, select: ['id', 'productId'] })).map((sku) => [sku.id, sku.productId]));
    await manager.insert(
      LiveSessionPriceRow,
      rows.map((price) => ({ sessionId, skuId: price.skuId, productId: productOf.get(price.skuId)!, livePriceFen: price.livePriceFen, unitQuota: price.unitQuota })),
    );
  }

  /** Removes, changes and adds live prices, keeping each kept price's units sold (see update). */
  private async replacePrices(manager: EntityManager, sessionId: number, input: LiveSessionInput): Promise<void> {
    const existing = await manager.find(LiveSessionPriceRow, { where: { sessionId }, select: ['skuId'] });
    const wanted = new Map(input.prices.map((price) => [price.skuId, price]));
    for (const { skuId } of existing) {
      const price = wanted.get(skuId);
      if (!price) {
        const removed = await manager.createQueryBuilder().delete().from(LiveSessionPriceRow).where('sessionId = :sessionId AND skuId = :skuId AND unitsTaken = 0', { sessionId, skuId }).execute();
        if (removed.affected !== 1) throw sessionInvalid(`${await this.nameOf(manager, skuId)}已有按直播价售出的件数，不能删除它的直播价`);
        continue;
      }
      const changed = await manager
        .createQueryBuilder()
        .update(LiveSessionPriceRow)
        .set({ livePriceFen: price.livePriceFen, unitQuota: price.unitQuota })
        .where('sessionId = :sessionId AND skuId = :skuId AND (:quota = 0 OR unitsTaken <= :quota)', { sessionId, skuId, quota: price.unitQuota })
        .execute();
      if (changed.affected !== 1) {
        const { unitsTaken } = await manager.findOneByOrFail(LiveSessionPriceRow, { sessionId, skuId });
        throw sessionInvalid(`${await this.nameOf(manager, skuId)}的直播价限量 ${price.unitQuota} 件少于已售出的 ${unitsTaken} 件`);
      }
    }
    const existingIds = new Set(existing.map((price) => price.skuId));
    await this.insertPrices(manager, sessionId, input, input.prices.map((price) => price.skuId).filter((skuId) => !existingIds.has(skuId)));
  }

  /**
   * A plugin room belongs to one session: 400 when another session, not cancelled, already uses it. A check, not a
   * lock or unique key (cancelled sessions keep their room id): two staff saving the same room at the same instant
   * could both pass. Accepted: it takes two people creating sessions for one room together, staff see both in
   * 直播管理 and cancel one, and the status sweep then follows the room for each without touching money or stock.
   */
  private async checkRoomFree(manager: EntityManager, input: LiveSessionInput, sessionId: number | null): Promise<void> {
    if (input.roomId === null) return;
    const other = await manager.findOne(LiveSessionRow, {
      select: { id: true, title: true },
      where: { roomId: input.roomId, status: Not('cancelled'), ...(sessionId === null ? {} : { id: Not(sessionId) }) },
    });
    if (other) throw sessionInvalid(`直播间号 ${input.roomId} 已用于场次「${other.title}」，一个直播间只对应一场直播`, 'roomId');
  }

  /** The SKU's product title and spec, for a message to staff (a SKU id means nothing to them). */
  private async nameOf(manager: EntityManager, skuId: number): Promise<string> {
    const sku = await manager.findOneOrFail(SkuRow, { where: { id: skuId }, select: ['id', 'productId', 'specValues'], withDeleted: true });
    const product = await manager.findOneOrFail(ProductRow, { where: { id: sku.productId }, select: ['id', 'title'], withDeleted: true });
    return skuName(product.title, sku.specValues);
  }
}

function sessionColumns(input: LiveSessionInput): Partial<LiveSessionRow> {
  return {
    provider: input.provider,
    title: input.title.trim(),
    coverUrl: input.coverUrl,
    plannedStartAt: wholeSecond(new Date(input.plannedStartAt)),
    plannedEndAt: wholeSecond(new Date(input.plannedEndAt)),
    finderUserName: input.finderUserName,
    feedId: input.feedId,
    noticeId: input.noticeId,
    roomId: input.roomId,
    couponTemplateId: input.couponTemplateId,
  };
}
