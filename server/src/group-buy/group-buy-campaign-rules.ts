import { HttpStatus } from '@nestjs/common';
import { formatFen, type GroupBuyCampaignInput } from '../../../shared';
import { ApiException, fieldError } from '../platform/errors/api-exception';

const campaignInvalid = (message: string) => new ApiException('GROUP_BUY_CAMPAIGN_INVALID', HttpStatus.BAD_REQUEST, message);

/** A SKU of the campaign's product as the rules need it: its list price (单独购买价). */
export interface ProductSkuPrice {
  id: number;
  priceFen: number;
}

/**
 * The rules between a campaign's fields and against its product, checked when staff save it (after the DTO's
 * per-field bounds): the window's order, the threshold that goes with 模拟成团, every SKU one of the product's
 * current SKUs, and each group price at least 1 fen and below that SKU's list price with the 团长价 at most it.
 */
export function checkCampaignRules(input: GroupBuyCampaignInput, productSkus: ProductSkuPrice[], now: Date, creating: boolean): void {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (startsAt.getTime() >= endsAt.getTime()) throw fieldError('endsAt', '结束时间必须晚于开始时间');
  if (endsAt.getTime() <= now.getTime()) {
    throw fieldError('endsAt', creating ? '结束时间必须晚于现在' : '结束时间必须晚于现在（提前结束请用「结束活动」）');
  }
  if (!input.virtualCompletion && input.virtualThresholdPercent !== null) {
    throw fieldError('virtualThresholdPercent', '未开启模拟成团时不设成团比例');
  }
  const listPrices = new Map(productSkus.map((sku) => [sku.id, sku.priceFen]));
  const seen = new Set<number>();
  for (const sku of input.skus) {
    if (seen.has(sku.skuId)) throw campaignInvalid(`规格 ${sku.skuId} 重复设置了拼团价`);
    seen.add(sku.skuId);
    const listPriceFen = listPrices.get(sku.skuId);
    if (listPriceFen === undefined) throw campaignInvalid(`规格 ${sku.skuId} 不属于该商品或已删除`);
    if (sku.groupPriceFen >= listPriceFen) {
      throw campaignInvalid(`规格 ${sku.skuId} 的拼团价 ¥${formatFen(sku.groupPriceFen)} 必须低于单独购买价 ¥${formatFen(listPriceFen)}`);
    }
    if (sku.leaderPriceFen !== null && sku.leaderPriceFen > sku.groupPriceFen) {
      throw campaignInvalid(`规格 ${sku.skuId} 的团长价 ¥${formatFen(sku.leaderPriceFen)} 不能高于拼团价 ¥${formatFen(sku.groupPriceFen)}`);
    }
  }
}
