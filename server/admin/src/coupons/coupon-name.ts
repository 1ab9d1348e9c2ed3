import type { AdminCouponTemplate } from '@shared/api/coupons';
import { foldToPayPercent, payPercentToFold } from '@shared/discount-fold';
import { compactYuan, parseYuanToFen, type Fen } from '@shared/money';
import { typeFields, type CouponFormValues } from './coupon-form';

/** The figures that decide what a coupon gives (a template's amounts, in fen and percent paid). */
export type CouponRule = Pick<AdminCouponTemplate, 'type' | 'thresholdFen' | 'amountOffFen' | 'payPercent' | 'maxDiscountFen'>;

/** What a name states, e.g. 「满100减20」 → threshold 10000, amount off 2000. */
export interface NameFigures {
  thresholdFen?: Fen;
  amountOffFen?: Fen;
  payPercent?: number;
  maxDiscountFen?: Fen;
  /** The name says 无门槛. */
  noThreshold?: boolean;
}

const YUAN = String.raw`(\d+(?:\.\d{1,2})?)`;
const CHINESE_DIGITS = '零一二三四五六七八九';

/** Reads the figures a person would take from a coupon's name. Names without figures state nothing. */
export function couponNameFigures(name: string): NameFigures {
  const figures: NameFigures = {};
  let rest = name.replace(/\s+/g, '');
  const maxDiscount = new RegExp(`最高(?:减|抵|优惠)${YUAN}元?`).exec(rest);
  if (maxDiscount) {
    figures.maxDiscountFen = parseYuanToFen(maxDiscount[1]) ?? undefined;
    rest = rest.replace(maxDiscount[0], '');
  }
  const threshold = new RegExp(`满${YUAN}元?(?:(?:立?减|-|－)${YUAN}元?)?`).exec(rest);
  if (threshold) {
    figures.thresholdFen = parseYuanToFen(threshold[1]) ?? undefined;
    if (threshold[2]) figures.amountOffFen = parseYuanToFen(threshold[2]) ?? undefined;
    rest = rest.replace(threshold[0], '');
  }
  if (figures.amountOffFen === undefined) {
    const amountOff = new RegExp(`(?:立?减|省)${YUAN}元?`).exec(rest) ?? new RegExp(`${YUAN}元(?:券|红包|优惠)`).exec(rest);
    if (amountOff) figures.amountOffFen = parseYuanToFen(amountOff[1]) ?? undefined;
  }
  const percent = foldInName(rest);
  if (percent !== null) figures.payPercent = percent;
  if (rest.includes('无门槛')) figures.noThreshold = true;
  return figures;
}

/** 「8.8折」「8折」「88折」「95折」「八折」「八五折」「八点八折」 → the percent paid (88, 80, 88, 95, 80, 85, 88). */
function foldInName(text: string): number | null {
  const digits = /(\d{1,2}(?:\.\d)?)折/.exec(text);
  if (digits) return /^\d\d$/.test(digits[1]) ? Number(digits[1]) : foldToPayPercent(digits[1]);
  const chinese = /([一二三四五六七八九])点?([一二三四五六七八九])?折/.exec(text);
  if (!chinese) return null;
  return CHINESE_DIGITS.indexOf(chinese[1]) * 10 + (chinese[2] ? CHINESE_DIGITS.indexOf(chinese[2]) : 0);
}

/**
 * Where the name's figures say something other than the rule (「满100减200」 on a 满100减20 coupon, 「8折」 on
 * an 8.8折 one), as warnings a person can act on; empty when the name agrees or states no figures.
 */
export function couponNameMismatches(name: string, rule: CouponRule): string[] {
  const stated = couponNameFigures(name);
  const warnings: string[] = [];
  if (stated.thresholdFen !== undefined && stated.thresholdFen !== rule.thresholdFen) {
    warnings.push(
      rule.thresholdFen > 0
        ? `名称写「满${compactYuan(stated.thresholdFen)}」，规则的使用门槛是满 ${compactYuan(rule.thresholdFen)} 元`
        : `名称写「满${compactYuan(stated.thresholdFen)}」，规则没有使用门槛`,
    );
  }
  if (stated.noThreshold && rule.thresholdFen > 0) warnings.push(`名称写「无门槛」，规则要求满 ${compactYuan(rule.thresholdFen)} 元才能用`);
  if (stated.amountOffFen !== undefined) {
    if (rule.amountOffFen === null) warnings.push(`名称写减 ${compactYuan(stated.amountOffFen)} 元，规则是折扣券，不是减固定金额`);
    else if (stated.amountOffFen !== rule.amountOffFen) warnings.push(`名称写减 ${compactYuan(stated.amountOffFen)} 元，规则减 ${compactYuan(rule.amountOffFen)} 元`);
  }
  if (stated.payPercent !== undefined) {
    if (rule.payPercent === null) warnings.push(`名称写「${payPercentToFold(stated.payPercent)}折」，规则是减固定金额，不是折扣券`);
    else if (stated.payPercent !== rule.payPercent) warnings.push(`名称写「${payPercentToFold(stated.payPercent)}折」，规则是 ${payPercentToFold(rule.payPercent)} 折`);
  }
  if (stated.maxDiscountFen !== undefined && rule.maxDiscountFen !== null && stated.maxDiscountFen !== rule.maxDiscountFen) {
    warnings.push(`名称写最高减 ${compactYuan(stated.maxDiscountFen)} 元，规则最高减 ${compactYuan(rule.maxDiscountFen)} 元`);
  }
  return warnings;
}

/** A name that says exactly what the rule gives: 满100减20, 满200享8.8折 最高减50, 无门槛10元券, 新人专享10元券. */
export function suggestedCouponName(rule: CouponRule): string {
  const threshold = rule.thresholdFen > 0 ? `满${compactYuan(rule.thresholdFen)}` : '';
  switch (rule.type) {
    case 'amount_off':
      return `${threshold}减${compactYuan(rule.amountOffFen ?? 0)}`;
    case 'percent_off': {
      const fold = `${payPercentToFold(rule.payPercent ?? 0)}折`;
      const cap = rule.maxDiscountFen ? ` 最高减${compactYuan(rule.maxDiscountFen)}` : '';
      return `${threshold ? `${threshold}享${fold}` : `${fold}券`}${cap}`;
    }
    case 'no_threshold':
      return `无门槛${compactYuan(rule.amountOffFen ?? 0)}元券`;
    case 'newcomer':
      return threshold ? `新人专享${threshold}减${compactYuan(rule.amountOffFen ?? 0)}` : `新人专享${compactYuan(rule.amountOffFen ?? 0)}元券`;
  }
}

/** The rule the form's values describe, or null while an amount the type needs is blank or unreadable. */
export function ruleFromFormValues(values: Pick<CouponFormValues, 'type' | 'threshold' | 'amountOff' | 'fold' | 'maxDiscount'>): CouponRule | null {
  const shown = typeFields(values.type);
  const fen = (text: string | undefined) => (text && text.trim() ? parseYuanToFen(text) : null);
  const thresholdFen = shown.threshold ? (fen(values.threshold) ?? 0) : 0;
  const amountOffFen = shown.amountOff ? fen(values.amountOff) : null;
  const payPercent = shown.percent ? foldToPayPercent(values.fold ?? '') : null;
  const maxDiscountFen = shown.percent ? fen(values.maxDiscount) : null;
  if ((shown.amountOff && !amountOffFen) || (shown.percent && payPercent === null)) return null;
  return { type: values.type, thresholdFen, amountOffFen, payPercent, maxDiscountFen };
}
