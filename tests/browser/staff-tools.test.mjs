// Staff tools in the admin console: the warehouse prints a 配货单 for two paid orders (full phone and address,
// SKU codes, remarks), and the operator edits the shop profile and the home carousel in 店铺设置, which the
// storefront home then shows (announcement bar, banners in order, a banner opening a storefront page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logInToAdmin } from './support/admin.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { staffToken, useAppAndBrowser } from './support/session.mjs';
import { callApi as apiCall, placePaidOrder as paidOrder, SHOPPER_ADDRESS } from './support/shopper-api.mjs';

const session = useAppAndBrowser();
const desktop = { viewport: { width: 1440, height: 900 } };
// The banner image staff upload: a 750×320 picture with its headline.
const BANNER_SVG = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="750" height="320" viewBox="0 0 750 320">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fde2c8"/><stop offset="1" stop-color="#f7b48a"/></linearGradient></defs>
    <rect width="750" height="320" fill="url(#g)"/>
    <text x="60" y="150" font-size="64" font-weight="700" fill="#8a3b12" font-family="sans-serif">会员专享日</text>
    <text x="60" y="215" font-size="30" fill="#8a3b12" font-family="sans-serif">每月 18 日 · 会员价再享积分翻倍</text>
  </svg>`,
);

test('the warehouse ticks two paid orders and prints their 配货单 with the full address, SKU codes and remarks', async () => {
  const first = await paidOrder(session.app.baseUrl, {
    address: { ...SHOPPER_ADDRESS, recipientName: '林晓', phone: '13800001234', detail: '文三路 100 号 1 幢 101 室' },
    remark: '请用礼盒包装',
    quantity: 2,
  });
  const second = await paidOrder(session.app.baseUrl, {
    address: { ...SHOPPER_ADDRESS, recipientName: '周宁', phone: '13900005678', cityName: '杭州市', districtName: '西湖区', detail: '龙井路 8 号' },
    remark: '',
  });

  await withPage(
    session.browser,
    'admin-picking-list',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'warehouse');
      await page.getByRole('link', { name: '订单管理' }).click();
      for (const { orderNo } of [first, second]) {
        await page.locator('tr', { hasText: orderNo }).locator('input[type="checkbox"]').check();
      }
      await page.getByRole('button', { name: '打印配货单（2 单）' }).click();

      const list = page.getByTestId('picking-list');
      await list.waitFor();
      const orders = page.getByTestId('picking-order');
      assert.equal(await orders.count(), 2);
      const firstBlock = orders.filter({ hasText: first.orderNo });
      // The warehouse writes the label: full phone and full address of an order to ship.
      await firstBlock.getByText('13800001234').waitFor();
      await firstBlock.getByText('浙江省杭州市西湖区文三路 100 号 1 幢 101 室').waitFor();
      await firstBlock.getByText('买家备注：请用礼盒包装').waitFor();
      await firstBlock.locator('td', { hasText: first.skuCode }).first().waitFor();
      assert.equal(await firstBlock.locator('td.picking-quantity').first().innerText(), '2');
      await orders.filter({ hasText: second.orderNo }).getByText('浙江省杭州市西湖区龙井路 8 号').waitFor();
      await orders.filter({ hasText: second.orderNo }).getByText('13900005678').waitFor();

      // 打印 opens the browser's print dialog; on paper the buttons are gone.
      await page.evaluate(() => {
        window.printCalls = 0;
        window.print = () => {
          window.printCalls += 1;
        };
      });
      await page.getByRole('button', { name: '打印' }).click();
      assert.equal(await page.evaluate(() => window.printCalls), 1);
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByRole('button', { name: '打印' }).isVisible(), false);
      await page.emulateMedia({ media: 'screen' });
    },
    desktop,
  );
});

test('the operator edits the shop profile and the carousel; the storefront home shows the announcement and opens a banner page', async () => {
  const operator = await staffToken(session.app.baseUrl, 'operator');
  const announcement = '新茶到店：满 99 元包邮，下午 4 点前付款当天发货';

  await withPage(
    session.browser,
    'admin-shop-settings',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'operator');
      await page.getByRole('link', { name: '店铺设置' }).click();
      const editor = page.getByTestId('banner-editor');
      await editor.locator('tbody tr').nth(3).waitFor();

      // 店铺资料: the announcement.
      await page.getByLabel('首页公告').fill(announcement);
      await page.locator('#shop-profile').getByRole('button', { name: '保存设置' }).click();
      await page.getByText('店铺资料已保存').waitFor();

      // A new banner that opens 会员中心, uploaded and linked in the dialog.
      await page.getByRole('button', { name: '添加轮播图' }).click();
      const dialog = page.getByRole('dialog', { name: '添加轮播图' });
      await dialog.getByLabel('轮播图标题').fill('会员专享日');
      await dialog.locator('[data-testid="banner-image"] input[type="file"]').setInputFiles({ name: 'banner.svg', mimeType: 'image/svg+xml', buffer: BANNER_SVG });
      await dialog.locator('[data-testid="banner-image"] .ant-upload-list-item-done').waitFor();
      await dialog.getByText('店铺页面', { exact: true }).click();
      await dialog.getByRole('combobox', { name: '链接页面' }).click();
      await page.locator('.ant-select-item-option', { hasText: '会员中心' }).click();
      await dialog.getByRole('button', { name: '保存' }).click();
      await page.getByText('轮播图已保存').waitFor();
      const newRow = editor.locator('tr', { hasText: '会员专享日' });
      await newRow.getByText('店铺页面：会员中心').waitFor();

      // Up to the first place with the arrows, one step at a time (the order is saved after each).
      for (let step = 0; step < 4; step++) {
        await newRow.getByRole('button', { name: '「会员专享日」上移' }).click();
        await page.waitForTimeout(300);
        await editor.locator('.ant-spin-spinning').waitFor({ state: 'detached' }).catch(() => {});
      }
      await editor.locator('tbody tr').first().getByText('会员专享日').waitFor();

      // Or dragged by its handle: 领券再下单 from the last place to the second.
      const handle = editor.locator('tr', { hasText: '领券再下单' }).locator('.ant-pro-table-drag-icon');
      // The mouse works in viewport coordinates: the whole table must be on screen.
      await editor.locator('tbody').evaluate((element) => element.scrollIntoView({ block: 'center' }));
      const target = await editor.locator('tbody tr').nth(1).boundingBox();
      const from = await handle.boundingBox();
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      // Small steps with a pause each: the sortable list starts dragging after a few pixels and follows the pointer
      // frame by frame, so a busy machine must not see the pointer jump.
      for (let step = 1; step <= 20; step++) {
        await page.mouse.move(from.x + from.width / 2, from.y + ((target.y + target.height / 3 - from.y) * step) / 20);
        await page.waitForTimeout(25);
      }
      await page.waitForTimeout(100);
      await page.mouse.up();
      await editor.locator('tbody tr').nth(1).getByText('领券再下单').waitFor();

      // Switch one off; delete another after the confirmation.
      await editor.getByRole('switch', { name: '启用「夏日冷泡」' }).click();
      await page.getByText('已停用').waitFor();
      await editor.locator('tr', { hasText: '茶点下午茶' }).getByRole('button', { name: '删除' }).click();
      await page.getByRole('button', { name: '删除', exact: true }).last().click();
      await page.getByText('轮播图已删除').waitFor();
      await editor.locator('tr', { hasText: '茶点下午茶' }).waitFor({ state: 'detached' });

      // The picture: the carousel card from its title, once the confirmations have faded.
      await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
      await editor.evaluate((element) => {
        element.closest('.ant-card').scrollIntoView({ block: 'start' });
        window.scrollBy(0, -72);
      });
    },
    desktop,
  );

  // The console's list and the shoppers' home agree: enabled banners only, in the new order.
  const banners = await apiCall(session.app.baseUrl, 'GET', '/admin/banners', { token: operator });
  assert.deepEqual(
    banners.map((banner) => [banner.title, banner.enabled]),
    [['会员专享日', true], ['领券再下单', true], ['春茶上新', true], ['夏日冷泡', false]],
  );
  const home = await apiCall(session.app.baseUrl, 'GET', '/home');
  assert.deepEqual(home.banners.map((banner) => banner.title), ['会员专享日', '领券再下单', '春茶上新']);

  await withPage(session.browser, 'storefront-banner-opens-page', async (page) => {
    await page.goto(`${session.app.baseUrl}/#/pages/home/index`);
    await page.locator('.shop-announcement', { hasText: announcement }).waitFor();
    await page.locator('.home-banner').first().waitFor();
    await screenshot(page, 'storefront-home-announcement');
    // The carousel starts on the first banner, which opens 会员中心 (tapped before autoplay moves on).
    await page.locator('.home-page__banners').click();
    await page.waitForURL(/member\/center\/index/);
  });
});

test('customer service adjusts points within the limit after a confirmation in 元, and the ledger names who did it', async () => {
  const { token } = await paidOrder(session.app.baseUrl);
  const member = await apiCall(session.app.baseUrl, 'GET', '/me', { token });

  await withPage(
    session.browser,
    'admin-points-adjustment',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'service');
      await page.goto(`${session.app.baseUrl}/admin/members/${member.id}`);
      await page.getByTestId('points-balance').waitFor();
      await page.getByRole('button', { name: '调整积分' }).click();
      const dialog = page.getByRole('dialog', { name: '调整积分' });
      await dialog.getByText('单次最多 ±2000 积分').waitFor();

      // Over the limit: refused beside the field, nothing sent.
      await dialog.getByLabel('积分变动').fill('3000');
      await dialog.getByLabel('调整原因').fill('物流延误补偿');
      await dialog.getByRole('button', { name: '确认调整' }).click();
      await dialog.getByText('单次调整不能超过 ±2000 积分，更大的调整请由运营或店主操作').waitFor();

      // Within it: the value in 元 beside the field and in the confirmation.
      await dialog.getByLabel('积分变动').fill('500');
      await dialog.getByText('价值 ¥5.00').waitFor();
      await dialog.getByRole('button', { name: '确认调整' }).click();
      const confirm = page.locator('.ant-modal-confirm');
      await confirm.getByText('确认给会员增加 500 积分（价值 ¥5.00，按 100 积分 = 1 元）？调整后余额 500 积分。').waitFor();
      await confirm.getByRole('button', { name: '确认调整' }).click();
      await page.getByText('已增加 500 积分').waitFor();

      const ledgerRow = page.locator('tr', { hasText: '物流延误补偿' });
      await ledgerRow.getByText('陈客服').waitFor();
      await ledgerRow.getByText('+500').waitFor();
      assert.equal(await page.getByTestId('points-balance').locator('.ant-statistic-content-value').innerText(), '500');
    },
    desktop,
  );
});

test('the operator takes two products off the shelf at once after a confirmation; shoppers no longer see them', async () => {
  const operator = await staffToken(session.app.baseUrl, 'operator');
  const { items } = await apiCall(session.app.baseUrl, 'GET', '/admin/products?page=1&pageSize=2', { token: operator });
  const [first, second] = items;

  await withPage(
    session.browser,
    'admin-products-bulk',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'operator');
      await page.getByRole('link', { name: '商品管理' }).click();
      for (const product of [first, second]) {
        await page.locator('tr', { hasText: product.title }).first().locator('input[type="checkbox"]').check();
      }
      await page.getByRole('button', { name: '批量下架' }).click();
      const confirm = page.locator('.ant-modal-confirm');
      await confirm.getByText(`确定下架「${first.title}」、「${second.title}」 2 个商品？下架后顾客不能再浏览和购买。`).waitFor();
      await confirm.getByRole('button', { name: '确定下架' }).click();
      await page.getByText('已下架 2 个').waitFor();
    },
    desktop,
  );

  for (const product of [first, second]) {
    const response = await fetch(`${session.app.baseUrl}/api/v1/products/${product.id}`);
    assert.equal(response.status, 404, product.title);
  }
});

test('the coupon editor warns when the name promises other figures than the rule, and offers the rule’s own name', async () => {
  await withPage(
    session.browser,
    'admin-coupon-name-warning',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'operator');
      await page.goto(`${session.app.baseUrl}/admin/coupons/new`);
      await page.getByLabel('券名称').fill('春茶满100减200');
      await page.getByLabel('使用门槛').fill('100');
      await page.getByLabel('减免金额').fill('20');
      const warning = page.getByTestId('coupon-name-warning');
      await warning.getByText('名称写减 200 元，规则减 20 元').waitFor();
      await warning.getByText('建议名称：满100减20').waitFor();
      await screenshot(page, 'admin-coupon-name-warning-shown');

      await warning.getByRole('button', { name: '使用建议名称' }).click();
      assert.equal(await page.getByLabel('券名称').inputValue(), '满100减20');
      await warning.waitFor({ state: 'detached' });
      await page.getByTestId('coupon-name-suggestion').waitFor();
    },
    desktop,
  );
});
