// 退货退款 across the storefront and the console: customer service approves a return, the shopper sees the shop's
// return address and enters the parcel back in the H5 after-sale page, the warehouse confirms the goods arrived,
// customer service refunds, and the fake WeChat Pay settles it. Also the order detail's 复制, 提醒发货 and 再来一单.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppAndBrowser, staffToken } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { logInToAdmin } from './support/admin.mjs';
import { callApi, placePaidOrder, signInStorefront, waitForOrderStatus } from './support/shopper-api.mjs';

const session = useAppAndBrowser();
const desktop = { viewport: { width: 1440, height: 900 } };
const call = (method, path, options) => callApi(session.app.baseUrl, method, path, options);

test('a 退货退款: the shopper sends the goods back to the return address, the warehouse confirms receipt, service refunds', async () => {
  const { orderNo, token } = await placePaidOrder(session.app.baseUrl);
  const warehouse = await staffToken(session.app.baseUrl, 'warehouse');
  await call('POST', `/admin/orders/${orderNo}/ship`, { token: warehouse, body: { carrierCode: 'SF', trackingNo: `SF${Date.now()}` } });
  const applied = await call('POST', `/orders/${orderNo}/after-sales`, { token, body: { type: 'return_refund', reason: '商品破损', description: '外盒压坏了' } });
  const caseId = applied.afterSale.id;
  const returnAddress = (await call('GET', '/admin/settings/profile', { token: await staffToken(session.app.baseUrl, 'owner') })).returnAddress;
  assert.ok(returnAddress, 'the demo shop has a return address');
  const returnTrackingNo = `YT${Date.now()}`;

  // Customer service approves the return.
  await withPage(
    session.browser,
    'after-sale-return-approve',
    async (admin) => {
      await logInToAdmin(admin, session.app.baseUrl, 'service');
      await admin.getByRole('link', { name: '售后处理' }).click();
      await admin.locator('tr', { hasText: orderNo }).getByText('待处理').waitFor();
      await admin.getByRole('button', { name: `处理售后 ${caseId}` }).click();
      await admin.getByRole('button', { name: `同意售后 ${caseId}` }).click();
      await admin.getByRole('button', { name: '确认同意' }).click();
      await admin.getByText('已同意，等待买家退货').waitFor();
      await admin.getByText(returnAddress.address).waitFor();
    },
    desktop,
  );

  // The shopper sees where to send it and enters the parcel.
  await withPage(session.browser, 'after-sale-return-shopper', async (page) => {
    await signInStorefront(page, token);
    await page.goto(`${session.app.baseUrl}/#/orders/detail/index?orderNo=${orderNo}`);
    await page.locator('.order-banner__hint', { hasText: '商家已同意退货，请寄回商品并填写快递单号' }).waitFor();
    assert.match(await page.locator('.order-after-sale .return-info').innerText(), new RegExp(returnAddress.address));
    await page.locator('.order-after-sale').scrollIntoViewIfNeeded();
    await screenshot(page, 'after-sale-return-order-detail');
    await page.locator('.return-shipment-button', { hasText: '填写退货物流' }).click();

    await page.locator('.after-sale-progress__status', { hasText: '待退货' }).waitFor();
    // Taro's H5 keeps the order detail underneath: look at the after-sale page only.
    assert.match(await page.locator('.after-sale-page .return-info').innerText(), new RegExp(`${returnAddress.recipientName}[\\s\\S]*${returnAddress.address}`));
    // A tracking number the server would refuse is caught before sending.
    await page.locator('.return-carrier', { hasText: '圆通速递' }).click();
    await page.locator('.return-tracking-input input').fill('YT-1');
    await page.locator('.submit-return-shipment-button').click();
    await page.getByText('快递单号应为 5–32 位字母或数字').waitFor();
    await page.locator('.return-tracking-input input').fill(returnTrackingNo);
    await page.locator('.submit-return-shipment-button').click();
    await page.locator('.return-tracking-no', { hasText: `圆通速递 ${returnTrackingNo}` }).waitFor();
    await page.locator('.submit-return-shipment-button', { hasText: '保存修改' }).waitFor();
    await page.getByText('退货物流已提交').waitFor({ state: 'hidden' });
    await screenshot(page, 'after-sale-return');
  });
  const sent = await call('GET', `/orders/${orderNo}`, { token });
  assert.deepEqual([sent.afterSale.returnShipment.carrierCode, sent.afterSale.returnShipment.trackingNo], ['YTO', returnTrackingNo]);

  // The warehouse unpacks the parcel and confirms it arrived; it may not refund.
  await withPage(
    session.browser,
    'after-sale-return-received',
    async (admin) => {
      await logInToAdmin(admin, session.app.baseUrl, 'warehouse');
      await admin.getByRole('link', { name: '售后处理' }).click();
      // The warehouse's queue opens on the returns waiting for their goods.
      const row = admin.locator('tr', { hasText: orderNo });
      await row.getByText(returnTrackingNo).waitFor();
      await admin.getByRole('button', { name: `处理售后 ${caseId}` }).click();
      await admin.getByTestId('return-shipment').getByText(returnTrackingNo).waitFor();
      await admin.getByRole('button', { name: `确认收到退货 ${caseId}` }).click();
      await admin.getByRole('button', { name: '确认收货' }).click();
      await admin.getByText('已确认收到退货').waitFor();
      assert.equal(await admin.getByRole('button', { name: `确认退款 ${caseId}` }).count(), 0);
    },
    desktop,
  );

  // Customer service refunds from the order detail, where the case shows the return address and the parcel.
  await withPage(
    session.browser,
    'after-sale-return-refund',
    async (admin) => {
      await logInToAdmin(admin, session.app.baseUrl, 'service');
      await admin.goto(`${session.app.baseUrl}/admin/orders/${orderNo}`);
      const afterSaleCase = admin.getByTestId(`after-sale-${caseId}`);
      await afterSaleCase.getByText('已收到退货').first().waitFor();
      await afterSaleCase.getByText(returnAddress.address).waitFor();
      await afterSaleCase.getByTestId('return-shipment').getByText(returnTrackingNo).waitFor();
      await admin.getByText(`已寄回商品：圆通速递 ${returnTrackingNo}`).waitFor();
      await afterSaleCase.scrollIntoViewIfNeeded();
      await screenshot(admin, 'admin-after-sale-return');
      await admin.getByRole('button', { name: `确认退款 ${caseId}` }).click();
      await admin.locator('.ant-popconfirm').getByRole('button', { name: '确认退款' }).click();
      await admin.getByText('退款处理中').first().waitFor();
    },
    desktop,
  );

  // The fake WeChat Pay refunds and notifies; the shopper's order ends refunded, the timeline tells each step.
  const refunded = await waitForOrderStatus(session.app.baseUrl, orderNo, token, 'refunded');
  assert.equal(refunded.afterSale.status, 'refunded');
  const texts = refunded.timeline.map((entry) => entry.text);
  assert.ok(texts.includes(`已寄回商品：圆通速递 ${returnTrackingNo}`) && texts.includes('商家已收到退货'), texts.join(' / '));
});

test('order detail: 复制 the order number, 提醒发货 once a day, 再来一单 into the cart', async () => {
  const { orderNo, token } = await placePaidOrder(session.app.baseUrl);

  await withPage(session.browser, 'order-detail-extras', async (page) => {
    await signInStorefront(page, token);
    await page.goto(`${session.app.baseUrl}/#/orders/detail/index?orderNo=${orderNo}`);
    await page.locator('.order-banner .order-status', { hasText: '待发货' }).waitFor();

    await page.locator('.order-info .copy-row__button').click();
    await page.getByText('已复制', { exact: true }).waitFor();

    await page.locator('.order-action--remindShip').click();
    await page.getByText('已提醒商家尽快发货').first().waitFor();
    await page.locator('.order-banner__hint', { hasText: '已提醒商家尽快发货' }).waitFor();
    await page.locator('.order-action--remindShip').click();
    await page.getByText(/已经提醒过商家了，.* 后可以再次提醒/).waitFor();
    await screenshot(page, 'order-detail-reminded');

    await page.locator('.order-action--reorder').click();
    await page.locator('.cart-line').first().waitFor();
  });
  const cart = await call('GET', '/cart', { token });
  const ordered = await call('GET', `/orders/${orderNo}`, { token });
  assert.deepEqual(
    cart.items.map((item) => [item.skuId, item.quantity]),
    ordered.lines.map((line) => [line.skuId, line.quantity]),
  );
  // Staff see the reminder on the order list, filtered as the 待办 link opens it.
  await withPage(
    session.browser,
    'admin-orders-reminded',
    async (admin) => {
      await logInToAdmin(admin, session.app.baseUrl, 'warehouse');
      await admin.goto(`${session.app.baseUrl}/admin/orders?reminded=true`);
      await admin.locator('tr', { hasText: orderNo }).getByText('买家已提醒发货').waitFor();
      const rows = await admin.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts();
      assert.ok(rows.every((text) => text.includes('买家已提醒发货')), rows.join('\n'));
    },
    desktop,
  );
});

test('a partial 仅退款: the shopper picks one line of three and sees its amount; staff refund another line from the order detail', async () => {
  const { orderNo, token } = await placePaidOrder(session.app.baseUrl, { lineCount: 3 });
  const order = await call('GET', `/orders/${orderNo}`, { token });
  const [first, second, third] = order.lines;

  // The shopper keeps lines 1 and 3 (set to 0) and asks for line 2 only; the amount comes from the server's preview.
  await withPage(session.browser, 'after-sale-partial-shopper', async (page) => {
    await signInStorefront(page, token);
    await page.goto(`${session.app.baseUrl}/#/orders/after-sale/index?orderNo=${orderNo}`);
    await page.locator('.after-sale-type', { hasText: '仅退款' }).waitFor();
    const items = page.locator('.after-sale-page .refund-item');
    await items.nth(2).waitFor();
    assert.equal(await items.count(), 3);
    await page.locator('.after-sale-page .after-sale-page__amount', { hasText: `¥${(order.payableFen / 100).toFixed(2)}` }).waitFor();
    for (const index of [0, 2]) await items.nth(index).locator('input').fill('0');
    const expected = await call('POST', `/orders/${orderNo}/after-sales/preview`, { token, body: { items: [{ skuId: second.skuId, quantity: 1 }] } });
    await page.locator('.after-sale-page .after-sale-page__amount', { hasText: `¥${(expected.refundFen / 100).toFixed(2)}` }).waitFor();
    await items.nth(1).locator('.refund-item__amount', { hasText: `退 ¥${(expected.refundFen / 100).toFixed(2)}` }).waitFor();
    assert.equal((await items.nth(0).locator('.refund-item__amount').innerText()).trim(), '不退');
    await page.locator('.after-sale-reason', { hasText: '拍错了' }).click();
    await screenshot(page, 'after-sale-partial-choose');
    await page.locator('.submit-after-sale-button').click();
    await page.locator('.after-sale-status', { hasText: '待处理' }).waitFor();
  });
  const applied = await call('GET', `/orders/${orderNo}`, { token });
  assert.deepEqual(applied.afterSale.items, [{ skuId: second.skuId, quantity: 1, title: second.title, specValues: second.specValues }]);

  // Customer service approves; the refund of line 2 alone goes out and the order stays 待发货 for the rest.
  const service = await staffToken(session.app.baseUrl, 'service');
  await call('POST', `/admin/after-sales/${applied.afterSale.id}/approve`, { token: service, body: {} });
  const deadline = Date.now() + 10_000;
  let afterFirst = await call('GET', `/orders/${orderNo}`, { token });
  while (afterFirst.afterSale.status !== 'refunded' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    afterFirst = await call('GET', `/orders/${orderNo}`, { token });
  }
  assert.equal(afterFirst.afterSale.status, 'refunded');
  assert.equal(afterFirst.status, 'paid');
  assert.equal(afterFirst.refundedFen, afterFirst.afterSale.refundFen);

  await withPage(session.browser, 'after-sale-partial-order', async (page) => {
    await signInStorefront(page, token);
    await page.goto(`${session.app.baseUrl}/#/orders/detail/index?orderNo=${orderNo}`);
    await page.locator('.order-banner .order-status', { hasText: '待发货 · 部分退款' }).waitFor();
    await page.locator('.order-line__refunded', { hasText: '已退 1 件' }).waitFor();
    await screenshot(page, 'after-sale-partial-order-detail');
  });

  // The operator refunds line 3 from the order detail: a dialog with the units, the amount and a reason.
  await withPage(
    session.browser,
    'after-sale-partial-staff-refund',
    async (admin) => {
      await logInToAdmin(admin, session.app.baseUrl, 'operator');
      await admin.goto(`${session.app.baseUrl}/admin/orders/${orderNo}`);
      await admin.getByText('部分退款').first().waitFor();
      await admin.getByRole('button', { name: '退款' }).click();
      const dialog = admin.locator('.ant-modal', { hasText: `商家退款 ${orderNo}` });
      await dialog.getByLabel(`退款件数 ${first.title}`).fill('0');
      const expected = await call('POST', `/admin/orders/${orderNo}/refunds/preview`, {
        token: await staffToken(session.app.baseUrl, 'operator'),
        body: { items: [{ skuId: third.skuId, quantity: 1 }] },
      });
      await dialog.getByTestId('staff-refund-amount').getByText(`¥${(expected.refundFen / 100).toFixed(2)}`).waitFor();
      await dialog.getByLabel('退款原因').fill('缺货，与买家协商退款');
      await screenshot(admin, 'admin-staff-refund-dialog');
      await dialog.getByRole('button', { name: `确认退款 ¥${(expected.refundFen / 100).toFixed(2)}` }).click();
      await admin.getByText('已发起退款，款项原路退回').waitFor();
      await admin.locator('tr', { hasText: '缺货，与买家协商退款' }).locator('.ant-tag', { hasText: '商家退款' }).waitFor();
      await admin.getByText('退款记录', { exact: true }).scrollIntoViewIfNeeded();
      await screenshot(admin, 'admin-partial-refunds');
    },
    desktop,
  );
  const afterStaff = await call('GET', `/orders/${orderNo}`, { token });
  assert.equal(afterStaff.status, 'paid');
  assert.deepEqual(afterStaff.lines.map((line) => line.refundedQuantity ?? 0), [0, 1, 1]);
});
