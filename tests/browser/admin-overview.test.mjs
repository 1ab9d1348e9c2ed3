// The owner signs in to a fresh install (demo store and demo history, as `npm start` writes them) and lands on
// 经营概览 with figures; the to-dos open the filtered lists; a payment made meanwhile raises a 新订单 notice; the
// owner removes the demo history after confirming; other roles keep landing on the product list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { logInToAdmin } from './support/admin.mjs';
import { useAppAndBrowser } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';

const session = useAppAndBrowser();
const desktop = { viewport: { width: 1440, height: 900 } };

async function call(method, path, { token, body, base = `${session.app.baseUrl}/api/v1` } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** A new shopper orders one unit and pays at the fake WeChat Pay (as admin-orders.test.mjs does). */
async function payANewOrder() {
  const { fakeWechatBaseUrl } = await call('GET', '/platform');
  const { code } = await call('POST', '/fake/login-code', { base: fakeWechatBaseUrl, body: { identity: `overview-${randomUUID()}` } });
  const { token } = await call('POST', '/auth/wechat-login', { body: { code } });
  await call('PATCH', '/me', { token, body: { nickname: '新来的茶客' } });
  const products = await call('GET', '/products?page=1&pageSize=20');
  let sku;
  for (const product of products.items) {
    sku = (await call('GET', `/products/${product.id}`)).skus.find((candidate) => candidate.stock > 0);
    if (sku) break;
  }
  const address = await call('POST', '/addresses', {
    token,
    body: { recipientName: '林晓', phone: '13800001234', provinceName: '浙江省', cityName: '杭州市', districtName: '西湖区', regionCode: '330106', detail: '文三路 1 号' },
  });
  const order = await call('POST', '/orders', { token, body: { clientToken: randomUUID().replace(/-/g, ''), items: [{ skuId: sku.id, quantity: 1 }], addressId: address.id } });
  const payment = await call('POST', `/orders/${order.orderNo}/payment`, { token });
  await call('POST', '/fake/pay/confirm', { base: fakeWechatBaseUrl, body: { prepayId: payment.prepayId } });
  return order.orderNo;
}

const figure = async (page, key) => (await page.getByTestId(`figure-${key}`).locator('.ant-statistic-content').innerText()).trim();

test('the owner lands on 经营概览 with the demo history figures, follows a to-do, hears of a new order, and removes the demo history', async () => {
  await withPage(
    session.browser,
    'admin-overview-final',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'owner');
      await page.waitForURL(/\/admin\/overview$/);
      await page.getByTestId('overview-figures').waitFor();
      // Today's paid orders and GMV are above zero; the demo notice says what is demo.
      assert.match(await figure(page, 'paidOrders'), /^[1-9]\d* 单$/);
      assert.match(await figure(page, 'gmvFen'), /^¥[1-9]/);
      await page.getByText(/当前数据含演示数据：300 位演示会员/).waitFor();
      await page.getByRole('img', { name: /近 30 天每日净成交额/ }).locator('canvas').waitFor();
      const toShip = Number((await page.getByTestId('todo-awaitingShipment').locator('.ant-statistic-content-value').innerText()).trim());
      assert.ok(toShip > 0, `待发货 ${toShip}`);
      await screenshot(page, 'admin-overview');

      // 近 7 天 compares with the 7 days before.
      await page.getByText('近 7 天', { exact: true }).click();
      await page.waitForURL(/period=7d/);
      await page.getByText(/对比前 7 天/).waitFor();

      // 待发货 opens the order list on its tab, counted.
      await page.getByTestId('todo-awaitingShipment').click();
      await page.waitForURL(/\/admin\/orders\?status=paid$/);
      await page.getByTestId('order-tab-paid').getByText(`待发货（${toShip}）`).waitFor();
      await page.locator('.ant-table-row').first().getByText('待发货').waitFor();
      assert.match(await page.getByTestId('order-tab-all').innerText(), /全部（\d{3}）/);
      await screenshot(page, 'admin-orders-tabs');

      // A payment arrives while the console is open: a 新订单 notice with a link to it.
      const orderNo = await payANewOrder();
      const notice = page.locator('.ant-notification-notice', { hasText: '新订单' });
      await notice.waitFor({ timeout: 45_000 });
      assert.match(await notice.innerText(), /新来的茶客 付款 ¥/);
      await notice.getByRole('button', { name: '查看' }).click();
      await page.waitForURL(new RegExp(`/admin/orders/${orderNo}$`));
      await page.getByTestId('order-detail').waitFor();

      // Back on 经营概览, the owner removes the demo history after confirming.
      await page.getByRole('link', { name: '经营概览' }).click();
      await page.getByRole('button', { name: '清除演示数据' }).click();
      await page.locator('.ant-modal-confirm-title', { hasText: '清除全部演示数据？' }).waitFor();
      await page.locator('.ant-modal-confirm').getByRole('button', { name: '清除演示数据' }).click();
      await page.getByText(/已清除 300 位演示会员/).waitFor();
      await page.getByTestId('demo-history').waitFor({ state: 'detached' });
      // What stays is the real order paid today.
      await page.waitForFunction(() => document.querySelector('[data-testid="figure-paidOrders"] .ant-statistic-content')?.textContent?.trim() === '1 单');
      assert.equal(await figure(page, 'payingMembers'), '1 人');
    },
    desktop,
  );
});

test('customer service and the warehouse still land on the product list and cannot open 经营概览', async () => {
  for (const username of ['service', 'warehouse']) {
    await withPage(
      session.browser,
      `admin-overview-${username}`,
      async (page) => {
        await logInToAdmin(page, session.app.baseUrl, username);
        await page.waitForURL(/\/admin\/products$/);
        assert.equal(await page.getByRole('link', { name: '经营概览' }).count(), 0);
        await page.goto(`${session.app.baseUrl}/admin/overview`);
        await page.getByText('无权限访问').first().waitFor();
      },
      desktop,
    );
  }
});
