// 拼团 from end to end, in a real browser (H5 storefront at 375 px, two shoppers in separate browser contexts):
// staff start a campaign for a demo product (teams of 2); A opens a team from the product page and pays, and takes
// the team's link from the team page; B opens the link in a fresh browser, joins and pays; the team succeeds, both
// orders read 待发货 and the team page says 拼团成功. A then opens a second team and pays; B opens one and quits
// (取消拼团并退款: the team fails at once, B's order card and team page say 已退出); A's team runs out of time (staff end
// the campaign, so its teams expire now), the sweeps fail it and refund A, whose team page says 拼团失败，已退款 and
// whose order shows the refund. Layout: no horizontal overflow, the bottom bars pinned and visible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppAndBrowser, staffToken } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { assertBottomBar, assertNoHorizontalOverflow } from './support/layout.mjs';
import { agreeAndLoginAsNewShopper, addFirstAddressAtCheckout, pickSkuAndConfirm } from './support/storefront.mjs';
import { callApi, signInStorefront, waitForOrderStatus } from './support/shopper-api.mjs';
import { logInToAdmin } from './support/admin.mjs';

const session = useAppAndBrowser();
const phone = { viewport: { width: 375, height: 812 } };
const call = (method, path, options) => callApi(session.app.baseUrl, method, path, options);
const storedToken = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('storefront.token')).data);
const fakeIdentity = (page) => page.evaluate(() => localStorage.getItem('storefront.fakeWechatIdentity'));

/**
 * 提交订单 of a 拼团 checkout: the team's notices are asked for, the fake cashier is paid, and the shopper lands on
 * the team page once the payment is confirmed. Answers the team id.
 */
async function submitGroupOrderAndPay(page) {
  const payable = (await page.locator('.checkout-payable').innerText()).trim();
  await page.locator('.submit-order-button').click();
  const notices = page.locator('.taro-modal__content');
  await notices.waitFor();
  const asked = await notices.innerText();
  assert.ok(asked.includes('拼团成功通知') && asked.includes('拼团失败通知'), `a 拼团 payment asks for the team's notices: ${asked}`);
  await page.locator('.taro-modal__foot').getByText('允许', { exact: true }).click();
  await page.getByTestId('cashier-confirm').waitFor();
  assert.equal((await page.getByTestId('cashier-amount').innerText()).trim(), payable);
  await page.getByTestId('cashier-confirm').click();
  await page.locator('.team-page .team-state').waitFor({ timeout: 20_000 });
  return Number(new URL(page.url().replace('#', '')).searchParams.get('id'));
}

test('A opens a team and shares it, B joins through the link, the team succeeds; a second team fails and is refunded', async () => {
  const owner = await staffToken(session.app.baseUrl, 'owner');
  const { items } = await call('GET', '/products?page=1&pageSize=20');
  // A product outside the demo shop's own running 拼团 (a product sits in one running campaign at a time).
  const busy = new Set((await call('GET', '/group-buy/offers?pageSize=50')).items.map((offer) => offer.productId));
  let product = null;
  for (const summary of items.filter((item) => item.inStock && !busy.has(item.id))) {
    const detail = await call('GET', `/products/${summary.id}`);
    if (detail.skus.some((sku) => sku.stock >= 5 && sku.priceFen >= 100)) {
      product = detail;
      break;
    }
  }
  assert.ok(product, 'the demo shop has a product in stock');
  const campaignSkus = product.skus
    .filter((sku) => sku.stock >= 5 && sku.priceFen >= 100)
    .map((sku) => ({ skuId: sku.id, groupPriceFen: Math.floor(sku.priceFen * 0.8), leaderPriceFen: null }));
  const now = Date.now();
  const campaign = await call('POST', '/admin/group-buy/campaigns', {
    token: owner,
    body: {
      name: '两人拼团',
      productId: product.id,
      skus: campaignSkus,
      teamSize: 2,
      validityHours: 1,
      startsAt: new Date(now - 60_000).toISOString(),
      endsAt: new Date(now + 7 * 24 * 3600_000).toISOString(),
      memberTeamLimit: 0,
      memberUnitLimit: 2,
      unitQuota: 0,
      allowCoupons: false,
      allowPoints: false,
      virtualCompletion: false,
      virtualThresholdPercent: null,
      rulesText: '两人成团，邀请好友参团；到期未成团自动退款。',
    },
  });
  assert.ok(campaign.id > 0);

  // 1. 拼团专区 lists the product at its group price against the list price.
  await withPage(
    session.browser,
    'group-buy-zone',
    async (page) => {
      await page.goto(`${session.app.baseUrl}/#/pages/group-buy/index`);
      const card = page.locator('.group-buy-offer', { hasText: product.title });
      await card.waitFor();
      const text = await card.innerText();
      assert.ok(text.includes('2人团') && text.includes('去拼团') && text.includes('已成团'), text);
      await assertNoHorizontalOverflow(page, '拼团专区');
      await screenshot(page, 'group-buy-zone');
      await card.click();
      await page.locator('.start-team-button').waitFor();
    },
    phone,
  );

  // 2. A opens a team from the product page (发起拼团 signs A in), pays, and takes the team's link.
  const a = {};
  await withPage(
    session.browser,
    'group-buy-leader',
    async (page) => {
      await page.goto(`${session.app.baseUrl}/#/goods/detail/index?id=${product.id}`);
      await page.locator('.group-buy-block').waitFor();
      assert.match(await page.locator('.start-team-button').innerText(), /发起拼团/);
      assert.match(await page.locator('.buy-now-button').innerText(), /单独购买/);
      await assertBottomBar(page, { bar: '.detail-page__bar' });
      await assertNoHorizontalOverflow(page, 'the product page');
      await page.locator('.group-buy-block').evaluate((block) => block.scrollIntoView({ block: 'center' }));
      await screenshot(page, 'group-buy-product-page');

      await page.locator('.start-team-button').click();
      await pickSkuAndConfirm(page, '发起拼团');
      await agreeAndLoginAsNewShopper(page);
      await addFirstAddressAtCheckout(page, { name: '王团长', phone: '13900004444', detail: '文三路 8 号' });
      assert.equal((await page.locator('.checkout-line__price-label').first().innerText()).trim(), '拼团价');
      // The campaign allows no coupons or points: the checkout offers neither.
      assert.equal(await page.locator('.checkout-coupon-cell').count(), 0);
      assert.equal(await page.locator('.checkout-points-cell').count(), 0);
      a.teamId = await submitGroupOrderAndPay(page);
      await page.locator('.team-state', { hasText: '拼团中' }).waitFor();
      assert.match(await page.locator('.team-status__missing').innerText(), /还差 1 人成团/);
      assert.equal(await page.locator('.team-seats .leader-badge').count(), 1);
      assert.equal(await page.locator('.team-seats .team-seat--empty').count(), 1);
      await page.locator('.team-countdown').waitFor();
      await assertBottomBar(page, { bar: '.team-page__bar' });
      await assertNoHorizontalOverflow(page, 'the team page');
      await screenshot(page, 'group-buy-team-forming');

      await page.locator('.team-action--invite').click();
      a.link = (await page.locator('.team-share-link').innerText()).trim();
      assert.match(a.link, new RegExp(`#/pages/group-buy/team/index\\?id=${a.teamId}&s=\\w+$`));
      a.token = await storedToken(page);
      a.identity = await fakeIdentity(page);
    },
    phone,
  );
  a.orderNo = (await call('GET', `/group-buy/teams/${a.teamId}`, { token: a.token })).mySeat.orderNo;
  assert.equal((await call('GET', `/orders/${a.orderNo}`, { token: a.token })).fulfilmentHold, 'group_buy');

  // 3. B opens A's link in a fresh browser, joins (立即参团 signs B in) and pays: the team succeeds.
  const b = {};
  await withPage(
    session.browser,
    'group-buy-joiner',
    async (page) => {
      await page.goto(a.link);
      await page.locator('.team-state', { hasText: '拼团中' }).waitFor();
      await page.locator('.team-action--join').click();
      await agreeAndLoginAsNewShopper(page);
      await pickSkuAndConfirm(page, '立即参团');
      await addFirstAddressAtCheckout(page, { name: '李小白', phone: '13900005555', detail: '文一西路 18 号' });
      const teamId = await submitGroupOrderAndPay(page);
      assert.equal(teamId, a.teamId);
      await page.locator('.team-state', { hasText: '拼团成功' }).waitFor();
      assert.equal(await page.locator('.team-seats .team-seat--empty').count(), 0);
      await assertNoHorizontalOverflow(page, 'the team page (succeeded)');
      await screenshot(page, 'group-buy-team-succeeded');
      b.token = await storedToken(page);
      b.identity = await fakeIdentity(page);
    },
    phone,
  );
  b.orderNo = (await call('GET', `/group-buy/teams/${a.teamId}`, { token: b.token })).mySeat.orderNo;

  // 4. Both orders were released for shipping at once: 待发货 in the shopper's view.
  for (const [who, shopper] of [
    ['A', a],
    ['B', b],
  ]) {
    const order = await call('GET', `/orders/${shopper.orderNo}`, { token: shopper.token });
    assert.equal(order.status, 'paid', `${who}'s order`);
    assert.equal(order.fulfilmentHold, null, `${who}'s order is no longer on hold`);
    await withPage(
      session.browser,
      `group-buy-order-${who}`,
      async (page) => {
        await signInStorefront(page, shopper.token);
        await page.goto(`${session.app.baseUrl}/#/orders/detail/index?orderNo=${shopper.orderNo}`);
        await page.locator('.order-banner .order-status', { hasText: '待发货' }).waitFor();
        await page.locator('.group-buy-order-card .team-state', { hasText: '拼团成功' }).waitFor();
        assert.equal(await page.locator('.quit-team-button').count(), 0);
        await page.goto(`${session.app.baseUrl}/#/orders/list/index?tab=paid`);
        await page.locator('.order-card', { hasText: shopper.orderNo }).locator('.order-status', { hasText: '待发货' }).waitFor();
      },
      phone,
    );
  }

  // Staff see the campaign's figures: one team opened and succeeded, two real members, its GMV.
  await withPage(
    session.browser,
    'admin-group-buy-stats',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'owner');
      await page.goto(`${session.app.baseUrl}/admin/group-buy`);
      const row = page.locator('.ant-table-row', { hasText: '两人拼团' });
      await row.waitFor();
      assert.match(await row.innerText(), /100\.0%/);
      await screenshot(page, 'admin-group-buy-stats');
    },
    // Wide enough for every figure column beside the fixed 操作 column.
    { viewport: { width: 1800, height: 700 } },
  );

  // 5. A opens a second team and pays; nobody joins.
  await withPage(
    session.browser,
    'group-buy-second-team',
    async (page) => {
      await signInStorefront(page, a.token);
      await page.addInitScript((identity) => localStorage.setItem('storefront.fakeWechatIdentity', identity), a.identity);
      await page.goto(`${session.app.baseUrl}/#/goods/detail/index?id=${product.id}`);
      await page.locator('.start-team-button').click();
      await pickSkuAndConfirm(page, '发起拼团');
      await page.locator('.checkout-address', { hasText: '王团长' }).waitFor();
      a.secondTeamId = await submitGroupOrderAndPay(page);
      assert.notEqual(a.secondTeamId, a.teamId);
      await page.locator('.team-state', { hasText: '拼团中' }).waitFor();
      // While the team forms, the order offers 取消拼团并退款 and no 申请售后.
      a.secondOrderNo = (await call('GET', `/group-buy/teams/${a.secondTeamId}`, { token: a.token })).mySeat.orderNo;
      await page.goto(`${session.app.baseUrl}/#/orders/detail/index?orderNo=${a.secondOrderNo}`);
      await page.locator('.order-banner .order-status', { hasText: '拼团中' }).waitFor();
      await page.locator('.quit-team-button').waitFor();
      assert.equal(await page.locator('.order-action--afterSale').count(), 0);

      await screenshot(page, 'group-buy-order-forming');
    },
    phone,
  );

  // 6. B opens a team too and, alone in it, quits (取消拼团并退款, asked first): the team fails at once, and B's order
  // card and team page say 已退出 with nothing to share.
  await withPage(
    session.browser,
    'group-buy-quit',
    async (page) => {
      await signInStorefront(page, b.token);
      await page.addInitScript((identity) => localStorage.setItem('storefront.fakeWechatIdentity', identity), b.identity);
      await page.goto(`${session.app.baseUrl}/#/goods/detail/index?id=${product.id}`);
      await page.locator('.start-team-button').click();
      await pickSkuAndConfirm(page, '发起拼团');
      await page.locator('.checkout-address', { hasText: '李小白' }).waitFor();
      b.quitTeamId = await submitGroupOrderAndPay(page);
      b.quitOrderNo = (await call('GET', `/group-buy/teams/${b.quitTeamId}`, { token: b.token })).mySeat.orderNo;
      await page.goto(`${session.app.baseUrl}/#/orders/detail/index?orderNo=${b.quitOrderNo}`);
      await page.locator('.quit-team-button').click();
      await page.locator('.taro-modal__foot').getByText('取消拼团', { exact: true }).click();
      await page.locator('.group-buy-order-card .team-state', { hasText: '已退出' }).waitFor();
      await page.goto(`${session.app.baseUrl}/#/pages/group-buy/team/index?id=${b.quitTeamId}`);
      await page.locator('.team-state', { hasText: '已退出' }).waitFor();
      assert.match(await page.locator('.team-status__hint').innerText(), /原路退回/);
      assert.equal(await page.locator('.team-action--invite, .team-poster-button').count(), 0, 'a member who quit has nothing to share');
      await screenshot(page, 'group-buy-team-quit');
    },
    phone,
  );
  assert.equal((await call('GET', `/group-buy/teams/${b.quitTeamId}`, { token: b.token })).status, 'failed', 'a team whose only paid member (its leader) quit fails at once');
  await waitForOrderStatus(session.app.baseUrl, b.quitOrderNo, b.token, 'refunded');

  // 7. A's second team runs out of time with one paid member: staff end the campaign early, which makes its open
  // teams expire now (the server's clock cannot be moved from a browser test); the expiry sweep fails the team and
  // the refund sweep refunds A's order, without anyone asking.
  await call('POST', `/admin/group-buy/campaigns/${campaign.id}/end`, { token: owner });
  await call('POST', '/admin/jobs/group-buy.expire-teams/run', { token: owner });
  await call('POST', '/admin/jobs/group-buy.refund-lost-seats/run', { token: owner });
  await waitForOrderStatus(session.app.baseUrl, a.secondOrderNo, a.token, 'refunded');
  assert.equal((await call('GET', `/group-buy/teams/${a.secondTeamId}`, { token: a.token })).status, 'failed');
  const first = await call('GET', `/orders/${a.orderNo}`, { token: a.token });
  assert.equal(first.status, 'paid', 'ending the campaign leaves the team that succeeded alone');

  await withPage(
    session.browser,
    'group-buy-failed',
    async (page) => {
      await signInStorefront(page, a.token);
      await page.goto(`${session.app.baseUrl}/#/pages/group-buy/team/index?id=${a.secondTeamId}`);
      await page.locator('.team-state', { hasText: '拼团失败，已退款' }).waitFor();
      assert.match(await page.locator('.team-status__hint').innerText(), /原路退回/);
      await assertNoHorizontalOverflow(page, 'the team page (failed)');
      await screenshot(page, 'group-buy-team-failed');
      await page.goto(`${session.app.baseUrl}/#/orders/detail/index?orderNo=${a.secondOrderNo}`);
      await page.locator('.order-banner .order-status', { hasText: '已退款' }).waitFor();
      await page.locator('.group-buy-order-card', { hasText: '拼团失败' }).waitFor();
      assert.equal(await page.locator('.quit-team-button').count(), 0, 'a refunded order has nothing to quit');
      const order = await call('GET', `/orders/${a.secondOrderNo}`, { token: a.token });
      assert.equal(order.refundedFen, order.payableFen, 'the whole order was refunded');
      await screenshot(page, 'group-buy-order-refunded');
    },
    phone,
  );
});
