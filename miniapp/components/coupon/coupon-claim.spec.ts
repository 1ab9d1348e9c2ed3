import type { CouponCenterItem } from '@shared/api/coupons';
import { afterClaim, afterClaimRefused, claimButtonState, groupForProduct, sortForCenter } from './coupon-claim';

function item(templateId: number, overrides: Partial<CouponCenterItem> = {}): CouponCenterItem {
  return {
    templateId,
    name: `券 ${templateId}`,
    type: 'amount_off',
    ruleText: '满200减30',
    scopeText: '全部商品可用',
    validityText: '领取后 7 天内有效',
    thresholdFen: 20000,
    amountOffFen: 3000,
    payPercent: null,
    maxDiscountFen: null,
    remaining: 10,
    perMemberLimit: 2,
    claimedByMe: 0,
    canClaim: true,
    blockedBy: null,
    ...overrides,
  };
}

describe('claim button', () => {
  it('offers 立即领取, then 再领一张 below the limit', () => {
    expect(claimButtonState(item(1))).toEqual({ text: '立即领取', enabled: true });
    expect(claimButtonState(item(1, { claimedByMe: 1 }))).toEqual({ text: '再领一张', enabled: true });
  });

  it('shows 已领取 at the limit and 已抢光 when none are left for a shopper who has none', () => {
    expect(claimButtonState(item(1, { claimedByMe: 2, canClaim: false, blockedBy: 'limit_reached' }))).toEqual({ text: '已领取', enabled: false });
    expect(claimButtonState(item(1, { remaining: 0, canClaim: false, blockedBy: 'sold_out' }))).toEqual({ text: '已抢光', enabled: false });
    expect(claimButtonState(item(1, { claimedByMe: 1, remaining: 0, canClaim: false, blockedBy: 'sold_out' }))).toEqual({ text: '已领取', enabled: false });
  });
});

describe('after a claim', () => {
  it('counts the claim and stops at the per-member limit', () => {
    const once = afterClaim(item(1));
    expect(once).toMatchObject({ claimedByMe: 1, remaining: 9, canClaim: true, blockedBy: null });
    expect(afterClaim(once)).toMatchObject({ claimedByMe: 2, remaining: 8, canClaim: false, blockedBy: 'limit_reached' });
  });

  it('stops when the last coupon was taken', () => {
    expect(afterClaim(item(1, { remaining: 1 }))).toMatchObject({ claimedByMe: 1, remaining: 0, canClaim: false, blockedBy: 'sold_out' });
  });

  it('follows the server when it refuses: limit reached or sold out; other refusals change nothing', () => {
    expect(afterClaimRefused(item(1), 'COUPON_LIMIT_REACHED')).toMatchObject({ canClaim: false, blockedBy: 'limit_reached', claimedByMe: 1 });
    expect(afterClaimRefused(item(1), 'COUPON_SOLD_OUT')).toMatchObject({ canClaim: false, blockedBy: 'sold_out', remaining: 0 });
    expect(afterClaimRefused(item(1), 'COUPON_NOT_CLAIMABLE')).toEqual(item(1));
  });
});

describe('grouping', () => {
  const claimable = item(1);
  const held = item(2, { claimedByMe: 2, canClaim: false, blockedBy: 'limit_reached' });
  const soldOut = item(3, { remaining: 0, canClaim: false, blockedBy: 'sold_out' });
  const claimable2 = item(4);

  it('puts claimable coupons first in the center, then held ones, then sold-out ones, keeping the server order', () => {
    expect(sortForCenter([soldOut, held, claimable, claimable2]).map((it) => it.templateId)).toEqual([1, 4, 2, 3]);
  });

  it('splits the product popup into claimable and held, leaving out sold-out coupons the shopper never got', () => {
    const groups = groupForProduct([claimable, held, soldOut]);
    expect(groups.claimable.map((it) => it.templateId)).toEqual([1]);
    expect(groups.claimed.map((it) => it.templateId)).toEqual([2]);
  });
});
