import { describe, expect, it } from 'vitest';
import { loyaltyRuleText } from './loyalty-settings-text';

describe('loyaltyRuleText', () => {
  it('describes the rule as members meet it', () => {
    expect(
      loyaltyRuleText({ levelWindowDays: 365, pointsEarnedPerYuan: 1, pointsPerYuan: 100, pointsMaxSharePercent: 50, pointsExpiryMonths: 12 }),
    ).toBe('按近 365 天实付金额（扣除退款）定级；订单完成后实付每 1 元得 1 积分；100 积分抵 1 元，最多抵扣商品金额的 50%；积分 12 个月后过期');
  });

  it('says when earning or redeeming is switched off', () => {
    const text = loyaltyRuleText({ levelWindowDays: 90, pointsEarnedPerYuan: 0, pointsPerYuan: 100, pointsMaxSharePercent: 0, pointsExpiryMonths: 6 });
    expect(text).toContain('不发放购物积分');
    expect(text).toContain('不能用积分抵扣');
  });
});
