import {
  MAX_AFTER_SALE_WINDOW_DAYS,
  MAX_BINDING_VALID_DAYS,
  MAX_COMMISSION_RATE_BP,
  REFERRAL_BIND_SCOPE_LABELS,
  type ProductCommissionRate,
  type PromoterProgramMode,
  type ReferralBindingMode,
  type ReferralBindScope,
  type ReferralSettings,
  type SaveProductCommissionRateRequest,
} from '@shared/api/referral';
import { WITHDRAWAL_MAX_FEN, WITHDRAWAL_WECHAT_MIN_FEN } from '@shared/api/withdrawals';
import { formatYuan } from '@shared/money';
import { fenToYuanText, yuanTextToFen } from '@/common/money-text';

/** The largest amount a money setting takes on the server (1,000,000 元, ReferralSettingsDto). */
export const MAX_SETTING_FEN = 100_000_000;

/** 分销设置 as the form holds it: rates in percent (two decimals), money as typed yuan text. */
export interface ReferralSettingsFormValues {
  enabled: boolean;
  programMode: PromoterProgramMode;
  /** Blank: 人人分销 without a minimum spend. */
  everyoneMinSpend: string;
  bindingMode: ReferralBindingMode;
  bindingValidDays: number;
  bindScope: ReferralBindScope;
  level1Rate: number;
  /** null: no level 2. */
  level2Rate: number | null;
  selfPurchaseCommission: boolean;
  afterSaleWindowDays: number;
  withdrawalMin: string;
  withdrawalDailyLimit: string;
}

/** Percent with up to two decimals ↔ basis points (10.5% = 1050). */
export function percentToBp(percent: number): number {
  return Math.round(percent * 100);
}

export function bpToPercent(bp: number): number {
  return bp / 100;
}

/** 10% / 12.5%. */
export function rateText(bp: number): string {
  return `${bpToPercent(bp)}%`;
}

export function settingsToForm(settings: ReferralSettings): ReferralSettingsFormValues {
  return {
    enabled: settings.enabled,
    programMode: settings.programMode,
    everyoneMinSpend: fenToYuanText(settings.everyoneMinSpendFen),
    bindingMode: settings.bindingMode,
    bindingValidDays: settings.bindingValidDays,
    bindScope: settings.bindScope,
    level1Rate: bpToPercent(settings.level1RateBp),
    level2Rate: settings.level2RateBp === null ? null : bpToPercent(settings.level2RateBp),
    selfPurchaseCommission: settings.selfPurchaseCommission,
    afterSaleWindowDays: settings.afterSaleWindowDays,
    withdrawalMin: fenToYuanText(settings.withdrawalMinFen),
    withdrawalDailyLimit: fenToYuanText(settings.withdrawalDailyLimitFen),
  };
}

export function formToSettings(values: ReferralSettingsFormValues): ReferralSettings {
  return {
    enabled: values.enabled,
    programMode: values.programMode,
    everyoneMinSpendFen: yuanTextToFen(values.everyoneMinSpend),
    bindingMode: values.bindingMode,
    bindingValidDays: values.bindingValidDays,
    bindScope: values.bindScope,
    ...ratesToRequest(values.level1Rate, values.level2Rate),
    selfPurchaseCommission: values.selfPurchaseCommission,
    afterSaleWindowDays: values.afterSaleWindowDays,
    // Required by the form rules; blanks never reach this point.
    withdrawalMinFen: yuanTextToFen(values.withdrawalMin) ?? 0,
    withdrawalDailyLimitFen: yuanTextToFen(values.withdrawalDailyLimit) ?? 0,
  };
}

/** The two rates (percent; level 2 blank = none) as the API takes them. */
export function ratesToRequest(level1Rate: number, level2Rate: number | null | undefined): SaveProductCommissionRateRequest {
  return { level1RateBp: percentToBp(level1Rate), level2RateBp: level2Rate === null || level2Rate === undefined ? null : percentToBp(level2Rate) };
}

/** The bounds of a number typed into the form: the server's (ReferralSettingsDto), in the unit the form shows. */
export interface NumberBounds {
  label: string;
  min: number;
  max: number;
  /** Decimals allowed: 0 (whole days) or 2 (percent to the basis point). */
  decimals: 0 | 2;
  unit: string;
}

export const RATE_BOUNDS: NumberBounds = { label: '佣金比例', min: 0, max: bpToPercent(MAX_COMMISSION_RATE_BP), decimals: 2, unit: '%' };
export const BINDING_DAYS_BOUNDS: NumberBounds = { label: '绑定有效期', min: 1, max: MAX_BINDING_VALID_DAYS, decimals: 0, unit: ' 天' };
export const AFTER_SALE_DAYS_BOUNDS: NumberBounds = { label: '结算等待期', min: 0, max: MAX_AFTER_SALE_WINDOW_DAYS, decimals: 0, unit: ' 天' };

/**
 * Why a typed number is refused, or null (blank is the required rule's business). The inputs do not clamp or
 * round (antd's min / max / precision would silently turn -5 into 0 and 10.555 into 10.56): a bad value stays on
 * screen with this message and is not saved.
 */
export function numberProblem(value: number | null | undefined, bounds: NumberBounds): string | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value)) return `${bounds.label}请输入数字`;
  if (value < 0) return `${bounds.label}不能为负数`;
  if (bounds.decimals === 0 && !Number.isInteger(value)) return `${bounds.label}请输入整数`;
  if (bounds.decimals === 2 && !/^\d+(\.\d{1,2})?$/.test(String(value))) return `${bounds.label}最多两位小数`;
  if (value < bounds.min || value > bounds.max) return `${bounds.label}应在 ${bounds.min}–${bounds.max}${bounds.unit} 之间`;
  return null;
}

/** Level 2 left blank means "no level 2"; a level 2 of 0% is refused rather than saved as a level that pays nothing. */
export function level2RateProblem(value: number | null | undefined): string | null {
  return numberProblem(value, RATE_BOUNDS) ?? (value === 0 ? '二级佣金比例须大于 0；不设二级请留空' : null);
}

/** Why two rates together are refused (the server's rule: level 1 + level 2 ≤ 100%), or null. */
export function ratesProblem(level1Rate: number | null | undefined, level2Rate: number | null | undefined): string | null {
  if (level1Rate === null || level1Rate === undefined) return null;
  const total = percentToBp(level1Rate) + (level2Rate === null || level2Rate === undefined ? 0 : percentToBp(level2Rate));
  return total > MAX_COMMISSION_RATE_BP ? '一级与二级佣金比例之和不能超过 100%' : null;
}

/** Why the withdrawal limits are refused (the minimum may not exceed the daily limit), or null. */
export function withdrawalLimitsProblem(minText: string | undefined, dailyText: string | undefined): string | null {
  try {
    const min = yuanTextToFen(minText);
    const daily = yuanTextToFen(dailyText);
    return min !== null && daily !== null && min > daily ? '单次最少提现不能大于每日提现上限' : null;
  } catch {
    // Not an amount yet: the field's own rule says so.
    return null;
  }
}

/** A money setting within the server's bounds (by default 1 分 … 1,000,000 元), or why not. */
export function settingAmountProblem(text: string | undefined, minFen = 1, maxFen = MAX_SETTING_FEN): string | null {
  try {
    const fen = yuanTextToFen(text);
    if (fen === null) return null;
    return fen < minFen || fen > maxFen ? `金额应在 ${formatYuan(minFen)} 到 ${formatYuan(maxFen)} 之间` : null;
  } catch {
    return null;
  }
}

/** The least one withdrawal may ask for: what one WeChat transfer takes (ReferralSettingsDto.withdrawalMinFen). */
export function withdrawalMinProblem(text: string | undefined): string | null {
  return settingAmountProblem(text, WITHDRAWAL_WECHAT_MIN_FEN, WITHDRAWAL_MAX_FEN);
}

/** The rule now in force, in words, above the form. */
export function referralRuleText(settings: ReferralSettings): string {
  if (!settings.enabled) return '分销未开启（会员看不到推广中心，订单不产生佣金；推荐关系照常记录）';
  const program =
    settings.programMode === 'approved'
      ? '指定分销（会员申请，审核通过后成为推广员）'
      : settings.everyoneMinSpendFen === null
        ? '人人分销（每位会员都是推广员）'
        : `人人分销（累计消费满 ${formatYuan(settings.everyoneMinSpendFen)} 成为推广员）`;
  const binding =
    settings.bindingMode === 'first_touch' ? '首次绑定永久有效' : settings.bindingMode === 'valid_days' ? `绑定 ${settings.bindingValidDays} 天内有效` : '以最近一次分享者为准';
  const rates = `一级 ${rateText(settings.level1RateBp)}${settings.level2RateBp === null ? '，不设二级' : `，二级 ${rateText(settings.level2RateBp)}`}`;
  return [
    program,
    `${binding}，${REFERRAL_BIND_SCOPE_LABELS[settings.bindScope]}可被绑定`,
    rates,
    settings.selfPurchaseCommission ? '自购返佣' : '自购不返佣',
    `订单完成 ${settings.afterSaleWindowDays} 天后结算`,
    `提现每次至少 ${formatYuan(settings.withdrawalMinFen)}、每天最多 ${formatYuan(settings.withdrawalDailyLimitFen)}`,
  ].join('；');
}

/** A product's own rates in words: 一级 20%，不设二级. */
export function productRateText(rate: Pick<ProductCommissionRate, 'level1RateBp' | 'level2RateBp'>): string {
  return `一级 ${rateText(rate.level1RateBp)}，${rate.level2RateBp === null ? '不设二级' : `二级 ${rateText(rate.level2RateBp)}`}`;
}

/** A form validator's answer: refuse with the problem, or accept. */
export function refuseIf(problem: string | null): void {
  if (problem) throw new Error(problem);
}
