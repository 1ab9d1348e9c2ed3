// The price of a product changes while a shopper has the checkout page open: 提交订单 is refused with a message,
// the page shows the new amount, and the cashier then asks for exactly that amount (never one the shopper did not see).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppAndBrowser, staffToken } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { callApi, newShopperToken, signInStorefront, SHOPPER_ADDRESS } from './support/shopper-api.mjs';

const session = useAppAndBrowser();
const call = (method, path, options) => callApi(session.app.baseUrl, method, path, options);
const yuan = (fen) => `¥${(fen / 100).toFixed(2)}`;

test('a price raised while the checkout page is open: 提交订单 tells the shopper and shows the new amount first', async () => {
  const token = await newShopperToken(session.app.baseUrl);
  await call('POST', '/addresses', { token, body: SHOPPER_ADDRESS });
  const operator = await staffToken(session.app.baseUrl, 'operator');
  const [listed] = (await call('GET', '/admin/products?page=1&pageSize=1', { token: operator })).items;
  const product = await call('GET', `/admin/products/${listed.id}`, { token: operator });
  const sku = product.skus.find((candidate) => candidate.stock > 0);

  await withPage(session.browser, 'checkout-price-changed', async (page) => {
    await signInStorefront(page, token);
    await page.goto(`${session.app.baseUrl}/#/checkout/index?items=${sku.id}x1`);
    await page.locator('.checkout-payable').waitFor();
    const shown = (await page.locator('.checkout-payable').innerText()).trim();

    // The operator raises the price by 10 元 meanwhile.
    const { id, salesCount, createdAt, updatedAt, ...editable } = product;
    const skus = product.skus.map((candidate) => (candidate.id === sku.id ? { ...candidate, priceFen: candidate.priceFen + 1000 } : candidate));
    await call('PUT', `/admin/products/${id}`, { token: operator, body: { ...editable, skus } });

    await page.locator('.submit-order-button').click();
    await page.locator('.taro-modal__foot').getByText('允许', { exact: true }).click();
    await page.getByText('商品价格或优惠有变动，请确认最新金额后再提交').waitFor();
    const fresh = await call('POST', '/checkout/preview', { token, body: { items: [{ skuId: sku.id, quantity: 1 }] } });
    await page.locator('.checkout-payable', { hasText: yuan(fresh.pricing.payableFen) }).waitFor();
    assert.notEqual(yuan(fresh.pricing.payableFen), shown);
    assert.equal((await call('GET', '/orders?page=1&pageSize=10', { token })).items.length, 0);
    await screenshot(page, 'checkout-price-changed-refused');

    // Submitted again, the cashier asks for the amount now shown.
    await page.locator('.submit-order-button').click();
    await page.locator('.taro-modal__foot').getByText('允许', { exact: true }).click();
    await page.getByTestId('cashier-amount').waitFor();
    assert.equal((await page.getByTestId('cashier-amount').innerText()).trim(), yuan(fresh.pricing.payableFen));
  });
});
