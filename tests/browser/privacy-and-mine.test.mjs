// The review-facing basics of the H5 storefront: the consent dialog (用户协议 + 隐私政策) comes before the
// first login and the server records the version agreed to; 我的 shows order badges, the usable coupons,
// 联系客服 with the shop's service phone, and 设置 with 退出登录.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staffToken, useAppAndBrowser } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { openStorefront } from './support/storefront.mjs';

const session = useAppAndBrowser();
// The server's SQLite driver, to stage what no API offers: a member who agreed to an earlier policy.
const Database = createRequire(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'server', 'package.json'))('better-sqlite3');

async function api(path, init = {}) {
  const response = await fetch(`${session.app.baseUrl}/api/v1${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

const SHOP = {
  shopName: '山野茶事·西湖店',
  logoUrl: null,
  servicePhone: '0571-8888 6666',
  serviceHours: '每天 9:00–21:00',
  announcement: null,
  returnAddress: { recipientName: '售后组', phone: '0571-88886666', address: '浙江省杭州市西湖区龙井路 88 号' },
};

test('a shopper agrees to the privacy policy before the first login, and 我的 shows badges, coupons and customer service', async () => {
  const owner = await staffToken(session.app.baseUrl, 'owner');
  const staff = { authorization: `Bearer ${owner}` };
  assert.equal((await api('/admin/settings/profile', { method: 'PUT', headers: staff, body: JSON.stringify(SHOP) })).status, 200);
  const { version } = (await api('/privacy/current')).body;
  const membersBefore = (await api('/admin/members', { headers: staff })).body.total;

  await withPage(session.browser, 'privacy-and-mine', async (page) => {
    const storefront = await openStorefront(page, session.app.baseUrl);
    await storefront.mine();
    // Copy uses the shop's name from the profile, not the built-in one.
    await page.locator('.mine-page__welcome-title', { hasText: '欢迎来到山野茶事·西湖店' }).waitFor();
    // A guest reaches customer service too: on H5 the service phone and hours.
    await page.locator('.customer-service__phone-text', { hasText: '客服电话 0571-8888 6666' }).waitFor();

    // Declining leaves the shopper a guest, and nobody was logged in.
    await page.locator('.login-button').click();
    const dialog = page.locator('.privacy-dialog:visible');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /欢迎来到山野茶事·西湖店/);
    await screenshot(page, 'consent-dialog');
    await dialog.locator('.privacy-dialog__decline').click();
    await page.getByText('同意用户协议和隐私政策后才能登录').waitFor();
    assert.equal(await page.locator('.member-card').count(), 0);
    assert.equal((await api('/admin/members', { headers: staff })).body.total, membersBefore);

    // The dialog links to the 隐私政策, with the shop's name and service phone filled in.
    await page.locator('.login-button').click();
    await page.locator('.privacy-dialog:visible .privacy-policy-link').click();
    await page.locator('.legal-document__title:visible', { hasText: '山野茶事·西湖店隐私政策' }).waitFor();
    assert.match(await page.locator('.legal-document:visible').innerText(), /收货地址[\s\S]*售后[\s\S]*0571-8888 6666/);

    // The next try: agree. (A fresh load: H5 comes back to a tab page blank after a history step.)
    await storefront.mine();
    await page.reload();
    await page.locator('.login-button').click();
    await page.locator('.privacy-dialog:visible .privacy-dialog__agree').click();
    // The first login of a new member brings the 新人券, announced once.
    await page.locator('.taro-modal__content', { hasText: '新人专享10元券' }).waitFor();
    await page.locator('.taro-modal__foot').getByText('知道了', { exact: true }).click();
    await page.locator('.member-card').waitFor();

    // The server stored the version agreed to, with the member.
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('storefront.token')).data);
    const shopper = { authorization: `Bearer ${token}` };
    const me = (await api('/me', { headers: shopper })).body;
    assert.equal(me.privacyConsent.version, version);
    assert.ok(Date.now() - Date.parse(me.privacyConsent.acceptedAt) < 120_000, `accepted at ${me.privacyConsent.acceptedAt}`);

    // Two unpaid orders: 待付款 shows 2 once 我的 is loaded again.
    const product = (await api('/products?pageSize=50')).body.items.find((item) => item.inStock);
    const sku = (await api(`/products/${product.id}`)).body.skus.find((item) => item.stock >= 2);
    const address = await api('/addresses', {
      method: 'POST',
      headers: shopper,
      body: JSON.stringify({ recipientName: '王茶友', phone: '13900003333', provinceName: '浙江省', cityName: '杭州市', districtName: '西湖区', regionCode: '330106', detail: '龙井路 1 号' }),
    });
    for (const clientToken of ['mine-badge-order-1', 'mine-badge-order-2']) {
      const placed = await api('/orders', {
        method: 'POST',
        headers: shopper,
        body: JSON.stringify({ clientToken, items: [{ skuId: sku.id, quantity: 1 }], addressId: address.body.id, memberCouponId: null }),
      });
      assert.equal(placed.status, 201, JSON.stringify(placed.body));
    }
    await page.reload();
    await page.locator('.order-shortcut--pending_payment .order-shortcut__badge', { hasText: '2' }).waitFor();
    assert.equal(await page.locator('.order-shortcut--paid .order-shortcut__badge').count(), 0);
    await page.locator('.my-coupons-entry', { hasText: '1 张待使用' }).waitFor();
    await page.locator('.customer-service:visible .customer-service__phone-text', { hasText: '客服电话 0571-8888 6666' }).waitFor();
    await page.locator('.customer-service:visible', { hasText: '每天 9:00–21:00' }).waitFor();
    // Shortcuts are tap targets of at least 44 px.
    for (const box of await page.locator('.order-shortcut').evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect()))) {
      assert.ok(box.width >= 44 && box.height >= 44, `shortcut ${box.width}×${box.height}`);
    }
    await screenshot(page, 'mine');

    // The badge opens its list; the order and the product reach customer service the same way.
    await page.locator('.order-shortcut--pending_payment').click();
    await page.locator('.order-card:visible').first().click();
    await page.locator('.order-detail-page:visible .customer-service__phone-text', { hasText: '0571-8888 6666' }).waitFor();
    await page.goto(`${session.app.baseUrl}/#/goods/detail/index?id=${product.id}`);
    await page.reload();
    await page.locator('.detail-page:visible .customer-service__phone-text', { hasText: '0571-8888 6666' }).waitFor();

    // 设置: the documents and 退出登录, after a confirmation.
    await page.goto(`${session.app.baseUrl}/#/account/settings/index`);
    await page.locator('.privacy-policy-entry', { hasText: `版本 ${version}` }).waitFor();
    await page.locator('.logout-button').click();
    await page.locator('.taro-modal__foot').getByText('取消', { exact: true }).click();
    assert.ok(await page.evaluate(() => localStorage.getItem('storefront.token')), 'still signed in after 取消');
    await page.locator('.logout-button').click();
    await page.locator('.taro-modal__foot').getByText('退出', { exact: true }).click();
    await page.locator('.mine-page--guest .login-button').waitFor();

    // Logging in again on this device does not ask again: the version in force was agreed to.
    await page.locator('.login-button').click();
    await page.locator('.member-card').waitFor();
    assert.equal(await page.locator('.privacy-dialog:visible').count(), 0);

    // The policy changed since (staged: the member's acceptance is of an earlier version): opening 我的 asks again.
    const db = new Database(join(session.app.dataDir, 'storefront.sqlite'));
    try {
      db.prepare('UPDATE member_privacy_consents SET version = ? WHERE memberId = ?').run('2025-06-01', me.id);
    } finally {
      db.close();
    }
    await page.reload();
    await page.locator('.privacy-dialog:visible', { hasText: '隐私政策已更新' }).waitFor();
    // Declining signs the member out; the next login asks before it goes ahead, and agreeing records the version again.
    await page.locator('.privacy-dialog:visible .privacy-dialog__decline').click();
    await page.locator('.mine-page--guest .login-button').waitFor();
    await page.locator('.login-button').click();
    await page.locator('.privacy-dialog:visible', { hasText: '用户协议与隐私政策' }).locator('.privacy-dialog__agree').click();
    await page.locator('.member-card').waitFor();
    const token2 = await page.evaluate(() => JSON.parse(localStorage.getItem('storefront.token')).data);
    const again = (await api('/me', { headers: { authorization: `Bearer ${token2}` } })).body;
    assert.equal(again.id, me.id);
    assert.equal(again.privacyConsent.version, version);
  });
});
