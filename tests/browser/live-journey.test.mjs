// 直播 from end to end, in a real browser: in the admin console's 直播管理 (desktop) the operator creates a 视频号
// session featuring two products, with a 直播专享价 on every SKU of the first (its first SKU limited to 5 units at that
// price) and a staff-only 直播优惠券, and presses 开播 (a second session, whose cover upload is gone, is planned for later
// through the API, for 预约). On the H5 storefront (375 px) the home page shows the 正在直播
// banner and the 直播中 badges (with the live price) on the featured products' cards. A guest taps the banner (a click of
// entry banner), the session page lists the featured products in order at the live price, 观看直播 opens H5's
// "请在微信中打开观看直播" screen; back on the session page they open the first product (its live strip), buy it at the
// live price (the SKU picker shows the SKU's live price as /live/featured gives it; the checkout line says 直播价, the
// order is priced so). A cart line of 6 units notes the live price checkout will apply, and checkout says why 6 units
// with 4 left at the live price are at the list price. They claim the live coupon and 预约 the planned session (H5:
// kept without a reminder, 请在微信中开启提醒; its missing cover shows the 直播 placeholder). Once the live ended,
// 查看回放 explains where the replay plays. Last, the session's 数据 page in the console shows the visit, the order
// and its GMV under 直播专享价下单, the timeline chart and the product sold.
// Layout: no horizontal overflow on the live pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppAndBrowser, staffToken } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { logInToAdmin } from './support/admin.mjs';
import {
  liveSessionByTitle,
  livePriceInputs,
  liveQuotaInput,
  openLiveManagement,
  openLiveSessionReport,
  openNewLiveSessionDrawer,
  pickFeaturedProduct,
  pickLiveCoupon,
  saveLiveSession,
  startLiveSession,
} from './support/admin-live.mjs';
import { assertNoHorizontalOverflow } from './support/layout.mjs';
import { addFirstAddressAtCheckout, agreeAndLoginAsNewShopper, pickSkuAndConfirm, submitAndPay } from './support/storefront.mjs';
import { callApi, waitForOrderStatus } from './support/shopper-api.mjs';

const session = useAppAndBrowser();
const phone = { viewport: { width: 375, height: 812 } };
const desktop = { viewport: { width: 1440, height: 900 } };
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

test('staff start a live in the console; a shopper comes through the banner, watches (H5 explains), buys at the live price and reserves the next live; the report shows the visit and the order', async () => {
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
  // One 直播专享价 for every SKU of the first product, in whole yuan, below its cheapest SKU.
  const livePriceFen = Math.floor((Math.min(...featured.skus.map((sku) => sku.priceFen)) * 0.7) / 100) * 100;
  // The first SKU (the one bought) sells only 5 units at the live price; the others have no limit besides stock.
  const firstSku = featured.skus[0];
  const firstSkuQuota = 5;

  // The live coupon: a staff-only template (not in 领券中心, not a 新人券), one per member, claimed on the session page.
  const liveCoupon = await call('POST', '/admin/coupon-templates', {
    token: owner,
    body: { name: '直播间专享3元券', type: 'no_threshold', amountOffFen: 300, scope: 'all', validityKind: 'days_after_claim', validDays: 7, totalQuantity: 100, perMemberLimit: 1, channel: 'staff' },
  });

  // 1. The operator creates the session in 直播管理 (planned from the next full hour, the drawer's default) and starts it.
  const title = '春茶上新 · 直播间专享';
  await withPage(
    session.browser,
    'live-journey-console-start',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'operator');
      await openLiveManagement(page);
      const drawer = await openNewLiveSessionDrawer(page);
      await drawer.getByLabel('直播标题').fill(title);
      await drawer.getByLabel('视频号 ID').fill('sphLiveJourney01');
      await pickFeaturedProduct(page, drawer, featured.title, featured.id);
      await pickFeaturedProduct(page, drawer, second.title, second.id);
      const priceInputs = livePriceInputs(drawer, featured.title);
      assert.equal(await priceInputs.count(), featured.skus.length, 'one 直播价 box per SKU of the first product');
      for (const input of await priceInputs.all()) await input.fill((livePriceFen / 100).toFixed(2));
      await liveQuotaInput(drawer, featured.title, firstSku.specValues).fill(String(firstSkuQuota));
      await pickLiveCoupon(page, drawer, liveCoupon.name);
      await saveLiveSession(page, drawer);
      const row = page.locator('.ant-table-row', { hasText: title });
      await row.getByText('未开始').waitFor();
      await row.getByText('2 个', { exact: true }).waitFor();
      await row.getByText(`${featured.skus.length} 个规格直播价`, { exact: true }).waitFor();
      await startLiveSession(page, title);
    },
    desktop,
  );
  // The server holds what the form showed.
  const live = await liveSessionByTitle(session.app.baseUrl, title);
  assert.equal(live.status, 'live');
  assert.deepEqual(live.products.map((product) => product.productId), [featured.id, second.id]);
  assert.deepEqual(
    live.prices.map((price) => [price.skuId, price.livePriceFen, price.unitQuota]).sort((a, b) => a[0] - b[0]),
    featured.skus.map((sku) => [sku.id, livePriceFen, sku.id === firstSku.id ? firstSkuQuota : 0]).sort((a, b) => a[0] - b[0]),
  );
  assert.equal(live.couponTemplateId, liveCoupon.id);

  const now = Date.now();
  const planned = await call('POST', '/admin/live/sessions', {
    token: owner,
    // Its cover is an upload that no longer exists: the storefront shows the 直播 placeholder, not a broken image.
    body: { ...sessionBody('周末品茶课 · 预告', now + 2 * 24 * 3600_000, now + 2 * 24 * 3600_000 + 3600_000, [second.id], []), coverUrl: '/uploads/live-cover-gone.png' },
  });
  assert.equal(planned.status, 'upcoming');

  let order;
  await withPage(
    session.browser,
    'live-journey',
    async (page) => {
      // 2. Home: the 正在直播 banner, and the 直播中 badge with the live price on the featured product's card.
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
      assert.equal((await card.locator('.live-card-price').innerText()).trim(), `直播专享价 ${yuan(livePriceFen)}`);
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

      // 3. The banner opens the session page: featured products in order, the first at its live price.
      await banner.scrollIntoViewIfNeeded();
      await banner.click();
      await page.locator('.live-session-title', { hasText: '春茶上新' }).waitFor();
      assert.match(page.url(), new RegExp(`#/pages/live/session/index\\?id=${live.id}$`));
      const rows = page.locator('.live-featured-product');
      assert.deepEqual(await rows.evaluateAll((nodes) => nodes.map((node) => Number(node.dataset.productId))), [featured.id, second.id]);
      assert.equal((await rows.first().locator('.live-price-label').innerText()).trim(), '直播专享价');
      assert.equal((await rows.first().locator('.live-product__price').innerText()).trim(), yuan(livePriceFen));
      assert.equal(await rows.nth(1).locator('.live-price-label').count(), 0);
      assert.equal(await page.locator('.live-status--live').count(), 1);
      assert.equal(await page.locator('.live-reserve-button').count(), 0, 'a live session offers no 预约');
      assert.equal((await page.locator('.live-coupon-claim-button').innerText()).trim(), '领取');
      await assertNoHorizontalOverflow(page, 'the session page');
      await screenshot(page, 'live-session-page');

      // 4. 观看直播 on H5: the explanation screen, with the session.
      await page.locator('.live-watch-button', { hasText: '观看直播' }).click();
      const explain = page.locator('.live-h5-explain');
      await explain.waitFor();
      const explained = await explain.innerText();
      assert.ok(explained.includes('请在微信中打开观看直播') && explained.includes('春茶上新') && explained.includes('视频号直播'), explained);
      await screenshot(page, 'live-h5-explain');
      await page.locator('.live-h5-explain__close').click();
      await explain.waitFor({ state: 'hidden' });

      // 5. Back on the session page, the first product: its live strip, then 立即购买 at the live price.
      await rows.first().click();
      const strip = page.locator('.live-product-strip');
      await strip.waitFor();
      assert.match(await strip.innerText(), new RegExp(`直播中[\\s\\S]*直播专享价 ${yuan(livePriceFen).replace('.', '\\.')}`));
      await screenshot(page, 'live-product-page-strip');
      await page.locator('.buy-now-button').click();
      // The picker opens on the first SKU (all in stock) at the price checkout charges for it: its 直播价 as GET
      // /live/featured gives it, with the list price struck through.
      await page.locator('.sku-picker .sku-confirm-button').waitFor();
      const firstSkuLivePrice = await skuLivePriceNow(featured.id, firstSku.id);
      assert.equal(firstSkuLivePrice, livePriceFen);
      const pickerPrices = (await page.locator('.sku-picker__summary .price-text').allInnerTexts()).map((text) => text.trim());
      assert.deepEqual(pickerPrices, [yuan(firstSkuLivePrice), yuan(firstSku.priceFen)]);
      assert.equal((await page.locator('.sku-live-price-label').innerText()).trim(), '直播价');
      await screenshot(page, 'live-sku-picker');
      await pickSkuAndConfirm(page, '立即购买');
      await agreeAndLoginAsNewShopper(page);
      await addFirstAddressAtCheckout(page, { name: '陈直播', phone: '13900007777', detail: '文二路 66 号' });
      assert.equal((await page.locator('.checkout-line__price-label').first().innerText()).trim(), '直播价');
      const checkoutUnitPrice = (await page.locator('.checkout-line__numbers .price-text').first().innerText()).trim();
      assert.equal(checkoutUnitPrice, yuan(livePriceFen), 'the checkout line is at the live price');
      await screenshot(page, 'live-checkout');
      const shownPayable = (await page.locator('.checkout-payable').innerText()).trim();
      const orderNo = await submitAndPay(page);
      const token = await storedToken(page);
      await waitForOrderStatus(session.app.baseUrl, orderNo, token, 'paid');
      order = await call('GET', `/orders/${orderNo}`, { token });
      assert.equal(yuan(order.payableFen), shownPayable);
      const line = order.lines[0];
      assert.equal(line.productId, featured.id);
      assert.equal(line.skuId, firstSku.id);
      assert.equal(line.unitPriceFen, livePriceFen);
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
      assert.equal((await overQuotaNote.innerText()).trim(), `直播价仅剩 ${firstSkuQuota - 1} 件，本行 6 件按原价计；改为 ${firstSkuQuota - 1} 件及以内可享直播价`);
      assert.equal(await page.locator('.checkout-line__price-label').count(), 0);
      await screenshot(page, 'live-checkout-quota-note');

      // The live coupon, claimed on the session page by the now signed-in shopper: then 已领取.
      await page.goto(`${session.app.baseUrl}/#/pages/live/session/index?id=${live.id}`);
      const claimButton = page.locator('.live-coupon-claim-button');
      await claimButton.waitFor();
      assert.equal((await claimButton.innerText()).trim(), '领取');
      await claimButton.click();
      await page.locator('.live-coupon-claim-button', { hasText: '已领取' }).waitFor();
      assert.ok((await call('GET', '/me/coupons?status=unused&pageSize=50', { token })).items.some((coupon) => coupon.templateId === liveCoupon.id));
      await screenshot(page, 'live-session-coupon-claimed');

      // 6. 预约 the planned session from the 直播 page (H5: no subscribe sheet, so no reminder is promised).
      await page.goto(`${session.app.baseUrl}/#/pages/live/index`);
      await page.locator('.live-session-card').first().waitFor();
      assert.equal(await page.locator(`.live-section--live .live-session-card[data-session-id="${live.id}"]`).count(), 1);
      await assertNoHorizontalOverflow(page, 'the 直播 page');
      await screenshot(page, 'live-channel-page');
      await page.locator('.live-tabs').getByText(/^直播预告/).first().click();
      const plannedCard = page.locator(`.live-section--upcoming .live-session-card[data-session-id="${planned.id}"]`);
      await plannedCard.waitFor();
      await plannedCard.locator('.live-cover-placeholder', { hasText: '直播' }).waitFor();
      await plannedCard.locator('.live-reserve-button').click();
      await page.getByText('已预约，请在微信中开启提醒').waitFor();
      await plannedCard.locator('.live-reserved', { hasText: '已预约' }).waitFor();
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

  // 8. The session's 数据 in the console (the session has ended): the banner click, and the order with its GMV under 直播专享价下单 (the live
  // price always attributes its order to its session), on the timeline and among the products sold.
  await withPage(
    session.browser,
    'live-journey-console-report',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'operator');
      await openLiveManagement(page);
      await openLiveSessionReport(page, title, live.id);
      const figure = (key) => page.getByTestId(`live-kpi-${key}`).locator('.ant-statistic-content-value').innerText();
      const [clicks, visitors] = (await figure('clicks')).split(' / ').map(Number);
      assert.ok(clicks >= 1 && visitors >= 1, `点击 / 访客 counts the banner click: ${clicks} / ${visitors}`);
      const livePriceCard = page.getByTestId('live-kpi-live_price');
      await livePriceCard.getByText('直播专享价下单').waitFor();
      assert.equal(await figure('live_price'), yuan(order.payableFen));
      await livePriceCard.getByText(/^1 单/).waitFor();
      // The timeline is drawn (not the "nothing yet" note) and the product sold leads the ranking.
      assert.equal(await page.getByTestId('live-timeline-quiet').count(), 0);
      const chart = page.locator('[aria-label^="直播时间线"] canvas').first();
      await chart.waitFor();
      const topRow = page.getByTestId('live-top-products').locator('.ant-table-row').first();
      assert.deepEqual((await topRow.locator('td').allInnerTexts()).slice(1, 3), [featured.title, String(order.lines[0].quantity)]);
      await assertNoHorizontalOverflow(page, 'the session report');
      await screenshot(page, 'admin-live-report');
    },
    // Tall enough for the README's picture to hold the whole report: figures, timeline and the ranking.
    { viewport: { width: 1440, height: 1320 } },
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
