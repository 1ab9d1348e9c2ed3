// A friend's share link brings a new shopper: the H5 storefront is opened at `/?s=<shortId>`, the shopper logs
// in and buys; the order's source names the sharer, resolved by the server from the link, in the shopper's
// order and in the admin console's order detail. A forged link is ignored and the order goes through. A shopper who
// tapped a live entry before buying has the order attributed to the live session (直播助攻（推断）) in the console.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useAppAndBrowser } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { addFirstAddressAtCheckout, loginAsNewShopper, openStorefront, submitAndPay } from './support/storefront.mjs';
import { logInToAdmin } from './support/admin.mjs';
import { callApi } from './support/shopper-api.mjs';

const session = useAppAndBrowser();
const desktop = { viewport: { width: 1440, height: 900 } };

/** A member who shares: logged in through the fake WeChat; answers their token and id. */
async function sharer() {
  const call = (method, path, options) => callApi(session.app.baseUrl, method, path, options);
  const { fakeWechatBaseUrl } = await call('GET', '/platform');
  const { code } = await call('POST', '/fake/login-code', { base: fakeWechatBaseUrl, body: { identity: `sharer-${randomUUID()}` } });
  const { version } = await call('GET', '/privacy/current');
  const { token, member } = await call('POST', '/auth/wechat-login', { body: { code, privacyConsentVersion: version } });
  return { token, id: member.id };
}

/** The first in-stock SKU of the demo shop and its product. */
async function inStockSku() {
  const products = await callApi(session.app.baseUrl, 'GET', '/products?page=1&pageSize=20');
  for (const product of products.items) {
    const detail = await callApi(session.app.baseUrl, 'GET', `/products/${product.id}`);
    const sku = detail.skus.find((candidate) => candidate.stock >= 1);
    if (sku) return { productId: product.id, skuId: sku.id };
  }
  throw new Error('the demo shop has no SKU in stock');
}

/**
 * Opens the storefront at `entry`, logs in as a new shopper, buys one unit and pays; answers the order and the token.
 * `afterLogin(token)` runs once the shopper is logged in, before the checkout.
 */
async function buyAfterOpening(page, entry, skuId, name, afterLogin = async () => {}) {
  await page.goto(entry);
  await page.locator('.product-card').first().waitFor();
  const storefront = await openStorefront(page, session.app.baseUrl);
  await storefront.mine();
  await loginAsNewShopper(page);
  await afterLogin(await page.evaluate(() => JSON.parse(localStorage.getItem('storefront.token')).data));
  await page.goto(`${session.app.baseUrl}/#/checkout/index?items=${skuId}x1`);
  await addFirstAddressAtCheckout(page, { name, phone: '13900002222', detail: '文一西路 8 号' });
  const orderNo = await submitAndPay(page);
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('storefront.token')).data);
  const order = await callApi(session.app.baseUrl, 'GET', `/orders/${orderNo}`, { token });
  return { order, token };
}

test('a shopper who opens a share link is attributed to its sharer, resolved by the server', async () => {
  const { productId, skuId } = await inStockSku();
  const friend = await sharer();
  const link = await callApi(session.app.baseUrl, 'POST', '/share-links', { token: friend.token, body: { kind: 'product', targetId: productId, channel: 'moments' } });
  assert.match(link.path, new RegExp(`^/goods/detail/index\\?id=${productId}&s=${link.shortId}$`));

  let orderNo;
  await withPage(session.browser, 'attribution-shopper', async (page) => {
    const { order } = await buyAfterOpening(page, `${session.app.baseUrl}/?s=${link.shortId}#/pages/home/index`, skuId, '分享来客');
    // The buyer's view names the link, not the sharer (another member's id is for staff).
    assert.deepEqual(order.source, { channelCode: 'moments', referrerCode: link.shortId, sharerMemberId: null, liveRoomId: null, groupBuyTeamId: null, liveSessionId: null, liveAttribution: null });
    orderNo = order.orderNo;
    // The link is kept on the device: the header goes with later requests too.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('storefront.attribution')).data);
    assert.equal(stored.shortId, link.shortId);
  });

  await withPage(
    session.browser,
    'attribution-admin',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'service');
      await page.goto(`${session.app.baseUrl}/admin/orders/${orderNo}`);
      const source = page.locator('.ant-card', { hasText: '收货与来源' });
      await source.getByText(`会员 #${friend.id}`).waitFor();
      await source.getByText(link.shortId, { exact: true }).waitFor();
      await screenshot(page, 'admin-order-source');
    },
    desktop,
  );
});

test('a forged share link is ignored and the order still goes through', async () => {
  const { skuId } = await inStockSku();
  await withPage(session.browser, 'attribution-forged', async (page) => {
    const { order } = await buyAfterOpening(page, `${session.app.baseUrl}/?s=aZZZZZZ#/pages/home/index`, skuId, '无来源');
    assert.equal(order.status, 'paid');
    assert.deepEqual(order.source, { channelCode: null, referrerCode: null, sharerMemberId: null, liveRoomId: null, groupBuyTeamId: null, liveSessionId: null, liveAttribution: null });
  });
});

test('an order placed after a tap on a live entry is attributed to the live session, labelled as inferred in the console', async () => {
  const { productId, skuId } = await inStockSku();
  const { token: operator } = await callApi(session.app.baseUrl, 'POST', '/admin/auth/login', { body: { username: 'operator', password: 'demo1234' } });
  const startAt = Date.now() + 3600_000;
  const live = await callApi(session.app.baseUrl, 'POST', '/admin/live/sessions', {
    token: operator,
    body: {
      provider: 'channels', title: '浏览器测试直播', coverUrl: null, plannedStartAt: new Date(startAt).toISOString(), plannedEndAt: new Date(startAt + 7200_000).toISOString(),
      finderUserName: 'sphBrowserTest', feedId: null, noticeId: null, roomId: null, productIds: [productId], prices: [], couponTemplateId: null,
    },
  });
  await callApi(session.app.baseUrl, 'POST', `/admin/live/sessions/${live.id}/start`, { token: operator });

  let orderNo;
  await withPage(session.browser, 'attribution-live-shopper', async (page) => {
    // The tap the storefront's live banner reports (the storefront's device id when it has one).
    const tapLive = async (token) => {
      const deviceId = await page.evaluate(() => JSON.parse(localStorage.getItem('storefront.deviceId') ?? 'null')?.data ?? null);
      await callApi(session.app.baseUrl, 'POST', `/live/sessions/${live.id}/clicks`, { token, body: { deviceId: deviceId ?? `browser-${randomUUID()}`, entry: 'banner' } });
    };
    const { order } = await buyAfterOpening(page, `${session.app.baseUrl}/#/pages/home/index`, skuId, '直播来客', tapLive);
    assert.equal(order.source.liveSessionId, live.id);
    assert.equal(order.source.liveAttribution, 'assisted');
    orderNo = order.orderNo;
  });

  await withPage(
    session.browser,
    'attribution-live-admin',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'service');
      await page.goto(`${session.app.baseUrl}/admin/orders/${orderNo}`);
      const source = page.locator('.ant-card', { hasText: '收货与来源' });
      await source.getByText(`直播 #${live.id} · 直播助攻（推断）`).waitFor();
      await screenshot(page, 'admin-order-live-attribution');
    },
    desktop,
  );
});
