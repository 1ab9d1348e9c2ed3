// 分销 end to end, by hand on both sides: the owner sets 分销设置 (指定分销, two rates, a product's own rate) in the
// console; a shopper, who saw no 推广中心 while 分销 was off, applies in the storefront; an operator approves the
// application in the console; a friend arrives through the new promoter's share link and pays an order; the
// promoter sees the active center (today's earnings, 待结算, the team, the record at the product's own rate),
// and staff see the record in 佣金明细 and the friend in the promoter's team tree; frozen, the promoter reads why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useAppAndBrowser } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { loginAsNewShopper, openStorefront } from './support/storefront.mjs';
import { logInToAdmin } from './support/admin.mjs';
import { callApi, newShopperToken, SHOPPER_ADDRESS, waitForOrderStatus } from './support/shopper-api.mjs';

const desktop = { viewport: { width: 1440, height: 900 } };
// The storefront at the narrowest common phone width.
const phone = { viewport: { width: 375, height: 812 } };
const session = useAppAndBrowser();

const yuan = (fen) => `¥${(fen / 100).toFixed(2)}`;

/** A friend logs in through the promoter's share link, buys `quantity` of the SKU and pays; answers the order no. */
async function friendBuysThroughLink(baseUrl, shortId, skuId, quantity) {
  const call = (method, path, options) => callApi(baseUrl, method, path, options);
  const { fakeWechatBaseUrl } = await call('GET', '/platform');
  const { code } = await call('POST', '/fake/login-code', { base: fakeWechatBaseUrl, body: { identity: `friend-${randomUUID()}` } });
  const { version } = await call('GET', '/privacy/current');
  const { token } = await call('POST', '/auth/wechat-login', { body: { code, privacyConsentVersion: version, attribution: { shortId } } });
  const address = await call('POST', '/addresses', { token, body: SHOPPER_ADDRESS });
  const order = await call('POST', '/orders', { token, body: { clientToken: randomUUID().replace(/-/g, ''), items: [{ skuId, quantity }], addressId: address.id } });
  const payment = await call('POST', `/orders/${order.orderNo}/payment`, { token });
  await call('POST', '/fake/pay/confirm', { base: fakeWechatBaseUrl, body: { prepayId: payment.prepayId } });
  await waitForOrderStatus(baseUrl, order.orderNo, token, 'paid');
  return order.orderNo;
}

test('staff set 分销, a shopper applies, staff approve, and the promoter sees the active center with a friend’s order', async () => {
  const baseUrl = session.app.baseUrl;
  const call = (method, path, options) => callApi(baseUrl, method, path, options);
  // The product that gets its own 20% rate, and a SKU of it in stock.
  const products = await call('GET', '/products?page=1&pageSize=20');
  let product = null;
  let sku = null;
  for (const summary of products.items) {
    const detail = await call('GET', `/products/${summary.id}`);
    sku = detail.skus.find((candidate) => candidate.stock >= 2);
    if (sku) {
      product = detail;
      break;
    }
  }
  assert.ok(product, 'the demo shop has a product in stock');

  const shopperContext = await session.browser.newContext({ ...phone, locale: 'zh-CN' });
  const shopper = await shopperContext.newPage();
  try {
    // 分销 is off in the demo shop: 我的 has no 推广中心, and the center says so.
    const storefront = await openStorefront(shopper, baseUrl);
    await storefront.mine();
    const statusRead = shopper.waitForResponse((response) => response.url().includes('/api/v1/referral/promoter'));
    await loginAsNewShopper(shopper);
    await shopper.locator('.my-coupons-entry').waitFor();
    // Once 我的 has read the status, the entry stays away.
    assert.equal((await (await statusRead).json()).programEnabled, false);
    await shopper.waitForTimeout(300);
    assert.equal(await shopper.locator('.promoter-center-entry').count(), 0);
    await shopper.goto(`${baseUrl}/#/promoter/center/index`);
    await shopper.locator('.promoter-center-page[data-view="off"]', { hasText: '本店暂未开启分销' }).waitFor();
    const token = await shopper.evaluate(() => JSON.parse(localStorage.getItem('storefront.token')).data);
    const memberId = (await call('GET', '/me', { token })).id;

    // The owner turns 分销 on: 指定分销, 10% and 5%, and the product's own 20% with no level 2.
    await withPage(
      session.browser,
      'admin-referral-settings',
      async (page) => {
        await logInToAdmin(page, baseUrl, 'owner');
        // 分销设置 sits in the 分销推广 group, below the fold of the sider at this size: open it by its address.
        await page.goto(`${baseUrl}/admin/referral/settings`);
        await page.getByRole('switch', { name: '开启分销' }).click();
        await page.getByLabel('指定分销').check();
        // Bad numbers stay on screen with a message and nothing is saved (no clamping -5 to 0, no rounding 10.555).
        const ownerToken = (await call('POST', '/admin/auth/login', { body: { username: 'owner', password: 'demo1234' } })).token;
        const before = await call('GET', '/admin/referral/settings', { token: ownerToken });
        await page.getByLabel('一级佣金比例', { exact: true }).fill('-5');
        await page.getByLabel('二级佣金比例', { exact: true }).fill('0');
        await page.getByRole('button', { name: '保存设置' }).click();
        await page.getByText('一级佣金比例不能为负数').waitFor();
        await page.getByText('二级佣金比例须大于 0；不设二级请留空').waitFor();
        assert.equal(await page.getByLabel('一级佣金比例', { exact: true }).inputValue(), '-5');
        await screenshot(page, 'admin-referral-settings-bad-numbers');
        await page.getByLabel('一级佣金比例', { exact: true }).fill('10.555');
        await page.getByLabel('二级佣金比例', { exact: true }).fill('');
        await page.getByRole('button', { name: '保存设置' }).click();
        await page.getByText('一级佣金比例最多两位小数').waitFor();
        assert.deepEqual(await call('GET', '/admin/referral/settings', { token: ownerToken }), before);
        await page.getByLabel('一级佣金比例', { exact: true }).fill('10');
        await page.getByLabel('二级佣金比例', { exact: true }).fill('95');
        await page.getByRole('button', { name: '保存设置' }).click();
        // The form refuses two levels above 100% before asking the server.
        await page.getByText('一级与二级佣金比例之和不能超过 100%').waitFor();
        await page.getByLabel('二级佣金比例', { exact: true }).fill('5');
        await page.getByRole('button', { name: '保存设置' }).click();
        await page.getByText('分销设置已保存').first().waitFor();
        await page.getByText(/当前规则：指定分销.*一级 10%，二级 5%/).waitFor();
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshot(page, 'admin-referral-settings-form');

        await page.getByRole('button', { name: '设置商品比例' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('combobox', { name: '商品' }).fill(product.title.slice(0, 4));
        await page.locator('.ant-select-item-option', { hasText: `ID ${product.id}` }).click();
        await dialog.getByLabel('商品一级佣金比例').fill('20');
        await dialog.getByRole('button', { name: '保存比例' }).click();
        await page.locator('.product-rates-table tr', { hasText: product.title }).filter({ hasText: '20%' }).filter({ hasText: '不设二级' }).waitFor();
        await page.mouse.wheel(0, 600);
      },
      desktop,
    );
    const settings = await call('GET', '/admin/referral/settings', { token: (await call('POST', '/admin/auth/login', { body: { username: 'owner', password: 'demo1234' } })).token });
    assert.deepEqual([settings.enabled, settings.programMode, settings.level1RateBp, settings.level2RateBp], [true, 'approved', 1000, 500]);

    // The shopper now finds 推广中心 on 我的 and applies (free, no purchase needed) with a note.
    await storefront.mine();
    await shopper.locator('.promoter-center-entry', { hasText: '申请成为推广员' }).scrollIntoViewIfNeeded();
    await screenshot(shopper, 'mine-promoter-entry');
    await shopper.locator('.promoter-center-entry', { hasText: '申请成为推广员' }).click();
    await shopper.locator('.apply-rules', { hasText: '不收任何费用' }).waitFor();
    await shopper.locator('.apply-note textarea').fill('常给朋友推荐好茶');
    await screenshot(shopper, 'promoter-apply');
    await shopper.locator('.apply-submit').click();
    await shopper.locator('.promoter-notice--pending', { hasText: '等待审核' }).waitFor();
    await screenshot(shopper, 'promoter-pending');

    // An operator approves it from the apply queue.
    await withPage(
      session.browser,
      'admin-promoters',
      async (page) => {
        await logInToAdmin(page, baseUrl, 'operator');
        await page.goto(`${baseUrl}/admin/referral/promoters`);
        await page.getByTestId('promoter-tab-pending').click();
        const row = page.locator('.ant-table-row', { hasText: `ID ${memberId}` });
        await row.filter({ hasText: '常给朋友推荐好茶' }).waitFor();
        await screenshot(page, 'admin-promoters-queue');
        await row.getByText('通过', { exact: true }).click();
        await page.locator('.ant-popconfirm').getByRole('button', { name: /通\s?过/ }).click();
        await page.getByText(/已通过/).first().waitFor();
        await page.getByTestId('promoter-tab-active').click();
        await page.locator('.ant-table-row', { hasText: `ID ${memberId}` }).filter({ hasText: '推广员' }).waitFor();
      },
      desktop,
    );

    // Pull-to-refresh's work: the center re-reads the status and shows the active center.
    await shopper.reload();
    await shopper.locator('.promoter-center-page[data-view="active"] .today-earnings').waitFor();
    assert.equal((await shopper.locator('.today-earnings').innerText()).trim(), '0.00');

    // A friend arrives through the promoter's share link and buys 2 units: 20% (the product's own rate) of what they paid.
    const link = await call('POST', '/share-links', { token, body: { kind: 'product', targetId: product.id, channel: 'chat' } });
    const orderNo = await friendBuysThroughLink(baseUrl, link.shortId, sku.id, 2);
    const commissionFen = Math.floor((sku.priceFen * 2 * 2000) / 10_000);

    await shopper.reload();
    await shopper.locator('.today-earnings', { hasText: (commissionFen / 100).toFixed(2) }).waitFor();
    assert.equal((await shopper.locator('.frozen-total .earnings-card__status-amount').innerText()).trim(), yuan(commissionFen));
    assert.match(await shopper.locator('.team-entry').innerText(), /一级 1 人 · 二级 0 人/);
    assert.match(await shopper.locator('.debt-note').innerText(), /可申请提现/);
    await screenshot(shopper, 'promoter-center-active');

    // 提现 opens the withdrawals page with the same balance.
    await shopper.locator('.withdraw-entry').click();
    await shopper.getByTestId('withdrawable-balance').filter({ visible: true }).waitFor();
    await screenshot(shopper, 'promoter-withdrawals-from-center');
    await shopper.goBack();
    await shopper.locator('.promoter-center-page[data-view="active"] .team-entry').filter({ visible: true }).waitFor();

    await shopper.locator('.team-entry').click();
    await shopper.locator('.team-member').first().waitFor();
    assert.match(await shopper.locator('.team-member').first().innerText(), /138\*\*\*\*1234|未绑定手机号/);
    await screenshot(shopper, 'promoter-team');
    await shopper.goBack();

    await shopper.locator('.frozen-total').click();
    const record = shopper.locator('.commission-record').filter({ visible: true }).first();
    await record.waitFor();
    const recordText = await record.innerText();
    for (const expected of [orderNo, yuan(commissionFen), '20%', '一级佣金', '待结算']) assert.ok(recordText.includes(expected), `${expected} in ${recordText}`);
    await screenshot(shopper, 'promoter-commissions');
    await shopper.goBack();

    await shopper.locator('.ledger-entry').click();
    await shopper.locator('.page-state--empty', { hasText: '还没有资金流水' }).filter({ visible: true }).waitFor();
    await screenshot(shopper, 'promoter-ledger-empty');

    // Staff find the record in 佣金明细 by order no, and the friend in the promoter's team tree.
    await withPage(
      session.browser,
      'admin-commissions',
      async (page) => {
        await logInToAdmin(page, baseUrl, 'owner');
        await page.goto(`${baseUrl}/admin/referral/commissions`);
        await page.getByLabel('订单号').fill(orderNo);
        await page.getByRole('button', { name: /查\s?询/ }).click();
        const row = page.locator('.ant-table-row', { hasText: orderNo });
        await row.filter({ hasText: yuan(commissionFen) }).filter({ hasText: '待结算' }).filter({ hasText: '20%' }).waitFor();
        assert.equal(await page.locator('.ant-table-row').count(), 1);
        await page.getByRole('button', { name: '导出 CSV' }).click();
        await page.getByText('佣金明细已导出').first().waitFor();
        await screenshot(page, 'admin-commissions-list');

        await page.goto(`${baseUrl}/admin/referral/promoters`);
        const promoterRow = page.locator('.ant-table-row', { hasText: `ID ${memberId}` });
        await promoterRow.getByText('团队', { exact: true }).click();
        await page.locator('.promoter-team-tree .ant-tree-treenode', { hasText: '一级' }).waitFor();
        await screenshot(page, 'admin-promoter-team');
      },
      desktop,
    );

    // An operator freezes the promoter (a reason is required, and the dialog asks before it acts); the center says why.
    await withPage(
      session.browser,
      'admin-promoter-freeze',
      async (page) => {
        await logInToAdmin(page, baseUrl, 'operator');
        await page.goto(`${baseUrl}/admin/referral/promoters`);
        const row = page.locator('.ant-table-row', { hasText: `ID ${memberId}` });
        await row.getByText('冻结', { exact: true }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('button', { name: '确认冻结' }).click();
        await dialog.getByText('请填写原因').waitFor();
        await dialog.getByLabel('原因').fill('推广内容夸大功效');
        await screenshot(page, 'admin-promoter-freeze-dialog');
        await dialog.getByRole('button', { name: '确认冻结' }).click();
        await page.getByText(/已冻结/).first().waitFor();
        await row.filter({ hasText: '原因：推广内容夸大功效' }).waitFor();
        assert.equal(await row.getByText('解冻', { exact: true }).count(), 1);
      },
      desktop,
    );
    await shopper.goto(`${baseUrl}/#/promoter/center/index`);
    await shopper.locator('.promoter-center-page[data-view="frozen"] .promoter-notice__reason', { hasText: '推广内容夸大功效' }).waitFor();
    // What was earned stays: the balance card and the records are still there.
    await shopper.locator('.promoter-center-page[data-view="frozen"] .team-entry').waitFor();
    await screenshot(shopper, 'promoter-center-frozen');
  } catch (error) {
    await screenshot(shopper, 'promoter-center-failure').catch(() => {});
    throw error;
  } finally {
    await shopperContext.close();
  }
});

test('a refused applicant reads the reason and applies again; switching 分销 off (after a confirmation) hides the center', async () => {
  const baseUrl = session.app.baseUrl;
  const call = (method, path, options) => callApi(baseUrl, method, path, options);
  const owner = (await call('POST', '/admin/auth/login', { body: { username: 'owner', password: 'demo1234' } })).token;
  const settings = await call('GET', '/admin/referral/settings', { token: owner });
  await call('PUT', '/admin/referral/settings', { token: owner, body: { ...settings, enabled: true, programMode: 'approved' } });
  // The applicant applied earlier (through the API here; the first test applies by hand).
  const token = await newShopperToken(baseUrl);
  const memberId = (await call('GET', '/me', { token })).id;
  await call('POST', '/referral/promoter/apply', { token, body: { note: '想试试' } });

  await withPage(
    session.browser,
    'admin-promoter-reject',
    async (page) => {
      await logInToAdmin(page, baseUrl, 'operator');
      await page.goto(`${baseUrl}/admin/referral/promoters`);
      await page.getByTestId('promoter-tab-pending').click();
      const row = page.locator('.ant-table-row', { hasText: `ID ${memberId}` });
      await row.getByText('拒绝', { exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('原因').fill('请先绑定手机号再申请');
      await dialog.getByRole('button', { name: '确认拒绝' }).click();
      await page.getByText(/已拒绝申请/).first().waitFor();
      await page.getByTestId('promoter-tab-rejected').click();
      await page.locator('.ant-table-row', { hasText: `ID ${memberId}` }).filter({ hasText: '原因：请先绑定手机号再申请' }).waitFor();
    },
    desktop,
  );

  await withPage(
    session.browser,
    'promoter-reapplied',
    async (page) => {
      // The storefront signed in as the applicant (the token the app keeps in storage).
      await page.addInitScript((saved) => localStorage.setItem('storefront.token', JSON.stringify({ data: saved })), token);
      await page.goto(`${baseUrl}/#/promoter/center/index`);
      await page.locator('.promoter-center-page[data-view="rejected"] .promoter-notice__reason', { hasText: '请先绑定手机号再申请' }).waitFor();
      await screenshot(page, 'promoter-rejected');
      await page.locator('.apply-submit', { hasText: '重新申请' }).click();
      await page.locator('.promoter-notice--pending').waitFor();
    },
    phone,
  );
  assert.equal((await call('GET', '/referral/promoter', { token })).status, 'pending');

  // The owner switches 分销 off: the form asks first; then the center says so and 我的 has no entry.
  await withPage(
    session.browser,
    'admin-referral-off',
    async (page) => {
      await logInToAdmin(page, baseUrl, 'owner');
      await page.goto(`${baseUrl}/admin/referral/settings`);
      await page.getByRole('switch', { name: '开启分销' }).click();
      await page.getByRole('button', { name: '保存设置' }).click();
      await page.locator('.ant-modal-confirm', { hasText: '关闭分销？' }).waitFor();
      await screenshot(page, 'admin-referral-off-confirm');
      await page.getByRole('button', { name: '确认关闭' }).click();
      await page.getByText('分销设置已保存').first().waitFor();
      await page.getByText(/当前规则：分销未开启/).waitFor();
    },
    desktop,
  );
  await withPage(
    session.browser,
    'promoter-center-off',
    async (page) => {
      await page.addInitScript((saved) => localStorage.setItem('storefront.token', JSON.stringify({ data: saved })), token);
      const statusRead = page.waitForResponse((response) => response.url().includes('/api/v1/referral/promoter'));
      await page.goto(`${baseUrl}/#/pages/mine/index`);
      await page.locator('.my-coupons-entry').waitFor();
      assert.equal((await (await statusRead).json()).programEnabled, false);
      await page.waitForTimeout(300);
      assert.equal(await page.locator('.promoter-center-entry').count(), 0);
      await page.goto(`${baseUrl}/#/promoter/center/index`);
      await page.locator('.promoter-center-page[data-view="off"]', { hasText: '本店暂未开启分销' }).waitFor();
    },
    phone,
  );
});
