// A shopper buys in the H5 storefront as on a phone: two SKUs into the cart, checkout with a new address,
// payment through the fake WeChat Pay cashier (whose signed notification is what marks the order paid);
// the warehouse ships it in the admin console and the shopper confirms receipt; a second order is refunded
// through an after-sale that customer service approves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useAppAndBrowser } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { addFirstAddressAtCheckout, openStorefront, submitAndPay, loginAsNewShopper } from './support/storefront.mjs';
import { logInToAdmin } from './support/admin.mjs';

const desktop = { viewport: { width: 1440, height: 900 } };
// Any real PNG does for the after-sale photo.
const photo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'miniapp', 'assets', 'tabbar', 'cart.png');

const session = useAppAndBrowser();

async function api(path, init = {}) {
  const response = await fetch(`${session.app.baseUrl}/api/v1${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** Two different in-stock products of the seeded shop, outside any running 拼团 (those pages sell 单独购买 / 发起拼团, not to the cart). */
async function twoProducts() {
  const { body } = await api('/products?pageSize=50');
  const offers = await api('/group-buy/offers?pageSize=50');
  const inGroupBuy = new Set(offers.body.items.map((offer) => offer.productId));
  const inStock = body.items.filter((product) => product.inStock && !inGroupBuy.has(product.id));
  assert.ok(inStock.length >= 2, 'the demo shop has in-stock products');
  return inStock.slice(0, 2);
}

/** On a product page: open the SKU picker with `button`, pick an available value in every spec dimension, confirm. */
async function pickSku(page, productId, button, confirmText) {
  await page.goto(`${session.app.baseUrl}/#/goods/detail/index?id=${productId}`);
  await page.locator('.product-title').waitFor();
  await page.locator(button).click();
  await page.locator('.sku-picker').waitFor();
  for (const dimension of await page.locator('.sku-picker .sku-picker__dimension').all()) {
    // The picker may preselect an available value; clicking a chosen value would unselect it.
    if ((await dimension.locator('.sku-option--active').count()) === 0) {
      await dimension.locator('.sku-option:not(.sku-option--disabled)').first().click();
    }
  }
  await page.locator('.sku-confirm-button', { hasText: confirmText }).click();
}

async function orderReaches(orderNo, headers, status) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { body } = await api(`/orders/${orderNo}`, { headers });
    if (body.status === status) return body;
    if (Date.now() > deadline) throw new Error(`order ${orderNo} is ${body.status}, expected ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('a shopper buys two SKUs, pays at the cashier, receives the shipment, and gets a second order refunded', async () => {
  const [first, second] = await twoProducts();
  const trackingNo = `SF${Date.now()}`;

  await withPage(session.browser, 'checkout-shopper', async (page) => {
    const storefront = await openStorefront(page, session.app.baseUrl);
    await storefront.mine();
    await loginAsNewShopper(page);
    await page.locator('.order-shortcut--paid').waitFor();
    await screenshot(page, 'checkout-mine');
    // Taro's H5 storage wraps each value as {"data": …}.
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('storefront.token')).data);
    const shopper = { authorization: `Bearer ${token}` };

    for (const product of [first, second]) {
      await pickSku(page, product.id, '.add-to-cart-button', '加入购物车');
      await page.getByText('已加入购物车').waitFor();
    }

    // Cart: both lines, the tab badge counts the units, 去结算 counts the selected ones.
    await page.goto(`${session.app.baseUrl}/#/pages/cart/index`);
    await page.locator('.cart-line').nth(1).waitFor();
    assert.equal(await page.locator('.cart-line').count(), 2);
    await screenshot(page, 'checkout-cart');
    assert.equal((await api('/cart', { headers: shopper })).body.totalQuantity, 2);
    assert.equal((await page.locator('.taro-tabbar__tabbar .weui-badge').first().innerText()).trim(), '2');
    await page.locator('.checkout-button', { hasText: '去结算(2)' }).click();

    // Checkout: no address yet, add one through the region picker.
    await addFirstAddressAtCheckout(page, { name: '王小明', phone: '13800001234', detail: '文三路 100 号 2 幢 301' });
    assert.match(await page.locator('.checkout-address').innerText(), /浙江省杭州市西湖区 文三路 100 号/);
    assert.equal(await page.locator('.checkout-line').count(), 2);
    await screenshot(page, 'checkout-preview');

    const firstOrderNo = await submitAndPay(page);
    assert.equal(await page.locator('.order-line').count(), 2);
    assert.match(await page.locator('.order-address').innerText(), /王小明/);
    await screenshot(page, 'checkout-order-paid');

    // The ordered SKUs left the cart; the order list shows the order under 待发货.
    assert.equal((await api('/cart', { headers: shopper })).body.totalQuantity, 0);
    await page.goto(`${session.app.baseUrl}/#/orders/list/index?tab=paid`);
    await page.locator(`.order-card[data-order-no="${firstOrderNo}"] .order-status`, { hasText: '待发货' }).waitFor();

    // The warehouse ships it in the admin console.
    await withPage(
      session.browser,
      'checkout-staff-ships',
      async (admin) => {
        await logInToAdmin(admin, session.app.baseUrl, 'warehouse');
        await admin.getByRole('link', { name: '订单管理' }).click();
        await admin.getByLabel('订单号').fill(firstOrderNo);
        await admin.getByLabel('订单号').press('Enter');
        await admin.locator('tr', { hasText: firstOrderNo }).getByText('待发货').waitFor();
        await admin.getByRole('button', { name: `发货 ${firstOrderNo}` }).click();
        await admin.getByRole('combobox', { name: '快递公司' }).click();
        await admin.locator('.ant-select-item-option', { hasText: '顺丰速运' }).click();
        await admin.getByLabel('快递单号').fill(trackingNo);
        await admin.getByRole('button', { name: '确认发货' }).click();
        await admin.locator('tr', { hasText: firstOrderNo }).getByText('待收货').waitFor();
      },
      desktop,
    );

    // The shopper sees it on its way with the tracking number, and confirms receipt.
    await page.goto(`${session.app.baseUrl}/#/orders/detail/index?orderNo=${firstOrderNo}`);
    await page.locator('.order-banner .order-status', { hasText: '待收货' }).waitFor();
    assert.match(await page.locator('.order-shipment').innerText(), new RegExp(`顺丰速运[\\s\\S]*${trackingNo}`));
    await page.locator('.order-action--confirmReceipt').click();
    await page.locator('.taro-modal__foot').getByText('确认收货', { exact: true }).click();
    await page.locator('.order-banner .order-status', { hasText: '已完成' }).waitFor();

    // A second order, bought at once (立即购买) to the now default address, paid, then refunded after-sale.
    await pickSku(page, first.id, '.buy-now-button', '立即购买');
    await page.locator('.checkout-address', { hasText: '王小明' }).waitFor();
    const secondOrderNo = await submitAndPay(page);

    await page.locator('.order-action--afterSale').click();
    await page.locator('.after-sale-type', { hasText: '仅退款' }).waitFor();
    await page.locator('.after-sale-reason', { hasText: '拍错了' }).click();
    await page.locator('.after-sale-description textarea').fill('规格选错了，想换一个');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.after-sale-photo--add').click()]);
    await chooser.setFiles(photo);
    await page.locator('.after-sale-photo__image').waitFor();
    await page.locator('.submit-after-sale-button').click();
    await page.locator('.after-sale-status', { hasText: '待处理' }).waitFor();
    assert.equal((await page.locator('.order-banner .order-status').innerText()).trim(), '售后中');

    const applied = await orderReaches(secondOrderNo, shopper, 'after_sale');
    assert.equal(applied.afterSale.images.length, 1);
    const caseId = applied.afterSale.id;

    // Customer service approves; WeChat Pay (the fake) refunds and notifies.
    await withPage(
      session.browser,
      'checkout-service-approves',
      async (admin) => {
        await logInToAdmin(admin, session.app.baseUrl, 'service');
        await admin.getByRole('link', { name: '售后处理' }).click();
        await admin.locator('tr', { hasText: secondOrderNo }).getByText('待处理').waitFor();
        await admin.getByRole('button', { name: `处理售后 ${caseId}` }).click();
        await admin.getByText('规格选错了，想换一个').waitFor();
        await admin.getByRole('button', { name: `同意售后 ${caseId}` }).click();
        await admin.getByRole('button', { name: '确认同意' }).click();
        await admin.getByText('已同意，退款处理中').waitFor();
      },
      desktop,
    );

    const refunded = await orderReaches(secondOrderNo, shopper, 'refunded');
    await page.reload();
    await page.locator('.order-banner .order-status', { hasText: '已退款' }).waitFor();
    assert.equal(
      (await page.locator('.refund-amount').innerText()).trim(),
      `已退款 ¥${(refunded.afterSale.refundFen / 100).toFixed(2)}`,
    );
  });
});
