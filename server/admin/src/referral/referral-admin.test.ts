import { describe, expect, it } from 'vitest';
import type { ReferralSettings } from '@shared/api/referral';
import { commissionExportFilename, commissionFilters } from './commission-filters';
import { decisionsFor, needsReason, promoterTabFromQuery, promoterTabLabel } from './promoter-actions';
import {
  formToSettings,
  percentToBp,
  productRateText,
  ratesProblem,
  ratesToRequest,
  referralRuleText,
  settingAmountProblem,
  settingsToForm,
  withdrawalLimitsProblem,
} from './referral-settings-form';

const SETTINGS: ReferralSettings = {
  enabled: true,
  programMode: 'approved',
  everyoneMinSpendFen: null,
  bindingMode: 'valid_days',
  bindingValidDays: 30,
  bindScope: 'new_members',
  level1RateBp: 1050,
  level2RateBp: 500,
  selfPurchaseCommission: false,
  afterSaleWindowDays: 7,
  withdrawalMinFen: 100,
  withdrawalDailyLimitFen: 500_000,
};

describe('分销设置 form', () => {
  it('round-trips the settings through the form (percent and yuan text)', () => {
    const form = settingsToForm(SETTINGS);
    expect(form).toMatchObject({ level1Rate: 10.5, level2Rate: 5, everyoneMinSpend: '', withdrawalMin: '1.00', withdrawalDailyLimit: '5000.00' });
    expect(formToSettings(form)).toEqual(SETTINGS);
    expect(formToSettings({ ...form, level2Rate: null, everyoneMinSpend: '99.9' })).toMatchObject({ level2RateBp: null, everyoneMinSpendFen: 9990 });
  });

  it('converts percent to basis points without float drift', () => {
    expect([percentToBp(0.07), percentToBp(12.34), percentToBp(100), percentToBp(0)]).toEqual([7, 1234, 10_000, 0]);
    expect(ratesToRequest(20, undefined)).toEqual({ level1RateBp: 2000, level2RateBp: null });
  });

  it('refuses what the server refuses: two levels above 100%, a minimum above the daily limit, amounts out of range', () => {
    expect(ratesProblem(60, 40)).toBeNull();
    expect(ratesProblem(60, 40.01)).toBe('一级与二级佣金比例之和不能超过 100%');
    expect(ratesProblem(100, null)).toBeNull();
    expect(withdrawalLimitsProblem('100', '50')).toBe('单次最少提现不能大于每日提现上限');
    expect(withdrawalLimitsProblem('50', '50')).toBeNull();
    expect(withdrawalLimitsProblem('abc', '50')).toBeNull();
    expect(settingAmountProblem('1000000.01')).toBe('金额应在 0.01 到 ¥1000000.00 之间');
    expect(settingAmountProblem('1000000')).toBeNull();
    expect(settingAmountProblem('')).toBeNull();
  });

  it('says the rule in words', () => {
    expect(referralRuleText(SETTINGS)).toBe(
      '指定分销（会员申请，审核通过后成为推广员）；绑定 30 天内有效，仅新会员可被绑定；一级 10.5%，二级 5%；自购不返佣；订单完成 7 天后结算；提现每次至少 ¥1.00、每天最多 ¥5000.00',
    );
    expect(referralRuleText({ ...SETTINGS, enabled: false })).toMatch(/^分销未开启/);
    expect(referralRuleText({ ...SETTINGS, programMode: 'everyone', everyoneMinSpendFen: 10000, level2RateBp: null })).toMatch(/^人人分销（累计消费满 ¥100.00 成为推广员）.*一级 10.5%，不设二级/);
    expect(productRateText({ level1RateBp: 2000, level2RateBp: null })).toBe('一级 20%，不设二级');
  });
});

describe('推广员 actions', () => {
  it('offers each decision only from the status the server accepts it in, and only to reviewers', () => {
    expect(decisionsFor('pending', true)).toEqual(['approve', 'reject']);
    expect(decisionsFor('active', true)).toEqual(['freeze']);
    expect(decisionsFor('frozen', true)).toEqual(['unfreeze']);
    expect(decisionsFor('rejected', true)).toEqual([]);
    expect(decisionsFor('pending', false)).toEqual([]);
    expect(['approve', 'reject', 'freeze', 'unfreeze'].filter((decision) => needsReason(decision as never))).toEqual(['reject', 'freeze']);
  });

  it('reads the tab from the address', () => {
    expect(promoterTabFromQuery('pending')).toBe('pending');
    expect(promoterTabFromQuery('bogus')).toBe('all');
    expect(promoterTabFromQuery(null)).toBe('all');
    expect(promoterTabLabel('pending')).toBe('待审核（申请）');
    expect(promoterTabLabel('frozen')).toBe('已冻结');
  });
});

describe('佣金明细 filters', () => {
  it('sends only filled, valid filters, the same for the list and the export', () => {
    expect(commissionFilters({})).toEqual({});
    expect(commissionFilters({ promoterId: ' 12 ', status: 'settled', createdRange: ['2026-12-01', '2026-12-06'], orderNo: ' A123 ' })).toEqual({
      promoterId: 12,
      status: 'settled',
      from: '2026-12-01',
      to: '2026-12-06',
      orderNo: 'A123',
    });
    expect(commissionFilters({ promoterId: 'abc', status: 'paid', orderNo: '  ' })).toEqual({});
    expect(commissionFilters({ promoterId: 0 })).toEqual({});
    expect(commissionExportFilename('20261206')).toBe('佣金明细-20261206.csv');
  });
});
