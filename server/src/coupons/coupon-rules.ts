import { chinaDay, compactYuan, type CouponScope, type CouponType, type CouponUnusableReason, type Fen } from '../../../shared';

/**
 * The pure rules of coupons: which lines a coupon covers, what it takes off, and why it cannot be used.
 * No database here: checkout, the coupon center and the tests all judge with these functions.
 */

/** A checkout line's amount after member price, with what decides the coupon's scope. */
export interface CouponLine {
  productId: number;
  categoryId: number;
  amountFen: Fen;
}

export interface CouponRule {
  type: CouponType;
  thresholdFen: Fen;
  amountOffFen: Fen | null;
  payPercent: number | null;
  maxDiscountFen: Fen | null;
  scope: CouponScope;
  scopeIds: number[];
}

/** The parent of each subcategory (top-level categories are absent): a top-level category in a scope covers its children. */
export type CategoryParents = ReadonlyMap<number, number>;

export function coversProduct(rule: Pick<CouponRule, 'scope' | 'scopeIds'>, productId: number, categoryId: number, parents: CategoryParents): boolean {
  switch (rule.scope) {
    case 'all':
      return true;
    case 'products':
      return rule.scopeIds.includes(productId);
    case 'categories': {
      const parent = parents.get(categoryId);
      return rule.scopeIds.includes(categoryId) || (parent !== undefined && rule.scopeIds.includes(parent));
    }
  }
}

/** The sum of the lines the coupon covers. */
export function eligibleAmount(rule: CouponRule, lines: CouponLine[], parents: CategoryParents): Fen {
  return lines.filter((line) => coversProduct(rule, line.productId, line.categoryId, parents)).reduce((sum, line) => sum + Math.max(0, line.amountFen), 0);
}

/**
 * What the coupon takes off an eligible amount that reached its threshold: an amount off, or for a
 * percent coupon the (100 − payPercent)% of it rounded DOWN to the fen and capped by maxDiscountFen.
 * Never more than the eligible amount, never below zero.
 */
export function discountOn(rule: CouponRule, eligibleFen: Fen): Fen {
  if (eligibleFen <= 0) return 0;
  const raw =
    rule.type === 'percent_off'
      ? Math.min(Math.floor((eligibleFen * (100 - (rule.payPercent ?? 100))) / 100), rule.maxDiscountFen ?? Number.MAX_SAFE_INTEGER)
      : (rule.amountOffFen ?? 0);
  return Math.max(0, Math.min(raw, eligibleFen));
}

export interface CouponJudgement {
  usable: boolean;
  reason: CouponUnusableReason | null;
  discountFen: Fen;
}

/** Judges one coupon against a checkout's lines at a moment: validity first, then scope, then the (inclusive) threshold. */
export function judgeCoupon(
  rule: CouponRule,
  validity: { validFrom: Date; validTo: Date },
  lines: CouponLine[],
  parents: CategoryParents,
  now: Date,
): CouponJudgement {
  const unusable = (reason: CouponUnusableReason): CouponJudgement => ({ usable: false, reason, discountFen: 0 });
  if (now.getTime() > validity.validTo.getTime()) return unusable('expired');
  if (now.getTime() < validity.validFrom.getTime()) return unusable('not_yet_valid');
  const eligibleFen = eligibleAmount(rule, lines, parents);
  if (eligibleFen <= 0) return unusable('out_of_scope');
  if (eligibleFen < rule.thresholdFen) return unusable('below_threshold');
  return { usable: true, reason: null, discountFen: discountOn(rule, eligibleFen) };
}

/** 88 → "8.8折", 80 → "8折", 75 → "7.5折". */
export function zheText(payPercent: number): string {
  return payPercent % 10 === 0 ? `${payPercent / 10}折` : `${Math.floor(payPercent / 10)}.${payPercent % 10}折`;
}

/** 满200减30 / 8.8折 最多减50 / 满100打8.8折 最多减50 / 无门槛减10. */
export function ruleText(rule: CouponRule): string {
  const threshold = rule.thresholdFen > 0 ? `满${compactYuan(rule.thresholdFen)}` : '';
  if (rule.type === 'percent_off') {
    const cap = rule.maxDiscountFen !== null ? ` 最多减${compactYuan(rule.maxDiscountFen)}` : '';
    return `${threshold ? `${threshold}打` : ''}${zheText(rule.payPercent ?? 100)}${cap}`;
  }
  return `${threshold || '无门槛'}减${compactYuan(rule.amountOffFen ?? 0)}`;
}

export function scopeText(scope: CouponScope): string {
  return { all: '全部商品可用', categories: '指定分类可用', products: '指定商品可用' }[scope];
}

export function validityText(template: { validityKind: string; validFrom: Date | null; validTo: Date | null; validDays: number | null }): string {
  if (template.validityKind === 'days_after_claim') return `领取后 ${template.validDays} 天内有效`;
  return `${chinaDay(template.validFrom!)} 至 ${chinaDay(template.validTo!)}`;
}

const DAY_MS = 24 * 3600_000;

/**
 * The validity a coupon received now gets: the template's window, or N days from now. Whole seconds, because
 * MySQL DATETIME keeps seconds only and the API answer must equal what a later read returns.
 */
export function validityOnReceipt(
  template: { validityKind: string; validFrom: Date | null; validTo: Date | null; validDays: number | null },
  now: Date,
): { validFrom: Date; validTo: Date } {
  if (template.validityKind === 'fixed') return { validFrom: template.validFrom!, validTo: template.validTo! };
  const from = Math.floor(now.getTime() / 1000) * 1000;
  return { validFrom: new Date(from), validTo: new Date(from + template.validDays! * DAY_MS) };
}
