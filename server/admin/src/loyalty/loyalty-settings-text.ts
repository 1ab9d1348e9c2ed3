import type { LoyaltySettings } from '@shared/api/loyalty';

/** The rule as members will meet it, shown above the settings form. */
export function loyaltyRuleText(settings: LoyaltySettings): string {
  const earning =
    settings.pointsEarnedPerYuan > 0 ? `订单完成后实付每 1 元得 ${settings.pointsEarnedPerYuan} 积分` : '不发放购物积分';
  const redeeming =
    settings.pointsMaxSharePercent > 0
      ? `${settings.pointsPerYuan} 积分抵 1 元，最多抵扣商品金额的 ${settings.pointsMaxSharePercent}%`
      : '不能用积分抵扣';
  return `按近 ${settings.levelWindowDays} 天实付金额（扣除退款）定级；${earning}；${redeeming}；积分 ${settings.pointsExpiryMonths} 个月后过期`;
}
