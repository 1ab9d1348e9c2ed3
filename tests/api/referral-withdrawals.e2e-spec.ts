import type { AdminWithdrawal, MyWithdrawals, Withdrawal, WithdrawalConfirmParams } from '../../shared';
import { TransactionRunner } from '../../server/src/platform/database/transaction-runner';
import { LedgerEntryRow } from '../../server/src/referral/ledger-entry.entity';
import { PromoterAccountRow } from '../../server/src/referral/promoter-account.entity';
import { PromoterLedger } from '../../server/src/referral/promoter-ledger';
import { WithdrawalRow } from '../../server/src/referral/withdrawals/withdrawal.entity';
import { WithdrawalTransferSweeper } from '../../server/src/referral/withdrawals/withdrawal-sweeper';
import { WITHDRAWAL_NOTIFY_PATH } from '../../server/src/referral/withdrawals/withdrawal-transfers';
import { eventually, signedHeaders } from './support/pay-helpers';
import { loginWithLink, saveReferralSettings, type Shopper } from './support/referral-fixtures';
import { API, bearer, expectApiError, startTestApp, staffToken, TEST_DB, type TestApp } from './support/test-app';

const TRANSFER_BILLS = '/v3/fund-app/mch-transfer/transfer-bills';

/**
 * Withdrawals through WeChat Pay 商家转账 against the fake over HTTP: the hold at request time (minimum, daily
 * limit, debt, balance, also 20 at once), staff's approval creating exactly one bill (also with two approvers at
 * once, and when the create's answer is lost), the payee's confirmation, the 24-hour expiry, staff's cancel and
 * reject giving the amount back once, and a notification racing the query sweep. Every case checks the database:
 * the withdrawal row, the ledger rows and the account, which must always equal the sum of its ledger.
 */
describe(`referral withdrawals (${TEST_DB})`, () => {
  let t: TestApp;
  let owner: string;
  let operator: string;
  let customerService: string;
  let credits = 0;
  let people = 0;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true, seedDemo: true });
    [owner, operator, customerService] = await Promise.all(['owner', 'operator', 'service'].map((name) => staffToken(t, name)));
    await saveReferralSettings(t, owner, { withdrawalMinFen: 100, withdrawalDailyLimitFen: 500_000 });
  });
  afterAll(() => t.close());

  /** A promoter with a settled balance of `balanceFen` (credited through the ledger, as the settlement sweep does). */
  async function promoter(balanceFen: number): Promise<Shopper & { identity: string }> {
    const identity = `withdrawal-promoter-${++people}`;
    const member = await loginWithLink(t, identity);
    if (balanceFen > 0) await credit(member.memberId, balanceFen);
    return { ...member, identity };
  }
  const credit = (memberId: number, amountFen: number) =>
    t.app.get(TransactionRunner).run((manager) => t.app.get(PromoterLedger).credit(manager, { memberId, kind: 'settlement', entryKey: `settle:test-${++credits}` }, amountFen));

  const request = (member: Shopper, amountFen: unknown) => t.api().post(`${API}/referral/withdrawals`).set(bearer(member.token)).send({ amountFen });
  const requested = async (member: Shopper, amountFen: number): Promise<Withdrawal> => (await request(member, amountFen).expect(201)).body;
  const staffAction = (token: string, id: number, action: 'approve' | 'reject' | 'cancel' | 'refresh', body: object = {}) =>
    t.api().post(`${API}/admin/referral/withdrawals/${id}/${action}`).set(bearer(token)).send(body);
  const row = (id: number) => t.dataSource.getRepository(WithdrawalRow).findOneByOrFail({ id });
  const settled = (id: number, status: string) => eventually(() => row(id), (current) => current.status === status);
  const account = async (memberId: number) => {
    const found = await t.dataSource.getRepository(PromoterAccountRow).findOneBy({ memberId });
    return { balance: found?.balanceFen ?? 0, debt: found?.debtFen ?? 0 };
  };
  const ledgerOf = (memberId: number) => t.dataSource.getRepository(LedgerEntryRow).find({ where: { memberId }, order: { id: 'ASC' } });
  /** The account equals the sum of its ledger rows, and the ledger has one hold and at most one release per withdrawal. */
  async function expectLedgerConsistent(memberId: number): Promise<void> {
    const entries = await ledgerOf(memberId);
    expect(await account(memberId)).toEqual({
      balance: entries.reduce((sum, entry) => sum + entry.balanceDeltaFen, 0),
      debt: entries.reduce((sum, entry) => sum + entry.debtDeltaFen, 0),
    });
    const withdrawals = await t.dataSource.getRepository(WithdrawalRow).findBy({ memberId });
    for (const withdrawal of withdrawals) {
      expect(entries.filter((entry) => entry.entryKey === `hold:${withdrawal.outBillNo}`)).toHaveLength(1);
      const releases = entries.filter((entry) => entry.entryKey === `release:${withdrawal.outBillNo}`);
      expect(releases).toHaveLength(['rejected', 'failed', 'cancelled'].includes(withdrawal.status) ? 1 : 0);
    }
  }
  const fakeBills = (outBillNo: string) => t.fake.state.pay.transfers.all().filter((bill) => bill.outBillNo === outBillNo);
  const tester = async (path: string, body: unknown) => {
    const response = await fetch(`${t.fake.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  /** A withdrawal approved by the owner, its bill waiting for the payee. */
  async function waiting(member: Shopper, amountFen: number): Promise<WithdrawalRow> {
    const created = await requested(member, amountFen);
    await staffAction(owner, created.id, 'approve').expect(200);
    const current = await row(created.id);
    expect(current).toMatchObject({ status: 'waiting', wechatState: 'WAIT_USER_CONFIRM', packageInfo: expect.any(String) });
    return current;
  }
  const sweep = (minutesFromNow: number) => t.app.get(WithdrawalTransferSweeper).sweep(new Date(Date.now() + minutesFromNow * 60_000));

  describe('requesting', () => {
    it('holds the amount in the request: the balance drops, a ledger row says why, the promoter lists it', async () => {
      const amy = await promoter(5000);
      const created = await requested(amy, 1234);
      expect(created).toMatchObject({ amountFen: 1234, status: 'requested', statusText: '待审核', canConfirm: false, rejectReason: null });
      const stored = await row(created.id);
      expect(stored.outBillNo).toMatch(/^[0-9A-Za-z]{1,32}$/);
      expect(await account(amy.memberId)).toEqual({ balance: 3766, debt: 0 });
      expect((await ledgerOf(amy.memberId)).at(-1)).toMatchObject({ kind: 'withdrawal_hold', balanceDeltaFen: -1234, balanceAfterFen: 3766, entryKey: `hold:${stored.outBillNo}` });

      const mine: MyWithdrawals = (await t.api().get(`${API}/referral/withdrawals`).set(bearer(amy.token)).expect(200)).body;
      expect(mine).toMatchObject({ balanceFen: 3766, debtFen: 0, minFen: 100, dailyLimitFen: 500_000, todayLeftFen: 500_000 - 1234, total: 1 });
      expect(mine.items[0]).toMatchObject({ id: created.id, status: 'requested' });
      await expectLedgerConsistent(amy.memberId);
    });

    it('refuses below the minimum, above the day’s limit (China day) and malformed amounts, writing nothing', async () => {
      await saveReferralSettings(t, owner, { withdrawalMinFen: 300, withdrawalDailyLimitFen: 1000 });
      try {
        const ben = await promoter(10_000);
        const tooLittle = await request(ben, 299).expect(400);
        expectApiError(tooLittle.body, 'WITHDRAWAL_AMOUNT_INVALID');
        expect(tooLittle.body.message).toBe('单次最少提现 ¥3.00');
        expectApiError((await request(ben, 1001).expect(409)).body, 'WITHDRAWAL_DAILY_LIMIT');
        for (const bad of ['600', 12.5, null, -1]) expectApiError((await request(ben, bad).expect(400)).body, 'VALIDATION_FAILED');
        await requested(ben, 600);
        const over = await request(ben, 500).expect(409);
        expectApiError(over.body, 'WITHDRAWAL_DAILY_LIMIT');
        expect(over.body.message).toContain('今天还可提现 ¥4.00');
        await requested(ben, 400);
        expect(await t.dataSource.getRepository(WithdrawalRow).countBy({ memberId: ben.memberId })).toBe(2);
        expect(await account(ben.memberId)).toEqual({ balance: 9000, debt: 0 });
        await expectLedgerConsistent(ben.memberId);
      } finally {
        await saveReferralSettings(t, owner, { withdrawalMinFen: 100, withdrawalDailyLimitFen: 500_000 });
      }
    });

    it('a debt blocks withdrawing (409), and nothing is held', async () => {
      const dan = await promoter(1000);
      // A refund after settlement takes back 1500 of a 1000 balance: 500 of debt.
      await t.app.get(TransactionRunner).run((manager) => t.app.get(PromoterLedger).takeBack(manager, { memberId: dan.memberId, kind: 'reversal', entryKey: `reverse:test-debt-${dan.memberId}` }, 1500));
      expect(await account(dan.memberId)).toEqual({ balance: 0, debt: 500 });
      expectApiError((await request(dan, 100).expect(409)).body, 'REFERRAL_DEBT_OUTSTANDING');
      // The next earning pays the debt first; only the rest can be withdrawn.
      await credit(dan.memberId, 800);
      expect(await account(dan.memberId)).toEqual({ balance: 300, debt: 0 });
      expectApiError((await request(dan, 400).expect(409)).body, 'REFERRAL_BALANCE_INSUFFICIENT');
      expect(await t.dataSource.getRepository(WithdrawalRow).countBy({ memberId: dan.memberId })).toBe(0);
      await requested(dan, 300);
      expect(await account(dan.memberId)).toEqual({ balance: 0, debt: 0 });
      await expectLedgerConsistent(dan.memberId);
    });

    it('20 parallel requests never take more than the balance: 1600 covers 16 of 100, and the ledger sums to the balance', async () => {
      const eve = await promoter(1600);
      const responses = await Promise.all(Array.from({ length: 20 }, () => request(eve, 100)));
      expect(responses.filter((response) => response.status === 201)).toHaveLength(16);
      for (const response of responses.filter((one) => one.status !== 201)) {
        expect(response.status).toBe(409);
        expectApiError(response.body, 'REFERRAL_BALANCE_INSUFFICIENT');
      }
      expect(await t.dataSource.getRepository(WithdrawalRow).countBy({ memberId: eve.memberId })).toBe(16);
      expect(await account(eve.memberId)).toEqual({ balance: 0, debt: 0 });
      await expectLedgerConsistent(eve.memberId);
    });

    it('20 parallel requests never pass the day’s limit: 1000 a day takes 10 of 100 although the balance covers all', async () => {
      await saveReferralSettings(t, owner, { withdrawalMinFen: 100, withdrawalDailyLimitFen: 1000 });
      try {
        const fay = await promoter(5000);
        const responses = await Promise.all(Array.from({ length: 20 }, () => request(fay, 100)));
        expect(responses.filter((response) => response.status === 201)).toHaveLength(10);
        for (const response of responses.filter((one) => one.status !== 201)) expectApiError(response.body, 'WITHDRAWAL_DAILY_LIMIT');
        expect(await account(fay.memberId)).toEqual({ balance: 4000, debt: 0 });
        await expectLedgerConsistent(fay.memberId);
      } finally {
        await saveReferralSettings(t, owner, { withdrawalMinFen: 100, withdrawalDailyLimitFen: 500_000 });
      }
    });

    it('another member’s withdrawal is 404; members need to log in', async () => {
      const gus = await promoter(1000);
      const hal = await promoter(1000);
      const mine = await waiting(gus, 500);
      expectApiError((await t.api().get(`${API}/referral/withdrawals/${mine.id}`).set(bearer(hal.token)).expect(404)).body, 'WITHDRAWAL_NOT_FOUND');
      expectApiError((await t.api().get(`${API}/referral/withdrawals/${mine.id}/confirm-params`).set(bearer(hal.token)).expect(404)).body, 'WITHDRAWAL_NOT_FOUND');
      expect((await t.api().get(`${API}/referral/withdrawals`).set(bearer(hal.token)).expect(200)).body.items).toEqual([]);
      await t.api().get(`${API}/referral/withdrawals`).expect(401);
      // Every malformed id is the same 400, never a 404 (1e3 is not the id 1000).
      for (const id of ['abc', '1e3', '1.0', '0', '-1', '0x10', '99999999999']) {
        expectApiError((await t.api().get(`${API}/referral/withdrawals/${id}`).set(bearer(gus.token)).expect(400)).body, 'VALIDATION_FAILED');
        expectApiError((await t.api().get(`${API}/referral/withdrawals/${id}/confirm-params`).set(bearer(gus.token)).expect(400)).body, 'VALIDATION_FAILED');
      }
    });
  });

  describe('staff', () => {
    it('approve creates one bill (scene 1005, the withdrawal’s out_bill_no, the notify URL) and stores its package; the payee confirms → success, the balance stays debited', async () => {
      const ivy = await promoter(3000);
      const created = await requested(ivy, 1888);
      const approved: AdminWithdrawal = (await staffAction(operator, created.id, 'approve').expect(200)).body;
      expect(approved).toMatchObject({ status: 'waiting', wechatState: 'WAIT_USER_CONFIRM', canConfirm: true, reviewedByName: expect.any(String), memberId: ivy.memberId });
      const stored = await row(created.id);
      expect(fakeBills(stored.outBillNo)).toHaveLength(1);
      const bill = fakeBills(stored.outBillNo)[0];
      expect(bill).toMatchObject({ sceneId: '1005', amountFen: 1888, remark: '推广佣金提现', openid: t.fake.state.openidFor(ivy.identity), userNameCipher: null });
      expect(bill.notifyUrl).toBe(`${t.config.wechatPay.publicBaseUrl}${WITHDRAWAL_NOTIFY_PATH}`);
      expect(stored).toMatchObject({ packageInfo: bill.packageInfo, transferBillNo: bill.transferBillNo, reviewedAt: expect.any(Date), billCreatedAt: expect.any(Date) });

      const params: WithdrawalConfirmParams = (await t.api().get(`${API}/referral/withdrawals/${created.id}/confirm-params`).set(bearer(ivy.token)).expect(200)).body;
      expect(params).toEqual({ mchId: t.config.wechatPay.mchid, appId: t.config.wechat.appid, package: bill.packageInfo });

      // Only the payee can confirm; then the notification makes it success.
      expect((await tester('/fake/transfer/confirm', { packageInfo: params.package, identity: 'someone-else' })).status).toBe(403);
      expect((await tester('/fake/transfer/confirm', { packageInfo: params.package, identity: ivy.identity })).status).toBe(200);
      const done = await settled(created.id, 'success');
      expect(done).toMatchObject({ wechatState: 'SUCCESS', finishedAt: expect.any(Date), failReason: null });
      expect(await account(ivy.memberId)).toEqual({ balance: 3000 - 1888, debt: 0 });
      await expectLedgerConsistent(ivy.memberId);
      // Over: no more confirming, approving or cancelling.
      expectApiError((await t.api().get(`${API}/referral/withdrawals/${created.id}/confirm-params`).set(bearer(ivy.token)).expect(409)).body, 'WITHDRAWAL_STATE_CONFLICT');
      expectApiError((await staffAction(owner, created.id, 'cancel').expect(409)).body, 'WITHDRAWAL_STATE_CONFLICT');
      expectApiError((await staffAction(owner, created.id, 'approve').expect(409)).body, 'WITHDRAWAL_STATE_CONFLICT');
    });

    it('two staff approving the same withdrawal at once: one wins, the other 409, and the fake has one bill from one create', async () => {
      const jay = await promoter(2000);
      for (let round = 0; round < 3; round++) {
        const created = await requested(jay, 300);
        const { outBillNo } = await row(created.id);
        const createsBefore = t.fake.state.calls.filter((call) => call.method === 'POST' && call.path === TRANSFER_BILLS).length;
        const answers = await Promise.all([staffAction(owner, created.id, 'approve'), staffAction(operator, created.id, 'approve'), staffAction(owner, created.id, 'approve')]);
        expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
        for (const answer of answers.filter((one) => one.status === 409)) expectApiError(answer.body, 'WITHDRAWAL_STATE_CONFLICT');
        expect(fakeBills(outBillNo)).toHaveLength(1);
        expect(t.fake.state.calls.filter((call) => call.method === 'POST' && call.path === TRANSFER_BILLS).length - createsBefore).toBe(1);
        expect(await row(created.id)).toMatchObject({ status: 'waiting', packageInfo: fakeBills(outBillNo)[0].packageInfo });
      }
      await expectLedgerConsistent(jay.memberId);
    });

    it.each([['system_error'], ['timeout']])('a create answered with %s: the server queries first, recovers the package with the same out_bill_no, never a second bill', async (fault) => {
      const kim = await promoter(2000);
      const created = await requested(kim, 700);
      const { outBillNo } = await row(created.id);
      const from = t.fake.state.calls.length;
      expect(await tester('/fake/transfer/fault', { fault })).toEqual({ status: 200, body: { armed: fault } });
      await staffAction(owner, created.id, 'approve').expect(200);

      const calls = t.fake.state.calls.slice(from).filter((call) => call.path.startsWith(TRANSFER_BILLS)).map((call) => `${call.method} ${call.path.replace(TRANSFER_BILLS, '')}`);
      // Create (unclear) → query by out_bill_no → create again under the same out_bill_no (answers the package).
      expect(calls).toEqual(['POST ', `GET /out-bill-no/${outBillNo}`, 'POST ']);
      expect(fakeBills(outBillNo)).toHaveLength(1);
      expect(await row(created.id)).toMatchObject({ status: 'waiting', wechatState: 'WAIT_USER_CONFIRM', packageInfo: fakeBills(outBillNo)[0].packageInfo, lastError: null });
      await expectLedgerConsistent(kim.memberId);
    }, 30_000);

    it('a lost package is fetched again (same out_bill_no) when the promoter asks to confirm, and a present one is never overwritten', async () => {
      const lea = await promoter(2000);
      const bill = await waiting(lea, 800);
      await t.dataSource.getRepository(WithdrawalRow).update({ id: bill.id }, { packageInfo: null });
      const params: WithdrawalConfirmParams = (await t.api().get(`${API}/referral/withdrawals/${bill.id}/confirm-params`).set(bearer(lea.token)).expect(200)).body;
      expect(params.package).toBe(fakeBills(bill.outBillNo)[0].packageInfo);
      expect((await row(bill.id)).packageInfo).toBe(params.package);
      expect(fakeBills(bill.outBillNo)).toHaveLength(1);

      // Whatever WeChat answers later (a refresh, the sweep, a create answer again), the stored package stays.
      await t.dataSource.getRepository(WithdrawalRow).update({ id: bill.id }, { packageInfo: 'kept-as-stored' });
      await staffAction(owner, bill.id, 'refresh').expect(200);
      await sweep(10);
      expect((await row(bill.id)).packageInfo).toBe('kept-as-stored');
    });

    it('an approval that crashed before its create: the sweep queries first and creates only when WeChat has no bill', async () => {
      const max = await promoter(2000);
      const created = await requested(max, 900);
      // As if the process died right after committing the approval.
      await t.dataSource.getRepository(WithdrawalRow).update({ id: created.id }, { status: 'approved', reviewedAt: new Date(Date.now() - 10 * 60_000) });
      const { outBillNo } = await row(created.id);
      const from = t.fake.state.calls.length;
      expect(await sweep(0)).toBe(1);
      const calls = t.fake.state.calls.slice(from).filter((call) => call.path.startsWith(TRANSFER_BILLS)).map((call) => `${call.method} ${call.path.replace(TRANSFER_BILLS, '')}`);
      expect(calls).toEqual([`GET /out-bill-no/${outBillNo}`, 'POST ']);
      expect(await row(created.id)).toMatchObject({ status: 'waiting', packageInfo: fakeBills(outBillNo)[0].packageInfo });
      // A second sweep finds the bill and creates nothing.
      await sweep(10);
      expect(fakeBills(outBillNo)).toHaveLength(1);
      expect(t.fake.state.calls.slice(from).filter((call) => call.method === 'POST' && call.path === TRANSFER_BILLS)).toHaveLength(1);
    });

    it('24 hours without a confirmation: FAIL (OVERDUE_CLOSE), and the amount comes back once', async () => {
      const ned = await promoter(2000);
      const bill = await waiting(ned, 1500);
      expect(await account(ned.memberId)).toEqual({ balance: 500, debt: 0 });
      expect((await tester('/fake/transfer/expire', { outBillNo: bill.outBillNo })).status).toBe(200);
      const failed = await settled(bill.id, 'failed');
      expect(failed).toMatchObject({ wechatState: 'FAIL', failReason: 'OVERDUE_CLOSE', finishedAt: expect.any(Date) });
      expect(await account(ned.memberId)).toEqual({ balance: 2000, debt: 0 });
      const mine: MyWithdrawals = (await t.api().get(`${API}/referral/withdrawals`).set(bearer(ned.token)).expect(200)).body;
      expect(mine.items[0]).toMatchObject({ status: 'failed', statusText: '转账失败', failReasonText: '超过 24 小时未确认收款，转账已关闭', canConfirm: false });

      // The same notification again, the sweep and a refresh: nothing more comes back.
      await tester('/fake/transfer/redeliver', { outBillNo: bill.outBillNo });
      await sweep(10);
      await staffAction(owner, bill.id, 'refresh').expect(200);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await account(ned.memberId)).toEqual({ balance: 2000, debt: 0 });
      await expectLedgerConsistent(ned.memberId);
    });

    it('24 hours pass and the notification is lost: the query sweep finds FAIL and gives the amount back once', async () => {
      const una = await promoter(2000);
      const bill = await waiting(una, 700);
      // WeChat's notification never arrives (the fake has nowhere to send it).
      t.fake.state.pay.transfers.bill(bill.outBillNo)!.notifyUrl = null;
      expect((await tester('/fake/transfer/expire', { outBillNo: bill.outBillNo })).status).toBe(200);
      // Not due yet: the bill was heard of a moment ago.
      expect(await sweep(0)).toBe(0);
      expect((await row(bill.id)).status).toBe('waiting');
      expect(await sweep(10)).toBe(1);
      expect(await row(bill.id)).toMatchObject({ status: 'failed', wechatState: 'FAIL', failReason: 'OVERDUE_CLOSE' });
      expect(await sweep(20)).toBe(0);
      expect(await account(una.memberId)).toEqual({ balance: 2000, debt: 0 });
      await expectLedgerConsistent(una.memberId);
    });

    it('staff cancel a bill still waiting: CANCELING, then cancelled and the amount back once; roles as the server says', async () => {
      const oli = await promoter(2000);
      const bill = await waiting(oli, 1200);
      await staffAction(customerService, bill.id, 'cancel').expect(403);
      const cancelling: AdminWithdrawal = (await staffAction(owner, bill.id, 'cancel').expect(200)).body;
      expect(cancelling).toMatchObject({ cancelledByStaffId: expect.any(Number), cancelledByName: expect.any(String) });
      const cancelled = await settled(bill.id, 'cancelled');
      expect(cancelled).toMatchObject({ wechatState: 'CANCELLED', cancelRequestedAt: expect.any(Date) });
      expect(await account(oli.memberId)).toEqual({ balance: 2000, debt: 0 });
      // The payee can no longer confirm it; cancelling again is a conflict.
      expect((await tester('/fake/transfer/confirm', { packageInfo: bill.packageInfo, identity: oli.identity })).status).toBe(409);
      expectApiError((await staffAction(operator, bill.id, 'cancel').expect(409)).body, 'WITHDRAWAL_STATE_CONFLICT');
      await tester('/fake/transfer/redeliver', { outBillNo: bill.outBillNo });
      await sweep(10);
      await expectLedgerConsistent(oli.memberId);
    });

    it('a cancel after the payee confirmed is refused (409) and the withdrawal follows WeChat to success', async () => {
      const pam = await promoter(2000);
      const bill = await waiting(pam, 1000);
      await tester('/fake/transfer/confirm', { packageInfo: bill.packageInfo, identity: pam.identity });
      const refused = await staffAction(owner, bill.id, 'cancel').expect(409);
      expect(refused.body).toMatchObject({ code: 'WITHDRAWAL_STATE_CONFLICT', message: '用户已确认收款或转账已结束，不能撤销' });
      await settled(bill.id, 'success');
      expect((await row(bill.id)).cancelledByStaffId).toBeNull();
      expect(await account(pam.memberId)).toEqual({ balance: 1000, debt: 0 });
      await expectLedgerConsistent(pam.memberId);
    });

    it('reject needs a reason, gives the amount back, and the promoter reads the reason', async () => {
      const quinn = await promoter(2000);
      const created = await requested(quinn, 600);
      expectApiError((await staffAction(owner, created.id, 'reject', { reason: '  ' }).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await staffAction(owner, created.id, 'reject', {}).expect(400)).body, 'VALIDATION_FAILED');
      const rejected: AdminWithdrawal = (await staffAction(operator, created.id, 'reject', { reason: '请先完善收款信息' }).expect(200)).body;
      expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '请先完善收款信息', reviewedByName: expect.any(String) });
      expect(await account(quinn.memberId)).toEqual({ balance: 2000, debt: 0 });
      const mine: Withdrawal = (await t.api().get(`${API}/referral/withdrawals/${created.id}`).set(bearer(quinn.token)).expect(200)).body;
      expect(mine).toMatchObject({ status: 'rejected', statusText: '未通过', rejectReason: '请先完善收款信息' });
      expectApiError((await staffAction(owner, created.id, 'approve').expect(409)).body, 'WITHDRAWAL_STATE_CONFLICT');
      expectApiError((await staffAction(owner, created.id, 'reject', { reason: '再拒一次' }).expect(409)).body, 'WITHDRAWAL_STATE_CONFLICT');
      expect(fakeBills((await row(created.id)).outBillNo)).toHaveLength(0);
      await expectLedgerConsistent(quinn.memberId);
    });

    it('the queue filters by state and promoter; customer service and the warehouse may not see it; unknown ids are 404', async () => {
      const rae = await promoter(2000);
      const one = await requested(rae, 200);
      await waiting(rae, 300);
      const queue = (query: string, token = operator) => t.api().get(`${API}/admin/referral/withdrawals${query}`).set(bearer(token));
      const requestedOnly = (await queue(`?status=requested&memberId=${rae.memberId}`).expect(200)).body;
      expect(requestedOnly).toMatchObject({ total: 1, items: [{ id: one.id, status: 'requested', amountFen: 200, memberId: rae.memberId }] });
      expect((await queue(`?memberId=${rae.memberId}`).expect(200)).body.total).toBe(2);
      await queue('', customerService).expect(403);
      expectApiError((await queue('?status=paid').expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await staffAction(owner, 999_999, 'approve').expect(404)).body, 'WITHDRAWAL_NOT_FOUND');
      expectApiError((await staffAction(owner, 999_999, 'cancel').expect(404)).body, 'WITHDRAWAL_NOT_FOUND');
    });
  });

  describe('notifications', () => {
    it('a transfer notification racing the query sweep and a refresh, 10 times: one state change, one ledger row each time', async () => {
      const sam = await promoter(10_000);
      for (let round = 0; round < 10; round++) {
        const bill = await waiting(sam, 500);
        const before = await account(sam.memberId);
        // The fake closes the bill and posts MCHTRANSFER.BILL.FINISHED while the sweep and staff ask WeChat and a redelivery arrives.
        await Promise.all([
          tester('/fake/transfer/expire', { outBillNo: bill.outBillNo }).then(() => tester('/fake/transfer/redeliver', { outBillNo: bill.outBillNo })),
          sweep(10),
          sweep(10),
          staffAction(owner, bill.id, 'refresh'),
        ]);
        const { finishedAt } = await settled(bill.id, 'failed');
        // Later news changes nothing: the withdrawal ended once.
        await Promise.all([tester('/fake/transfer/redeliver', { outBillNo: bill.outBillNo }), sweep(10)]);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect((await row(bill.id)).finishedAt).toEqual(finishedAt);
        expect(await account(sam.memberId)).toEqual({ balance: before.balance + 500, debt: 0 });
        const releases = (await ledgerOf(sam.memberId)).filter((entry) => entry.entryKey === `release:${bill.outBillNo}`);
        expect(releases).toHaveLength(1);
      }
      expect(await account(sam.memberId)).toEqual({ balance: 10_000, debt: 0 });
      await expectLedgerConsistent(sam.memberId);
    }, 60_000);

    it('ignores a genuine notification that names another payee: the withdrawal stays waiting and nothing comes back', async () => {
      const una = await promoter(1000);
      const bill = await waiting(una, 300);
      const fakeBill = t.fake.state.pay.transfers.bill(bill.outBillNo)!;
      const notice = {
        mchid: t.config.wechatPay.fake!.merchant.mchid,
        out_bill_no: bill.outBillNo,
        transfer_bill_no: fakeBill.transferBillNo,
        state: 'FAIL',
        transfer_amount: 300,
        fail_reason: 'OVERDUE_CLOSE',
        openid: t.fake.state.openidFor('someone-else'),
        create_time: new Date().toISOString(),
        update_time: new Date().toISOString(),
      };
      const notification = JSON.stringify(t.fake.state.pay.notification('MCHTRANSFER.BILL.FINISHED', '商家转账单据终态通知', 'mch_payment', notice, ''));
      await t.api().post(WITHDRAWAL_NOTIFY_PATH).set(signedHeaders(t, notification)).send(notification).expect(204);
      expect(await row(bill.id)).toMatchObject({ status: 'waiting', wechatState: 'WAIT_USER_CONFIRM' });
      expect(await account(una.memberId)).toEqual({ balance: 700, debt: 0 });
      await expectLedgerConsistent(una.memberId);
    });

    it('refuses a notification that is not signed by WeChat Pay (401 FAIL) and changes nothing', async () => {
      const tom = await promoter(1000);
      const bill = await waiting(tom, 400);
      await tester('/fake/transfer/expire', { outBillNo: bill.outBillNo });
      const notification = JSON.stringify(t.fake.state.pay.transfers.bill(bill.outBillNo)!.notification);
      await settled(bill.id, 'failed');
      const forged = await t.api().post(WITHDRAWAL_NOTIFY_PATH).set(signedHeaders(t, notification, { key: 'stranger' })).send(notification);
      expect(forged.status).toBe(401);
      expect(forged.body).toMatchObject({ code: 'FAIL' });
      // A genuine repeat is acknowledged (204) and changes nothing.
      await t.api().post(WITHDRAWAL_NOTIFY_PATH).set(signedHeaders(t, notification)).send(notification).expect(204);
      expect(await account(tom.memberId)).toEqual({ balance: 1000, debt: 0 });
      await expectLedgerConsistent(tom.memberId);
    });
  });
});
