// The warehouse ships a paid order from the admin console; the shopper's order then shows the shipment.
// The shopper side runs through the API and the fake WeChat's tester endpoints (no storefront clicks here):
// log in with a fake wx.login code, order one unit, pay at the fake WeChat Pay, wait for the notification.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppAndBrowser } from './support/session.mjs';
import { callApi, placePaidOrder, waitForOrderStatus } from './support/shopper-api.mjs';
import { withPage } from './support/browser.mjs';

const session = useAppAndBrowser();
const desktop = { viewport: { width: 1440, height: 900 } };

const call = (method, path, options) => callApi(session.app.baseUrl, method, path, options);
const paidOrder = () => placePaidOrder(session.app.baseUrl);
const orderReaches = (orderNo, token, status) => waitForOrderStatus(session.app.baseUrl, orderNo, token, status);

async function logIn(page, username, password = 'demo1234') {
  await page.goto(`${session.app.baseUrl}/admin/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-staff').waitFor();
}

test('the warehouse ships a paid order from the console and the shopper sees it on its way', async () => {
  const { orderNo, token } = await paidOrder();
  const trackingNo = `SF${Date.now()}`;

  await withPage(
    session.browser,
    'admin-order-shipped',
    async (page) => {
      await logIn(page, 'warehouse');
      await page.getByRole('link', { name: '订单管理' }).click();
      await page.getByLabel('订单号').fill(orderNo);
      await page.getByLabel('订单号').press('Enter');
      const row = page.locator('tr', { hasText: orderNo });
      await row.getByText('待发货').waitFor();

      await page.getByRole('button', { name: `发货 ${orderNo}` }).click();
      await page.getByRole('combobox', { name: '快递公司' }).click();
      await page.locator('.ant-select-item-option', { hasText: '顺丰速运' }).click();
      await page.getByLabel('快递单号').fill(trackingNo);
      await page.getByRole('button', { name: '确认发货' }).click();

      // The list reloads: the row now reads 待收货 with the carrier and tracking number, and no ship action.
      await row.getByText('待收货').waitFor();
      await row.getByText(trackingNo).waitFor();
      assert.equal(await page.getByRole('button', { name: `发货 ${orderNo}` }).count(), 0);

      await page.getByRole('link', { name: `订单详情 ${orderNo}` }).click();
      await page.getByTestId('order-detail').waitFor();
      assert.equal(await page.getByTestId('tracking-no').innerText(), trackingNo);
      await page.getByTestId('order-detail').getByText('顺丰速运').first().waitFor();
    },
    desktop,
  );

  // The shopper's own view of the order holds the same shipment.
  const shopperView = await call('GET', `/orders/${orderNo}`, { token });
  assert.equal(shopperView.status, 'shipped');
  assert.equal(shopperView.shipment.carrierCode, 'SF');
  assert.equal(shopperView.shipment.trackingNo, trackingNo);
});

test('a warehouse account sees 售后处理 (to confirm returns) but no 店铺设置; typed URLs show 无权限访问, and the server refuses it', async () => {
  await withPage(
    session.browser,
    'admin-warehouse-orders-menu',
    async (page) => {
      await logIn(page, 'warehouse');
      await page.getByRole('link', { name: '批量发货' }).waitFor();
      await page.getByRole('link', { name: '售后处理' }).waitFor();
      assert.equal(await page.getByRole('link', { name: '店铺设置' }).count(), 0);
      await page.goto(`${session.app.baseUrl}/admin/settings/shop`);
      await page.getByText('无权限访问').first().waitFor();
    },
    desktop,
  );

  const { token } = await call('POST', '/admin/auth/login', { body: { username: 'warehouse', password: 'demo1234' } });
  const headers = { authorization: `Bearer ${token}` };
  assert.equal((await fetch(`${session.app.baseUrl}/api/v1/admin/settings/shop`, { headers })).status, 403);
  // The warehouse confirms returned parcels; approving and refunding stay with customer service.
  assert.equal((await fetch(`${session.app.baseUrl}/api/v1/admin/after-sales`, { headers })).status, 200);
  assert.equal((await fetch(`${session.app.baseUrl}/api/v1/admin/after-sales/1/approve`, { method: 'POST', headers })).status, 403);
});

test('customer service approves a refund-only after-sale in the console and the shopper is refunded', async () => {
  const { orderNo, token } = await paidOrder();
  const applied = await call('POST', `/orders/${orderNo}/after-sales`, {
    token,
    body: { type: 'refund_only', reason: '不想要了', description: '拍错了规格' },
  });
  const caseId = applied.afterSale.id;

  await withPage(
    session.browser,
    'admin-after-sale-approved',
    async (page) => {
      await logIn(page, 'service');
      await page.getByRole('link', { name: '售后处理' }).click();
      // The queue opens on 待处理, where the new case waits.
      await page.locator('tr', { hasText: orderNo }).getByText('待处理').waitFor();
      await page.getByRole('button', { name: `处理售后 ${caseId}` }).click();
      await page.getByText('拍错了规格').waitFor();
      await page.getByRole('button', { name: `同意售后 ${caseId}` }).click();
      await page.getByRole('button', { name: '确认同意' }).click();
      await page.getByText('已同意，退款处理中').waitFor();
      // No second approval is offered once the refund has started.
      assert.equal(await page.getByRole('button', { name: `同意售后 ${caseId}` }).count(), 0);
    },
    desktop,
  );

  // The fake WeChat Pay refunds and notifies; the shopper's order ends refunded with the case closed.
  const refunded = await orderReaches(orderNo, token, 'refunded');
  assert.equal(refunded.afterSale.status, 'refunded');
});
