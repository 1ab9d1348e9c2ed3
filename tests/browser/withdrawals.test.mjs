// 佣金提现 when it does not go through, in a real browser: a promoter earns a settled commission the real way (a friend
// arrives through the promoter's share link, buys, pays, receives; the settlement job runs); staff reject one withdrawal
// and cancel another still waiting for the promoter, and the promoter reads why and has the money back. The withdrawal
// that goes through (request, approval, 确认收款 on the fake WeChat) is part of referral-journey.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useAppAndBrowser, staffToken } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { logInToAdmin } from './support/admin.mjs';
import { callApi, SHOPPER_ADDRESS, signInStorefront, waitForOrderStatus } from './support/shopper-api.mjs';

const session = useAppAndBrowser();
const phone = { viewport: { width: 375, height: 812 } };
const desktop = { viewport: { width: 1440, height: 900 } };
const call = (method, path, options) => callApi(session.app.baseUrl, method, path, options);
const yuan = (fen) => `¥${(fen / 100).toFixed(2)}`;

/** A WeChat login of `identity` (the fake's wx.login), with the share link it arrived through. */
async function login(identity, shortId) {
  const { fakeWechatBaseUrl } = await call('GET', '/platform');
  const { code } = await call('POST', '/fake/login-code', { base: fakeWechatBaseUrl, body: { identity } });
  const { version } = await call('GET', '/privacy/current');
  const body = { code, privacyConsentVersion: version, ...(shortId ? { attribution: { shortId } } : {}) };
  const answer = await call('POST', '/auth/wechat-login', { body });
  return { token: answer.token, memberId: answer.member.id };
}

/** The promoter earns commission on a friend's order that completes, and the settlement job credits it. */
async function promoterWithSettledCommission(owner) {
  await call('PUT', '/admin/referral/settings', {
    token: owner,
    body: {
      enabled: true,
      programMode: 'everyone',
      everyoneMinSpendFen: null,
      bindingMode: 'first_touch',
      bindingValidDays: 30,
      bindScope: 'everyone',
      level1RateBp: 2000,
      level2RateBp: null,
      selfPurchaseCommission: false,
      afterSaleWindowDays: 0,
      withdrawalMinFen: 100,
      withdrawalDailyLimitFen: 500_000,
    },
  });
  const identity = `promoter-${randomUUID()}`;
  const promoter = { identity, ...(await login(identity)) };
  const link = await call('POST', '/share-links', { token: promoter.token, body: { kind: 'page' } });
  const friend = await login(`friend-${randomUUID()}`, link.shortId);

  const { fakeWechatBaseUrl } = await call('GET', '/platform');
  const products = await call('GET', '/products?page=1&pageSize=20');
  let sku = null;
  for (const product of products.items) {
    sku = (await call('GET', `/products/${product.id}`)).skus.find((candidate) => candidate.stock >= 2);
    if (sku) break;
  }
  const address = await call('POST', '/addresses', { token: friend.token, body: SHOPPER_ADDRESS });
  const order = await call('POST', '/orders', { token: friend.token, body: { clientToken: randomUUID().replace(/-/g, ''), items: [{ skuId: sku.id, quantity: 2 }], addressId: address.id } });
  const payment = await call('POST', `/orders/${order.orderNo}/payment`, { token: friend.token });
  await call('POST', '/fake/pay/confirm', { base: fakeWechatBaseUrl, body: { prepayId: payment.prepayId } });
  await waitForOrderStatus(session.app.baseUrl, order.orderNo, friend.token, 'paid');
  const warehouse = await staffToken(session.app.baseUrl, 'warehouse');
  await call('POST', `/admin/orders/${order.orderNo}/ship`, { token: warehouse, body: { carrierCode: 'SF', trackingNo: `SF${Date.now()}` } });
  await call('POST', `/orders/${order.orderNo}/confirm-receipt`, { token: friend.token });
  await call('POST', '/admin/jobs/referral.settle-commission/run', { token: owner });
  const status = await call('GET', '/referral/promoter', { token: promoter.token });
  assert.ok(status.balanceFen > 0, 'the settled commission is in the promoter’s balance');
  return { ...promoter, balanceFen: status.balanceFen };
}

test('staff reject one withdrawal with a reason and cancel another still waiting: the promoter reads why and has the money back', async () => {
  const owner = await staffToken(session.app.baseUrl, 'owner');
  const promoter = await promoterWithSettledCommission(owner);
  // Two withdrawals of 1.00 and 1.50 (the settled commission covers both).
  assert.ok(promoter.balanceFen >= 250);
  const first = await call('POST', '/referral/withdrawals', { token: promoter.token, body: { amountFen: 100 } });
  const second = await call('POST', '/referral/withdrawals', { token: promoter.token, body: { amountFen: 150 } });
  await call('POST', `/admin/referral/withdrawals/${second.id}/approve`, { token: owner });

  await withPage(
    session.browser,
    'withdrawal-admin-reject-cancel',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'operator');
      await page.goto(`${session.app.baseUrl}/admin/referral/withdrawals?status=requested&memberId=${promoter.memberId}`);
      await page.getByTestId('withdrawal-member-filter').getByText(`只看会员 ${promoter.memberId} 的提现`).waitFor();
      const requested = page.locator('tr', { hasText: '¥1.00' });
      await requested.getByRole('button', { name: `拒绝提现 ${first.id}` }).click();
      // The reason is required: an empty one is refused in the dialog.
      await page.getByRole('button', { name: '确认拒绝' }).click();
      await page.getByText('请填写拒绝原因').waitFor();
      await page.getByLabel('拒绝原因').fill('本月推广订单还在核对，请下月再申请');
      await screenshot(page, 'withdrawal-admin-reject-dialog');
      await page.getByRole('button', { name: '确认拒绝' }).click();
      await page.getByText('已拒绝，金额已退回推广员余额').waitFor();

      await page.getByRole('tab', { name: '待确认收款' }).click();
      const waiting = page.locator('tr', { hasText: '¥1.50' });
      await waiting.getByRole('button', { name: `撤销提现 ${second.id}` }).click();
      await page.getByText('撤销这笔转账？').waitFor();
      await screenshot(page, 'withdrawal-admin-cancel-confirm');
      await page.getByRole('button', { name: '确认撤销' }).click();
      await page.getByText('已申请撤销，微信撤销后金额退回余额').waitFor();
      // WeChat cancels a moment later (CANCELING → CANCELLED and its notification): 刷新状态 shows it.
      await page.getByRole('tab', { name: '全部' }).click();
      for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
        if (await page.getByTestId(`withdrawal-status-${second.id}`).getByText('已撤销').count()) break;
        await page.waitForTimeout(500);
        await page.locator('.anticon-reload').first().click();
      }
      await page.getByTestId(`withdrawal-status-${second.id}`).getByText('已撤销').waitFor();
      await page.getByTestId(`withdrawal-status-${first.id}`).getByText('未通过').waitFor();
      await screenshot(page, 'withdrawal-admin-after-reject-cancel');
    },
    desktop,
  );

  await withPage(
    session.browser,
    'withdrawal-returned',
    async (page) => {
      await signInStorefront(page, promoter.token);
      await page.goto(`${session.app.baseUrl}/#/promoter/withdrawals/index`);
      await page.locator('.withdrawal-row', { hasText: '未通过原因：本月推广订单还在核对，请下月再申请' }).waitFor();
      await page.locator('.withdrawal-row', { hasText: '已撤销' }).waitFor();
      await page.getByTestId('withdrawable-balance').getByText((promoter.balanceFen / 100).toFixed(2)).waitFor();
      await screenshot(page, 'withdrawal-returned');
    },
    phone,
  );
  const mine = await call('GET', '/referral/withdrawals', { token: promoter.token });
  assert.deepEqual(
    mine.items.map((withdrawal) => withdrawal.status),
    ['cancelled', 'rejected'],
  );
  assert.equal(mine.balanceFen, promoter.balanceFen);
});

test('an amount with a sign or two points is refused, not rewritten; a frozen promoter finds 提现 paused but can still confirm; with 分销 off the balance stays reachable', async () => {
  const owner = await staffToken(session.app.baseUrl, 'owner');
  const promoter = await promoterWithSettledCommission(owner);
  // A withdrawal already approved, waiting for 确认收款 when the promoter is frozen.
  const waiting = await call('POST', '/referral/withdrawals', { token: promoter.token, body: { amountFen: 100 } });
  await call('POST', `/admin/referral/withdrawals/${waiting.id}/approve`, { token: owner });
  const amountInput = (page) => page.locator('.withdraw-form__input input');
  const formatProblem = '金额只能填数字，最多两位小数，不能带正负号';

  await withPage(
    session.browser,
    'withdrawal-invalid-amount',
    async (page) => {
      await signInStorefront(page, promoter.token);
      let requested = 0;
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().includes('/api/v1/referral/withdrawals')) requested += 1;
      });
      await page.goto(`${session.app.baseUrl}/#/promoter/withdrawals/index`);
      await page.getByTestId('withdrawable-balance').waitFor();
      for (const typed of ['-1', '1.2.3']) {
        await amountInput(page).fill('');
        await amountInput(page).pressSequentially(typed);
        await page.locator('.withdraw-form__hint--error', { hasText: formatProblem }).waitFor();
        assert.equal(await amountInput(page).inputValue(), typed, 'what was typed is kept, not silently changed');
        await page.locator('.withdraw-form__submit').click();
        await page.locator('.withdraw-form__hint--error', { hasText: formatProblem }).waitFor();
      }
      await screenshot(page, 'withdrawal-invalid-amount');
      assert.equal(requested, 0, 'nothing invalid reaches the server');
    },
    phone,
  );

  await call('POST', `/admin/referral/promoters/${promoter.memberId}/freeze`, { token: owner, body: { reason: '推广内容待核查' } });
  await withPage(
    session.browser,
    'withdrawal-frozen',
    async (page) => {
      await signInStorefront(page, promoter.token);
      await page.goto(`${session.app.baseUrl}/#/promoter/center/index`);
      await page.locator('.promoter-center-page[data-view="frozen"]', { hasText: '提现也已暂停' }).waitFor();
      const withdraw = page.locator('.withdraw-entry', { hasText: '暂停提现' });
      assert.match((await withdraw.getAttribute('class')) ?? '', /disabled/);
      await screenshot(page, 'promoter-center-frozen');

      await page.locator('.withdrawal-records-entry').click();
      await page.getByTestId('withdrawal-paused').getByText('推广资格已冻结，暂停提现').waitFor();
      assert.match((await page.locator('.withdraw-form__submit').getAttribute('class')) ?? '', /disabled/);
      // The input follows the paused state once the page has re-rendered with it.
      await page.locator('.withdraw-form__input input:disabled').waitFor();
      // The transfer approved before the freeze can still be collected (the server allows it).
      await page.getByTestId(`withdrawal-${waiting.id}`).locator('.withdrawal-row__confirm', { hasText: '确认收款' }).waitFor();
      await screenshot(page, 'withdrawal-frozen');
    },
    phone,
  );
  const confirmParams = await call('GET', `/referral/withdrawals/${waiting.id}/confirm-params`, { token: promoter.token });
  assert.ok(confirmParams.package, 'a frozen promoter may still confirm a transfer already approved');

  // 分销 switched off: 我的 keeps 推广中心 while money is left, and the center says what is still possible.
  const settings = await call('GET', '/admin/referral/settings', { token: owner });
  await call('PUT', '/admin/referral/settings', { token: owner, body: { ...settings, enabled: false } });
  await withPage(
    session.browser,
    'promoter-center-program-off-with-balance',
    async (page) => {
      await signInStorefront(page, promoter.token);
      await page.goto(`${session.app.baseUrl}/#/pages/mine/index`);
      const entry = page.locator('.promoter-center-entry', { hasText: '分销已关闭 · 有提现在处理中' });
      await entry.scrollIntoViewIfNeeded();
      await screenshot(page, 'mine-promoter-entry-program-off');
      await entry.click();
      await page.locator('.promoter-center-page[data-view="off"]', { hasText: '分销已关闭' }).waitFor();
      await page.locator('.promoter-notice', { hasText: '确认收款' }).waitFor();
      await page.locator('.withdrawal-records-entry').waitFor();
      await screenshot(page, 'promoter-center-program-off-with-balance');
    },
    phone,
  );
});
