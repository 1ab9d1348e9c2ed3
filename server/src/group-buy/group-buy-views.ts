import type {
  GroupBuyCampaign,
  GroupBuyCampaignState,
  GroupBuyCampaignStats,
  GroupBuyOffer,
  GroupBuySkuPrice,
  GroupBuyTeamFace,
} from '../../../shared';
import type { GroupBuyCampaignSkuRow } from './group-buy-campaign-sku.entity';
import type { GroupBuyCampaignRow } from './group-buy-campaign.entity';

/** Scheduled before its window, running inside it, ended after it or once staff ended it early. */
export function campaignState(campaign: Pick<GroupBuyCampaignRow, 'startsAt' | 'endsAt' | 'endedAt'>, now: Date): GroupBuyCampaignState {
  if (campaign.endedAt || campaign.endsAt.getTime() <= now.getTime()) return 'ended';
  return campaign.startsAt.getTime() > now.getTime() ? 'scheduled' : 'running';
}

export const REFUND_RULE = '拼团失败或超时未成团，款项将原路退回';

/**
 * The rules shoppers read: the owner's text, then the sentences the server always adds (refund, 模拟成团, and what
 * the campaign's end does: a team expires at the end at the latest).
 */
export function shopperRulesText(campaign: Pick<GroupBuyCampaignRow, 'rulesText' | 'virtualCompletion' | 'virtualThresholdPercent'>): string {
  const added = [REFUND_RULE];
  if (campaign.virtualCompletion && campaign.virtualThresholdPercent !== null) {
    added.push(`到期时已付款人数达到 ${campaign.virtualThresholdPercent}% 的团将由系统补齐名额成团（模拟成团）`);
    added.push('活动结束时仍未成团的团按模拟成团规则处理，未达到比例的按拼团失败处理并自动退款');
  } else {
    added.push('活动结束时仍未成团的团按拼团失败处理并自动退款');
  }
  const own = campaign.rulesText.trim();
  return [...(own ? [own] : []), ...added.map((sentence) => `${sentence}。`)].join('\n');
}

/** A virtual seat's face: no one's picture or name. */
export const VIRTUAL_FACE: GroupBuyTeamFace = { avatarUrl: null, nickname: '拼团用户', isLeader: false, isVirtual: true };

/**
 * The group prices a shopper pays today: never above the SKU's current list price (a list price lowered below
 * the campaign's group price makes 拼团 as cheap as buying alone, never dearer). Checkout and offers both use it.
 */
export function cappedGroupPrices<T extends Pick<GroupBuySkuPrice, 'groupPriceFen' | 'leaderPriceFen'>>(sku: T, listPriceFen: number): T {
  return {
    ...sku,
    groupPriceFen: Math.min(sku.groupPriceFen, listPriceFen),
    leaderPriceFen: sku.leaderPriceFen === null ? null : Math.min(sku.leaderPriceFen, listPriceFen),
  };
}

export function skuPrices(skus: GroupBuyCampaignSkuRow[]): GroupBuySkuPrice[] {
  return [...skus]
    .sort((a, b) => a.skuId - b.skuId)
    .map((sku) => ({ skuId: sku.skuId, groupPriceFen: sku.groupPriceFen, leaderPriceFen: sku.leaderPriceFen }));
}

/** The product as a campaign shows it. */
export interface CampaignProduct {
  title: string;
  image: string | null;
}

export function toAdminCampaign(
  row: GroupBuyCampaignRow,
  skus: GroupBuyCampaignSkuRow[],
  product: CampaignProduct,
  stats: GroupBuyCampaignStats,
  now: Date,
  listPrices: ReadonlyMap<number, number>,
): GroupBuyCampaign {
  return {
    id: row.id,
    name: row.name,
    productId: row.productId,
    skus: skuPrices(skus),
    teamSize: row.teamSize,
    validityHours: row.validityHours,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    memberTeamLimit: row.memberTeamLimit,
    memberUnitLimit: row.memberUnitLimit,
    unitQuota: row.unitQuota,
    allowCoupons: row.allowCoupons,
    allowPoints: row.allowPoints,
    virtualCompletion: row.virtualCompletion,
    virtualThresholdPercent: row.virtualThresholdPercent,
    rulesText: row.rulesText,
    state: campaignState(row, now),
    productTitle: product.title,
    productImage: product.image,
    endedAt: row.endedAt?.toISOString() ?? null,
    unitsTaken: row.unitsTaken,
    groupPriceNotBelowList: skus.some((sku) => {
      const listPriceFen = listPrices.get(sku.skuId);
      return listPriceFen !== undefined && Math.min(sku.groupPriceFen, sku.leaderPriceFen ?? sku.groupPriceFen) >= listPriceFen;
    }),
    stats,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A campaign SKU with what the offer needs of the catalog SKU: its list price and whether it has stock. */
export interface OfferSku extends GroupBuySkuPrice {
  listPriceFen: number;
  inStock: boolean;
}

/**
 * The offer shoppers see. The headline is the lowest group price among SKUs with stock (among all when
 * every SKU is sold out), with that SKU's 团长价 and list price.
 */
export function toOffer(row: GroupBuyCampaignRow, skus: OfferSku[], product: CampaignProduct, teamsSucceeded: number): GroupBuyOffer {
  const pool = skus.some((sku) => sku.inStock) ? skus.filter((sku) => sku.inStock) : skus;
  const headline = pool.reduce<OfferSku | null>((best, sku) => (best === null || sku.groupPriceFen < best.groupPriceFen ? sku : best), null);
  return {
    campaignId: row.id,
    name: row.name,
    productId: row.productId,
    productTitle: product.title,
    productImage: product.image,
    teamSize: row.teamSize,
    validityHours: row.validityHours,
    endsAt: row.endsAt.toISOString(),
    groupPriceFen: headline?.groupPriceFen ?? 0,
    leaderPriceFen: headline?.leaderPriceFen ?? null,
    listPriceFen: headline?.listPriceFen ?? 0,
    skus: [...skus].sort((a, b) => a.skuId - b.skuId).map(({ skuId, groupPriceFen, leaderPriceFen }) => ({ skuId, groupPriceFen, leaderPriceFen })),
    memberUnitLimit: row.memberUnitLimit,
    allowCoupons: row.allowCoupons,
    allowPoints: row.allowPoints,
    rulesText: shopperRulesText(row),
    teamsSucceeded,
  };
}
