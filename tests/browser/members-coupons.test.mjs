// A new member of the demo shop receives the 新人券 at first login, claims 满199减20 in 领券中心, checks out
// with the best coupon preselected and points applied, pays at the fake cashier, and sees the breakdown in the
// order detail and the level progress in the member center; staff then see the coupon's use in the console
// and the repeat-purchase dashboard counting the new buyer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppAndBrowser, staffToken } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { addFirstAddressAtCheckout, openStorefront, submitAndPay, loginAsNewShopper } from './support/storefront.mjs';
import { logInToAdmin } from './support/admin.mjs';

const desktop = { viewport: { width: 1440, height: 900 } };
const session = useAppAndBrowser();

async function api(path, init = {}) {
  const response = await fetch(`${session.app.baseUrl}/api/v1${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

const yuan = (fen) => `¥${(fen / 100).toFixed(2)}`;

/** A SKU of the demo shop and how many of it reach ¥199 (the 满199减20 threshold) without running out. */
async function skuForThreshold() {
  const { body } = await api('/products?pageSize=50');
  for (const summary of body.items.filter((product) => product.inStock)) {
    const product = (await api(`/products/${summary.id}`)).body;
    for (const sku of product.skus) {
      const quantity = Math.ceil(19900 / sku.priceFen);
      if (sku.stock >= quantity && quantity <= 10) return { sku, quantity, title: product.title };
    }
  }
  throw new Error('the demo shop has no SKU that reaches ¥199 in 10 units');
}

/** The repeat-purchase figures staff see for the last 6 months (the dashboard's default range). */
async function purchasingMembers(token) {
  const china = (date) => new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const to = new Date();
  const from = new Date(to.getTime() - 182 * 24 * 3600_000);
  const { body } = await api(`/admin/analytics/repeat-purchase?from=${china(from)}&to=${china(to)}`, { headers: { authorization: `Bearer ${token}` } });
  return body.repeatRate.purchasingMembers;
}

test('a new member gets the 新人券, claims another, checks out with the best coupon and points, and staff see it counted', async () => {
  const operator = await staffToken(session.app.baseUrl, 'operator');
  const service = await staffToken(session.app.baseUrl, 'service');
  const buyersBefore = await purchasingMembers(operator);
  const { sku, quantity } = await skuForThreshold();
  const listFen = sku.priceFen * quantity;

  await withPage(session.browser, 'members-coupons-shopper', async (page) => {
    const storefront = await openStorefront(page, session.app.baseUrl);
    await storefront.mine();
    await loginAsNewShopper(page);
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('storefront.token')).data);
    const shopper = { authorization: `Bearer ${token}` };
    const memberId = (await api('/me', { headers: shopper })).body.id;

    // The first login brought the 新人券.
    await page.locator('.my-coupons-entry').click();
    await page.locator('.coupon-card', { hasText: '新人专享10元券' }).waitFor();
    await screenshot(page, 'members-my-coupons');

    // 领券中心: claim 满199减20.
    await page.goto(`${session.app.baseUrl}/#/coupons/center/index`);
    const card = page.locator('.claimable-coupon', { hasText: '满199减20' });
    await card.locator('.coupon-claim-button').click();
    // The limit is two per member: after the first the button offers 再领一张.
    await card.locator('.coupon-claim-button', { hasText: '再领一张' }).waitFor();
    await screenshot(page, 'members-coupon-center');

    // Customer service credits 500 points (a goodwill gesture), kept in the member's ledger.
    const credited = await api(`/admin/members/${memberId}/points-adjustments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${service}` },
      body: JSON.stringify({ delta: 500, reason: '新会员活动赠送' }),
    });
    assert.equal(credited.status, 201);

    // Checkout (as 立即购买 opens it): 满199减20 saves more than the 新人券, and the 500 points (¥5.00, under
    // half of the goods) are applied. New members are 普通会员 (no member price); goods ≥ ¥99 ship free.
    await page.goto(`${session.app.baseUrl}/#/checkout/index?items=${sku.id}x${quantity}`);
    await addFirstAddressAtCheckout(page, { name: '李会员', phone: '13900002222', detail: '文一路 8 号' });

    const payableFen = listFen - 2000 - 500;
    await page.locator('.checkout-coupon-cell', { hasText: '-¥20.00' }).waitFor();
    await page.locator('.checkout-points-cell', { hasText: '可用积分抵扣 ¥5.00' }).waitFor();
    await page.locator('.pricing-row--couponDiscountFen', { hasText: '优惠券（满199减20）' }).waitFor();
    await page.locator('.pricing-row--pointsDiscountFen', { hasText: '积分抵扣（500 积分）' }).waitFor();
    assert.equal((await page.locator('.checkout-payable').innerText()).trim(), yuan(payableFen));
    await screenshot(page, 'members-checkout-benefits');

    // The picker lists both coupons, the better one chosen.
    await page.locator('.checkout-coupon-cell').click();
    await page.locator('.coupon-picker .coupon-card--selected', { hasText: '满199减20' }).waitFor();
    assert.equal(await page.locator('.coupon-picker .coupon-option').count(), 2);
    await page.locator('.coupon-picker .coupon-card--selected').click();

    // Pay at the fake cashier (it asks for the payable the checkout showed).
    await submitAndPay(page);

    // The order detail shows every step of the price.
    await page.locator('.pricing-row--couponDiscountFen', { hasText: '优惠券（满199减20）' }).waitFor();
    assert.match(await page.locator('.pricing-row--pointsDiscountFen').innerText(), /积分抵扣（500 积分）[\s\S]*-¥5\.00/);
    assert.match(await page.locator('.pricing-row--payableFen').innerText(), new RegExp(yuan(payableFen).replace('.', '\\.')));
    await screenshot(page, 'members-order-breakdown');

    // Member center: the paid amount counts toward the next level; the points were spent.
    await page.goto(`${session.app.baseUrl}/#/member/center/index`);
    await page.locator('.level-card .member-level-name').waitFor();
    const deadline = Date.now() + 15_000;
    // The level follows the payment event: reload until the paid amount shows.
    while (!(await page.locator('.net-paid').innerText()).includes(String(Math.floor(payableFen / 100)))) {
      if (Date.now() > deadline) throw new Error(`member center still shows ${await page.locator('.net-paid').innerText()}`);
      await page.waitForTimeout(300);
      await page.reload();
      await page.locator('.level-card .member-level-name').waitFor();
    }
    assert.match(await page.locator('.level-upgrade-hint').innerText(), /再消费/);
    assert.equal((await page.locator('.points-balance').innerText()).trim(), '0');
    await screenshot(page, 'members-member-center');
  });

  await withPage(
    session.browser,
    'members-coupons-staff',
    async (admin) => {
      await logInToAdmin(admin, session.app.baseUrl, 'operator');
      // The coupon list counts the use.
      await admin.getByRole('link', { name: '优惠券' }).click();
      const row = admin.locator('tr', { hasText: '满199减20' });
      await row.waitFor();
      await admin.getByRole('link', { name: '数据 满199减20' }).or(admin.getByLabel('数据 满199减20')).first().click();
      const stats = admin.getByTestId('coupon-stats');
      await stats.waitFor();
      assert.match(await stats.innerText(), /已使用\s*1\s*张/);
      assert.match(await stats.innerText(), /带动订单\s*1\s*笔/);
      await screenshot(admin, 'members-admin-coupon-stats');
      await admin.keyboard.press('Escape');

      // The repeat-purchase dashboard counts one more buying member.
      await admin.getByRole('link', { name: '复购分析' }).click();
      const rate = admin.getByTestId('kpi-repeat-rate');
      await rate.waitFor();
      assert.match(await rate.innerText(), new RegExp(`购买会员 ${buyersBefore + 1} 人`));
      await screenshot(admin, 'members-admin-repeat-purchase');
    },
    desktop,
  );
});
