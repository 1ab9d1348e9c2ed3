// 推荐与分销 from end to end, in a real browser (H5 storefront at 375 px, the console at desktop width):
// A opens a product and shares it (the poster and its link); B opens A's link in a fresh browser, logs in, buys and
// pays; A sees B in 我的团队 and a 待结算 commission of the right amount; the order completes and the settlement sweep
// runs; A asks to withdraw it, the owner approves in 提现审核, A confirms receipt on the fake WeChat's page, and the
// balance and the ledger show it once; the invite reward (points) reaches A after B's first order completes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppAndBrowser, staffToken } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { logInToAdmin } from './support/admin.mjs';
import { agreeAndLoginAsNewShopper, addFirstAddressAtCheckout, submitAndPay } from './support/storefront.mjs';
import { callApi, signInStorefront, waitForOrderStatus } from './support/shopper-api.mjs';

const session = useAppAndBrowser();
const phone = { viewport: { width: 375, height: 812 } };
const desktop = { viewport: { width: 1440, height: 900 } };
const call = (method, path, options) => callApi(session.app.baseUrl, method, path, options);
const yuan = (fen) => `¥${(fen / 100).toFixed(2)}`;
const storedToken = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('storefront.token')).data);
/** The H5 storefront's stand-in for the shopper's WeChat account (the fake's confirmation page checks the payee). */
const fakeIdentity = (page) => page.evaluate(() => localStorage.getItem('storefront.fakeWechatIdentity'));

const LEVEL1_RATE_BP = 1000;
const INVITE_POINTS = 200;

test('A shares a product, B buys through the link, A earns, withdraws and is rewarded for the invite', async () => {
  const owner = await staffToken(session.app.baseUrl, 'owner');
  await call('PUT', '/admin/referral/settings', {
    token: owner,
    body: {
      enabled: true,
      programMode: 'everyone',
      everyoneMinSpendFen: null,
      bindingMode: 'first_touch',
      bindingValidDays: 30,
      bindScope: 'everyone',
      level1RateBp: LEVEL1_RATE_BP,
      level2RateBp: null,
      selfPurchaseCommission: false,
      afterSaleWindowDays: 0,
      withdrawalMinFen: 100,
      withdrawalDailyLimitFen: 500_000,
    },
  });
  await call('PUT', '/admin/referral/invite-rule', { token: owner, body: { enabled: true, rewardKind: 'points', couponTemplateId: null, points: INVITE_POINTS, ruleText: '' } });
  const { items } = await call('GET', '/products?page=1&pageSize=20');
  const product = items.find((item) => item.inStock);
  assert.ok(product, 'the demo shop has a product in stock');

  // 1. A opens the product, makes its poster (signing in on the way) and takes the poster's link.
  const a = {};
  await withPage(
    session.browser,
    'journey-sharer',
    async (page) => {
      await page.goto(`${session.app.baseUrl}/#/goods/detail/index?id=${product.id}`);
      await page.locator('.detail-page__title').waitFor();
      await page.locator('.poster-entry').click();
      await agreeAndLoginAsNewShopper(page);
      await page.locator('.poster-sheet .poster-image img').waitFor();
      a.link = (await page.locator('.poster-link').innerText()).trim();
      assert.match(a.link, new RegExp(`#/goods/detail/index\\?id=${product.id}&s=\\w+$`));
      a.token = await storedToken(page);
      a.identity = await fakeIdentity(page);
      a.id = (await call('GET', '/me', { token: a.token })).id;
      await screenshot(page, 'journey-poster');
    },
    phone,
  );

  // 2. B opens A's link in a fresh browser, buys one unit at once (立即购买 signs B in) and pays.
  const b = {};
  await withPage(
    session.browser,
    'journey-friend',
    async (page) => {
      await page.goto(a.link);
      await page.locator('.detail-page__title', { hasText: product.title }).waitFor();
      await page.locator('.buy-now-button').click();
      await page.locator('.sku-picker').waitFor();
      for (const dimension of await page.locator('.sku-picker .sku-picker__dimension').all()) {
        if ((await dimension.locator('.sku-option--active').count()) === 0) await dimension.locator('.sku-option:not(.sku-option--disabled)').first().click();
      }
      await page.locator('.sku-confirm-button', { hasText: '立即购买' }).click();
      await agreeAndLoginAsNewShopper(page);
      // Signed in, B goes on to the checkout they asked for.
      await addFirstAddressAtCheckout(page, { name: '李小白', phone: '13900003333', detail: '文一西路 18 号' });
      b.orderNo = await submitAndPay(page);
      b.token = await storedToken(page);
    },
    phone,
  );
  const order = await call('GET', `/orders/${b.orderNo}`, { token: b.token });
  // One line: its share of what B paid is the payable less shipping; A's level-1 commission is 10% of it, rounded down.
  const commissionFen = Math.floor(((order.pricing.payableFen - order.pricing.shippingFeeFen) * LEVEL1_RATE_BP) / 10_000);
  assert.ok(commissionFen > 0);

  const asA = async (page) => {
    await signInStorefront(page, a.token);
    await page.addInitScript((identity) => localStorage.setItem('storefront.fakeWechatIdentity', identity), a.identity);
  };

  // 3. A's 推广中心: B in 我的团队, the commission 待结算.
  await withPage(
    session.browser,
    'journey-center-frozen',
    async (page) => {
      await asA(page);
      await page.goto(`${session.app.baseUrl}/#/promoter/center/index`);
      await page.locator('.promoter-center-page[data-view="active"] .today-earnings', { hasText: (commissionFen / 100).toFixed(2) }).waitFor();
      assert.equal((await page.locator('.frozen-total .earnings-card__status-amount').innerText()).trim(), yuan(commissionFen));
      assert.match(await page.locator('.team-entry').innerText(), /一级 1 人 · 二级 0 人/);
      await screenshot(page, 'journey-center-frozen');
      await page.locator('.frozen-total').click();
      const record = page.locator('.commission-record').filter({ visible: true }).first();
      await record.waitFor();
      const text = await record.innerText();
      for (const expected of [b.orderNo, yuan(commissionFen), '10%', '一级佣金', '待结算']) assert.ok(text.includes(expected), `${expected} in ${text}`);
      // 我的团队, opened afresh (as from a share of the page): B, the only member of level 1.
      await page.goto('about:blank');
      await page.goto(`${session.app.baseUrl}/#/promoter/team/index`);
      await page.locator('.team-member').first().waitFor();
      assert.equal(await page.locator('.team-member').count(), 1);
    },
    phone,
  );

  // 4. The order completes (shipped, B confirms receipt); the settlement and invite-reward sweeps run.
  const warehouse = await staffToken(session.app.baseUrl, 'warehouse');
  await call('POST', `/admin/orders/${b.orderNo}/ship`, { token: warehouse, body: { carrierCode: 'SF', trackingNo: `SF${Date.now()}` } });
  await call('POST', `/orders/${b.orderNo}/confirm-receipt`, { token: b.token });
  await waitForOrderStatus(session.app.baseUrl, b.orderNo, b.token, 'completed');
  await call('POST', '/admin/jobs/referral.settle-commission/run', { token: owner });
  await call('POST', '/admin/jobs/referral.invite-rewards/run', { token: owner });

  // 5. A asks to withdraw the settled commission.
  await withPage(
    session.browser,
    'journey-withdraw',
    async (page) => {
      await asA(page);
      await page.goto(`${session.app.baseUrl}/#/promoter/center/index`);
      await page.locator('.promoter-center-page[data-view="active"] .settled-total', { hasText: yuan(commissionFen) }).waitFor();
      await page.locator('.withdraw-entry').click();
      await page.getByTestId('withdrawable-balance').getByText((commissionFen / 100).toFixed(2)).waitFor();
      await page.getByText('还没有提现记录').waitFor();
      await page.getByText(/每天最多 ¥5000\.00/).waitFor();
      await screenshot(page, 'withdrawal-before-request');
      // Too little first: the form says why before asking the server.
      await page.locator('.withdraw-form__input input').fill('0.5');
      await page.locator('.withdraw-form__submit').click();
      await page.getByText('单次最少提现 ¥1.00').waitFor();
      await page.getByText('全部提现').click();
      assert.equal(await page.locator('.withdraw-form__input input').inputValue(), (commissionFen / 100).toFixed(2));
      await page.locator('.withdraw-form__submit').click();
      await page.locator('.withdrawal-row', { hasText: '待审核' }).waitFor();
      await page.getByTestId('withdrawable-balance').getByText('0.00').waitFor();
      await screenshot(page, 'withdrawal-requested');
    },
    phone,
  );

  // 6. The owner approves it in 提现审核.
  await withPage(
    session.browser,
    'journey-approve',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'owner');
      await page.getByRole('link', { name: '提现审核' }).click();
      const row = page.locator('tr', { hasText: yuan(commissionFen) }).first();
      await row.waitFor();
      await screenshot(page, 'withdrawal-admin-queue');
      await row.getByRole('button', { name: /通过提现/ }).click();
      await page.getByText('通过这笔提现？').waitFor();
      await page.getByRole('button', { name: '确认通过' }).click();
      await page.getByText('已通过，已发起微信转账').waitFor();
      await page.getByRole('tab', { name: '待确认收款' }).click();
      const waiting = page.locator('tr', { hasText: yuan(commissionFen) }).first();
      await waiting.getByText('待用户确认').waitFor();
      await waiting.getByRole('button', { name: /撤销提现/ }).waitFor();
      await screenshot(page, 'withdrawal-admin-approved');
    },
    desktop,
  );

  // 7. A confirms receipt on the fake WeChat's page and comes back to 已到账; the invite reward has arrived.
  await withPage(
    session.browser,
    'journey-confirm',
    async (page) => {
      await asA(page);
      await page.goto(`${session.app.baseUrl}/#/promoter/withdrawals/index`);
      const row = page.locator('.withdrawal-row', { hasText: '待确认收款' });
      await row.waitFor();
      await screenshot(page, 'withdrawal-waiting');
      await row.locator('.withdrawal-row__confirm').click();
      await page.getByTestId('transfer-amount').getByText(yuan(commissionFen)).waitFor();
      await screenshot(page, 'withdrawal-fake-confirm-page');
      await page.getByTestId('transfer-confirm').click();
      await page.waitForURL(/promoter\/withdrawals/);
      await page.locator('.withdrawal-row', { hasText: '已到账' }).waitFor({ timeout: 15_000 });
      await page.getByTestId('withdrawable-balance').getByText('0.00').waitFor();
      await screenshot(page, 'withdrawal-done');

      await page.goto(`${session.app.baseUrl}/#/invite/index`);
      const friend = page.locator('.invite-friend').first();
      await friend.locator('.invite-friend__state', { hasText: '已奖励' }).waitFor();
      assert.equal(await page.locator('.invite-friend').count(), 1);
      await screenshot(page, 'journey-invite-rewarded');
    },
    phone,
  );

  // The money, once: the settlement in, the withdrawal out; the invite's points in A's points ledger.
  const ledger = await call('GET', '/referral/ledger', { token: a.token });
  assert.deepEqual(
    ledger.items.map((entry) => [entry.kind, entry.balanceDeltaFen, entry.balanceAfterFen]),
    [
      ['withdrawal_hold', -commissionFen, 0],
      ['settlement', commissionFen, commissionFen],
    ],
  );
  const withdrawals = await call('GET', '/referral/withdrawals', { token: a.token });
  assert.deepEqual(withdrawals.items.map((withdrawal) => [withdrawal.status, withdrawal.amountFen]), [['success', commissionFen]]);
  const invites = await call('GET', '/referral/invites', { token: a.token });
  assert.equal(invites.items.length, 1);
  assert.equal(invites.items[0].state, 'rewarded');
  assert.equal(invites.earned.points, INVITE_POINTS);
  const points = await call('GET', '/me/points?page=1&pageSize=20', { token: a.token });
  assert.ok(points.items.some((entry) => entry.reason === 'invite_reward' && entry.delta === INVITE_POINTS), JSON.stringify(points.items));
});
