// The basics of shopping on a phone, in the H5 storefront: prices a shopper can pay (起, 已售罄), a guest who
// signs in from the product page and finds the item in the cart without tapping again, a quantity that stops
// at stock or at the per-order limit and says why, search history and hot words, and bottom bars that stay at
// the bottom without hiding anything, with controls a finger can hit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppAndBrowser } from './support/session.mjs';
import { callApi, waitForOrderStatus } from './support/shopper-api.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { addFirstAddressAtCheckout, agreeAndLoginAsNewShopper, loginAsNewShopper } from './support/storefront.mjs';
import { assertBottomBar, assertButtonsRightAligned, assertTapTargets } from './support/layout.mjs';

const session = useAppAndBrowser();
/** Checks that must hold at this width hold at the narrowest common phone too. */
const narrowPhone = { viewport: { width: 360, height: 640 } };

/** GET (or `method`) on the API as the shopper `token`, or a guest; answers the body, throws on a refusal. */
const api = (path, { method = 'GET', token, body } = {}) => callApi(session.app.baseUrl, method, path, { token, body });

const yuan = (fen) => `¥${(fen / 100).toFixed(2)}`;

/** Demo products with their SKUs, the way a test picks what to look at. */
async function demoProducts() {
  const { items } = await api('/products?pageSize=50');
  return Promise.all(items.map((summary) => api(`/products/${summary.id}`)));
}

const open = (page, route) => page.goto(`${session.app.baseUrl}/#${route}`);

async function logInFromMine(page) {
  await open(page, '/pages/mine/index');
  await loginAsNewShopper(page);
  return page.evaluate(() => JSON.parse(localStorage.getItem('storefront.token')).data);
}

/** On a product page: open the picker with `button`, keep the preselected in-stock SKU, answer the picker. */
async function openPicker(page, productId, button) {
  await open(page, `/goods/detail/index?id=${productId}`);
  await page.locator('.product-title').waitFor();
  await page.locator(button).click();
  await page.locator('.sku-picker .sku-confirm-button').waitFor();
}

test('cards headline the cheapest SKU that can be bought, with 起; a sold-out product says 已售罄 and cannot be bought', async () => {
  const products = await demoProducts();
  // A product whose cheapest SKU is sold out while dearer ones are left (the demo has several).
  const shadowed = products.find((product) => {
    const cheapest = Math.min(...product.skus.map((sku) => sku.priceFen));
    return product.skus.some((sku) => sku.priceFen === cheapest && sku.stock === 0) && product.skus.some((sku) => sku.stock > 0);
  });
  assert.ok(shadowed, 'the demo has a product whose cheapest SKU is sold out');
  const buyable = shadowed.skus.filter((sku) => sku.stock > 0).map((sku) => sku.priceFen);
  const expected = `${yuan(Math.min(...buyable))}${new Set(buyable).size > 1 ? '起' : ''}`;
  const soldOut = products.find((product) => !product.inStock);
  assert.ok(soldOut, 'the demo has a sold-out product');

  await withPage(session.browser, 'shopping-prices', async (page) => {
    await open(page, `/goods/search/index?keyword=${encodeURIComponent(shadowed.title)}`);
    const card = page.locator(`.search-results .product-card[data-product-id="${shadowed.id}"]`);
    assert.equal((await card.locator('.product-card__price').innerText()).trim(), expected);
    await screenshot(page, 'shopping-search-prices');

    await open(page, `/goods/detail/index?id=${shadowed.id}`);
    assert.equal((await page.locator('.product-price').innerText()).trim(), expected);

    await open(page, `/goods/search/index?keyword=${encodeURIComponent(soldOut.title)}`);
    const soldOutCard = page.locator(`.search-results .product-card[data-product-id="${soldOut.id}"]`);
    assert.equal((await soldOutCard.locator('.product-card__sales').innerText()).trim(), '已售罄');
    await soldOutCard.click();
    await page.locator('.product-title', { hasText: soldOut.title }).waitFor();
    assert.equal((await page.locator('.buy-now-button').innerText()).trim(), '已售罄');
    // Neither button opens the SKU picker.
    await page.locator('.add-to-cart-button').click();
    await page.locator('.buy-now-button').click();
    await page.waitForTimeout(400);
    assert.equal(await page.locator('.sku-picker .sku-confirm-button').isVisible(), false);
    await screenshot(page, 'shopping-sold-out');
  });
});

test('a guest taps 加入购物车, signs in right there, and the item is in the cart without tapping again', async () => {
  const product = (await demoProducts()).find((candidate) => candidate.inStock);

  await withPage(session.browser, 'shopping-guest-add-to-cart', async (page) => {
    await openPicker(page, product.id, '.add-to-cart-button');
    await page.locator('.sku-confirm-button', { hasText: '加入购物车' }).click();
    // The one sign-in flow (consent, then the fake WeChat hands out the login code), then the add goes on by itself.
    await agreeAndLoginAsNewShopper(page);
    await page.getByText('已加入购物车').waitFor();
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('storefront.token')).data);
    const cart = await api('/cart', { token });
    assert.equal(cart.totalQuantity, 1);
    assert.equal(cart.items[0].productId, product.id);

    await open(page, '/pages/cart/index');
    await page.locator('.cart-line').waitFor();
    assert.equal((await page.locator('.taro-tabbar__tabbar .weui-badge').first().innerText()).trim(), '1');
  });
});

test('a guest taps 立即领取 in 领券中心, signs in right there, and the coupon is claimed without tapping again', async () => {
  await withPage(session.browser, 'shopping-guest-claim', async (page) => {
    await open(page, '/coupons/center/index');
    const card = page.locator('.claimable-coupon', { hasText: '满199减20' });
    await card.locator('.coupon-claim-button').click();
    await agreeAndLoginAsNewShopper(page);
    await card.locator('.coupon-claim-button', { hasText: '再领一张' }).waitFor();
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('storefront.token')).data);
    const mine = await api('/me/coupons?status=unused&pageSize=20', { token });
    // Besides the 新人券 of the first login, the one claimed from the center.
    assert.equal(mine.items.filter((coupon) => coupon.source !== 'newcomer').length, 1, `the member holds: ${mine.items.map((coupon) => coupon.name)}`);
  });
});

test('the SKU picker stops at the stock or at the per-order limit and says which; 立即购买 never lands on an empty checkout', async () => {
  const products = await demoProducts();
  const plenty = products.flatMap((product) => product.skus.map((sku) => ({ product, sku }))).find(({ sku }) => sku.stock > 99);
  assert.ok(plenty, 'the demo has a SKU with more than 99 in stock');

  await withPage(session.browser, 'shopping-quantity-limit', async (page) => {
    await logInFromMine(page);
    await openPicker(page, plenty.product.id, '.buy-now-button');
    // Choose exactly the SKU with plenty of stock.
    for (const [dimension, value] of plenty.sku.specValues.entries()) {
      const row = page.locator('.sku-picker .sku-picker__dimension').nth(dimension);
      if ((await row.locator('.sku-option--active').getAttribute('data-value')) !== value) {
        await row.locator(`.sku-option[data-value="${value}"]`).click();
      }
    }
    await page.locator('.sku-stock', { hasText: `库存 ${plenty.sku.stock} 件` }).waitFor();
    const input = page.locator('.sku-quantity input');
    await input.fill(String(plenty.sku.stock));
    await input.blur();
    await page.locator('.sku-limit', { hasText: '每单限购 99 件' }).waitFor();
    assert.equal(await input.inputValue(), '99');
    await screenshot(page, 'shopping-quantity-picker');

    await page.locator('.sku-confirm-button', { hasText: '立即购买' }).click();
    await page.locator('.checkout-line').waitFor();
    assert.match(await page.locator('.checkout-line__quantity').innerText(), /×99/);

    // A link asking for more than the limit says why instead of an empty page.
    await open(page, `/checkout/index?items=${plenty.sku.id}x185`);
    await page.getByText('每单限购 99 件，请返回修改数量').waitFor();
  });
});

test('search keeps a history on the device with 清空, offers the shop\'s hot words, and suggests best sellers when nothing is found', async () => {
  const { words } = await api('/catalog/hot-words');
  assert.ok(words.length > 0, 'the demo shop has hot words');

  await withPage(session.browser, 'shopping-search', async (page) => {
    await open(page, '/goods/search/index');
    await page.locator('.hot-words .keyword-chip').first().waitFor();
    assert.deepEqual((await page.locator('.hot-words .keyword-chip').allInnerTexts()).map((text) => text.trim()), words);

    // A hot word searches at once and finds products.
    await page.locator('.hot-words .keyword-chip', { hasText: words[0] }).click();
    await page.locator('.search-results .product-card').first().waitFor();

    await page.locator('.search-input input').fill('不存在的商品名');
    await page.locator('.search-submit').click();
    await page.getByText('没有找到相关商品').waitFor();
    await page.locator('.search-suggested .product-card').first().waitFor();
    assert.ok((await page.locator('.search-suggested .product-card').count()) >= 1);
    await screenshot(page, 'shopping-search-empty');

    // Back to an empty box: the history, newest first, survives a reload; 清空 asks first.
    await open(page, '/goods/search/index');
    await page.reload();
    await page.locator('.search-history .keyword-chip').first().waitFor();
    assert.deepEqual((await page.locator('.search-history .keyword-chip').allInnerTexts()).map((text) => text.trim()), ['不存在的商品名', words[0]]);
    await screenshot(page, 'shopping-search-start');
    await assertTapTargets(page, ['.clear-history']);
    await page.locator('.clear-history').click();
    await page.locator('.taro-modal__foot').getByText('确定', { exact: true }).click();
    await page.locator('.search-history').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => localStorage.getItem('storefront.searchHistory')), null);
  });
});

test('bottom bars stay at the bottom without hiding the end of the page; controls are finger-sized', async () => {
  const products = (await demoProducts()).filter((product) => product.inStock);
  await withPage(
    session.browser,
    'shopping-layout',
    async (page) => {
      const token = await logInFromMine(page);
      // Many lines: eight products in the cart.
      for (const product of products.slice(0, 8)) {
        const sku = product.skus.find((candidate) => candidate.stock > 0);
        await api('/cart/items', { method: 'POST', token, body: { skuId: sku.id, quantity: 1 } });
      }

      // Product page: 加入购物车 / 立即购买 under the long 商品详情.
      await open(page, `/goods/detail/index?id=${products[0].id}`);
      await page.locator('.detail-page__content').waitFor();
      await assertBottomBar(page, { bar: '.detail-page__bar' });
      await screenshot(page, 'layout-product');

      // Cart: above H5's tab bar; 删除 and the checkboxes are finger-sized.
      await open(page, '/pages/cart/index');
      await page.locator('.cart-line').nth(7).waitFor();
      await assertBottomBar(page, { bar: '.cart-bar', above: '.taro-tabbar__tabbar' });
      await assertTapTargets(page, ['.cart-line__remove', '.cart-line__check']);
      await screenshot(page, 'layout-cart');

      // Checkout: all eight lines and a long remark; 实付 / 提交订单 at the bottom; 更换 finger-sized.
      await page.locator('.checkout-button').click();
      await addFirstAddressAtCheckout(page, { name: '李小红', phone: '13800005678', detail: '文一西路 969 号 3 幢 402' });
      await page.locator('.checkout-line').nth(7).waitFor();
      await page.locator('.remark-input textarea').fill('请在工作日白天送达，到了先打电话；茶叶请用防压的盒子包装，礼盒外不要贴价格标签。'.repeat(3));
      await page.locator('.checkout-remark__count', { hasText: /^\d+\/200$/ }).waitFor();
      await assertBottomBar(page, { bar: '.checkout-bar' });
      await assertTapTargets(page, ['.checkout-address__change']);
      assert.match(await page.locator('.checkout-bar').innerText(), /实付/);
      await screenshot(page, 'layout-checkout');

      // Order detail, unpaid (取消订单 / 去支付) and paid (its after-sale and reminder buttons): the buttons
      // right-aligned with room between them, on the bar.
      const cart = await api('/cart', { token });
      const [address] = await api('/addresses', { token });
      const items = cart.items.map(({ skuId, quantity }) => ({ skuId, quantity }));
      const placed = await api('/orders', { method: 'POST', token, body: { clientToken: `layout-${Date.now()}`, items, addressId: address.id } });
      const checkOrderDetail = async (shot) => {
        await open(page, `/orders/detail/index?orderNo=${placed.orderNo}`);
        await page.locator('.order-detail-page__bar .order-action').first().waitFor();
        await assertBottomBar(page, { bar: '.order-detail-page__bar' });
        await assertButtonsRightAligned(page, { container: '.order-detail-page__bar', buttons: '.order-action' });
        await screenshot(page, shot);
      };
      await checkOrderDetail('layout-order-detail');
      const { prepayId } = await api(`/orders/${placed.orderNo}/payment`, { method: 'POST', token });
      const { fakeWechatBaseUrl } = await api('/platform');
      await callApi(session.app.baseUrl, 'POST', '/fake/pay/confirm', { base: fakeWechatBaseUrl, body: { prepayId } });
      await waitForOrderStatus(session.app.baseUrl, placed.orderNo, token, 'paid');
      await checkOrderDetail('layout-order-detail-paid');
    },
    narrowPhone,
  );
});
