import { LIVE_SESSION_STATUS_LABELS, type LiveSession, type LiveSessionProduct } from '../../../shared';
import type { LiveSessionPriceRow } from './live-session-price.entity';
import type { LiveSessionProductRow } from './live-session-product.entity';
import type { LiveSessionRow } from './live-session.entity';
import { isoOrNull } from './live-time';

/** A product's title and first image (also for a product deleted since). */
export type FeaturedProductFace = Pick<LiveSessionProduct, 'title' | 'image'>;

export function toLiveSession(row: LiveSessionRow, products: LiveSessionProductRow[], prices: LiveSessionPriceRow[], faces: Map<number, FeaturedProductFace>): LiveSession {
  return {
    id: row.id,
    provider: row.provider,
    title: row.title,
    coverUrl: row.coverUrl,
    plannedStartAt: row.plannedStartAt.toISOString(),
    plannedEndAt: row.plannedEndAt.toISOString(),
    status: row.status,
    statusLabel: LIVE_SESSION_STATUS_LABELS[row.status],
    startedAt: isoOrNull(row.startedAt),
    endedAt: isoOrNull(row.endedAt),
    cancelledAt: isoOrNull(row.cancelledAt),
    finderUserName: row.finderUserName,
    feedId: row.feedId,
    noticeId: row.noticeId,
    roomId: row.roomId,
    providerStatusCode: row.providerStatusCode,
    providerStatusChangedAt: isoOrNull(row.providerStatusChangedAt),
    couponTemplateId: row.couponTemplateId,
    products: [...products]
      .sort((a, b) => a.position - b.position)
      .map((product) => ({ productId: product.productId, position: product.position, ...(faces.get(product.productId) ?? { title: `商品${product.productId}`, image: null }) })),
    prices: [...prices]
      .sort((a, b) => a.skuId - b.skuId)
      .map((price) => ({ skuId: price.skuId, productId: price.productId, livePriceFen: price.livePriceFen, unitQuota: price.unitQuota, unitsTaken: price.unitsTaken })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
