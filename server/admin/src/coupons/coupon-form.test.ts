import type { AdminCouponTemplate } from '@shared/api/coupons';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  couponFieldProblem,
  formFieldForServerField,
  formValuesToRequest,
  lockedUpdateRequest,
  newCouponFormValues,
  templateToFormValues,
  type CheckedField,
  type CouponFormValues,
} from './coupon-form';

const FIELDS: CheckedField[] = ['name', 'threshold', 'amountOff', 'fold', 'maxDiscount', 'scopeIds', 'validRange', 'validDays', 'totalQuantity', 'perMemberLimit'];

function problems(values: CouponFormValues, saved?: AdminCouponTemplate): Partial<Record<CheckedField, string>> {
  return Object.fromEntries(FIELDS.map((field) => [field, couponFieldProblem(field, values, saved)]).filter(([, problem]) => problem));
}

const amountOff: CouponFormValues = { ...newCouponFormValues(), name: '满200减30', threshold: '200', amountOff: '30' };

const template: AdminCouponTemplate = {
  id: 5,
  name: '限时 8.8 折',
  type: 'percent_off',
  thresholdFen: 0,
  amountOffFen: null,
  payPercent: 88,
  maxDiscountFen: 5000,
  ruleText: '8.8折 最多减50',
  scope: 'categories',
  scopeIds: [3, 4],
  scopeItems: [
    { id: 3, name: '绿茶' },
    { id: 4, name: '红茶' },
  ],
  validityKind: 'fixed',
  validFrom: '2026-11-01T00:00:00.000Z',
  validTo: '2026-11-30T15:59:59.000Z',
  validDays: null,
  validityText: '2026-11-01 至 2026-11-30',
  totalQuantity: 500,
  perMemberLimit: 2,
  channel: 'public',
  status: 'active',
  claimedCount: 120,
  usedCount: 30,
  editable: false,
  createdAt: '2026-10-30T08:00:00.000Z',
  updatedAt: '2026-10-30T08:00:00.000Z',
};

describe('coupon form checks (mirroring the server)', () => {
  it('accepts a complete 满减 coupon', () => {
    expect(problems(amountOff)).toEqual({});
  });

  it('asks a 满减 coupon for a threshold above 0 and an amount not above it', () => {
    expect(problems({ ...amountOff, threshold: '' })).toEqual({ threshold: '满减券必须设置大于 0 的使用门槛' });
    expect(problems({ ...amountOff, amountOff: '300' })).toEqual({ amountOff: '减免金额不能超过使用门槛' });
    expect(problems({ ...amountOff, amountOff: '0' })).toEqual({ amountOff: '请输入大于 0 的减免金额' });
    expect(problems({ ...amountOff, threshold: '-5' }).threshold).toBe('请输入金额，最多两位小数，例如 19.90');
    expect(problems({ ...amountOff, threshold: '100000.01' }).threshold).toBe('金额不能超过 ¥100000.00');
  });

  it('asks a 折扣 coupon for a 折 between 0.1 and 9.9 and a cap, not for an amount', () => {
    const percent = { ...amountOff, type: 'percent_off' as const, threshold: '', amountOff: '', fold: '8.8', maxDiscount: '50' };
    expect(problems(percent)).toEqual({});
    expect(problems({ ...percent, fold: '10', maxDiscount: '' })).toEqual({
      fold: '请输入 0.1 到 9.9 之间的折扣，例如 8.8',
      maxDiscount: '请输入大于 0 的最高减免金额',
    });
  });

  it('asks for the scope items, a window that ends after it starts, and sane counts', () => {
    const start = dayjs('2026-11-01T00:00:00');
    expect(
      problems({
        ...amountOff,
        scope: 'products',
        validityKind: 'fixed',
        validRange: [start, start.subtract(1, 'minute')],
        totalQuantity: 0,
        perMemberLimit: 101,
      }),
    ).toEqual({
      scopeIds: '请选择适用的商品',
      validRange: '结束时间必须晚于开始时间',
      totalQuantity: '发行总量至少为 1',
      perMemberLimit: '每人限领不能超过 100',
    });
    expect(problems({ ...amountOff, validDays: 3651 })).toEqual({ validDays: '有效天数不能超过 3650' });
  });

  it('keeps a claimed template from shrinking below what members hold', () => {
    const values = templateToFormValues(template);
    expect(problems(values, template)).toEqual({});
    expect(
      problems(
        { ...values, totalQuantity: 100, perMemberLimit: 1, validRange: [values.validRange![0], dayjs(template.validTo).subtract(1, 'day')] },
        template,
      ),
    ).toEqual({
      totalQuantity: '发行总量不能少于已领取的 120 张',
      perMemberLimit: '已有会员领取，每人限领只能增加（当前 2）',
      validRange: '已有会员领取，结束时间只能延后',
    });
  });
});

describe('form ↔ request', () => {
  it('sends integer fen, and only the fields the type uses', () => {
    expect(formValuesToRequest({ ...amountOff, threshold: '199.9', amountOff: '30.05', fold: '8.8', maxDiscount: '50' })).toEqual({
      name: '满200减30',
      type: 'amount_off',
      thresholdFen: 19990,
      amountOffFen: 3005,
      payPercent: null,
      maxDiscountFen: null,
      scope: 'all',
      scopeIds: [],
      validityKind: 'days_after_claim',
      validFrom: null,
      validTo: null,
      validDays: 7,
      totalQuantity: 1000,
      perMemberLimit: 1,
      channel: 'public',
    });
  });

  it('round-trips a 折扣 template with a fixed window and category scope', () => {
    const request = formValuesToRequest(templateToFormValues(template));
    expect(request).toMatchObject({
      type: 'percent_off',
      thresholdFen: 0,
      amountOffFen: null,
      payPercent: 88,
      maxDiscountFen: 5000,
      scope: 'categories',
      scopeIds: [3, 4],
      validFrom: template.validFrom,
      validTo: template.validTo,
      validDays: null,
    });
  });

  it('gives a 无门槛 coupon threshold 0 and a newcomer coupon a limit of 1', () => {
    expect(formValuesToRequest({ ...amountOff, type: 'no_threshold', threshold: '200' }).thresholdFen).toBe(0);
    expect(formValuesToRequest({ ...amountOff, type: 'newcomer', perMemberLimit: 5 }).perMemberLimit).toBe(1);
  });

  it('updates a claimed template with the always-editable fields only', () => {
    const values = { ...templateToFormValues(template), name: '限时 8.8 折（加量）', totalQuantity: 800, fold: '5' };
    expect(lockedUpdateRequest(values)).toEqual({
      name: '限时 8.8 折（加量）',
      channel: 'public',
      totalQuantity: 800,
      perMemberLimit: 2,
      validTo: template.validTo,
    });
  });

  it('places the server’s field names on the form’s fields', () => {
    expect(['amountOffFen', 'payPercent', 'validTo', 'scopeIds', 'name'].map(formFieldForServerField)).toEqual([
      'amountOff',
      'fold',
      'validRange',
      'scopeIds',
      'name',
    ]);
  });
});
