import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import type { FakeTransferConfirmResponse } from '../../shared/api/wechat-fake';
import type { AppConfig } from '../../server/src/platform/config/app-config';
import { decryptSensitiveField, newNonce, responseSigningMessage, signSha256WithRsa, unixSeconds } from '../../server/src/wechat/pay/wechat-pay-crypto';
import {
  WechatPayApiError,
  WechatPayNotificationRejected,
  WechatPayUnreachableError,
  WechatTransferInvalidInput,
  WechatTransferOutcomeUnknown,
} from '../../server/src/wechat/pay/wechat-pay-errors';
import { createWechatPay } from '../../server/src/wechat/pay/wechat-pay.factory';
import { WechatPayNotificationVerifier } from '../../server/src/wechat/pay/wechat-pay-notification.verifier';
import { WechatTransferClient, type TransferBillInput } from '../../server/src/wechat/pay/wechat-transfer.client';
import { commissionSceneReport, TRANSFER_SCENE_COMMISSION } from '../../server/src/wechat/pay/wechat-transfer.types';
import type { FakeWechatServer } from '../../server/src/wechat-fake/fake-wechat-server';
import { FakePayBench } from '../../server/src/wechat-fake/testing/fake-pay-bench';
import type { ReceivedNotification } from '../../server/src/wechat-fake/testing/notify-receiver';
import { eventually, signedHeaders } from './support/pay-helpers';
import { startTestApp, TEST_DB, type TestApp } from './support/test-app';

const HOUR_MS = 3600 * 1000;

/**
 * 商家转账 at the protocol level: the server's WechatTransferClient and notification verifier against the fake
 * WeChat Pay over HTTP, with a notify receiver standing in for the shop. No database is involved (the withdrawal
 * domain that stores bills builds on this); the last block checks the app's own wiring on the test database.
 */
describe('WeChat Pay 商家转账 protocol: client ↔ fake over HTTP', () => {
  const bench = new FakePayBench({
    name: 'mch-transfer-e2e',
    pay: { notifyRetryFactor: 0.0001, transferSettleMs: 30, transferTimeoutDelayMs: 1500 },
    timeoutMs: 400,
    notifyPath: '/api/v1/withdrawals/wechat-transfer/notify',
  });
  const { clock, receiver } = bench;
  let config: AppConfig;
  let fake: FakeWechatServer;
  let transfers: WechatTransferClient;
  let verifier: WechatPayNotificationVerifier;
  let notifyUrl: string;
  let seq = 0;

  beforeAll(async () => {
    ({ config, fake, transfers, verifier, notifyUrl } = await bench.start());
  });
  afterAll(() => bench.stop());
  afterEach(() => {
    bench.offsetMs = 0;
  });

  const openidOf = (identity: string) => fake.state.openidFor(identity);
  const newOutBillNo = () => `W${Date.now()}${String(++seq).padStart(4, '0')}`;
  const billInput = (overrides: Partial<TransferBillInput> = {}): TransferBillInput => ({
    outBillNo: newOutBillNo(),
    openid: openidOf('promoter-amy'),
    amountFen: 12345,
    remark: '推广佣金提现',
    sceneId: TRANSFER_SCENE_COMMISSION,
    sceneReportInfos: commissionSceneReport('推广员', '推广佣金提现'),
    notifyUrl,
    ...overrides,
  });
  const tester = async (path: string, body: unknown) => {
    const response = await fetch(`${fake.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  /** The bill's deliveries; those signed while a test had moved the clock 24 h on no longer verify and are passed over. */
  const deliveriesFor = (outBillNo: string) =>
    receiver.received.filter((delivery) => {
      try {
        return verifier.verifyTransfer(delivery.rawBody, delivery.headers).transfer.out_bill_no === outBillNo;
      } catch (error) {
        if (error instanceof WechatPayNotificationRejected && error.reason === 'STALE_TIMESTAMP') return false;
        throw error;
      }
    });
  /** Waits for the bill's n-th notification and answers it verified and decrypted by the server's parser. */
  const noticeFor = async (outBillNo: string, count = 1) => {
    const deliveries = await eventually(
      async () => deliveriesFor(outBillNo),
      (found) => found.length >= count,
    );
    return verifier.verifyTransfer(deliveries[count - 1].rawBody, deliveries[count - 1].headers);
  };
  const createCalls = () => fake.state.calls.filter((call) => call.method === 'POST' && call.path === '/v3/fund-app/mch-transfer/transfer-bills').length;

  describe('create', () => {
    it('creates a bill waiting for the payee, with a package; both queries answer it, without the package', async () => {
      const input = billInput({ userRecvPerception: '劳务报酬' });
      const created = await transfers.createTransferBill(input);
      expect(created).toEqual({
        out_bill_no: input.outBillNo,
        transfer_bill_no: expect.stringMatching(/^1330\d{36}$/),
        create_time: expect.stringMatching(/\+08:00$/),
        state: 'WAIT_USER_CONFIRM',
        package_info: expect.stringMatching(/^[A-Za-z0-9+/]{64}$/),
      });

      const byOutNo = await transfers.queryTransferBillByOutNo(input.outBillNo);
      expect(byOutNo).toEqual({
        mch_id: config.wechatPay.mchid,
        out_bill_no: input.outBillNo,
        transfer_bill_no: created.transfer_bill_no,
        appid: config.wechat.appid,
        state: 'WAIT_USER_CONFIRM',
        transfer_amount: 12345,
        transfer_remark: '推广佣金提现',
        openid: input.openid,
        create_time: created.create_time,
        update_time: created.create_time,
      });
      expect(await transfers.queryTransferBillByNo(created.transfer_bill_no)).toEqual(byOutNo);
      expect(await transfers.queryTransferBillByOutNo('W404NeverCreated')).toBeNull();
      expect(await transfers.queryTransferBillByNo('1330000000000000000000000000000000000000')).toBeNull();
      // What the fake received: the 佣金报酬 scene with its report items and the notify URL.
      expect(fake.state.pay.transfers.bill(input.outBillNo)).toMatchObject({ sceneId: '1005', notifyUrl, userRecvPerception: '劳务报酬', userNameCipher: null });
    });

    it('the same out_bill_no again, also 10 times in parallel, answers the same bill and package: never a second bill', async () => {
      const input = billInput();
      const first = await transfers.createTransferBill(input);
      const again = await Promise.all(Array.from({ length: 10 }, () => transfers.createTransferBill(input)));
      for (const answer of again) expect(answer).toEqual(first);

      // Another amount under the same out_bill_no: WeChat answers INVALID_REQUEST 单号已存在但信息不一致，请查单, which says
      // a bill exists, so the client reports "outcome unknown" (query first), never a refusal; the bill keeps its amount.
      const changed = await transfers.createTransferBill({ ...input, amountFen: 99999 }).catch((error: unknown) => error);
      expect(changed).toBeInstanceOf(WechatTransferOutcomeUnknown);
      expect((changed as WechatTransferOutcomeUnknown).failure).toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
      expect((await transfers.queryTransferBillByOutNo(input.outBillNo))).toMatchObject({ transfer_bill_no: first.transfer_bill_no, transfer_amount: 12345 });
    });

    it('encrypts user_name with the WeChat Pay public key (required from 2,000 元) and refuses before sending without it', async () => {
      const callsBefore = createCalls();
      const missing = billInput({ amountFen: 200_000 });
      await expect(transfers.createTransferBill(missing)).rejects.toBeInstanceOf(WechatTransferInvalidInput);
      await expect(transfers.createTransferBill(billInput({ outBillNo: 'has-dash' }))).rejects.toThrow('out_bill_no');
      await expect(transfers.createTransferBill(billInput({ remark: '备'.repeat(33) }))).rejects.toThrow('转账备注');
      expect(createCalls()).toBe(callsBefore);
      expect(await transfers.queryTransferBillByOutNo(missing.outBillNo)).toBeNull();

      const named = await transfers.createTransferBill({ ...missing, userName: '王小明' });
      expect(named.state).toBe('WAIT_USER_CONFIRM');
      const cipher = fake.state.pay.transfers.bill(missing.outBillNo)!.userNameCipher!;
      expect(cipher).not.toContain('王小明');
      expect(decryptSensitiveField(cipher, createPrivateKey(config.wechatPay.fake!.merchant.platformPrivateKeyPem))).toBe('王小明');
      expect((await transfers.queryTransferBillByOutNo(missing.outBillNo))!.user_name).toBe(cipher);
    });

    it.each([
      ['no scene report', { sceneReportInfos: [] as never[] }, 'invalid-input'],
      ['a report without 报酬说明', { sceneReportInfos: [{ info_type: '岗位类型', info_content: '推广员' }] }, 'PARAM_ERROR'],
      ['a scene the merchant has not opened', { sceneId: '1234' }, 'NO_AUTH'],
      ['less than 0.1 元', { amountFen: 5 }, 'INVALID_REQUEST'],
      ['an openid of another shape', { openid: 'not an openid!' }, 'PARAM_ERROR'],
      ['a 用户收款感知 the scene does not show', { userRecvPerception: '现金奖励' }, 'INVALID_REQUEST'],
    ])('refuses %s: before sending, or "outcome unknown" keeping WeChat\'s code; the query then finds no bill', async (_what, overrides, expected) => {
      const input = billInput(overrides as Partial<TransferBillInput>);
      const error = await transfers.createTransferBill(input).catch((caught: unknown) => caught);
      if (expected === 'invalid-input') expect(error).toBeInstanceOf(WechatTransferInvalidInput);
      else {
        // A sent create is never a definite refusal: the caller queries by out_bill_no before anything else.
        expect(error).toBeInstanceOf(WechatTransferOutcomeUnknown);
        expect((error as WechatTransferOutcomeUnknown).failure).toBeInstanceOf(WechatPayApiError);
        expect(((error as WechatTransferOutcomeUnknown).failure as WechatPayApiError).code).toBe(expected);
      }
      expect(await transfers.queryTransferBillByOutNo(input.outBillNo)).toBeNull();
    });
  });

  describe('the payee confirms', () => {
    it('only the payee may confirm; then TRANSFERING → SUCCESS and a MCHTRANSFER.BILL.FINISHED the server verifies and decrypts', async () => {
      const input = billInput({ openid: openidOf('promoter-bob'), amountFen: 8800 });
      const created = await transfers.createTransferBill(input);

      const stranger = await tester('/fake/transfer/confirm', { packageInfo: created.package_info, identity: 'someone-else' });
      expect(stranger).toEqual({ status: 403, body: { message: '你的微信号与商家指定的微信号不一致' } });
      expect((await transfers.queryTransferBillByOutNo(input.outBillNo))!.state).toBe('WAIT_USER_CONFIRM');

      const confirmed = await tester('/fake/transfer/confirm', { packageInfo: created.package_info, identity: 'promoter-bob' });
      expect(confirmed).toEqual({
        status: 200,
        body: { outBillNo: input.outBillNo, transferBillNo: created.transfer_bill_no, state: 'TRANSFERING', errMsg: 'requestMerchantTransfer:ok' } satisfies FakeTransferConfirmResponse,
      });

      const notification = await noticeFor(input.outBillNo);
      expect(notification).toMatchObject({ eventType: 'MCHTRANSFER.BILL.FINISHED', summary: '商家转账单据终态通知', id: expect.any(String) });
      expect(notification.transfer).toEqual({
        mchid: config.wechatPay.mchid,
        out_bill_no: input.outBillNo,
        transfer_bill_no: created.transfer_bill_no,
        state: 'SUCCESS',
        transfer_amount: 8800,
        openid: input.openid,
        create_time: created.create_time,
        update_time: expect.any(String),
      });
      // As WeChat sends it: original_type mch_payment and an empty associated_data.
      const body = JSON.parse(deliveriesFor(input.outBillNo)[0].rawBody.toString()) as { resource: Record<string, string> };
      expect(body.resource).toMatchObject({ original_type: 'mch_payment', associated_data: '', algorithm: 'AEAD_AES_256_GCM' });
      expect((await transfers.queryTransferBillByOutNo(input.outBillNo))!.state).toBe('SUCCESS');

      // A second confirm, a cancel after success, a create again: none changes the bill.
      expect(await tester('/fake/transfer/confirm', { outBillNo: input.outBillNo, openid: input.openid })).toEqual({ status: 409, body: { message: '你已收款' } });
      await expect(transfers.cancelTransferBill(input.outBillNo)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
      expect(await transfers.createTransferBill(input)).toEqual({ ...created, state: 'SUCCESS', package_info: undefined });

      // Redelivery: the same notification id again, with a fresh signature that still verifies.
      expect((await tester('/fake/transfer/redeliver', { outBillNo: input.outBillNo })).status).toBe(200);
      const again = await noticeFor(input.outBillNo, 2);
      expect(again.id).toBe(notification.id);
      expect(again.transfer).toEqual(notification.transfer);
    });

    it('serves the H5 confirmation page for the package: amount, remark, 确认收款; an unknown package is an error page', async () => {
      const input = billInput({ openid: openidOf('promoter-cat'), amountFen: 6660, remark: '6月推广佣金' });
      const created = await transfers.createTransferBill(input);
      const page = await fetch(
        `${fake.url}/fake/transfer/confirm-page?package=${encodeURIComponent(created.package_info!)}&identity=promoter-cat&redirect=${encodeURIComponent('http://localhost:3000/#/promoter')}`,
      );
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const html = await page.text();
      for (const text of ['¥66.60', '6月推广佣金', '确认收款', '暂不收款', '/fake/transfer/confirm', 'fake_transfer_result']) expect(html).toContain(text);

      const unknown = await fetch(`${fake.url}/fake/transfer/confirm-page?package=nope&identity=promoter-cat`);
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toContain('package 参数有问题');
    });
  });

  describe('cancel and expiry', () => {
    it('cancel: CANCELING, then CANCELLED with the notification; the payee can no longer confirm', async () => {
      const input = billInput();
      const created = await transfers.createTransferBill(input);
      const cancel = await transfers.cancelTransferBill(input.outBillNo);
      expect(cancel).toEqual({ out_bill_no: input.outBillNo, transfer_bill_no: created.transfer_bill_no, state: 'CANCELING', update_time: expect.any(String) });

      const notification = await noticeFor(input.outBillNo);
      expect(notification.transfer).toMatchObject({ out_bill_no: input.outBillNo, state: 'CANCELLED', transfer_amount: 12345 });
      expect((await transfers.queryTransferBillByOutNo(input.outBillNo))!.state).toBe('CANCELLED');
      expect(await tester('/fake/transfer/confirm', { packageInfo: created.package_info, openid: input.openid })).toEqual({
        status: 409,
        body: { message: '商家已撤销这笔转账' },
      });
      // Cancelling again answers the cancelled bill; an unknown bill is NOT_FOUND, a definite refusal.
      expect((await transfers.cancelTransferBill(input.outBillNo)).state).toBe('CANCELLED');
      await expect(transfers.cancelTransferBill('W404NeverCreated')).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect(deliveriesFor(input.outBillNo)).toHaveLength(1);
    });

    it('24 hours on the fake clock without a confirmation: FAIL / OVERDUE_CLOSE with the notification', async () => {
      const input = billInput();
      const created = await transfers.createTransferBill(input);
      bench.offsetMs = 24 * HOUR_MS - 60_000;
      expect((await transfers.queryTransferBillByOutNo(input.outBillNo))!.state).toBe('WAIT_USER_CONFIRM');
      bench.offsetMs = 24 * HOUR_MS + 1000;
      expect(await transfers.queryTransferBillByOutNo(input.outBillNo)).toMatchObject({ state: 'FAIL', fail_reason: 'OVERDUE_CLOSE' });

      const notification = await noticeFor(input.outBillNo);
      expect(notification.transfer).toMatchObject({ state: 'FAIL', fail_reason: 'OVERDUE_CLOSE', out_bill_no: input.outBillNo });
      // The old package no longer confirms; the same out_bill_no answers the failed bill, not a new one.
      expect((await tester('/fake/transfer/confirm', { packageInfo: created.package_info, openid: input.openid })).status).toBe(409);
      expect(await transfers.createTransferBill(input)).toEqual({ ...created, state: 'FAIL', fail_reason: 'OVERDUE_CLOSE', package_info: undefined });
    });

    it('the tester endpoint expires a bill now, whatever the clock', async () => {
      const input = billInput();
      await transfers.createTransferBill(input);
      expect(await tester('/fake/transfer/expire', { outBillNo: input.outBillNo })).toEqual({
        status: 200,
        body: { outBillNo: input.outBillNo, state: 'FAIL', failReason: 'OVERDUE_CLOSE' },
      });
      expect((await noticeFor(input.outBillNo)).transfer.state).toBe('FAIL');
      expect((await tester('/fake/transfer/expire', { outBillNo: input.outBillNo })).status).toBe(409);
      expect((await tester('/fake/transfer/expire', {})).status).toBe(400);
    });
  });

  describe('unclear outcomes', () => {
    it('a create whose answer times out is "outcome unknown"; the query then finds the bill and the same out_bill_no recovers its package', async () => {
      const input = billInput();
      expect(await tester('/fake/transfer/fault', { fault: 'timeout' })).toEqual({ status: 200, body: { armed: 'timeout' } });
      const error = await transfers.createTransferBill(input).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(WechatTransferOutcomeUnknown);
      expect((error as WechatTransferOutcomeUnknown).failure).toBeInstanceOf(WechatPayUnreachableError);

      const found = await transfers.queryTransferBillByOutNo(input.outBillNo);
      expect(found).toMatchObject({ state: 'WAIT_USER_CONFIRM', transfer_amount: input.amountFen });
      const recovered = await transfers.createTransferBill(input);
      expect(recovered).toMatchObject({ transfer_bill_no: found!.transfer_bill_no, state: 'WAIT_USER_CONFIRM', package_info: fake.state.pay.transfers.bill(input.outBillNo)!.packageInfo });
    });

    it('a create answered 500 SYSTEM_ERROR is "outcome unknown"; the query finds the bill', async () => {
      const input = billInput();
      await tester('/fake/transfer/fault', { fault: 'system_error' });
      const error = await transfers.createTransferBill(input).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(WechatTransferOutcomeUnknown);
      expect((error as WechatTransferOutcomeUnknown).failure).toMatchObject({ status: 500, code: 'SYSTEM_ERROR' });
      expect((await transfers.queryTransferBillByOutNo(input.outBillNo))!.state).toBe('WAIT_USER_CONFIRM');
    });

    it('an unreachable WeChat Pay is "outcome unknown" for every call, never a refusal', async () => {
      const { transfers: cutOff } = createWechatPay(config.wechatPay, { appid: config.wechat.appid, fakeApiBase: 'http://127.0.0.1:9', timeoutMs: 400 });
      await expect(cutOff.createTransferBill(billInput())).rejects.toBeInstanceOf(WechatTransferOutcomeUnknown);
      await expect(cutOff.queryTransferBillByOutNo('W1')).rejects.toBeInstanceOf(WechatTransferOutcomeUnknown);
      await expect(cutOff.cancelTransferBill('W1')).rejects.toBeInstanceOf(WechatTransferOutcomeUnknown);
    });

    it('the fault endpoint takes only the faults it knows', async () => {
      expect((await tester('/fake/transfer/fault', { fault: 'meteor' })).status).toBe(400);
    });
  });

  describe('notifications that must not be trusted', () => {
    let genuine: ReceivedNotification;
    beforeAll(async () => {
      const input = billInput();
      await transfers.createTransferBill(input);
      await tester('/fake/transfer/expire', { outBillNo: input.outBillNo });
      await noticeFor(input.outBillNo);
      genuine = deliveriesFor(input.outBillNo)[0];
    });
    const rejection = (rawBody: Buffer, headers: ReceivedNotification['headers']) => {
      try {
        verifier.verifyTransfer(rawBody, headers);
      } catch (error) {
        if (error instanceof WechatPayNotificationRejected) return error.reason;
        throw error;
      }
      return 'accepted';
    };
    const signedBy = (body: Buffer, key: Parameters<typeof signSha256WithRsa>[1], timestampMs = clock()) => {
      const timestamp = unixSeconds(timestampMs);
      const nonce = newNonce();
      return { ...genuine.headers, 'wechatpay-timestamp': timestamp, 'wechatpay-nonce': nonce, 'wechatpay-signature': signSha256WithRsa(responseSigningMessage(timestamp, nonce, body), key) };
    };

    it('rejects a tampered body, a forged signature, a stale timestamp and an unknown serial', () => {
      expect(rejection(genuine.rawBody, genuine.headers)).toBe('accepted');
      const tampered = Buffer.from(genuine.rawBody.toString().replace('商家转账单据终态通知', '商家转账单据终态通知！'));
      expect(tampered.equals(genuine.rawBody)).toBe(false);
      expect(rejection(tampered, genuine.headers)).toBe('BAD_SIGNATURE');
      expect(rejection(genuine.rawBody, signedBy(genuine.rawBody, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey))).toBe('BAD_SIGNATURE');
      const platformKey = createPrivateKey(config.wechatPay.fake!.merchant.platformPrivateKeyPem);
      expect(rejection(genuine.rawBody, signedBy(genuine.rawBody, platformKey, clock() - 301_000))).toBe('STALE_TIMESTAMP');
      expect(rejection(genuine.rawBody, { ...genuine.headers, 'wechatpay-serial': 'PUB_KEY_ID_SOMEONE_ELSE' })).toBe('UNKNOWN_SERIAL');
    });

    it('rejects a well-signed body whose ciphertext was changed, and keeps payment and transfer notifications apart', () => {
      const platformKey = createPrivateKey(config.wechatPay.fake!.merchant.platformPrivateKeyPem);
      const envelope = JSON.parse(genuine.rawBody.toString()) as { resource: { ciphertext: string }; event_type: string };
      const ciphertext = Buffer.from(envelope.resource.ciphertext, 'base64');
      ciphertext[0] ^= 1;
      const reencrypted = Buffer.from(JSON.stringify({ ...envelope, resource: { ...envelope.resource, ciphertext: ciphertext.toString('base64') } }));
      expect(rejection(reencrypted, signedBy(reencrypted, platformKey))).toBe('DECRYPTION_FAILED');

      // The payments endpoint's verify() refuses a transfer notification; verifyTransfer refuses anything else.
      expect(() => verifier.verify(genuine.rawBody, genuine.headers)).toThrow(WechatPayNotificationRejected);
      const asPayment = Buffer.from(JSON.stringify({ ...envelope, event_type: 'TRANSACTION.SUCCESS' }));
      expect(rejection(asPayment, signedBy(asPayment, platformKey))).toBe('MALFORMED_BODY');
    });
  });
});

describe(`the app provides the transfer client for its merchant (${TEST_DB})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
  });
  afterAll(() => t.close());

  it('WechatTransferClient from the app creates a bill at the fake, and the app verifier reads the fake notification', async () => {
    const transfers = t.app.get(WechatTransferClient);
    const openid = t.fake.state.openidFor('app-promoter');
    const outBillNo = `WAPP${Date.now()}`;
    const created = await transfers.createTransferBill({
      outBillNo,
      openid,
      amountFen: 3000,
      remark: '推广佣金提现',
      sceneId: TRANSFER_SCENE_COMMISSION,
      sceneReportInfos: commissionSceneReport('推广员', '推广佣金提现'),
      notifyUrl: 'http://127.0.0.1:9/api/v1/withdrawals/wechat-transfer/notify',
    });
    expect(created.state).toBe('WAIT_USER_CONFIRM');
    expect(t.fake.state.pay.transfers.bill(outBillNo)).toMatchObject({ openid, amountFen: 3000 });

    await fetch(`${t.fake.url}/fake/transfer/expire`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outBillNo }) });
    const notification = t.fake.state.pay.transfers.bill(outBillNo)!.notification!;
    const body = JSON.stringify(notification);
    const verified = t.app.get(WechatPayNotificationVerifier).verifyTransfer(Buffer.from(body), signedHeaders(t, body));
    expect(verified.transfer).toMatchObject({ out_bill_no: outBillNo, state: 'FAIL', fail_reason: 'OVERDUE_CLOSE', mchid: t.config.wechatPay.mchid });
  });
});
