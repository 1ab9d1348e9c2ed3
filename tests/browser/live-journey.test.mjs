// 直播 from end to end, in a real browser (H5 storefront at 375 px): staff create a Channels session featuring two
// products, with a 直播专享价 on every SKU of the first, and press 开播 (and plan a second session for later). The
// storefront shows the 正在直播 banner on the home page and the 直播中 badges (with the live price) on the featured
// products' cards. A guest taps the banner (a click of entry banner), the session page lists the featured products
// in order at the live price, 观看直播 opens H5's "请在微信中打开观看直播" screen; back on the session page they open the
// first product (its live strip), buy it at the live price (the checkout line says 直播价, the order is priced so),
// and 预约 the planned session (H5: kept without a reminder, 请在微信中开启提醒). The SKU picker and a cart line show the
// SKU's live price as /live/featured gives it, and checkout says why 6 units with 4 left at the live price are at the
// list price; the planned session's missing cover shows the 直播 placeholder. If the
// session report exists, it counts the click and the order under live_price. Once ended, 查看回放 explains the replay.
// Layout: no horizontal overflow on the live pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppAndBrowser, staffToken } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { assertNoHorizontalOverflow } from './support/layout.mjs';
import { addFirstAddressAtCheckout, agreeAndLoginAsNewShopper, pickSkuAndConfirm, submitAndPay } from './support/storefront.mjs';
import { callApi, waitForOrderStatus } from './support/shopper-api.mjs';

const session = useAppAndBrowser();
const phone = { viewport: { width: 375, height: 812 } };
const call = (method, path, options) => callApi(session.app.baseUrl, method, path, options);
const storedToken = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('storefront.token')).data);
const yuan = (fen) => `¥${(fen / 100).toFixed(2)}`;
/** A SKU's live price as GET /live/featured gives it now (what checkout would charge), or null. */
async function skuLivePriceNow(productId, skuId) {
  const entry = (await call('GET', '/live/featured')).find((candidate) => candidate.productId === productId);
  return entry?.skuLivePrices.find((price) => price.skuId === skuId)?.livePriceFen ?? null;
}

function sessionBody(title, startAt, endAt, productIds, prices, couponTemplateId = null) {
  return {
    provider: 'channels',
    finderUserName: 'sphLiveJourney01',
    feedId: null,
    noticeId: null,
    roomId: null,
    title,
    coverUrl: null,
    plannedStartAt: new Date(startAt).toISOString(),
    plannedEndAt: new Date(endAt).toISOString(),
    productIds,
    prices,
    couponTemplateId,
  };
}

test('a shopper comes through the live banner, watches (H5 explains), buys a featured product at the live price and reserves the next live', async () => {
  const owner = await staffToken(session.app.baseUrl, 'owner');
  // Two products of the home feed's first page (the banner and the badges are checked there), outside any running
  // 拼团 (its buttons would replace 立即购买); every SKU of the first is in stock and can take a lower live price.
  const busy = new Set((await call('GET', '/group-buy/offers?pageSize=50')).items.map((offer) => offer.productId));
  const { items } = await call('GET', '/products?sort=default&page=1&pageSize=10');
  const candidates = [];
  for (const summary of items.filter((item) => item.inStock && !busy.has(item.id))) {
    candidates.push(await call('GET', `/products/${summary.id}`));
  }
  const featured = candidates.find((detail) => detail.skus.every((sku) => sku.stock >= 6 && sku.priceFen >= 200));
  assert.ok(featured, 'the demo shop has a product in stock whose every SKU can take a live price');
  const second = candidates.find((detail) => detail.id !== featured.id);
  assert.ok(second, 'the demo shop has a second product to feature');
  // The first SKU (the one bought) sells only 5 units at its live price; the others have no limit besides stock.
  const prices = featured.skus.map((sku, index) => ({ skuId: sku.id, livePriceFen: Math.floor(sku.priceFen * 0.7), unitQuota: index === 0 ? 5 : 0 }));
  const lowestLivePrice = Math.min(...prices.map((price) => price.livePriceFen));

  // The live coupon: one of the demo shop's claimable coupons, one per member.
  const liveCoupon = (await call('GET', '/coupons/center')).find((item) => item.perMemberLimit === 1 && item.remaining > 10);
  assert.ok(liveCoupon, 'the demo shop has a claimable coupon limited to one per member');

  const now = Date.now();
  const live = await call('POST', '/admin/live/sessions', {
    token: owner,
    body: sessionBody('春茶上新 · 直播间专享', now + 10 * 60_000, now + 3 * 3600_000, [featured.id, second.id], prices, liveCoupon.templateId),
  });
  const started = await call('POST', `/admin/live/sessions/${live.id}/start`, { token: owner });
  assert.equal(started.status, 'live');
  const planned = await call('POST', '/admin/live/sessions', {
    token: owner,
    // Its cover is an upload that no longer exists: the storefront shows the 直播 placeholder, not a broken image.
    body: { ...sessionBody('周末品茶课 · 预告', now + 2 * 24 * 3600_000, now + 2 * 24 * 3600_000 + 3600_000, [second.id], []), coverUrl: '/uploads/live-cover-gone.png' },
  });
  assert.equal(planned.status, 'upcoming');

  await withPage(
    session.browser,
    'live-journey',
    async (page) => {
      // 1. Home: the 正在直播 banner, and the 直播中 badge with the live price on the featured product's card.
      let featuredReads = 0;
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/v1/live/featured') featuredReads += 1;
      });
      await page.goto(`${session.app.baseUrl}/#/pages/home/index`);
      const banner = page.locator('.live-home-banner');
      await banner.waitFor();
      assert.match(await banner.innerText(), /正在直播[\s\S]*春茶上新/);
      const card = page.locator(`.product-card[data-product-id="${featured.id}"]`);
      await card.locator('.live-card-badge').waitFor();
      assert.equal((await card.locator('.live-card-badge').innerText()).trim(), '直播中');
      assert.equal((await card.locator('.live-card-price').innerText()).trim(), `直播专享价 ${yuan(lowestLivePrice)}`);
      const secondCard = page.locator(`.product-card[data-product-id="${second.id}"]`);
      assert.equal((await secondCard.locator('.live-card-badge').innerText()).trim(), '直播中');
      // No live price on the second product: no price line, the list price stays.
      assert.equal(await secondCard.locator('.live-card-price').count(), 0);
      // Every other card carries a badge exactly when a session features it (the demo shop may plan lives of its own).
      const featuredNow = new Map((await call('GET', '/live/featured')).map((entry) => [entry.productId, entry]));
      for (const item of items.filter((candidate) => candidate.id !== featured.id && candidate.id !== second.id)) {
        const badge = page.locator(`.product-card[data-product-id="${item.id}"] .live-card-badge`);
        const entry = featuredNow.get(item.id);
        if (!entry) assert.equal(await badge.count(), 0, `product ${item.id} is featured by no session`);
        else assert.equal((await badge.innerText()).trim(), entry.status === 'live' ? '直播中' : '直播预告');
      }
      // The featured products are read once for the page, not once per card.
      assert.equal(featuredReads, 1, `GET /live/featured was read ${featuredReads} times for one home page view`);
      await assertNoHorizontalOverflow(page, 'the home page');
      await screenshot(page, 'live-home-banner');
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, 'live-product-card-badge');

      // 2. The banner opens the session page: featured products in order, the first at its live price.
      await banner.scrollIntoViewIfNeeded();
      await banner.click();
      await page.locator('.live-session-title', { hasText: '春茶上新' }).waitFor();
      assert.match(page.url(), new RegExp(`#/pages/live/session/index\\?id=${live.id}$`));
      const rows = page.locator('.live-featured-product');
      assert.deepEqual(await rows.evaluateAll((nodes) => nodes.map((node) => Number(node.dataset.productId))), [featured.id, second.id]);
      assert.equal((await rows.first().locator('.live-price-label').innerText()).trim(), '直播专享价');
      assert.equal((await rows.first().locator('.live-product__price').innerText()).trim(), yuan(lowestLivePrice));
      assert.equal(await rows.nth(1).locator('.live-price-label').count(), 0);
      assert.equal(await page.locator('.live-status--live').count(), 1);
      assert.equal(await page.locator('.live-reserve-button').count(), 0, 'a live session offers no 预约');
      assert.equal((await page.locator('.live-coupon-claim-button').innerText()).trim(), '领取');
      await assertNoHorizontalOverflow(page, 'the session page');
      await screenshot(page, 'live-session-page');

      // 3. 观看直播 on H5: the explanation screen, with the session.
      await page.locator('.live-watch-button', { hasText: '观看直播' }).click();
      const explain = page.locator('.live-h5-explain');
      await explain.waitFor();
      const explained = await explain.innerText();
      assert.ok(explained.includes('请在微信中打开观看直播') && explained.includes('春茶上新') && explained.includes('视频号直播'), explained);
      await screenshot(page, 'live-h5-explain');
      await page.locator('.live-h5-explain__close').click();
      await explain.waitFor({ state: 'hidden' });

      // 4. Back on the session page, the first product: its live strip, then 立即购买 at the live price.
      await rows.first().click();
      const strip = page.locator('.live-product-strip');
      await strip.waitFor();
      assert.match(await strip.innerText(), new RegExp(`直播中[\\s\\S]*直播专享价 ${yuan(lowestLivePrice).replace('.', '\\.')}`));
      await screenshot(page, 'live-product-page-strip');
      await page.locator('.buy-now-button').click();
      // The picker opens on the first SKU (all in stock) at the price checkout charges for it: its 直播价 as GET
      // /live/featured gives it, with the list price struck through.
      await page.locator('.sku-picker .sku-confirm-button').waitFor();
      const firstSku = featured.skus[0];
      const firstSkuLivePrice = await skuLivePriceNow(featured.id, firstSku.id);
      assert.equal(firstSkuLivePrice, prices[0].livePriceFen);
      const pickerPrices = (await page.locator('.sku-picker__summary .price-text').allInnerTexts()).map((text) => text.trim());
      assert.deepEqual(pickerPrices, [yuan(firstSkuLivePrice), yuan(firstSku.priceFen)]);
      assert.equal((await page.locator('.sku-live-price-label').innerText()).trim(), '直播价');
      await screenshot(page, 'live-sku-picker');
      await pickSkuAndConfirm(page, '立即购买');
      await agreeAndLoginAsNewShopper(page);
      await addFirstAddressAtCheckout(page, { name: '陈直播', phone: '13900007777', detail: '文二路 66 号' });
      assert.equal((await page.locator('.checkout-line__price-label').first().innerText()).trim(), '直播价');
      const checkoutUnitPrice = (await page.locator('.checkout-line__numbers .price-text').first().innerText()).trim();
      assert.ok(
        prices.some((price) => yuan(price.livePriceFen) === checkoutUnitPrice),
        `the checkout line is at a live price: ${checkoutUnitPrice}`,
      );
      await screenshot(page, 'live-checkout');
      const shownPayable = (await page.locator('.checkout-payable').innerText()).trim();
      const orderNo = await submitAndPay(page);
      const token = await storedToken(page);
      await waitForOrderStatus(session.app.baseUrl, orderNo, token, 'paid');
      const order = await call('GET', `/orders/${orderNo}`, { token });
      assert.equal(yuan(order.payableFen), shownPayable);
      const line = order.lines[0];
      assert.equal(line.productId, featured.id);
      assert.equal(line.unitPriceFen, prices.find((price) => price.skuId === line.skuId).livePriceFen);
      assert.equal(order.pricing.payableFen, order.payableFen);

      // In the cart the line keeps its list price and total, with a note of the live price checkout will apply.
      // 6 units with 4 left at the live price: checkout prices the line at the list price and says why.
      await call('POST', '/cart/items', { token, body: { skuId: firstSku.id, quantity: 6 } });
      await page.goto(`${session.app.baseUrl}/#/pages/cart/index`);
      const cartLine = page.locator(`.cart-line[data-sku-id="${firstSku.id}"]`);
      await cartLine.waitFor();
      assert.equal((await cartLine.locator('.cart-line__footer .price-text').innerText()).trim(), yuan(firstSku.priceFen));
      assert.equal((await cartLine.locator('.cart-live-note').innerText()).trim(), `直播专享价 ${yuan(firstSkuLivePrice)}，结算时生效`);
      await screenshot(page, 'live-cart-note');
      await page.locator('.checkout-button').click();
      const overQuotaNote = page.locator('.checkout-line__price-note');
      await overQuotaNote.waitFor();
      assert.equal((await overQuotaNote.innerText()).trim(), '直播价仅剩 4 件，本行 6 件按原价计；改为 4 件及以内可享直播价');
      assert.equal(await page.locator('.checkout-line__price-label').count(), 0);
      await screenshot(page, 'live-checkout-quota-note');

      // The live coupon, claimed on the session page by the now signed-in shopper: then 已领取.
      await page.goto(`${session.app.baseUrl}/#/pages/live/session/index?id=${live.id}`);
      const claimButton = page.locator('.live-coupon-claim-button');
      await claimButton.waitFor();
      assert.equal((await claimButton.innerText()).trim(), '领取');
      await claimButton.click();
      await page.locator('.live-coupon-claim-button', { hasText: '已领取' }).waitFor();
      assert.ok((await call('GET', '/me/coupons?status=unused&pageSize=50', { token })).items.some((coupon) => coupon.templateId === liveCoupon.templateId));
      await screenshot(page, 'live-session-coupon-claimed');

      // 5. 预约 the planned session from the 直播 page (H5: no subscribe sheet, so no reminder is promised).
      await page.goto(`${session.app.baseUrl}/#/pages/live/index`);
      await page.locator('.live-session-card').first().waitFor();
      assert.equal(await page.locator(`.live-section--live .live-session-card[data-session-id="${live.id}"]`).count(), 1);
      await assertNoHorizontalOverflow(page, 'the 直播 page');
      await screenshot(page, 'live-channel-page');
      await page.locator('.live-tabs').getByText(/^直播预告/).first().click();
      const plannedCard = page.locator(`.live-section--upcoming .live-session-card[data-session-id="${planned.id}"]`);
      await plannedCard.waitFor();
      await plannedCard.locator('.live-reserve-button').click();
      await page.getByText('已预约，请在微信中开启提醒').waitFor();
      await plannedCard.locator('.live-reserved', { hasText: '已预约' }).waitFor();
      await plannedCard.locator('.live-cover-placeholder', { hasText: '直播' }).waitFor();
      await screenshot(page, 'live-channel-upcoming-reserved');
      // Its session page says 已预约, and offers no 观看 before a Channels live starts.
      await plannedCard.click();
      await page.locator('.live-session-title', { hasText: '周末品茶课' }).waitFor();
      assert.match(await page.locator('.live-reserve-button--done').innerText(), /^已预约/);
      assert.equal(await page.locator('.live-watch-button').count(), 0);
      assert.equal((await page.locator('.live-session-cover .live-cover-placeholder').innerText()).replace(/\s+/g, ''), '直播即将开播');
      await screenshot(page, 'live-session-upcoming-reserved');
      const reserved = await call('GET', `/live/sessions/${planned.id}`, { token });
      assert.equal(reserved.reservation?.sessionId, planned.id);
      assert.equal(reserved.reservation.reminderState, 'none', 'no reminder without the subscribe sheet');

      // No page text words a reservation as earning anything (WeChat forbids inducing reservations).
      assert.doesNotMatch(await page.locator('.live-channel-page').innerText(), /奖励|送积分|预约有礼|红包/);

      // 6. The session report, where it exists: the banner click and the order at the live price.
      const response = await fetch(`${session.app.baseUrl}/api/v1/admin/live/sessions/${live.id}/report`, { headers: { authorization: `Bearer ${owner}` } });
      if (response.status === 404) {
        console.log('# skipped: GET /admin/live/sessions/:id/report answers 404 on this build (the report is not merged yet)');
      } else {
        assert.equal(response.status, 200);
        const report = await response.json();
        assert.ok(report.clicks >= 1, `the report counts the live clicks: ${report.clicks}`);
        assert.ok(report.byAttribution.live_price.orders >= 1, `the report counts the order at the live price: ${JSON.stringify(report.byAttribution)}`);
        assert.ok(report.byAttribution.live_price.gmvFen >= order.payableFen);
      }

      // 7. Once the live ended, 查看回放 on H5 explains where the replay plays.
      await call('POST', `/admin/live/sessions/${live.id}/end`, { token: owner });
      await page.goto(`${session.app.baseUrl}/#/pages/live/session/index?id=${live.id}`);
      await page.locator('.live-status--ended').waitFor();
      await page.locator('.live-watch-button', { hasText: '查看回放' }).click();
      const replay = await page.locator('.live-h5-explain').innerText();
      assert.ok(replay.includes('请在微信中打开查看回放') && replay.includes('回放') && !replay.includes('观看这场直播'), replay);
      await screenshot(page, 'live-h5-explain-replay');
    },
    phone,
  );
});

test('a cancelled or unknown session reads 直播不存在或已取消', async () => {
  const owner = await staffToken(session.app.baseUrl, 'owner');
  const now = Date.now();
  const cancelled = await call('POST', '/admin/live/sessions', {
    token: owner,
    body: sessionBody('取消的直播', now + 24 * 3600_000, now + 25 * 3600_000, [], []),
  });
  await call('POST', `/admin/live/sessions/${cancelled.id}/cancel`, { token: owner });
  await withPage(
    session.browser,
    'live-session-gone',
    async (page) => {
      for (const id of [cancelled.id, 99999999]) {
        await page.goto(`${session.app.baseUrl}/#/pages/live/session/index?id=${id}`);
        await page.locator('.live-session-page--gone', { hasText: '直播不存在或已取消' }).waitFor();
      }
      await screenshot(page, 'live-session-gone');
    },
    phone,
  );
});
