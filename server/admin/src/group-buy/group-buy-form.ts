import type { AdminProductDetail } from '@shared/api/admin';
import {
  GROUP_BUY_NAME_MAX_LENGTH,
  GROUP_BUY_RULES_MAX_LENGTH,
  GROUP_BUY_TEAM_SIZE_MAX,
  GROUP_BUY_TEAM_SIZE_MIN,
  GROUP_BUY_VALIDITY_HOURS_MAX,
  GROUP_BUY_VALIDITY_HOURS_MIN,
  type GroupBuyCampaign,
  type GroupBuyCampaignInput,
  type GroupBuySkuPrice,
} from '@shared/api/group-buy';
import { chinaDateTime } from '@shared/china-time';
import { formatYuan, parseYuanToFen, type Fen } from '@shared/money';
import dayjs, { type Dayjs } from 'dayjs';
import { fenToYuanText, yuanTextToFen } from '@/common/money-text';
import type { NumberBounds } from '@/referral/referral-settings-form';

/** The largest per-member limit or campaign quota the form takes (0 = 不限). */
const GROUP_BUY_LIMIT_MAX = 99_999;

/** One SKU of the chosen product as the form shows it: its list price, whether it takes part, its prices as typed yuan. */
export interface GroupBuySkuRow {
  skuId: number;
  /** "绿色 · 100g"; blank for a product without specs. */
  specText: string;
  listPriceFen: Fen;
  included: boolean;
  groupPrice: string;
  /** 团长价; blank: the leader pays the group price. */
  leaderPrice: string;
}

/** What the campaign form holds: prices as typed yuan text, the window as China wall-clock times. */
export interface GroupBuyFormValues {
  name: string;
  productId: number | null;
  skus: GroupBuySkuRow[];
  teamSize: number | null;
  validityHours: number | null;
  /** China wall-clock times (the picker shows them as they are, whatever the browser's time zone). */
  window: [Dayjs, Dayjs] | null;
  memberTeamLimit: number | null;
  memberUnitLimit: number | null;
  unitQuota: number | null;
  allowCoupons: boolean;
  allowPoints: boolean;
  virtualCompletion: boolean;
  virtualThresholdPercent: number | null;
  rulesText: string;
}

/** An instant as the China wall clock the picker shows. */
export function toChinaWallClock(iso: string): Dayjs {
  return dayjs(chinaDateTime(new Date(iso)));
}

/** The instant a China wall-clock time means, as RFC 3339 UTC. */
export function fromChinaWallClock(value: Dayjs): string {
  return new Date(`${value.format('YYYY-MM-DDTHH:mm:ss')}+08:00`).toISOString();
}

/** A new campaign: starts now (China time, to the minute) and runs 7 days; teams of 3 within 24 hours. */
export function newGroupBuyFormValues(now: Date = new Date()): GroupBuyFormValues {
  const start = toChinaWallClock(now.toISOString()).startOf('minute');
  return {
    name: '',
    productId: null,
    skus: [],
    teamSize: 3,
    validityHours: 24,
    window: [start, start.add(7, 'day')],
    memberTeamLimit: 0,
    memberUnitLimit: 0,
    unitQuota: 0,
    allowCoupons: false,
    allowPoints: false,
    virtualCompletion: false,
    virtualThresholdPercent: null,
    rulesText: '',
  };
}

export function campaignToFormValues(campaign: GroupBuyCampaign): GroupBuyFormValues {
  return {
    name: campaign.name,
    productId: campaign.productId,
    // Filled in with the product's SKUs (specs, list prices) by skuRowsFor once the product is loaded.
    skus: [],
    teamSize: campaign.teamSize,
    validityHours: campaign.validityHours,
    window: [toChinaWallClock(campaign.startsAt), toChinaWallClock(campaign.endsAt)],
    memberTeamLimit: campaign.memberTeamLimit,
    memberUnitLimit: campaign.memberUnitLimit,
    unitQuota: campaign.unitQuota,
    allowCoupons: campaign.allowCoupons,
    allowPoints: campaign.allowPoints,
    virtualCompletion: campaign.virtualCompletion,
    virtualThresholdPercent: campaign.virtualThresholdPercent,
    rulesText: campaign.rulesText,
  };
}

/**
 * The product's SKUs as form rows: a new campaign includes every SKU with blank prices; an edited one includes the SKUs
 * it prices, with their prices, and offers the others unticked.
 */
export function skuRowsFor(product: Pick<AdminProductDetail, 'skus'>, saved?: GroupBuySkuPrice[]): GroupBuySkuRow[] {
  const prices = new Map((saved ?? []).map((price) => [price.skuId, price]));
  return product.skus.map((sku) => {
    const price = prices.get(sku.id);
    return {
      skuId: sku.id,
      specText: sku.specValues.join(' · '),
      listPriceFen: sku.priceFen,
      included: saved ? price !== undefined : true,
      groupPrice: price ? fenToYuanText(price.groupPriceFen) : '',
      leaderPrice: price && price.leaderPriceFen !== null ? fenToYuanText(price.leaderPriceFen) : '',
    };
  });
}

/** Fen of a typed price, or why it is not one. Blank is null. */
function priceOf(text: string): { fen: Fen | null; problem: string | null } {
  if (!text || !text.trim()) return { fen: null, problem: null };
  const fen = parseYuanToFen(text);
  if (fen === null) return { fen: null, problem: '请输入金额，最多两位小数，例如 19.90' };
  return fen === 0 ? { fen, problem: '价格必须大于 0' } : { fen, problem: null };
}

/** Why a SKU row's 拼团价 is unacceptable (the server's rule: at least 1 fen, below the list price), or null. */
export function groupPriceProblem(row: GroupBuySkuRow): string | null {
  if (!row.included) return null;
  const { fen, problem } = priceOf(row.groupPrice);
  if (problem) return problem;
  if (fen === null) return '请输入拼团价';
  return fen < row.listPriceFen ? null : `拼团价须低于原价 ${formatYuan(row.listPriceFen)}`;
}

/** Why a SKU row's 团长价 is unacceptable (optional; at most the group price), or null. */
export function leaderPriceProblem(row: GroupBuySkuRow): string | null {
  if (!row.included) return null;
  const { fen, problem } = priceOf(row.leaderPrice);
  if (problem || fen === null) return problem;
  const group = priceOf(row.groupPrice).fen;
  return group !== null && fen > group ? '团长价不能高于拼团价' : null;
}

/** The fields groupBuyFieldProblem checks (the whole numbers are checked by CheckedNumberField against the bounds below). */
export type GroupBuyCheckedField =
  | 'name'
  | 'productId'
  | 'skus'
  | 'window'
  | 'rulesText';

/** Bounds of the whole-number fields, as CheckedNumberField checks them and the server does. */
export const TEAM_SIZE_BOUNDS: NumberBounds = { label: '成团人数', min: GROUP_BUY_TEAM_SIZE_MIN, max: GROUP_BUY_TEAM_SIZE_MAX, decimals: 0, unit: ' 人' };
export const VALIDITY_HOURS_BOUNDS: NumberBounds = {
  label: '成团时限',
  min: GROUP_BUY_VALIDITY_HOURS_MIN,
  max: GROUP_BUY_VALIDITY_HOURS_MAX,
  decimals: 0,
  unit: ' 小时',
};
/** 0 = 不限. */
export const MEMBER_TEAM_LIMIT_BOUNDS: NumberBounds = { label: '每人参团次数', min: 0, max: GROUP_BUY_LIMIT_MAX, decimals: 0, unit: ' 次' };
export const MEMBER_UNIT_LIMIT_BOUNDS: NumberBounds = { label: '每人限购', min: 0, max: GROUP_BUY_LIMIT_MAX, decimals: 0, unit: ' 件' };
export const UNIT_QUOTA_BOUNDS: NumberBounds = { label: '活动总件数', min: 0, max: GROUP_BUY_LIMIT_MAX, decimals: 0, unit: ' 件' };
export const VIRTUAL_THRESHOLD_BOUNDS: NumberBounds = { label: '模拟成团门槛', min: 1, max: 100, decimals: 0, unit: '%' };

/** Why a field's value is unacceptable given the others, or null: the server's rules, checked beside the field before saving. */
export function groupBuyFieldProblem(field: GroupBuyCheckedField, values: GroupBuyFormValues): string | null {
  switch (field) {
    case 'name':
      if (!values.name || !values.name.trim()) return '请输入活动名称';
      return values.name.trim().length > GROUP_BUY_NAME_MAX_LENGTH ? `活动名称最多 ${GROUP_BUY_NAME_MAX_LENGTH} 个字` : null;
    case 'productId':
      return values.productId ? null : '请选择商品';
    case 'skus':
      return values.productId && !values.skus.some((row) => row.included) ? '至少选择一个规格参加拼团' : null;
    case 'window':
      if (!values.window) return '请选择活动时间';
      return values.window[1].isAfter(values.window[0]) ? null : '结束时间必须晚于开始时间';
    case 'rulesText':
      return (values.rulesText ?? '').length > GROUP_BUY_RULES_MAX_LENGTH ? `活动规则最多 ${GROUP_BUY_RULES_MAX_LENGTH} 个字` : null;
  }
}

/** The request for the form's values; the checks have passed, so prices parse. Unticked SKUs are left out. */
export function formValuesToInput(values: GroupBuyFormValues): GroupBuyCampaignInput {
  return {
    name: values.name.trim(),
    productId: values.productId!,
    skus: values.skus
      .filter((row) => row.included)
      .map((row) => ({ skuId: row.skuId, groupPriceFen: yuanTextToFen(row.groupPrice)!, leaderPriceFen: yuanTextToFen(row.leaderPrice) })),
    teamSize: values.teamSize!,
    validityHours: values.validityHours!,
    startsAt: fromChinaWallClock(values.window![0]),
    endsAt: fromChinaWallClock(values.window![1]),
    memberTeamLimit: values.memberTeamLimit ?? 0,
    memberUnitLimit: values.memberUnitLimit ?? 0,
    unitQuota: values.unitQuota ?? 0,
    allowCoupons: values.allowCoupons,
    allowPoints: values.allowPoints,
    virtualCompletion: values.virtualCompletion,
    virtualThresholdPercent: values.virtualCompletion ? values.virtualThresholdPercent : null,
    rulesText: (values.rulesText ?? '').trim(),
  };
}

/**
 * The form field a server field error names: `skus.1.groupPriceFen` (the request's second priced SKU) → the row
 * of that SKU in the form; `startsAt` → the window.
 */
export function formFieldForServerField(field: string, values: GroupBuyFormValues): (string | number)[] {
  const sku = /^skus(?:\.(\d+)(?:\.(\w+))?)?$/.exec(field);
  if (sku) {
    if (sku[1] === undefined) return ['skus'];
    const skuId = values.skus.filter((row) => row.included)[Number(sku[1])]?.skuId;
    const row = values.skus.findIndex((candidate) => candidate.skuId === skuId);
    if (row < 0) return ['skus'];
    return ['skus', row, sku[2] === 'leaderPriceFen' ? 'leaderPrice' : 'groupPrice'];
  }
  if (field === 'startsAt' || field === 'endsAt') return ['window'];
  return [field];
}
