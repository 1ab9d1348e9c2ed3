// The fake WeChat's H5 sheets in real chromium: the transfer confirmation page (确认收款 in place of
// wx.requestMerchantTransfer) and the payment cashier, which share one page. The fake runs in this process from its
// TypeScript sources (no build needed) and the server's own WeChat Pay clients drive it over HTTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launchBrowser, withPage, screenshot } from './support/browser.mjs';

const require = createRequire(import.meta.url);
require('../api/support/ts-register.cjs');
const { commissionSceneReport, TRANSFER_SCENE_COMMISSION } = require('../../server/src/wechat/pay/wechat-transfer.types.ts');
const { FakePayBench } = require('../../server/src/wechat-fake/testing/fake-pay-bench.ts');

const bench = new FakePayBench({ name: 'fake-sheets', pay: { notifyRetryFactor: 0.0001, transferSettleMs: 50 }, notifyPath: '/notify' });
let browser;
/** The storefront page the sheets go back to (any page: only the query it comes back with matters). */
const BACK = 'http://127.0.0.1:9/#/promoter/withdrawals';

before(async () => {
  await bench.start();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await bench.stop();
});

async function waitUntil(check, what) {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A bill for the promoter `identity`, created by the server's transfer client as a withdrawal would. */
function createBill(outBillNo, amountFen, remark, identity = 'browser-promoter') {
  return bench.transfers.createTransferBill({
    outBillNo,
    openid: bench.fake.state.openidFor(identity),
    amountFen,
    remark,
    sceneId: TRANSFER_SCENE_COMMISSION,
    sceneReportInfos: commissionSceneReport('推广员', remark),
    notifyUrl: bench.notifyUrl,
  });
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
  const outBillNo = `W${Date.now()}`;
  const created = await createBill(outBillNo, 12880, '6月推广佣金');

  await withPage(browser, 'fake-transfer-confirm', async (page) => {
    const back = await catchNavigationBack(page);
    const pageUrl = (identity) =>
      `${bench.fake.url}/fake/transfer/confirm-page?package=${encodeURIComponent(created.package_info)}&identity=${identity}&redirect=${encodeURIComponent(BACK)}`;

    // Someone else opening the payee's package is told it is not theirs, and the bill keeps waiting.
    await page.goto(pageUrl('someone-else'));
    await page.getByTestId('transfer-confirm').click();
    await page.getByTestId('transfer-error').filter({ hasText: '你的微信号与商家指定的微信号不一致' }).waitFor();
    await screenshot(page, 'fake-transfer-confirm-not-yours');
    assert.equal((await bench.transfers.queryTransferBillByOutNo(outBillNo)).state, 'WAIT_USER_CONFIRM');

    await page.goto(pageUrl('browser-promoter'));
    assert.equal((await page.getByTestId('transfer-amount').innerText()).trim(), '¥128.80');
    assert.equal((await page.getByTestId('transfer-description').innerText()).trim(), '6月推广佣金');
    await screenshot(page, 'fake-transfer-confirm-page');
    await page.getByTestId('transfer-confirm').click();
    await waitUntil(() => back.url !== null, 'the way back to the storefront');
    assert.equal(new URL(back.url).searchParams.get('fake_transfer_result'), 'success');
  });

  await waitUntil(async () => (await bench.transfers.queryTransferBillByOutNo(outBillNo)).state === 'SUCCESS', 'SUCCESS');
  await waitUntil(() => bench.receiver.received.length > 0, 'the notification');
  const notice = bench.verifier.verifyTransfer(bench.receiver.received[0].rawBody, bench.receiver.received[0].headers);
  assert.deepEqual([notice.transfer.out_bill_no, notice.transfer.state, notice.transfer.transfer_amount], [outBillNo, 'SUCCESS', 12880]);

  // Opened again, the page says it is done instead of offering the button.
  await withPage(browser, 'fake-transfer-confirm-done', async (page) => {
    await page.goto(`${bench.fake.url}/fake/transfer/confirm-page?package=${encodeURIComponent(created.package_info)}&identity=browser-promoter`);
    await page.getByTestId('transfer-error').filter({ hasText: '你已收款' }).waitFor();
    assert.equal(await page.getByTestId('transfer-confirm').count(), 0);
  });
});

test('暂不收款 goes back without confirming: the bill keeps waiting', async () => {
  const outBillNo = `W${Date.now()}`;
  const created = await createBill(outBillNo, 500, '推广佣金提现');
  await withPage(browser, 'fake-transfer-later', async (page) => {
    const back = await catchNavigationBack(page);
    await page.goto(`${bench.fake.url}/fake/transfer/confirm-page?package=${encodeURIComponent(created.package_info)}&identity=browser-promoter&redirect=${encodeURIComponent(BACK)}`);
    await page.getByTestId('transfer-cancel').click();
    await waitUntil(() => back.url !== null, 'the way back');
    assert.equal(new URL(back.url).searchParams.get('fake_transfer_result'), 'cancel');
  });
  assert.equal((await bench.transfers.queryTransferBillByOutNo(outBillNo)).state, 'WAIT_USER_CONFIRM');
});

test('the payment cashier, on the same sheet page, still pays', async () => {
  const outTradeNo = `T${Date.now()}`;
  const { prepayId } = await bench.client.createJsapiOrder({
    outTradeNo,
    description: '山野茶事-明前龙井 250g',
    amountFen: 1990,
    payerOpenid: bench.fake.state.openidFor('browser-shopper'),
    notifyUrl: bench.notifyUrl,
    timeExpire: new Date(Date.now() + 30 * 60 * 1000),
  });
  await withPage(browser, 'fake-cashier', async (page) => {
    const back = await catchNavigationBack(page);
    await page.goto(`${bench.fake.url}/fake/cashier?prepay_id=${prepayId}&redirect=${encodeURIComponent(BACK)}`);
    assert.equal((await page.getByTestId('cashier-amount').innerText()).trim(), '¥19.90');
    await page.getByTestId('cashier-confirm').click();
    await waitUntil(() => back.url !== null, 'the way back');
    assert.equal(new URL(back.url).searchParams.get('fake_pay_result'), 'success');
  });
  assert.equal((await bench.client.queryOrder(outTradeNo)).trade_state, 'SUCCESS');
});
