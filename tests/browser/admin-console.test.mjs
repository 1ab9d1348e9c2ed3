// A staff member works in the admin console as they would by hand, and the storefront shows the result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logInToAdmin } from './support/admin.mjs';
import { staffToken, useAppAndBrowser } from './support/session.mjs';
import { withPage } from './support/browser.mjs';
import { openStorefront } from './support/storefront.mjs';

const session = useAppAndBrowser();
const desktop = { viewport: { width: 1440, height: 900 } };

function productImage() {
  const dir = mkdtempSync(join(tmpdir(), 'storefront-upload-'));
  const path = join(dir, 'osmanthus-oolong.svg');
  writeFileSync(
    path,
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect width="400" height="400" fill="#c8a24a"/>' +
      '<circle cx="200" cy="200" r="120" fill="#f4e3b2"/></svg>',
  );
  return path;
}

test('staff creates a product with two SKUs and an image, puts it on shelf, and shoppers see it', async () => {
  const title = `桂花乌龙 ${Date.now() % 100000}`;
  await withPage(
    session.browser,
    'admin-product-created',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'owner');
      await page.getByRole('link', { name: '商品管理' }).click();
      await page.getByRole('button', { name: '新建商品' }).click();

      await page.getByLabel('分类').click();
      await page.locator('.ant-cascader-menu').first().locator('.ant-cascader-menu-item').first().click();
      await page.locator('.ant-cascader-menu').nth(1).locator('.ant-cascader-menu-item').first().click();
      await page.getByLabel('商品标题').fill(title);
      await page.getByLabel('副标题').fill('桂花窨制，回甘清甜');
      await page.getByTestId('product-images').locator('input[type=file]').setInputFiles(productImage());
      await page.getByTestId('product-images').locator('img').first().waitFor();

      await page.getByRole('button', { name: '添加规格' }).click();
      await page.getByLabel('规格名 1').fill('规格');
      const values = page.getByRole('combobox', { name: '规格值 1' });
      await values.fill('100g');
      await values.press('Enter');
      await values.fill('250g');
      await values.press('Enter');

      await page.getByLabel('价格 100g').fill('39.90');
      await page.getByLabel('库存 100g').fill('20');
      await page.getByLabel('价格 250g').fill('89');
      await page.getByLabel('库存 250g').fill('0');
      await page.getByLabel('基础销量').fill('120');
      await page.getByRole('switch', { name: '上架' }).click();
      await page.getByTestId('product-save').click();
      await page.getByText('保存成功').first().waitFor();

      // The list shows real sales and the 基础销量 apart.
      await page.getByRole('link', { name: '商品管理' }).click();
      const row = page.locator('tr', { hasText: title });
      await row.waitFor();
      const headers = (await page.locator('thead th').allInnerTexts()).map((text) => text.trim());
      const cells = await row.locator('td').allInnerTexts();
      assert.equal(cells[headers.indexOf('实际销量')].trim(), '0');
      assert.equal(cells[headers.indexOf('基础销量')].trim(), '120');
    },
    desktop,
  );

  // The server holds exactly what was typed, in fen.
  const search = await fetch(`${session.app.baseUrl}/api/v1/products?keyword=${encodeURIComponent(title)}`).then((r) => r.json());
  assert.equal(search.total, 1);
  const detail = await fetch(`${session.app.baseUrl}/api/v1/products/${search.items[0].id}`).then((r) => r.json());
  assert.deepEqual(
    detail.skus.map((sku) => [sku.specValues.join('/'), sku.priceFen, sku.stock]),
    [['100g', 3990, 20], ['250g', 8900, 0]],
  );
  assert.equal(detail.images.length, 1);
  // 已售 = 基础销量 + real sales (none yet); the one SKU in stock headlines the price, without 起.
  assert.deepEqual([detail.salesCount, detail.minPriceFen, detail.priceVaries], [120, 3990, false]);

  // A shopper finds it in the storefront.
  await withPage(session.browser, 'storefront-shows-new-product', async (page) => {
    const storefront = await openStorefront(page, session.app.baseUrl);
    await storefront.search(title);
    await page.locator('.product-card', { hasText: title }).first().waitFor();
  });

  // Deleting it (after a confirmation) takes it out of the shop.
  await withPage(
    session.browser,
    'admin-product-deleted',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'owner');
      await page.getByRole('link', { name: '商品管理' }).click();
      await page.getByLabel(`删除 ${title}`).click();
      await page.getByRole('button', { name: '确认删除' }).click();
      await page.getByText('已删除').first().waitFor();
    },
    desktop,
  );
  assert.equal((await fetch(`${session.app.baseUrl}/api/v1/products/${search.items[0].id}`)).status, 404);
});

test('a warehouse account does not see the staff page and the staff API refuses it', async () => {
  await withPage(
    session.browser,
    'admin-warehouse-menu',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'warehouse');
      await page.getByRole('link', { name: '商品管理' }).waitFor();
      assert.equal(await page.getByRole('link', { name: '员工管理' }).count(), 0);
      await page.goto(`${session.app.baseUrl}/admin/staff`);
      await page.getByText('无权限访问').first().waitFor();
    },
    desktop,
  );

  const token = await staffToken(session.app.baseUrl, 'warehouse');
  const staff = await fetch(`${session.app.baseUrl}/api/v1/admin/staff`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(staff.status, 403);
  assert.equal((await staff.json()).code, 'FORBIDDEN');
});
