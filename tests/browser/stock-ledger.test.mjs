// The stock ledger in the admin console: a shopper buys a unit, the warehouse adds stock in 调整库存 and then
// opens 查看库存流水 for that SKU: the adjustment (by 王仓管), the sale (with its order number) and the initial stock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logInToAdmin } from './support/admin.mjs';
import { withPage } from './support/browser.mjs';
import { staffToken, useAppAndBrowser } from './support/session.mjs';
import { callApi, placePaidOrder } from './support/shopper-api.mjs';

const session = useAppAndBrowser();
const desktop = { viewport: { width: 1440, height: 900 } };

test('the warehouse adds stock to a SKU and reads its movements: the adjustment, the sale with its order, the initial stock', async () => {
  const { orderNo } = await placePaidOrder(session.app.baseUrl);
  const warehouseToken = await staffToken(session.app.baseUrl, 'warehouse');
  const order = await callApi(session.app.baseUrl, 'GET', `/admin/orders/${orderNo}`, { token: warehouseToken });
  const [line] = order.lines;
  const product = await callApi(session.app.baseUrl, 'GET', `/admin/products/${line.productId}`, { token: warehouseToken });
  const sku = product.skus.find((candidate) => candidate.id === line.skuId);

  await withPage(
    session.browser,
    'admin-stock-ledger',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'warehouse');
      await page.getByRole('link', { name: '商品管理' }).click();
      await page.getByPlaceholder('商品名称').fill(product.title);
      await page.getByRole('button', { name: /查\s*询/ }).click();
      await page.getByLabel(`调整库存 ${product.title}`).click();
      const dialog = page.getByRole('dialog', { name: `调整库存：${product.title}` });
      await dialog.getByRole('combobox', { name: '规格' }).click();
      await page.locator('.ant-select-item-option', { hasText: `（${sku.skuCode}）` }).click();
      await dialog.getByLabel('调整数量').fill('5');
      await dialog.getByLabel('调整原因').fill('盘点入库');
      await dialog.getByRole('button', { name: '确认调整' }).click();
      await page.getByText(`库存已调整，当前库存 ${sku.stock + 5}`).waitFor();

      await page.getByLabel(`调整库存 ${product.title}`).click();
      const again = page.getByRole('dialog', { name: `调整库存：${product.title}` });
      await again.getByRole('combobox', { name: '规格' }).click();
      await page.locator('.ant-select-item-option', { hasText: `（${sku.skuCode}）` }).click();
      await again.getByRole('button', { name: '查看库存流水' }).click();
      const movements = page.getByTestId('stock-movements');
      await movements.waitFor();
      const rows = movements.locator('tbody tr');
      await rows.first().getByText('库存调整').waitFor();
      await rows.first().getByText('+5', { exact: true }).waitFor();
      await rows.first().getByText('王仓管').waitFor();
      await rows.first().getByText('盘点入库').waitFor();
      const sale = movements.locator('tr', { hasText: orderNo });
      await sale.getByText('下单扣减').waitFor();
      await sale.getByText('-1', { exact: true }).waitFor();
      await movements.locator('tr', { hasText: '初始库存' }).waitFor();

      // The owner's ledger check agrees with every SKU after all of it.
      const ownerToken = await staffToken(session.app.baseUrl, 'owner');
      const check = await callApi(session.app.baseUrl, 'GET', '/admin/inventory/ledger-check', { token: ownerToken });
      assert.deepEqual(check.mismatches, []);
    },
    desktop,
  );
});
