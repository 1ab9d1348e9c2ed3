// 部分退款 across the storefront and the console: a shopper with three lines shipped asks for a 退货退款 of one
// unit of one line (the picker shows that line's share and the total), the return is taken through, the order reads
// 待收货 · 部分退款 with 已退款 under 实付金额; the owner then refunds the rest from the order detail and both sides
// show the whole amount refunded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppAndBrowser, staffToken } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { logInToAdmin } from './support/admin.mjs';
import { callApi, placePaidOrder, signInStorefront, waitForOrderStatus } from './support/shopper-api.mjs';

const session = useAppAndBrowser();
const desktop = { viewport: { width: 1440, height: 900 } };
const phone = { viewport: { width: 375, height: 812 } };
const call = (method, path, options) => callApi(session.app.baseUrl, method, path, options);
const yuan = (fen) => `¥${(fen / 100).toFixed(2)}`;

test('a partial 退货退款 of one unit, then a staff refund of the rest: both sides show what was refunded', async () => {
  const { orderNo, token } = await placePaidOrder(session.app.baseUrl, { lineCount: 3, quantity: 2 });
  const warehouse = await staffToken(session.app.baseUrl, 'warehouse');
  const service = await staffToken(session.app.baseUrl, 'service');
  await call('POST', `/admin/orders/${orderNo}/ship`, { token: warehouse, body: { carrierCode: 'SF', trackingNo: `SF${Date.now()}` } });
  const order = await call('GET', `/orders/${orderNo}`, { token });
  const first = order.lines[0];

  await withPage(
    session.browser,
    'partial-refund-apply',
    async (page) => {
      await signInStorefront(page, token);
      await page.goto(`${session.app.baseUrl}/#/orders/after-sale/index?orderNo=${orderNo}`);
      await page.locator('.refund-items__total .after-sale-page__amount', { hasText: yuan(order.pricing.payableFen) }).waitFor();
      const quantities = page.locator('.refund-item__quantity');
      assert.equal(await quantities.count(), 3);
      for (const [index, units] of [[1, 0], [2, 0], [0, 1]]) {
        await quantities.nth(index).locator('input').fill(String(units));
        await quantities.nth(index).locator('input').blur();
      }
      const preview = await call('POST', `/orders/${orderNo}/after-sales/preview`, { token, body: { items: [{ skuId: first.skuId, quantity: 1 }] } });
      await page.locator('.refund-items__total .after-sale-page__amount', { hasText: yuan(preview.refundFen) }).waitFor();
      assert.equal((await page.locator('.refund-item__amount').nth(0).innerText()).trim(), `退 ${yuan(preview.refundFen)}`);
      assert.deepEqual(await page.locator('.refund-item__amount').allInnerTexts(), [`退 ${yuan(preview.refundFen)}`, '不退', '不退']);
      await screenshot(page, 'partial-refund-picker');
      await page.locator('.after-sale-reason', { hasText: '商品破损' }).click();
      await page.locator('.submit-after-sale-button').click();
      await page.locator('.after-sale-status', { hasText: '待处理' }).waitFor();
    },
    phone,
  );

  const applied = await call('GET', `/orders/${orderNo}`, { token });
  const caseId = applied.afterSale.id;
  await call('POST', `/admin/after-sales/${caseId}/approve`, { token: service, body: {} });
  await call('PUT', `/orders/${orderNo}/return-shipment`, { token, body: { carrierCode: 'YTO', trackingNo: `YT${Date.now()}` } });
  await call('POST', `/admin/after-sales/${caseId}/receive`, { token: warehouse, body: {} });
  await call('POST', `/admin/after-sales/${caseId}/refund`, { token: service, body: {} });
  // The fake WeChat Pay settles the refund asynchronously; the rest of the order stays on its way.
  let partly = await call('GET', `/orders/${orderNo}`, { token });
  for (const deadline = Date.now() + 10_000; partly.afterSale.status !== 'refunded' && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    partly = await call('GET', `/orders/${orderNo}`, { token });
  }
  assert.deepEqual([partly.status, partly.afterSale.status], ['shipped', 'refunded']);
  const firstRefundFen = applied.afterSale.refundFen;

  await withPage(
    session.browser,
    'partial-refund-shopper',
    async (page) => {
      await signInStorefront(page, token);
      await page.goto(`${session.app.baseUrl}/#/orders/detail/index?orderNo=${orderNo}`);
      await page.locator('.order-banner .order-status', { hasText: '待收货 · 部分退款' }).waitFor();
      await page.locator('.after-sale-status', { hasText: '已退款' }).waitFor();
      const refundedRow = page.locator('.pricing-row--refundedFen');
      await refundedRow.getByText(`-${yuan(firstRefundFen)}`).waitFor();
      await refundedRow.getByText('已退款').waitFor();
      await page.locator('.order-action--confirmReceipt').waitFor();
      await refundedRow.scrollIntoViewIfNeeded();
      await screenshot(page, 'partial-refund-shopper-detail');
    },
    phone,
  );
  assert.equal(partly.refundedFen, firstRefundFen);

  // The owner refunds what is left from the order detail, after confirming the amount.
  const restFen = order.pricing.payableFen - firstRefundFen;
  await withPage(
    session.browser,
    'partial-refund-owner',
    async (admin) => {
      await logInToAdmin(admin, session.app.baseUrl, 'owner');
      await admin.goto(`${session.app.baseUrl}/admin/orders/${orderNo}`);
      await admin.getByText(`-${yuan(firstRefundFen)}`).waitFor();
      await admin.getByRole('button', { name: '退款', exact: true }).click();
      const dialog = admin.locator('.ant-modal', { hasText: `商家退款 ${orderNo}` });
      await dialog.getByRole('button', { name: `确认退款 ${yuan(restFen)}` }).click();
      await dialog.getByText('请填写退款原因').waitFor();
      await dialog.locator('textarea').fill('顾客要求退款');
      await dialog.getByRole('button', { name: `确认退款 ${yuan(restFen)}` }).click();
      await admin.getByText('已发起退款，款项原路退回').waitFor();
    },
    desktop,
  );
  const refunded = await waitForOrderStatus(session.app.baseUrl, orderNo, token, 'refunded');
  assert.equal(refunded.refundedFen, order.pricing.payableFen);

  await withPage(
    session.browser,
    'partial-refund-done',
    async (admin) => {
      await logInToAdmin(admin, session.app.baseUrl, 'owner');
      await admin.goto(`${session.app.baseUrl}/admin/orders/${orderNo}`);
      await admin.getByText(`-${yuan(order.pricing.payableFen)}`).waitFor();
      assert.equal(await admin.getByRole('button', { name: '退款', exact: true }).count(), 0);
    },
    desktop,
  );
});
