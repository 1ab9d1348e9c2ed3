// 海报 and share links on the H5 storefront: a shopper opens a product and its poster (the picture the server
// drew, whose mini-program code a QR reader decodes to the product page and the shopper's share link), and the
// poster's link; a friend in a fresh browser opens that link, lands on the product, logs in, and is recorded as
// brought by the shopper's poster. 我的 offers the shop's poster. Sharing earns nothing anywhere (WeChat rule).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useAppAndBrowser } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { agreeAndLoginAsNewShopper, loginAsNewShopper, openStorefront } from './support/storefront.mjs';
import { callApi } from './support/shopper-api.mjs';
import { assertTapTargets } from './support/layout.mjs';

const session = useAppAndBrowser();
const serverRequire = createRequire(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'server', 'package.json'));
// The server's SQLite driver (to read the recorded touches), canvas and QR reader (to scan the poster as a phone would).
const Database = serverRequire('better-sqlite3');
const { createCanvas, loadImage } = serverRequire('@napi-rs/canvas');
const jsQR = serverRequire('jsqr');
const phone = { viewport: { width: 375, height: 812 } };

/** The text of the QR code in an image, as a phone camera would read it. */
async function scan(png) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const pixels = ctx.getImageData(0, 0, image.width, image.height);
  return jsQR(new Uint8ClampedArray(pixels.data), image.width, image.height)?.data ?? null;
}

/** The bytes of the poster the sheet shows (a blob URL on H5). */
async function shownPoster(page) {
  const src = await page.locator('.poster-sheet .poster-image img').getAttribute('src');
  const base64 = await page.evaluate(async (url) => {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  }, src);
  return Buffer.from(base64, 'base64');
}

const tokenOf = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('storefront.token')).data);

function readDb(query, ...params) {
  const db = new Database(join(session.app.dataDir, 'storefront.sqlite'), { readonly: true });
  try {
    return db.prepare(query).get(...params);
  } finally {
    db.close();
  }
}

/** Polls a check of what the server wrote (its requests finish after the page moves on). */
async function until(check, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not reached: ${check}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The scene of the product poster's code, for the scanning test that follows. */
let scene;

test('a poster’s code and link bring a friend to the product, attributed to the sharer', async () => {
  const { items } = await callApi(session.app.baseUrl, 'GET', '/products?page=1&pageSize=20');
  const product = items.find((item) => item.inStock);
  let link;
  let sharerId;

  await withPage(
    session.browser,
    'poster-product',
    async (page) => {
      await page.goto(`${session.app.baseUrl}/#/goods/detail/index?id=${product.id}`);
      await page.locator('.detail-page__title').waitFor();
      await screenshot(page, 'product-share-entry');
      // A guest's 生成海报 signs in first (consent, then the 新人券 notice), then the poster opens.
      await page.locator('.poster-entry').click();
      await agreeAndLoginAsNewShopper(page);
      await page.locator('.poster-sheet .poster-image img').waitFor();
      sharerId = (await callApi(session.app.baseUrl, 'GET', '/me', { token: await tokenOf(page) })).id;

      const code = await scan(await shownPoster(page));
      const match = /^goods\/detail\/index\?scene=(a[0-9A-Za-z]+)$/.exec(code ?? '');
      assert.ok(match, `the poster's code reads ${code}`);
      scene = match[1];
      // The scene is the sharer's poster link of this product.
      const resolved = await callApi(session.app.baseUrl, 'GET', `/share-links/${scene}`);
      assert.equal(resolved.kind, 'product');
      assert.equal(resolved.targetId, product.id);
      assert.equal(resolved.channel, 'poster');

      // H5 also offers the poster as a download and its link to paste anywhere: the product page with the short id.
      assert.match(await page.locator('.poster-download-link').getAttribute('href'), /^blob:/);
      link = (await page.locator('.poster-link').innerText()).trim();
      assert.equal(link, `${session.app.baseUrl}/#/goods/detail/index?id=${product.id}&s=${scene}`);
      await assertTapTargets(page, ['.poster-entry', '.poster-download-link', '.poster-sheet__copy']);
      // 下载海报 is a share of the 推广报表 (counted, never rewarded: see the friend's part below).
      await Promise.all([page.waitForEvent('download'), page.locator('.poster-download-link').click()]);
      await until(() => readDb(`SELECT COUNT(*) AS n FROM share_events WHERE sharerMemberId = ? AND channel = 'poster'`, sharerId).n === 1);
      // Nothing on the sheet promises anything for sharing.
      assert.doesNotMatch(await page.locator('.poster-sheet').innerText(), /奖励|返现|积分|佣金|领券/);
      await screenshot(page, 'poster-sheet');
    },
    phone,
  );

  await withPage(
    session.browser,
    'poster-friend',
    async (page) => {
      await page.goto(link);
      await page.locator('.detail-page__title', { hasText: product.title }).waitFor();
      const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('storefront.attribution')).data);
      assert.equal(stored.shortId, new URL(link.replace('#', '')).searchParams.get('s'));
      // The friend adds it to the cart, which signs them in right there.
      await page.locator('.add-to-cart-button').click();
      for (const dimension of await page.locator('.sku-picker .sku-picker__dimension').all()) {
        if ((await dimension.locator('.sku-option--active').count()) === 0) await dimension.locator('.sku-option:not(.sku-option--disabled)').first().click();
      }
      await page.locator('.sku-confirm-button', { hasText: '加入购物车' }).click();
      await agreeAndLoginAsNewShopper(page);
      await page.getByText('已加入购物车').waitFor();
      const friend = await callApi(session.app.baseUrl, 'GET', '/me', { token: await tokenOf(page) });
      // The friend's first touch is the sharer's poster link of this product (the scene's link, as asserted above).
      const touch = readDb(
        `SELECT l.sharerMemberId, l.targetId, l.channel FROM visitor_touches t JOIN share_links l ON l.id = t.firstShareLinkId WHERE t.visitorKey = ?`,
        `member:${friend.id}`,
      );
      assert.deepEqual(touch, { sharerMemberId: sharerId, targetId: product.id, channel: 'poster' });
      // The friend's device is the sharer's visitor of the 推广报表.
      assert.equal(readDb('SELECT COUNT(*) AS n FROM share_visits WHERE sharerMemberId = ?', sharerId).n, 1);
      // Sharing gave the sharer nothing: no points, no coupon beyond the newcomer's own.
      assert.equal(readDb('SELECT COUNT(*) AS n FROM points_ledger WHERE memberId = ?', sharerId).n, 0);
      assert.deepEqual(readDb(`SELECT COUNT(*) AS n FROM member_coupons WHERE memberId = ? AND source <> 'newcomer'`, sharerId), { n: 0 });
    },
    phone,
  );
});

test('scanning the poster’s code (a page opened with only its scene) lands on the product, attribution kept', async () => {
  // Runs after the test above, which made the poster.
  assert.ok(scene, 'the poster test ran first');
  await withPage(
    session.browser,
    'poster-scanned',
    async (page) => {
      // WeChat opens the code's page with the scene URL-encoded in the query.
      await page.goto(`${session.app.baseUrl}/#/goods/detail/index?scene=${encodeURIComponent(scene)}`);
      const { targetId } = await callApi(session.app.baseUrl, 'GET', `/share-links/${scene}`);
      const { title } = await callApi(session.app.baseUrl, 'GET', `/products/${targetId}`);
      await page.locator('.detail-page__title', { hasText: title }).waitFor();
      const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('storefront.attribution')).data);
      assert.equal(stored.shortId, scene);
    },
    phone,
  );
});

test('我的 offers the shop poster, whose code opens the home page with the member’s link', async () => {
  await withPage(
    session.browser,
    'poster-shop',
    async (page) => {
      const storefront = await openStorefront(page, session.app.baseUrl);
      await storefront.mine();
      await loginAsNewShopper(page);
      await screenshot(page, 'mine-shop-poster-entry');
      await page.locator('.shop-poster-entry').click();
      await page.locator('.poster-sheet .poster-image img').waitFor();
      const code = await scan(await shownPoster(page));
      const match = /^pages\/home\/index\?scene=(a[0-9A-Za-z]+)$/.exec(code ?? '');
      assert.ok(match, `the shop poster's code reads ${code}`);
      const resolved = await callApi(session.app.baseUrl, 'GET', `/share-links/${match[1]}`);
      assert.equal(resolved.kind, 'page');
      assert.equal((await page.locator('.poster-link').innerText()).trim(), `${session.app.baseUrl}/#/pages/home/index?s=${match[1]}`);
      await screenshot(page, 'poster-shop-sheet');
    },
    phone,
  );
});

test('the shared pages render at 375 px: home, category, coupon center', async () => {
  await withPage(
    session.browser,
    'shared-pages',
    async (page) => {
      const storefront = await openStorefront(page, session.app.baseUrl);
      await storefront.home();
      await screenshot(page, 'share-home');
      // A shared category page opens on the category its sharer looked at (`?categoryId=`).
      const [, second] = await callApi(session.app.baseUrl, 'GET', '/categories');
      await page.goto(`${session.app.baseUrl}/#/pages/category/index?categoryId=${second.id}`);
      await page.locator('.category-pane__title', { hasText: second.name }).waitFor();
      await page.locator('.category-pane .product-card').first().waitFor();
      await screenshot(page, 'share-category');
      await page.goto(`${session.app.baseUrl}/#/coupons/center/index`);
      await page.locator('.coupon-center-page__banner').waitFor();
      await screenshot(page, 'share-coupon-center');
    },
    phone,
  );
});
