import { describe, expect, it } from 'vitest';
import type { ReferralSettings } from '@shared/api/referral';
import { commissionExportFilename, commissionFilters } from './commission-filters';
import { decisionsFor, needsReason, promoterTabFromQuery, promoterTabLabel } from './promoter-actions';
import {
  AFTER_SALE_DAYS_BOUNDS,
  BINDING_DAYS_BOUNDS,
  formToSettings,
  level2RateProblem,
  numberProblem,
  percentToBp,
  productRateText,
  RATE_BOUNDS,
  ratesProblem,
  ratesToRequest,
  referralRuleText,
  settingAmountProblem,
  settingsToForm,
  withdrawalLimitsProblem,
  withdrawalMinProblem,
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
    expect(settingAmountProblem('1000000.01')).toBe('金额应在 ¥0.01 到 ¥1000000.00 之间');
    expect(settingAmountProblem('1000000')).toBeNull();
    expect(settingAmountProblem('')).toBeNull();
  });

  it('refuses a typed number instead of clamping or rounding it: negative, too many decimals, out of range', () => {
    // What the tester typed: -5 (was saved as 0, switching commission off) and 10.555 (was saved as 1056 bp).
    expect(numberProblem(-5, RATE_BOUNDS)).toBe('佣金比例不能为负数');
    expect(numberProblem(10.555, RATE_BOUNDS)).toBe('佣金比例最多两位小数');
    expect(numberProblem(0.001, RATE_BOUNDS)).toBe('佣金比例最多两位小数');
    expect(numberProblem(100.01, RATE_BOUNDS)).toBe('佣金比例应在 0–100% 之间');
    expect([numberProblem(10.55, RATE_BOUNDS), numberProblem(0, RATE_BOUNDS), numberProblem(100, RATE_BOUNDS), numberProblem(null, RATE_BOUNDS)]).toEqual([null, null, null, null]);
    // Level 2: blank is "no level 2"; 0 (or anything that rounds to 0 bp) is refused, not saved as a level paying nothing.
    expect(level2RateProblem(0)).toBe('二级佣金比例须大于 0；不设二级请留空');
    expect(level2RateProblem(0.001)).toBe('佣金比例最多两位小数');
    expect([level2RateProblem(null), level2RateProblem(undefined), level2RateProblem(0.01)]).toEqual([null, null, null]);
    // Whole days within the server's bounds.
    expect(numberProblem(1.5, BINDING_DAYS_BOUNDS)).toBe('绑定有效期请输入整数');
    expect(numberProblem(0, BINDING_DAYS_BOUNDS)).toBe('绑定有效期应在 1–3650 天 之间');
    expect(numberProblem(-1, AFTER_SALE_DAYS_BOUNDS)).toBe('结算等待期不能为负数');
    expect(numberProblem(91, AFTER_SALE_DAYS_BOUNDS)).toBe('结算等待期应在 0–90 天 之间');
    expect([numberProblem(0, AFTER_SALE_DAYS_BOUNDS), numberProblem(3650, BINDING_DAYS_BOUNDS)]).toEqual([null, null]);
    // The withdrawal minimum: what one WeChat transfer takes (0.10 – 1999.99 元), as the server checks it.
    expect(withdrawalMinProblem('0.09')).toBe('金额应在 ¥0.10 到 ¥1999.99 之间');
    expect(withdrawalMinProblem('2000')).toBe('金额应在 ¥0.10 到 ¥1999.99 之间');
    expect([withdrawalMinProblem('0.10'), withdrawalMinProblem('1999.99')]).toEqual([null, null]);
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
