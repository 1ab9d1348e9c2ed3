import type { GroupBuyCampaignRow } from './group-buy-campaign.entity';
import { campaignState, shopperRulesText, toOffer } from './group-buy-views';

const HOUR_MS = 3600_000;
const now = new Date('2026-06-01T12:00:00Z');
const at = (hours: number) => new Date(now.getTime() + hours * HOUR_MS);

describe('group-buy views', () => {
  it('derives the campaign state from the window and an early end', () => {
    expect(campaignState({ startsAt: at(1), endsAt: at(5), endedAt: null }, now)).toBe('scheduled');
    expect(campaignState({ startsAt: at(0), endsAt: at(5), endedAt: null }, now)).toBe('running');
    expect(campaignState({ startsAt: at(-5), endsAt: at(0), endedAt: null }, now)).toBe('ended');
    expect(campaignState({ startsAt: at(-5), endsAt: at(5), endedAt: at(-1) }, now)).toBe('ended');
  });

  it("adds the refund and campaign-end sentences always and the 模拟成团 one only when it is on", () => {
    expect(shopperRulesText({ rulesText: ' 每人限购 2 件 ', virtualCompletion: false, virtualThresholdPercent: null })).toBe(
      '每人限购 2 件\n拼团失败或超时未成团，款项将原路退回。\n活动结束时仍未成团的团按拼团失败处理并自动退款。',
    );
    expect(shopperRulesText({ rulesText: '', virtualCompletion: true, virtualThresholdPercent: 60 })).toBe(
      '拼团失败或超时未成团，款项将原路退回。\n到期时已付款人数达到 60% 的团将由系统补齐名额成团（模拟成团）。\n' +
        '活动结束时仍未成团的团按模拟成团规则处理，未达到比例的按拼团失败处理并自动退款。',
    );
  });

  it('heads the offer with the lowest group price among SKUs in stock, against that SKU\'s list price', () => {
    const campaign = { id: 1, name: '拼', productId: 2, teamSize: 2, validityHours: 24, endsAt: at(10), memberUnitLimit: 0, allowCoupons: false, allowPoints: false,
      rulesText: '', virtualCompletion: false, virtualThresholdPercent: null } as GroupBuyCampaignRow;
    const skus = [
      { skuId: 10, groupPriceFen: 3000, leaderPriceFen: 2500, listPriceFen: 5000, inStock: false },
      { skuId: 11, groupPriceFen: 4000, leaderPriceFen: null, listPriceFen: 6000, inStock: true },
      { skuId: 12, groupPriceFen: 4500, leaderPriceFen: 4000, listPriceFen: 5500, inStock: true },
    ];
    const offer = toOffer(campaign, skus, { title: '茶', image: null }, 3);
    expect(offer).toEqual(expect.objectContaining({ groupPriceFen: 4000, leaderPriceFen: null, listPriceFen: 6000, teamsSucceeded: 3 }));
    expect(offer.skus.map((sku) => sku.skuId)).toEqual([10, 11, 12]);
    // All sold out: still shows the lowest price.
    const soldOut = toOffer(campaign, skus.map((sku) => ({ ...sku, inStock: false })), { title: '茶', image: null }, 0);
    expect(soldOut).toEqual(expect.objectContaining({ groupPriceFen: 3000, leaderPriceFen: 2500, listPriceFen: 5000 }));
  });
});
