// A shopper uses the H5 storefront in a real browser, logging in through the fake WeChat exactly as the
// mini-program logs in through WeChat (login code → jscode2session → token).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { staffToken, useAppAndBrowser } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { openStorefront, loginAsNewShopper } from './support/storefront.mjs';

const session = useAppAndBrowser();

test('a shopper browses, searches, picks a SKU, logs in with WeChat and sets a nickname', async () => {
  await withPage(session.browser, 'storefront-shopper-journey', async (page) => {
    const storefront = await openStorefront(page, session.app.baseUrl);

    // Home: the seeded shop with its products.
    await storefront.home();
    assert.ok((await page.locator('.product-card').count()) >= 6, 'home shows the product feed');
    await page.locator('.banner-swiper').waitFor();
    await screenshot(page, 'storefront-home');

    // Category: open the first category entry and see its products.
    await page.locator('.category-entry').first().click();
    await page.locator('.category-pane .product-card').first().waitFor();
    const activeCategory = await page.locator('.nut-sidebar-titles-item-active').innerText();
    assert.ok(activeCategory.trim().length > 0);

    // Search: a keyword from the catalog finds products; nonsense finds nothing.
    await storefront.search('龙井');
    const cards = await page.locator('.search-results .product-card').allInnerTexts();
    assert.ok(cards.some((text) => text.includes('西湖龙井')), `search results: ${cards}`);
    await storefront.search('不存在的商品名');
    await page.getByText('没有找到相关商品').waitFor();

    // Product detail: pick an in-stock combination in the SKU picker.
    await storefront.search('龙井');
    await page.locator('.search-results .product-card').first().click();
    await page.locator('.product-title').waitFor();
    await page.locator('.buy-now-button').click();
    await page.locator('.sku-picker').waitFor();
    const dimensions = page.locator('.sku-picker .sku-picker__dimension');
    assert.ok((await dimensions.count()) > 0, 'the picker lists spec dimensions');
    for (const dimension of await dimensions.all()) {
      // The picker may preselect an available value; clicking a chosen value would unselect it.
      if ((await dimension.locator('.sku-option--active').count()) === 0) {
        await dimension.locator('.sku-option:not(.sku-option--disabled)').first().click();
      }
    }
    assert.match(await page.locator('.sku-picker .sku-stock').innerText(), /库存 \d+ 件/);
    await page.locator('.sku-confirm-button').click();
    await page.locator('.sku-choice', { hasText: '已选' }).waitFor();

    // 我的: log in through the fake WeChat and set a nickname.
    await storefront.mine();
    await loginAsNewShopper(page);
    await page.locator('.edit-profile-entry').click();
    await page.locator('.nickname-input input').fill('茶友小王');
    await page.locator('.save-profile-button').click();
    await storefront.mine();
    await page.locator('.member-nickname', { hasText: '茶友小王' }).waitFor();
  });

  // The server holds one member with that nickname.
  const token = await staffToken(session.app.baseUrl, 'owner');
  const members = await fetch(`${session.app.baseUrl}/api/v1/admin/members?keyword=${encodeURIComponent('茶友小王')}`, {
    headers: { authorization: `Bearer ${token}` },
  }).then((r) => r.json());
  assert.equal(members.total, 1);
});
