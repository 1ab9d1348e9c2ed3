import { amountFormatProblem, checkAmount, pausedReason, mostNowFen, rulesText, type WithdrawalRules } from './withdrawal-form';

const rules: WithdrawalRules = { balanceFen: 12_345, debtFen: 0, minFen: 100, maxFen: 199_999, dailyLimitFen: 10_000, todayLeftFen: 8_000 };

describe('the withdrawal form', () => {
  it('says the rules and the most that can be asked for now', () => {
    expect(rulesText(rules)).toBe('单次 ¥1.00 起，最多 ¥1999.99；每天最多 ¥100.00，今天还可提现 ¥80.00');
    expect(mostNowFen(rules)).toBe(8_000);
    expect(mostNowFen({ ...rules, balanceFen: 50 })).toBe(50);
  });

  it('takes yuan with up to two decimals within the minimum, the balance and the day', () => {
    expect(checkAmount('12.5', rules)).toEqual({ fen: 1250 });
    expect(checkAmount('0.99', rules)).toEqual({ problem: '单次最少提现 ¥1.00' });
    expect(checkAmount('1.234', rules)).toEqual({ problem: '金额只能填数字，最多两位小数，不能带正负号' });
    expect(checkAmount('-1', rules)).toEqual({ problem: '金额只能填数字，最多两位小数，不能带正负号' });
    expect(checkAmount('1.2.3', rules)).toEqual({ problem: '金额只能填数字，最多两位小数，不能带正负号' });
    expect(checkAmount('+5', rules)).toEqual({ problem: '金额只能填数字，最多两位小数，不能带正负号' });
    expect(checkAmount('1e3', rules)).toEqual({ problem: '金额只能填数字，最多两位小数，不能带正负号' });
    expect(checkAmount('', rules)).toEqual({ problem: '请输入提现金额（元，最多两位小数）' });
    expect(checkAmount('124', rules)).toEqual({ problem: '可提现余额只有 ¥123.45' });
    expect(checkAmount('80.01', rules)).toEqual({ problem: '今天还可提现 ¥80.00' });
    expect(checkAmount('10', { ...rules, debtFen: 300 })).toEqual({ problem: '有 ¥3.00 佣金欠款待抵扣，还清前不能提现' });
  });

  it('flags impossible text while typing, without changing it', () => {
    expect(amountFormatProblem('')).toBeNull();
    expect(amountFormatProblem('12.')).toBeNull();
    expect(amountFormatProblem('12.34')).toBeNull();
    expect(amountFormatProblem('-1')).toBe('金额只能填数字，最多两位小数，不能带正负号');
    expect(amountFormatProblem('1.2.3')).toBe('金额只能填数字，最多两位小数，不能带正负号');
  });

  it('is paused for a frozen promoter only', () => {
    expect(pausedReason({ status: 'frozen' })).toBe('推广资格已冻结，暂停提现；已通过审核的提现仍可确认收款。如有疑问请联系客服');
    expect(pausedReason({ status: 'active' })).toBeNull();
    expect(pausedReason({ status: null })).toBeNull();
  });
});
