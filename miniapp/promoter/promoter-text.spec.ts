import type { CommissionRecord, MyPromoterStatus, ReferralLedgerEntry } from '@shared/api/referral';
import { ledgerAmounts, promoterEntryText, promoterView, rateText, reversalNote, signedYuan } from './promoter-text';

const base: MyPromoterStatus = {
  programEnabled: true,
  programMode: 'approved',
  status: null,
  rejectReason: null,
  freezeReason: null,
  spendToGoFen: null,
  referrer: null,
  teamLevel1Count: 0,
  teamLevel2Count: 0,
  balanceFen: 0,
  debtFen: 0,
  frozenCommissionFen: 0,
  settledCommissionFen: 0,
  reversedCommissionFen: 0,
  todayCommissionFen: 1234,
  totalCommissionFen: 0,
};

describe('promoter center text', () => {
  it('picks the view from the program and the status', () => {
    expect(promoterView({ ...base, programEnabled: false, status: 'active' })).toBe('off');
    expect(promoterView(base)).toBe('apply');
    expect(promoterView({ ...base, programMode: 'everyone', spendToGoFen: 5000 })).toBe('spend');
    expect(promoterView({ ...base, status: 'pending' })).toBe('pending');
    expect(promoterView({ ...base, status: 'rejected' })).toBe('rejected');
    expect(promoterView({ ...base, status: 'frozen' })).toBe('frozen');
    expect(promoterView({ ...base, status: 'active' })).toBe('active');
  });

  it('hides the 我的 entry when 分销 is off and says the state otherwise', () => {
    expect(promoterEntryText({ ...base, programEnabled: false })).toBeNull();
    // 分销 off, but money is left: the entry stays so the member can withdraw it or confirm a transfer.
    expect(promoterEntryText({ ...base, programEnabled: false, status: 'active', balanceFen: 500 })).toBe('分销已关闭 · 可提现 ¥5.00');
    expect(promoterEntryText({ ...base, programEnabled: false, debtFen: 120 })).toBe('分销已关闭 · 佣金欠款 ¥1.20');
    expect(promoterEntryText({ ...base, programEnabled: false }, true)).toBe('分销已关闭 · 有提现在处理中');
    expect(promoterEntryText({ ...base, status: 'frozen' })).toBe('推广资格已冻结，暂停提现');
    expect(promoterEntryText({ ...base, status: 'active' })).toBe('今日收益 ¥12.34');
    expect(promoterEntryText(base)).toBe('申请成为推广员');
    expect(promoterEntryText({ ...base, programMode: 'everyone', spendToGoFen: 5000 })).toBe('再消费 ¥50.00 成为推广员');
  });

  it('formats rates, signed amounts, ledger rows and reversals', () => {
    expect([rateText(1000), rateText(1250), rateText(5), rateText(0)]).toEqual(['10%', '12.5%', '0.05%', '0%']);
    expect([signedYuan(300), signedYuan(-45), signedYuan(0)]).toEqual(['+¥3.00', '-¥0.45', '']);
    const entry = { balanceDeltaFen: -200, debtDeltaFen: 100 } as ReferralLedgerEntry;
    expect(ledgerAmounts(entry)).toEqual({ balance: '-¥2.00', debt: '欠款 +¥1.00' });
    expect(ledgerAmounts({ ...entry, balanceDeltaFen: 0, debtDeltaFen: 0 })).toEqual({ balance: '¥0.00', debt: null });
    const record = { originalFen: 436, reversedFen: 145 } as CommissionRecord;
    expect(reversalNote(record)).toBe('原佣金 ¥4.36，退款扣回 ¥1.45');
    expect(reversalNote({ ...record, reversedFen: 0 })).toBeNull();
  });
});
