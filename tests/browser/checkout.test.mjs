// A shopper buys in the H5 storefront as on a phone: two SKUs into the cart, checkout with a new address,
// payment through the fake WeChat Pay cashier (whose signed notification is what marks the order paid).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAppServer } from './support/app-server.mjs';
import { launchBrowser, screenshot, withPage } from './support/browser.mjs';
import { openStorefront } from './support/storefront.mjs';

let app;
let browser;

before(async () => {
  app = await startAppServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

async function api(path, init = {}) {
  const response = await fetch(`${app.baseUrl}/api/v1${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** Two different in-stock products of the seeded shop. */
async function twoProducts() {
  const { body } = await api('/products?pageSize=50');
  const inStock = body.items.filter((product) => product.inStock);
  assert.ok(inStock.length >= 2, 'the demo shop has in-stock products');
  return inStock.slice(0, 2);
}

/** On a product page: 加入购物车, pick an available value in every spec dimension, confirm. */
async function addToCart(page, productId) {
  await page.goto(`${app.baseUrl}/#/goods/detail/index?id=${productId}`);
  await page.locator('.product-title').waitFor();
  await page.locator('.add-to-cart-button').click();
  await page.locator('.sku-picker').waitFor();
  for (const dimension of await page.locator('.sku-picker .sku-picker__dimension').all()) {
    // The picker may preselect an available value; clicking a chosen value would unselect it.
    if ((await dimension.locator('.sku-option--active').count()) === 0) {
      await dimension.locator('.sku-option:not(.sku-option--disabled)').first().click();
    }
  }
  await page.locator('.sku-confirm-button', { hasText: '加入购物车' }).click();
  await page.getByText('已加入购物车').waitFor();
}

test('a shopper adds two SKUs to the cart, checks out with a new address and pays at the cashier', async () => {
  const [first, second] = await twoProducts();
  const templates = await api('/subscribe-templates');
  const asksForNotices = templates.status === 200 && templates.body.length > 0;

  await withPage(browser, 'checkout-paid-order', async (page) => {
    const storefront = await openStorefront(page, app.baseUrl);
    await storefront.mine();
    await page.locator('.login-button').click();
    await page.locator('.member-card').waitFor();
    await page.locator('.order-shortcut--paid').waitFor();

    await addToCart(page, first.id);
    await addToCart(page, second.id);

    // Cart: both lines, the badge counts the units, the total is the server's.
    await page.goto(`${app.baseUrl}/#/pages/cart/index`);
    await page.locator('.cart-line').nth(1).waitFor();
    assert.equal(await page.locator('.cart-line').count(), 2);
    // Taro's H5 storage wraps each value as {"data": …}.
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('storefront.token')).data);
    const shopper = { authorization: `Bearer ${token}` };
    const serverCart = await api('/cart', { headers: shopper });
    assert.equal(serverCart.body.totalQuantity, 2);
    assert.equal((await page.locator('.taro-tabbar__tabbar .weui-badge, .taro-tabbar__badge').first().innerText()).trim(), '2');
    await page.locator('.checkout-button', { hasText: '去结算(2)' }).click();

    // Checkout: no address yet, add one through the region picker.
    await page.locator('.add-first-address').click();
    await page.locator('.recipient-input input').fill('王小明');
    await page.locator('.phone-input input').fill('13800001234');
    await page.locator('.region-field').click();
    for (const name of ['浙江省', '杭州市', '西湖区']) {
      await page.locator('.nut-cascader-item', { hasText: name }).first().click();
    }
    await page.locator('.detail-input textarea').fill('文三路 100 号 2 幢 301');
    await page.locator('.save-address-button').click();

    await page.locator('.checkout-address', { hasText: '王小明' }).waitFor();
    assert.match(await page.locator('.checkout-address').innerText(), /浙江省杭州市西湖区 文三路 100 号/);
    assert.equal(await page.locator('.checkout-line').count(), 2);
    const payable = (await page.locator('.checkout-payable').innerText()).trim();
    await screenshot(page, 'checkout-preview');

    await page.locator('.submit-order-button').click();
    if (asksForNotices) await page.getByText('允许', { exact: true }).click();

    // The fake WeChat Pay cashier: the amount is the order's payable amount.
    await page.getByTestId('cashier-confirm').waitFor();
    assert.equal((await page.getByTestId('cashier-amount').innerText()).trim(), payable);
    await page.getByTestId('cashier-confirm').click();

    // Back on the order: paid once WeChat Pay's notification reached the server.
    await page.locator('.order-banner .order-status', { hasText: '待发货' }).waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('.order-line').count(), 2);
    assert.match(await page.locator('.order-address').innerText(), /王小明/);

    // The cart no longer holds the ordered SKUs; the order list shows it under 待发货.
    const after = await api('/cart', { headers: shopper });
    assert.equal(after.body.totalQuantity, 0);
    await page.goto(`${app.baseUrl}/#/orders/list/index?tab=paid`);
    await page.locator('.order-card .order-status', { hasText: '待发货' }).waitFor();
  });
});
