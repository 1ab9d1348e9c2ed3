import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not } from 'typeorm';
import {
  LIVE_PAST_SESSIONS_SHOWN,
  LIVE_SESSION_STATUS_LABELS,
  type LiveCouponUnavailableReason,
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
import { bestLiveOffer, livePricesNow } from './live-price.reader';
import { toLiveReservation } from './live-reservations.service';
import { isLiveCouponTemplate } from './live-session-rules';
import { sessionNotFound } from './live-sessions.service';
import { LiveSessionRow } from './live-session.entity';
import { isoOrNull } from './live-time';

/** A product is shown only while it is on sale: on the shelf and not deleted. */
const ON_SALE = 'p.onShelf = :onShelf AND p.deletedAt IS NULL';

/** A product's live prices while live: per SKU, the lowest and the session that offers it. */
type LivePrices = Pick<LiveFeaturedProduct, 'sessionId' | 'skuLivePrices'> & { livePriceFen: number };

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
    const [products, coupon, reservation] = await Promise.all([
      this.featuredProducts(id),
      this.coupon(session, memberId),
      memberId === null ? null : this.dataSource.getRepository(LiveReservationRow).findOneBy({ sessionId: id, memberId }),
    ]);
    const livePrices = session.status === 'live' ? await this.livePrices(products.map((product) => product.productId)) : new Map<number, LivePrices>();
    return {
      ...toCard(session, products.length),
      finderUserName: session.finderUserName,
      feedId: session.feedId,
      noticeId: session.noticeId,
      roomId: session.roomId,
      products: products.map((product) => ({ ...product, livePriceFen: livePrices.get(product.productId)?.livePriceFen ?? null })),
      coupon,
      reservation: reservation ? toLiveReservation(reservation) : null,
    };
  }

  /**
   * Products featured by a live or upcoming session, one entry each: a live session wins over an upcoming one, then
   * the earliest start; while live, the session whose price checkout charges (when two live sessions price the
   * product, the cheaper offer). Two queries for the whole list (the storefront reads it with every product list).
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
    const prices = await this.livePrices([...chosen].filter(([, entry]) => entry.status === 'live').map(([productId]) => productId));
    return [...chosen].map(([productId, { sessionId, status }]) => {
      const live = prices.get(productId);
      return { productId, sessionId: live?.sessionId ?? sessionId, status, livePriceFen: live?.livePriceFen ?? null, skuLivePrices: live?.skuLivePrices ?? [] };
    });
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

  /**
   * What checkout charges now for one unit of each SKU of the products, by the live price source's own rule
   * (bestLiveOffer: live sessions, units left, below the list price): per product its SKUs, its lowest price and
   * the session of that price. One query.
   */
  private async livePrices(productIds: number[]): Promise<Map<number, LivePrices>> {
    const rows = await livePricesNow(this.dataSource.manager, productIds);
    const skus = [...new Map(rows.map((row) => [row.skuId, row])).values()].sort((a, b) => a.skuId - b.skuId);
    const prices = new Map<number, LivePrices>();
    for (const sku of skus) {
      const offer = bestLiveOffer(rows, { skuId: sku.skuId, productId: sku.productId, listPriceFen: sku.listPriceFen, quantity: 1 });
      if (!offer) continue;
      const entry = prices.get(sku.productId) ?? { sessionId: offer.sessionId, livePriceFen: offer.livePriceFen, skuLivePrices: [] };
      entry.skuLivePrices.push({ skuId: sku.skuId, livePriceFen: offer.livePriceFen });
      const better = offer.livePriceFen < entry.livePriceFen || (offer.livePriceFen === entry.livePriceFen && offer.sessionId < entry.sessionId);
      if (better) Object.assign(entry, { sessionId: offer.sessionId, livePriceFen: offer.livePriceFen });
      prices.set(sku.productId, entry);
    }
    return prices;
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
    const unavailableReason = liveCouponUnavailableReason(session, template, now);
    return {
      templateId,
      name: template.name,
      ruleText: ruleText(template),
      claimable: !unavailableReason && !claimedUp,
      claimedUp,
      ...(unavailableReason ? { unavailableReason } : {}),
    };
  }
}

/** Why no one can claim the live coupon now, the most lasting reason first (an ended live outranks a paused template); null when open. */
function liveCouponUnavailableReason(session: LiveSessionRow, template: CouponTemplateRow, now: Date): LiveCouponUnavailableReason | null {
  if (session.status === 'ended') return 'ended';
  const usable = template.status === 'active' && isLiveCouponTemplate(template) && (!template.validTo || template.validTo.getTime() >= now.getTime());
  if (!usable) return 'unavailable';
  if (template.claimedCount >= template.totalQuantity) return 'sold_out';
  return session.status === 'live' ? null : 'not_live';
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
