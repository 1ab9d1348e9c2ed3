import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not } from 'typeorm';
import {
  LIVE_PAST_SESSIONS_SHOWN,
  LIVE_SESSION_STATUS_LABELS,
  type LiveFeaturedProduct,
  type LiveSchedule,
  type ShopperLiveCoupon,
  type ShopperLiveProduct,
  type ShopperLiveSession,
  type ShopperLiveSessionCard,
} from '../../../shared';
import { ruleText } from '../coupons/coupon-rules';
import { CouponTemplateRow } from '../coupons/coupon-template.entity';
import { MemberCouponCountRow } from '../coupons/member-coupon-count.entity';
import { LiveReservationRow } from './live-reservation.entity';
import { toLiveReservation } from './live-reservations.service';
import { sessionNotFound } from './live-sessions.service';
import { LiveSessionRow } from './live-session.entity';
import { isoOrNull } from './live-time';

/** A product is shown only while it is on sale: on the shelf and not deleted. */
const ON_SALE = 'p.onShelf = :onShelf AND p.deletedAt IS NULL';

/**
 * The lowest live price per (session, product) among live sessions, SQL over live_session_prices `lp` and skus
 * `k`: SKUs with units left in their quota, each capped at its current list price (as checkout caps it).
 */
const LIVE_PRICE_SQL = `MIN(CASE WHEN lp.livePriceFen < k.priceFen THEN lp.livePriceFen ELSE k.priceFen END)`;

/**
 * What shoppers read about lives: the 直播 page's schedule, a session page, and the featured products behind the
 * 直播中 / 直播专享价 badges. Cancelled sessions and products no longer on sale are never shown; a live price only
 * while its session is live. Each read is a fixed number of queries, whatever the number of sessions or products.
 */
@Injectable()
export class ShopperLiveService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async schedule(): Promise<LiveSchedule> {
    const repository = this.dataSource.getRepository(LiveSessionRow);
    const [open, past] = await Promise.all([
      repository.find({ where: { status: In(['live', 'upcoming']) }, order: { plannedStartAt: 'ASC', id: 'ASC' } }),
      repository.find({ where: { status: 'ended' }, order: { endedAt: 'DESC', plannedStartAt: 'DESC', id: 'DESC' }, take: LIVE_PAST_SESSIONS_SHOWN }),
    ]);
    const counts = await this.productCounts([...open, ...past].map((session) => session.id));
    const card = (session: LiveSessionRow) => toCard(session, counts.get(session.id) ?? 0);
    return {
      live: open.filter((session) => session.status === 'live').map(card),
      upcoming: open.filter((session) => session.status === 'upcoming').map(card),
      past: past.map(card),
    };
  }

  /** A session page; 404 LIVE_SESSION_NOT_FOUND for an unknown or cancelled session. */
  async session(id: number, memberId: number | null): Promise<ShopperLiveSession> {
    const session = await this.dataSource.getRepository(LiveSessionRow).findOneBy({ id, status: Not('cancelled') });
    if (!session) throw sessionNotFound();
    const [products, livePrices, coupon, reservation] = await Promise.all([
      this.featuredProducts(id),
      session.status === 'live' ? this.livePrices([id]) : Promise.resolve(new Map<string, number>()),
      this.coupon(session, memberId),
      memberId === null ? null : this.dataSource.getRepository(LiveReservationRow).findOneBy({ sessionId: id, memberId }),
    ]);
    return {
      ...toCard(session, products.length),
      finderUserName: session.finderUserName,
      feedId: session.feedId,
      noticeId: session.noticeId,
      roomId: session.roomId,
      products: products.map((product) => ({ ...product, livePriceFen: livePrices.get(`${id}:${product.productId}`) ?? null })),
      coupon,
      reservation: reservation ? toLiveReservation(reservation) : null,
    };
  }

  /**
   * Products featured by a live or upcoming session, one entry each: a live session wins over an upcoming one, then
   * the earliest start. Two queries for the whole list (the storefront reads it with every product list).
   */
  async featured(): Promise<LiveFeaturedProduct[]> {
    const rows: { productId: number; sessionId: number; status: 'live' | 'upcoming' }[] = await this.dataSource
      .createQueryBuilder()
      .select(['sp.productId AS productId', 's.id AS sessionId', 's.status AS status'])
      .from('live_session_products', 'sp')
      .innerJoin('live_sessions', 's', 's.id = sp.sessionId')
      .innerJoin('products', 'p', `p.id = sp.productId AND ${ON_SALE}`, { onShelf: true })
      .where("s.status IN ('live', 'upcoming')")
      .orderBy("CASE WHEN s.status = 'live' THEN 0 ELSE 1 END", 'ASC')
      .addOrderBy('s.plannedStartAt', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getRawMany();
    const chosen = new Map<number, { sessionId: number; status: 'live' | 'upcoming' }>();
    for (const row of rows) {
      const productId = Number(row.productId);
      if (!chosen.has(productId)) chosen.set(productId, { sessionId: Number(row.sessionId), status: row.status });
    }
    const liveSessionIds = [...new Set([...chosen.values()].filter((entry) => entry.status === 'live').map((entry) => entry.sessionId))];
    const prices = await this.livePrices(liveSessionIds);
    return [...chosen].map(([productId, { sessionId, status }]) => ({
      productId,
      sessionId,
      status,
      livePriceFen: status === 'live' ? (prices.get(`${sessionId}:${productId}`) ?? null) : null,
    }));
  }

  /** Featured products still on sale, in the session's order, with their lowest list price and stock. */
  private async featuredProducts(sessionId: number): Promise<Omit<ShopperLiveProduct, 'livePriceFen'>[]> {
    const rows: { productId: number; title: string; images: string; priceFen: number | null; stock: number | null }[] = await this.dataSource
      .createQueryBuilder()
      .select(['p.id AS productId', 'p.title AS title', 'p.images AS images', 'MIN(k.priceFen) AS priceFen', 'SUM(k.stock) AS stock'])
      .from('live_session_products', 'sp')
      .innerJoin('products', 'p', `p.id = sp.productId AND ${ON_SALE}`, { onShelf: true })
      .leftJoin('skus', 'k', 'k.productId = p.id')
      .where('sp.sessionId = :sessionId', { sessionId })
      .groupBy('p.id')
      .addGroupBy('p.title')
      .addGroupBy('p.images')
      .addGroupBy('sp.position')
      .orderBy('sp.position', 'ASC')
      .getRawMany();
    return rows.map((row) => {
      const images = JSON.parse(row.images) as string[];
      return { productId: Number(row.productId), title: row.title, image: images[0] ?? null, priceFen: Number(row.priceFen ?? 0), soldOut: Number(row.stock ?? 0) <= 0 };
    });
  }

  /** Live prices keyed `sessionId:productId` for the given (live) sessions; one query. */
  private async livePrices(sessionIds: number[]): Promise<Map<string, number>> {
    if (sessionIds.length === 0) return new Map();
    const rows: { sessionId: number; productId: number; livePriceFen: number }[] = await this.dataSource
      .createQueryBuilder()
      .select(['lp.sessionId AS sessionId', 'lp.productId AS productId', `${LIVE_PRICE_SQL} AS livePriceFen`])
      .from('live_session_prices', 'lp')
      .innerJoin('skus', 'k', 'k.id = lp.skuId')
      .where('lp.sessionId IN (:...sessionIds)', { sessionIds })
      .andWhere('(lp.unitQuota = 0 OR lp.unitsTaken < lp.unitQuota)')
      .groupBy('lp.sessionId')
      .addGroupBy('lp.productId')
      .getRawMany();
    return new Map(rows.map((row) => [`${Number(row.sessionId)}:${Number(row.productId)}`, Number(row.livePriceFen)]));
  }

  /** Featured products still on sale, per session; one query. */
  private async productCounts(sessionIds: number[]): Promise<Map<number, number>> {
    if (sessionIds.length === 0) return new Map();
    const rows: { sessionId: number; products: number }[] = await this.dataSource
      .createQueryBuilder()
      .select(['sp.sessionId AS sessionId', 'COUNT(*) AS products'])
      .from('live_session_products', 'sp')
      .innerJoin('products', 'p', `p.id = sp.productId AND ${ON_SALE}`, { onShelf: true })
      .where('sp.sessionId IN (:...sessionIds)', { sessionIds })
      .groupBy('sp.sessionId')
      .getRawMany();
    return new Map(rows.map((row) => [Number(row.sessionId), Number(row.products)]));
  }

  /** The session's live coupon as the caller sees it; null when it has none (or its template is gone). */
  private async coupon(session: LiveSessionRow, memberId: number | null, now = new Date()): Promise<ShopperLiveCoupon | null> {
    if (session.couponTemplateId === null) return null;
    const templateId = session.couponTemplateId;
    const [template, count] = await Promise.all([
      this.dataSource.getRepository(CouponTemplateRow).findOneBy({ id: templateId }),
      memberId === null ? null : this.dataSource.getRepository(MemberCouponCountRow).findOneBy({ memberId, templateId }),
    ]);
    if (!template) return null;
    const claimedUp = (count?.receivedCount ?? 0) >= template.perMemberLimit;
    const open = template.status === 'active' && template.type !== 'newcomer' && template.claimedCount < template.totalQuantity && (!template.validTo || template.validTo.getTime() >= now.getTime());
    return { templateId, name: template.name, ruleText: ruleText(template), claimable: session.status === 'live' && open && !claimedUp, claimedUp };
  }
}

function toCard(session: LiveSessionRow, productCount: number): ShopperLiveSessionCard {
  const status = session.status as ShopperLiveSessionCard['status'];
  return {
    id: session.id,
    title: session.title,
    coverUrl: session.coverUrl,
    provider: session.provider,
    status,
    statusLabel: LIVE_SESSION_STATUS_LABELS[status],
    plannedStartAt: session.plannedStartAt.toISOString(),
    plannedEndAt: session.plannedEndAt.toISOString(),
    startedAt: isoOrNull(session.startedAt),
    endedAt: isoOrNull(session.endedAt),
    productCount,
  };
}
