// 推广报表 in the admin console: a sharer shares a link (chat, Moments, poster), three devices open it, two of them
// register through it and one buys through it; the owner opens the report and reads the funnel, the daily chart
// and the sharer ranking, narrows to the sharer, exports the CSV, and picks a range with nothing in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { logInToAdmin } from './support/admin.mjs';
import { useAppAndBrowser } from './support/session.mjs';
import { artifactsDir, screenshot, withPage } from './support/browser.mjs';
import { callApi, SHOPPER_ADDRESS, waitForOrderStatus } from './support/shopper-api.mjs';

const session = useAppAndBrowser();
const desktop = { viewport: { width: 1440, height: 900 } };
const call = (method, path, options) => callApi(session.app.baseUrl, method, path, options);

/** A WeChat login as the storefront sends it, with the share link and device it arrived with. */
async function login(attribution) {
  const { fakeWechatBaseUrl } = await call('GET', '/platform');
  const { code } = await call('POST', '/fake/login-code', { base: fakeWechatBaseUrl, body: { identity: `report-${randomUUID()}` } });
  const { version } = await call('GET', '/privacy/current');
  return (await call('POST', '/auth/wechat-login', { body: { code, privacyConsentVersion: version, ...(attribution ? { attribution } : {}) } })).token;
}

/** The buyer orders one unit of the first SKU in stock through the share link and pays at the fake WeChat Pay. */
async function buyThrough(token, shortId) {
  const { fakeWechatBaseUrl } = await call('GET', '/platform');
  const products = await call('GET', '/products?page=1&pageSize=20');
  let sku;
  for (const product of products.items) {
    sku = (await call('GET', `/products/${product.id}`)).skus.find((candidate) => candidate.stock > 0);
    if (sku) break;
  }
  const address = await call('POST', '/addresses', { token, body: SHOPPER_ADDRESS });
  const response = await fetch(`${session.app.baseUrl}/api/v1/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-share-link': shortId },
    body: JSON.stringify({ clientToken: randomUUID().replace(/-/g, ''), items: [{ skuId: sku.id, quantity: 1 }], addressId: address.id }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  const order = await response.json();
  const payment = await call('POST', `/orders/${order.orderNo}/payment`, { token });
  await call('POST', '/fake/pay/confirm', { base: fakeWechatBaseUrl, body: { prepayId: payment.prepayId } });
  await waitForOrderStatus(session.app.baseUrl, order.orderNo, token, 'paid');
  return order.payableFen;
}

test('the owner reads the referral funnel, the daily chart and the sharer ranking, narrows to a sharer and exports it', async () => {
  const sharerToken = await login();
  await call('PATCH', '/me', { token: sharerToken, body: { nickname: '小林爱分享' } });
  const sharerId = (await call('GET', '/me', { token: sharerToken })).id;
  const link = await call('POST', '/share-links', { token: sharerToken, body: { kind: 'page' } });
  for (const channel of ['chat', 'moments', 'poster']) await call('POST', '/share-events', { token: sharerToken, body: { shortId: link.shortId, channel } });
  const devices = [1, 2, 3].map((index) => `report-browser-device-${index}-${randomUUID().slice(0, 8)}`);
  for (const deviceId of devices) await call('POST', '/touches', { body: { deviceId, shortId: link.shortId } });
  const newcomer = await login({ shortId: link.shortId, deviceId: devices[0] });
  await login({ shortId: link.shortId, deviceId: devices[1] });
  const paidFen = await buyThrough(newcomer, link.shortId);

  await withPage(
    session.browser,
    'admin-referral-report-final',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'owner');
      await page.getByRole('link', { name: '推广报表' }).click();
      await page.waitForURL(/\/admin\/referral\/report$/);
      await page.getByTestId('referral-funnel').waitFor();
      const figure = async (key) => (await page.getByTestId(`funnel-${key}`).locator('.ant-statistic-content').innerText()).trim();
      assert.equal(await figure('shares'), '3');
      assert.equal(await figure('visits'), '3');
      assert.equal(await figure('newMembers'), '2');
      assert.equal(await figure('firstOrders'), '1');
      assert.equal(await figure('gmvFen'), `¥${(paidFen / 100).toFixed(2)}`);
      await page.getByText('访客注册率 66.7%').waitFor();
      await page.getByText('新会员首单率 50%').waitFor();
      await page.getByRole('img', { name: /每日分享、访客、新会员、首单与 GMV/ }).locator('canvas').waitFor();
      const row = page.getByTestId('referral-sharers').locator('.ant-table-row', { hasText: '小林爱分享' });
      await row.waitFor();
      await screenshot(page, 'admin-referral-report');
      await page.screenshot({ path: join(artifactsDir, 'admin-referral-report-full.png'), fullPage: true });

      // Only this sharer; then the CSV of what is shown.
      await row.getByRole('button', { name: `只看分享者 ${sharerId}` }).click();
      await page.waitForURL(new RegExp(`sharer=${sharerId}`));
      await page.getByTestId('sharer-filter').waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 CSV/ }).click()]);
      assert.equal(download.suggestedFilename(), '推广报表.csv');
      const csv = await (await download.createReadStream()).toArray();
      const lines = Buffer.concat(csv).toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      assert.deepEqual(lines, ['分享者ID,昵称,手机号,分享次数,访客数,新会员,首单,支付订单,GMV（元）', `${sharerId},小林爱分享,,3,3,2,1,1,${(paidFen / 100).toFixed(2)}`]);

      // A range with nothing in it says so.
      await page.goto(`${session.app.baseUrl}/admin/referral/report?from=2020-01-01&to=2020-01-31`);
      await page.getByTestId('referral-report-empty').waitFor();
      await screenshot(page, 'admin-referral-report-empty');
    },
    desktop,
  );
});
