// The fake WeChat's H5 sheets in real chromium: the transfer confirmation page (确认收款 in place of
// wx.requestMerchantTransfer) and the payment cashier, which share one page. The fake runs in this process from its
// TypeScript sources (no build needed) and the server's own WeChat Pay clients drive it over HTTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, withPage, screenshot } from './support/browser.mjs';

const require = createRequire(import.meta.url);
require('../api/support/ts-register.cjs');
const { loadConfig } = require('../../server/src/platform/config/app-config.ts');
const { createWechatPay } = require('../../server/src/wechat/pay/wechat-pay.factory.ts');
const { commissionSceneReport, TRANSFER_SCENE_COMMISSION } = require('../../server/src/wechat/pay/wechat-transfer.types.ts');
const { FakeWechatServer } = require('../../server/src/wechat-fake/fake-wechat-server.ts');
const { NotifyReceiver } = require('../../server/src/wechat-fake/testing/notify-receiver.ts');

const dataDir = mkdtempSync(join(tmpdir(), 'fake-sheets-'));
const config = loadConfig({ DATA_DIR: dataDir });
const fake = new FakeWechatServer({
  appid: config.wechat.appid,
  secret: config.wechat.secret,
  pay: { merchant: config.wechatPay.fake.merchant, notifyRetryFactor: 0.0001, transferSettleMs: 50 },
});
const receiver = new NotifyReceiver();
let browser;
let wechatPay;
let notifyUrl;
/** The storefront page the sheets go back to (any page: only the query it comes back with matters). */
const BACK = 'http://127.0.0.1:9/#/promoter/withdrawals';

before(async () => {
  await fake.start(0);
  notifyUrl = `${await receiver.start()}/notify`;
  wechatPay = createWechatPay(config.wechatPay, { appid: config.wechat.appid, fakeApiBase: fake.url });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await fake.stop();
  await receiver.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function waitUntil(check, what) {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Keeps the browser on the sheet: the navigation back is caught and its URL recorded. */
async function catchNavigationBack(page) {
  const back = { url: null };
  await page.route('http://127.0.0.1:9/**', (route) => {
    back.url = route.request().url();
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<p>back in the storefront</p>' });
  });
  return back;
}

test('确认收款 on the transfer page: the payee confirms, the bill succeeds and the notification is sent', async () => {
  const openid = fake.state.openidFor('browser-promoter');
  const outBillNo = `W${Date.now()}`;
  const created = await wechatPay.transfers.createTransferBill({
    outBillNo,
    openid,
    amountFen: 12880,
    remark: '6月推广佣金',
    sceneId: TRANSFER_SCENE_COMMISSION,
    sceneReportInfos: commissionSceneReport('推广员', '6月推广佣金'),
    notifyUrl,
  });

  await withPage(browser, 'fake-transfer-confirm', async (page) => {
    const back = await catchNavigationBack(page);
    const pageUrl = (identity) =>
      `${fake.url}/fake/transfer/confirm-page?package=${encodeURIComponent(created.package_info)}&identity=${identity}&redirect=${encodeURIComponent(BACK)}`;

    // Someone else opening the payee's package is told it is not theirs, and the bill keeps waiting.
    await page.goto(pageUrl('someone-else'));
    await page.getByTestId('transfer-confirm').click();
    await page.getByTestId('transfer-error').filter({ hasText: '你的微信号与商家指定的微信号不一致' }).waitFor();
    assert.equal((await wechatPay.transfers.queryTransferBillByOutNo(outBillNo)).state, 'WAIT_USER_CONFIRM');

    await page.goto(pageUrl('browser-promoter'));
    assert.equal((await page.getByTestId('transfer-amount').innerText()).trim(), '¥128.80');
    assert.equal((await page.getByTestId('transfer-description').innerText()).trim(), '6月推广佣金');
    await screenshot(page, 'fake-transfer-confirm-page');
    await page.getByTestId('transfer-confirm').click();
    await waitUntil(() => back.url !== null, 'the way back to the storefront');
    assert.equal(new URL(back.url).searchParams.get('fake_transfer_result'), 'success');
  });

  await waitUntil(async () => (await wechatPay.transfers.queryTransferBillByOutNo(outBillNo)).state === 'SUCCESS', 'SUCCESS');
  await waitUntil(() => receiver.received.length > 0, 'the notification');
  const notice = wechatPay.verifier.verifyTransfer(receiver.received[0].rawBody, receiver.received[0].headers);
  assert.deepEqual([notice.transfer.out_bill_no, notice.transfer.state, notice.transfer.transfer_amount], [outBillNo, 'SUCCESS', 12880]);

  // Opened again, the page says it is done instead of offering the button.
  await withPage(browser, 'fake-transfer-confirm-done', async (page) => {
    await page.goto(`${fake.url}/fake/transfer/confirm-page?package=${encodeURIComponent(created.package_info)}&identity=browser-promoter`);
    await page.getByTestId('transfer-error').filter({ hasText: '你已收款' }).waitFor();
    assert.equal(await page.getByTestId('transfer-confirm').count(), 0);
  });
});

test('暂不收款 goes back without confirming: the bill keeps waiting', async () => {
  const outBillNo = `W${Date.now()}`;
  const created = await wechatPay.transfers.createTransferBill({
    outBillNo,
    openid: fake.state.openidFor('browser-promoter'),
    amountFen: 500,
    remark: '推广佣金提现',
    sceneId: TRANSFER_SCENE_COMMISSION,
    sceneReportInfos: commissionSceneReport('推广员', '推广佣金提现'),
    notifyUrl,
  });
  await withPage(browser, 'fake-transfer-later', async (page) => {
    const back = await catchNavigationBack(page);
    await page.goto(`${fake.url}/fake/transfer/confirm-page?package=${encodeURIComponent(created.package_info)}&identity=browser-promoter&redirect=${encodeURIComponent(BACK)}`);
    await page.getByTestId('transfer-cancel').click();
    await waitUntil(() => back.url !== null, 'the way back');
    assert.equal(new URL(back.url).searchParams.get('fake_transfer_result'), 'cancel');
  });
  assert.equal((await wechatPay.transfers.queryTransferBillByOutNo(outBillNo)).state, 'WAIT_USER_CONFIRM');
});

test('the payment cashier, on the same sheet page, still pays', async () => {
  const outTradeNo = `T${Date.now()}`;
  const { prepayId } = await wechatPay.client.createJsapiOrder({
    outTradeNo,
    description: '山野茶事-明前龙井 250g',
    amountFen: 1990,
    payerOpenid: fake.state.openidFor('browser-shopper'),
    notifyUrl,
    timeExpire: new Date(Date.now() + 30 * 60 * 1000),
  });
  await withPage(browser, 'fake-cashier', async (page) => {
    const back = await catchNavigationBack(page);
    await page.goto(`${fake.url}/fake/cashier?prepay_id=${prepayId}&redirect=${encodeURIComponent(BACK)}`);
    assert.equal((await page.getByTestId('cashier-amount').innerText()).trim(), '¥19.90');
    await page.getByTestId('cashier-confirm').click();
    await waitUntil(() => back.url !== null, 'the way back');
    assert.equal(new URL(back.url).searchParams.get('fake_pay_result'), 'success');
  });
  assert.equal((await wechatPay.client.queryOrder(outTradeNo)).trade_state, 'SUCCESS');
});
