import type { ApiException } from '../platform/errors/api-exception';
import { changedFields, normalizeTemplate, type CouponTemplateFields } from './coupon-template-rules';

const base: CouponTemplateFields = {
  name: '券',
  type: 'amount_off',
  thresholdFen: 10000,
  amountOffFen: 2000,
  payPercent: 90,
  maxDiscountFen: 5000,
  scope: 'all',
  scopeIds: [3],
  validityKind: 'days_after_claim',
  validFrom: new Date('2026-01-01T00:00:00Z'),
  validTo: new Date('2026-02-01T00:00:00Z'),
  validDays: 7,
  totalQuantity: 10,
  perMemberLimit: 2,
  channel: 'public',
};

const fieldOf = (fields: Partial<CouponTemplateFields>): string => {
  try {
    normalizeTemplate({ ...base, ...fields });
    return 'accepted';
  } catch (error) {
    return ((error as ApiException).body.details as { field: string }[])[0].field;
  }
};

describe('normalizeTemplate', () => {
  it('clears what does not apply to the type, scope and validity kind', () => {
    expect(normalizeTemplate(base)).toEqual({ ...base, payPercent: null, maxDiscountFen: null, scopeIds: [], validFrom: null, validTo: null });
    expect(normalizeTemplate({ ...base, type: 'percent_off' })).toEqual(expect.objectContaining({ amountOffFen: null, payPercent: 90, maxDiscountFen: 5000 }));
    expect(normalizeTemplate({ ...base, type: 'no_threshold' }).thresholdFen).toBe(0);
    expect(normalizeTemplate({ ...base, type: 'newcomer' }).perMemberLimit).toBe(1);
    expect(normalizeTemplate({ ...base, validityKind: 'fixed' })).toEqual(expect.objectContaining({ validDays: null, validTo: base.validTo }));
  });

  it('names the field a type, scope or window is missing or gets wrong', () => {
    expect(fieldOf({ thresholdFen: 0 })).toBe('thresholdFen');
    expect(fieldOf({ amountOffFen: 10001 })).toBe('amountOffFen');
    expect(fieldOf({ amountOffFen: 10000 })).toBe('accepted'); // 满100减100: the threshold bounds it inclusively
    expect(fieldOf({ type: 'percent_off', payPercent: null })).toBe('payPercent');
    expect(fieldOf({ type: 'percent_off', maxDiscountFen: null })).toBe('maxDiscountFen');
    expect(fieldOf({ type: 'no_threshold', amountOffFen: null })).toBe('amountOffFen');
    expect(fieldOf({ scope: 'products', scopeIds: [] })).toBe('scopeIds');
    expect(fieldOf({ validityKind: 'fixed', validTo: base.validFrom })).toBe('validTo');
    expect(fieldOf({ validityKind: 'fixed', validFrom: null })).toBe('validFrom');
    expect(fieldOf({ validDays: null })).toBe('validDays');
  });
});

describe('changedFields', () => {
  it('compares dates by time and id lists by content', () => {
    const after = { ...base, validFrom: new Date(base.validFrom!.getTime()), scopeIds: [3], thresholdFen: 9000 };
    expect(changedFields(base, after, ['validFrom', 'scopeIds', 'thresholdFen', 'name'])).toEqual(['thresholdFen']);
  });
});
