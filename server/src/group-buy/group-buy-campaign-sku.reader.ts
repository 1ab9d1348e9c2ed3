import type { EntityManager } from 'typeorm';

/** A SKU's group prices with the campaign facts a checkout needs about them. */
export interface CampaignSku {
  campaignId: number;
  productId: number;
  skuId: number;
  groupPriceFen: number;
  leaderPriceFen: number | null;
  allowCoupons: boolean;
  allowPoints: boolean;
}

/** The SKU's prices in the campaign, or null when the campaign does not sell it (one indexed read). */
export async function campaignSkuOf(manager: EntityManager, campaignId: number, skuId: number): Promise<CampaignSku | null> {
  const rows: Record<string, unknown>[] = await manager.query(
    'SELECT c.productId AS productId, s.groupPriceFen AS groupPriceFen, s.leaderPriceFen AS leaderPriceFen, c.allowCoupons AS allowCoupons, c.allowPoints AS allowPoints ' +
      'FROM group_buy_campaign_skus s JOIN group_buy_campaigns c ON c.id = s.campaignId WHERE s.campaignId = ? AND s.skuId = ?',
    [campaignId, skuId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    campaignId,
    skuId,
    productId: Number(row.productId),
    groupPriceFen: Number(row.groupPriceFen),
    leaderPriceFen: row.leaderPriceFen === null ? null : Number(row.leaderPriceFen),
    // SQLite answers 0/1, MariaDB 0/1 too (TINYINT): read as booleans.
    allowCoupons: Boolean(Number(row.allowCoupons)),
    allowPoints: Boolean(Number(row.allowPoints)),
  };
}
