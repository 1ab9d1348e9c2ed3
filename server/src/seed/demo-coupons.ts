import type { CreateCouponTemplateRequest } from '../../../shared';

/** The demo store's coupons: one every new member receives at first login, two to claim in 领券中心. */
export const DEMO_COUPONS: CreateCouponTemplateRequest[] = [
  {
    name: '新人专享10元券',
    type: 'newcomer',
    thresholdFen: 0,
    amountOffFen: 1000,
    scope: 'all',
    validityKind: 'days_after_claim',
    validDays: 7,
    totalQuantity: 1_000_000,
    perMemberLimit: 1,
    channel: 'public',
  },
  {
    name: '满199减20',
    type: 'amount_off',
    thresholdFen: 19900,
    amountOffFen: 2000,
    scope: 'all',
    validityKind: 'days_after_claim',
    validDays: 15,
    totalQuantity: 10_000,
    perMemberLimit: 2,
    channel: 'public',
  },
  {
    name: '全场9折券',
    type: 'percent_off',
    payPercent: 90,
    maxDiscountFen: 3000,
    scope: 'all',
    validityKind: 'days_after_claim',
    validDays: 30,
    totalQuantity: 5_000,
    perMemberLimit: 1,
    channel: 'public',
  },
];
