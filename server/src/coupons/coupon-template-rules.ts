import type { CouponChannel, CouponScope, CouponType, CouponValidityKind, Fen } from '../../../shared';
import { fieldError } from '../platform/errors/api-exception';

/** The fields of a template a person sets (everything but its counters and status). */
export interface CouponTemplateFields {
  name: string;
  type: CouponType;
  thresholdFen: Fen;
  amountOffFen: Fen | null;
  payPercent: number | null;
  maxDiscountFen: Fen | null;
  scope: CouponScope;
  scopeIds: number[];
  validityKind: CouponValidityKind;
  validFrom: Date | null;
  validTo: Date | null;
  validDays: number | null;
  totalQuantity: number;
  perMemberLimit: number;
  channel: CouponChannel;
}

/** The fields that decide what a coupon a member already holds is worth: fixed once anyone has received one. */
export const RULE_FIELDS = ['type', 'thresholdFen', 'amountOffFen', 'payPercent', 'maxDiscountFen', 'scope', 'scopeIds', 'validityKind', 'validFrom', 'validDays'] as const;

/**
 * Checks the rules between fields (the DTO checked each field's bounds) and answers the template as stored:
 * fields that do not apply to its type, scope or validity are cleared, so a template switched from 满减 to 折扣
 * does not keep a stale amount. Throws 400 VALIDATION_FAILED naming the field.
 */
export function normalizeTemplate(fields: CouponTemplateFields): CouponTemplateFields {
  const t = { ...fields };
  if (t.type === 'percent_off') {
    if (t.payPercent === null) throw fieldError('payPercent', '折扣券必须设置折扣（1-99，88 表示 8.8 折）');
    if (t.maxDiscountFen === null) throw fieldError('maxDiscountFen', '折扣券必须设置最高减免金额');
    t.amountOffFen = null;
  } else {
    if (t.amountOffFen === null) throw fieldError('amountOffFen', '必须设置减免金额');
    t.payPercent = null;
    t.maxDiscountFen = null;
  }
  if (t.type === 'no_threshold') t.thresholdFen = 0;
  if (t.type === 'amount_off' && t.thresholdFen <= 0) throw fieldError('thresholdFen', '满减券必须设置大于 0 的门槛');
  if (t.amountOffFen !== null && t.thresholdFen > 0 && t.amountOffFen > t.thresholdFen) {
    throw fieldError('amountOffFen', '减免金额不能超过使用门槛');
  }
  // A new member receives one of each newcomer template.
  if (t.type === 'newcomer') t.perMemberLimit = 1;

  if (t.scope === 'all') t.scopeIds = [];
  else if (t.scopeIds.length === 0) throw fieldError('scopeIds', t.scope === 'categories' ? '请选择适用的分类' : '请选择适用的商品');

  if (t.validityKind === 'fixed') {
    if (!t.validFrom) throw fieldError('validFrom', '固定有效期必须设置开始时间');
    if (!t.validTo) throw fieldError('validTo', '固定有效期必须设置结束时间');
    if (t.validTo.getTime() <= t.validFrom.getTime()) throw fieldError('validTo', '结束时间必须晚于开始时间');
    t.validDays = null;
  } else {
    if (t.validDays === null) throw fieldError('validDays', '必须设置领取后的有效天数');
    t.validFrom = null;
    t.validTo = null;
  }
  return t;
}

/** ISO text to a whole-second Date (MySQL DATETIME keeps seconds), or null. */
export function toWholeSecond(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  return new Date(Math.floor(new Date(iso).getTime() / 1000) * 1000);
}

/** The names of the fields whose values differ (dates by time, id lists by content). */
export function changedFields(before: CouponTemplateFields, after: CouponTemplateFields, names: readonly (keyof CouponTemplateFields)[]): string[] {
  const same = (a: unknown, b: unknown) =>
    a instanceof Date || b instanceof Date
      ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime()
      : JSON.stringify(a) === JSON.stringify(b);
  return names.filter((name) => !same(before[name], after[name]));
}
