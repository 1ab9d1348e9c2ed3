import { describe, expect, it } from 'vitest';
import { formToSettings, settingsToForm, shippingRuleText } from './shop-settings-form';

describe('shop settings form', () => {
  it('shows fen as yuan text and saves it back as integer fen', () => {
    const settings = { shippingFeeFen: 800, freeShippingThresholdFen: 9900, unpaidTimeoutMinutes: 30, autoConfirmDays: 10 };
    const form = settingsToForm(settings);
    expect(form).toEqual({ shippingFee: '8.00', freeShippingThreshold: '99.00', unpaidTimeoutMinutes: 30, autoConfirmDays: 10 });
    expect(formToSettings(form)).toEqual(settings);
  });

  it('saves a blank threshold as no threshold and typed decimals without float error', () => {
    expect(
      formToSettings({ shippingFee: '0.29', freeShippingThreshold: '  ', unpaidTimeoutMinutes: 15, autoConfirmDays: 7 }),
    ).toEqual({ shippingFeeFen: 29, freeShippingThresholdFen: null, unpaidTimeoutMinutes: 15, autoConfirmDays: 7 });
  });
});

describe('shippingRuleText', () => {
  it('describes the rule as shoppers meet it', () => {
    expect(shippingRuleText({ shippingFeeFen: 0, freeShippingThresholdFen: null })).toBe('全场包邮');
    expect(shippingRuleText({ shippingFeeFen: 800, freeShippingThresholdFen: null })).toBe('运费 ¥8.00，不设包邮门槛');
    expect(shippingRuleText({ shippingFeeFen: 800, freeShippingThresholdFen: 9900 })).toBe('运费 ¥8.00，满 ¥99.00 包邮');
  });
});
