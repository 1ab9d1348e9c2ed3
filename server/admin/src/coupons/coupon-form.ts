import {
  COUPON_MAX_AMOUNT_FEN,
  COUPON_MAX_PER_MEMBER_LIMIT,
  COUPON_MAX_TOTAL_QUANTITY,
  COUPON_MAX_VALID_DAYS,
  type AdminCouponTemplate,
  type CouponChannel,
  type CouponScope,
  type CouponType,
  type CouponValidityKind,
  type CreateCouponTemplateRequest,
  type UpdateCouponTemplateRequest,
} from '@shared/api/coupons';
import { foldToPayPercent, payPercentToFold } from '@shared/discount-fold';
import { formatYuan, parseYuanToFen, type Fen } from '@shared/money';
import dayjs, { type Dayjs } from 'dayjs';
import { fenToYuanText, yuanTextToFen } from '@/common/money-text';

/** What the template form holds: amounts as typed yuan text, the discount as typed 折, the window as dayjs. */
export interface CouponFormValues {
  name: string;
  type: CouponType;
  threshold: string;
  amountOff: string;
  /** 折 as typed: "8.8" = the shopper pays 88%. */
  fold: string;
  maxDiscount: string;
  scope: CouponScope;
  /** Category ids or product ids, by scope. */
  scopeIds: number[];
  validityKind: CouponValidityKind;
  validRange: [Dayjs, Dayjs] | null;
  validDays: number | null;
  totalQuantity: number | null;
  perMemberLimit: number | null;
  channel: CouponChannel;
}

export function newCouponFormValues(): CouponFormValues {
  return {
    name: '',
    type: 'amount_off',
    threshold: '',
    amountOff: '',
    fold: '',
    maxDiscount: '',
    scope: 'all',
    scopeIds: [],
    validityKind: 'days_after_claim',
    validRange: null,
    validDays: 7,
    totalQuantity: 1000,
    perMemberLimit: 1,
    channel: 'public',
  };
}

export function templateToFormValues(template: AdminCouponTemplate): CouponFormValues {
  return {
    name: template.name,
    type: template.type,
    threshold: template.thresholdFen > 0 ? fenToYuanText(template.thresholdFen) : '',
    amountOff: fenToYuanText(template.amountOffFen),
    fold: template.payPercent === null ? '' : payPercentToFold(template.payPercent),
    maxDiscount: fenToYuanText(template.maxDiscountFen),
    scope: template.scope,
    scopeIds: template.scopeIds,
    validityKind: template.validityKind,
    validRange: template.validFrom && template.validTo ? [dayjs(template.validFrom), dayjs(template.validTo)] : null,
    validDays: template.validDays,
    totalQuantity: template.totalQuantity,
    perMemberLimit: template.perMemberLimit,
    channel: template.channel,
  };
}

/** Which amount fields a type shows. */
export function typeFields(type: CouponType): { threshold: boolean; amountOff: boolean; percent: boolean } {
  return { threshold: type !== 'no_threshold', amountOff: type !== 'percent_off', percent: type === 'percent_off' };
}

/** The fields the checks below know; each maps to a form field of the same name. */
export type CheckedField =
  | 'name'
  | 'threshold'
  | 'amountOff'
  | 'fold'
  | 'maxDiscount'
  | 'scopeIds'
  | 'validRange'
  | 'validDays'
  | 'totalQuantity'
  | 'perMemberLimit';

const MAX_YUAN = formatYuan(COUPON_MAX_AMOUNT_FEN);

/** Fen of an amount field, or a problem with it. Blank is null. */
function amount(text: string): { fen: Fen | null; problem: string | null } {
  if (!text || !text.trim()) return { fen: null, problem: null };
  const fen = parseYuanToFen(text);
  if (fen === null) return { fen: null, problem: '请输入金额，最多两位小数，例如 19.90' };
  if (fen > COUPON_MAX_AMOUNT_FEN) return { fen, problem: `金额不能超过 ${MAX_YUAN}` };
  return { fen, problem: null };
}

function wholeNumberProblem(value: number | null, label: string, max: number): string | null {
  if (value === null || value === undefined) return `请填写${label}`;
  if (!Number.isInteger(value) || value < 1) return `${label}至少为 1`;
  return value > max ? `${label}不能超过 ${max}` : null;
}

/**
 * Why a field's value is unacceptable given the others, or null: the same rules the server applies, checked
 * before saving so staff see them beside the field. `saved` is the template being edited: once members hold it,
 * the quantity cannot drop below what was claimed, the limit only rises and a fixed window only ends later.
 */
export function couponFieldProblem(field: CheckedField, values: CouponFormValues, saved?: AdminCouponTemplate): string | null {
  const problem = fieldProblem(field, values);
  if (problem || !saved || saved.editable) return problem;
  if (field === 'totalQuantity' && values.totalQuantity! < saved.claimedCount) return `发行总量不能少于已领取的 ${saved.claimedCount} 张`;
  if (field === 'perMemberLimit' && values.type !== 'newcomer' && values.perMemberLimit! < saved.perMemberLimit) {
    return `已有会员领取，每人限领只能增加（当前 ${saved.perMemberLimit}）`;
  }
  if (field === 'validRange' && values.validityKind === 'fixed' && saved.validTo && values.validRange![1].isBefore(dayjs(saved.validTo))) {
    return '已有会员领取，结束时间只能延后';
  }
  return null;
}

function fieldProblem(field: CheckedField, values: CouponFormValues): string | null {
  const shown = typeFields(values.type);
  switch (field) {
    case 'name':
      if (!values.name || !values.name.trim()) return '请输入券名称';
      return values.name.length > 30 ? '券名称最多 30 个字' : null;
    case 'threshold': {
      if (!shown.threshold) return null;
      const { fen, problem } = amount(values.threshold);
      if (problem) return problem;
      return values.type === 'amount_off' && !fen ? '满减券必须设置大于 0 的使用门槛' : null;
    }
    case 'amountOff': {
      if (!shown.amountOff) return null;
      const { fen, problem } = amount(values.amountOff);
      if (problem) return problem;
      if (!fen) return '请输入大于 0 的减免金额';
      const threshold = shown.threshold ? amount(values.threshold).fen : null;
      return threshold && fen > threshold ? '减免金额不能超过使用门槛' : null;
    }
    case 'fold':
      if (!shown.percent) return null;
      return foldToPayPercent(values.fold ?? '') === null ? '请输入 0.1 到 9.9 之间的折扣，例如 8.8' : null;
    case 'maxDiscount': {
      if (!shown.percent) return null;
      const { fen, problem } = amount(values.maxDiscount);
      if (problem) return problem;
      return fen ? null : '请输入大于 0 的最高减免金额';
    }
    case 'scopeIds':
      if (values.scope === 'all' || values.scopeIds.length > 0) return null;
      return values.scope === 'categories' ? '请选择适用的分类' : '请选择适用的商品';
    case 'validRange':
      if (values.validityKind !== 'fixed') return null;
      if (!values.validRange) return '请选择有效期';
      return values.validRange[1].isAfter(values.validRange[0]) ? null : '结束时间必须晚于开始时间';
    case 'validDays':
      return values.validityKind === 'days_after_claim' ? wholeNumberProblem(values.validDays, '有效天数', COUPON_MAX_VALID_DAYS) : null;
    case 'totalQuantity':
      return wholeNumberProblem(values.totalQuantity, '发行总量', COUPON_MAX_TOTAL_QUANTITY);
    case 'perMemberLimit':
      return values.type === 'newcomer' ? null : wholeNumberProblem(values.perMemberLimit, '每人限领', COUPON_MAX_PER_MEMBER_LIMIT);
  }
}

/** The request for the form's values; the field checks have passed, so amounts parse. Fields the type does not use are left out. */
export function formValuesToRequest(values: CouponFormValues): CreateCouponTemplateRequest {
  const shown = typeFields(values.type);
  return {
    name: values.name.trim(),
    type: values.type,
    thresholdFen: shown.threshold ? (yuanTextToFen(values.threshold) ?? 0) : 0,
    amountOffFen: shown.amountOff ? yuanTextToFen(values.amountOff) : null,
    payPercent: shown.percent ? foldToPayPercent(values.fold) : null,
    maxDiscountFen: shown.percent ? yuanTextToFen(values.maxDiscount) : null,
    scope: values.scope,
    scopeIds: values.scope === 'all' ? [] : values.scopeIds,
    validityKind: values.validityKind,
    validFrom: values.validityKind === 'fixed' && values.validRange ? values.validRange[0].toISOString() : null,
    validTo: values.validityKind === 'fixed' && values.validRange ? values.validRange[1].toISOString() : null,
    validDays: values.validityKind === 'days_after_claim' ? values.validDays : null,
    totalQuantity: values.totalQuantity ?? 0,
    // A new member receives one of each newcomer coupon.
    perMemberLimit: values.type === 'newcomer' ? 1 : (values.perMemberLimit ?? 0),
    channel: values.channel,
  };
}

/**
 * The update of a template members already hold: only what stays editable (name, channel, quantity, limit, the end of
 * a fixed window). The rules members received it under are left out, so the server has nothing to refuse there.
 */
export function lockedUpdateRequest(values: CouponFormValues): UpdateCouponTemplateRequest {
  const full = formValuesToRequest(values);
  return {
    name: full.name,
    channel: full.channel,
    totalQuantity: full.totalQuantity,
    perMemberLimit: full.perMemberLimit,
    ...(full.validityKind === 'fixed' ? { validTo: full.validTo } : {}),
  };
}

/** Request fields whose form field has another name. */
const FORM_FIELDS: Record<string, string> = {
  thresholdFen: 'threshold',
  amountOffFen: 'amountOff',
  payPercent: 'fold',
  maxDiscountFen: 'maxDiscount',
  validFrom: 'validRange',
  validTo: 'validRange',
};

/** The form field for a field the server named in a 400: `amountOffFen` → `amountOff`. */
export function formFieldForServerField(field: string): string {
  return FORM_FIELDS[field] ?? field;
}
