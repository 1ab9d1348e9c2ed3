// 直播管理 in the admin console: the operator creates a 视频号 session through the drawer form (the sph check, two
// featured products reordered, a 直播专享价 on one SKU refused at the list price and accepted below it), finds it
// listed as 未开始, starts it through the confirmation and sees it 直播中 (also under its tab), and the server holds
// exactly what the form showed. Customer service reads the list without any write action. The session report (before
// any visit: its KPIs, the quiet timeline and the 推断 note), the report list with CSV export, and 直播设置.
// The live journey (live-journey.test.mjs) runs the same console steps (support/admin-live.mjs) and then reads the
// report of a session with a visit and an order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logInToAdmin } from './support/admin.mjs';
import {
  liveSessionByTitle,
  livePriceInputs,
  openLiveManagement,
  openLiveSessionReport,
  openNewLiveSessionDrawer,
  pickFeaturedProduct,
  saveLiveSession,
  startLiveSession,
} from './support/admin-live.mjs';
import { staffToken, useAppAndBrowser } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';

const session = useAppAndBrowser();
const desktop = { viewport: { width: 1440, height: 900 } };
const FIRST = '太平猴魁';
const SECOND = '黄山毛峰';
const title = `春茶直播 ${Date.now() % 100000}`;

async function adminGet(path, username = 'owner') {
  const token = await staffToken(session.app.baseUrl, username);
  return fetch(`${session.app.baseUrl}/api/v1/admin${path}`, { headers: { authorization: `Bearer ${token}` } });
}

const createdSession = () => liveSessionByTitle(session.app.baseUrl, title);

test('the operator creates a 视频号 session with two featured products and a live price, sees it 未开始 and starts it', async () => {
  await withPage(
    session.browser,
    'admin-live-started',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'operator');
      await openLiveManagement(page);
      const drawer = await openNewLiveSessionDrawer(page);
      await drawer.getByLabel('直播标题').fill(title);
      // 视频号 is the default provider; its id must be a sph… name.
      await drawer.getByLabel('视频号 ID').fill('wx_shop');
      await drawer.getByRole('button', { name: '保存直播' }).click();
      await drawer.getByText('视频号 ID 以 sph 开头').waitFor();
      await drawer.getByLabel('视频号 ID').fill('sphTeaLive01');
      await drawer.getByLabel('预告 ID').fill('notice_spring_01');

      await pickFeaturedProduct(page, drawer, FIRST);
      await drawer.getByTestId('featured-product-0').getByText(FIRST).waitFor();
      await pickFeaturedProduct(page, drawer, SECOND);
      await drawer.getByTestId('featured-product-1').getByText(SECOND).waitFor();

      await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
      await drawer.getByLabel('直播标题').scrollIntoViewIfNeeded();
      await screenshot(page, 'admin-live-form-top');

      // A live price must be below the SKU's list price; blank SKUs sell at the usual price.
      const livePrice = livePriceInputs(drawer, FIRST).first();
      await livePrice.fill('99999');
      await drawer.getByRole('button', { name: '保存直播' }).click();
      await drawer.getByText(/直播价须低于售价/).first().waitFor();
      await livePrice.fill('88');
      await drawer.getByText(/直播价须低于售价/).first().waitFor({ state: 'detached' });
      const quota = drawer.getByLabel(new RegExp(`^限量 ${FIRST}`)).first();
      await quota.fill('10');

      // 下移 puts the first product second: the order shown is the order saved.
      await drawer.getByLabel(`下移 ${FIRST}`).click();
      await drawer.getByTestId('featured-product-0').getByText(SECOND).waitFor();
      await drawer.getByTestId('featured-product-1').getByText(FIRST).waitFor();
      await drawer.getByTestId('featured-product-1').scrollIntoViewIfNeeded();
      await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
      await screenshot(page, 'admin-live-form');

      await saveLiveSession(page, drawer);

      const row = page.locator('.ant-table-row', { hasText: title });
      await row.getByText('未开始').waitFor();
      await row.getByText('视频号直播').waitFor();
      await row.getByText('sphTeaLive01').waitFor();
      await row.getByText('2 个').waitFor();
      await row.getByText('1 个规格直播价').waitFor();
      await screenshot(page, 'admin-live-list');

      // The server holds what the form showed: the order, the price in fen, the quota, the zoned schedule.
      const saved = await createdSession();
      assert.equal(saved.status, 'upcoming');
      assert.equal(saved.finderUserName, 'sphTeaLive01');
      assert.equal(saved.noticeId, 'notice_spring_01');
      assert.deepEqual(saved.products.map((product) => product.title), [SECOND, FIRST]);
      assert.equal(saved.prices.length, 1);
      assert.equal(saved.prices[0].livePriceFen, 8800);
      assert.equal(saved.prices[0].unitQuota, 10);
      assert.ok(new Date(saved.plannedEndAt) > new Date(saved.plannedStartAt));

      // 开播 asks first and says what happens.
      await startLiveSession(page, title);
      assert.equal((await createdSession()).status, 'live');

      // The tabs filter by status: it is under 直播中, not under 未开始.
      await page.getByTestId('live-tab-upcoming').click();
      await row.waitFor({ state: 'detached' });
      await page.getByTestId('live-tab-live').click();
      await row.waitFor();

      // Editing a live session keeps its provider and 视频号 id.
      await page.getByLabel(`编辑 ${title}`).click();
      const edit = page.locator('.ant-drawer-content', { hasText: `编辑直播：${title}` });
      await edit.getByText('直播进行中：直播平台、视频号 ID 和直播间号不能再改').waitFor();
      assert.ok(await edit.getByLabel('视频号 ID').isDisabled());
      assert.equal(await livePriceInputs(edit, FIRST).first().inputValue(), '88.00');
      await edit.locator('.ant-drawer-close').click();
      await edit.waitFor({ state: 'hidden' });
    },
    desktop,
  );
});

test('取消 warns what it ends and moves an upcoming 小程序直播 session to 已取消, where it only opens read-only', async () => {
  const token = await staffToken(session.app.baseUrl, 'owner');
  const start = new Date(Date.now() + 24 * 3600_000);
  const cancelTitle = `岩茶品鉴 ${Date.now() % 100000}`;
  const created = await fetch(`${session.app.baseUrl}/api/v1/admin/live/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      title: cancelTitle,
      coverUrl: null,
      provider: 'plugin',
      finderUserName: null,
      feedId: null,
      noticeId: null,
      roomId: 4242,
      plannedStartAt: start.toISOString(),
      plannedEndAt: new Date(start.getTime() + 3600_000).toISOString(),
      productIds: [],
      prices: [],
      couponTemplateId: null,
    }),
  });
  assert.equal(created.status, 201);
  await withPage(
    session.browser,
    'admin-live-cancelled',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'owner');
      await page.goto(`${session.app.baseUrl}/admin/live`);
      const row = page.locator('.ant-table-row', { hasText: cancelTitle });
      await row.getByText('直播间 4242').waitFor();
      // A 小程序直播 room goes live from WeChat: no 开播 here, only 取消.
      assert.equal(await page.getByLabel(`开播 ${cancelTitle}`).count(), 0);
      await page.getByLabel(`取消 ${cancelTitle}`).click();
      const confirm = page.locator('.ant-popover', { hasText: '取消直播' });
      await confirm.getByText('已预约的会员不会再收到开播提醒').waitFor();
      await confirm.getByText('取消后不能恢复').waitFor();
      await confirm.getByRole('button', { name: '确认取消直播' }).click();
      await page.getByText('直播已取消').first().waitFor();
      await row.getByText('已取消').waitFor();
      await page.getByTestId('live-tab-cancelled').click();
      await row.waitFor();
      await page.getByLabel(`查看 ${cancelTitle}`).click();
      const view = page.locator('.ant-drawer-content', { hasText: `查看直播：${cancelTitle}` });
      await view.getByText('直播已取消，只能查看，不能再修改。').waitFor();
      assert.equal(await view.getByRole('button', { name: '保存直播' }).count(), 0);
      assert.ok(await view.getByLabel('直播标题').isDisabled());
    },
    desktop,
  );
});

test('customer service reads 直播管理 without any write action', async () => {
  await withPage(
    session.browser,
    'admin-live-read-only',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'service');
      await page.getByRole('link', { name: '直播管理' }).click();
      await page.getByText('当前角色可查看直播和数据').waitFor();
      const row = page.locator('.ant-table-row', { hasText: title });
      await row.waitFor();
      await page.getByLabel(`查看 ${title}`).waitFor();
      for (const action of ['编辑', '开播', '结束', '取消']) assert.equal(await page.getByLabel(`${action} ${title}`).count(), 0, action);
      assert.equal(await page.getByRole('button', { name: '新建直播' }).count(), 0);
    },
    desktop,
  );
});

test('the report of a session without visits yet shows its KPIs at zero, the quiet timeline, the top products and the 推断 note', async () => {
  const live = await createdSession();
  assert.ok(live, 'the session of the first test exists');
  await withPage(
    session.browser,
    'admin-live-session-report',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'owner');
      await page.goto(`${session.app.baseUrl}/admin/live`);
      await openLiveSessionReport(page, title, live.id);
      const note = page.getByTestId('live-inferred-note');
      await note.getByText('视频号直播间不能把观众直接带进本店下单').waitFor();
      const figure = (key) => page.getByTestId(`live-kpi-${key}`).locator('.ant-statistic-content-value').innerText();
      assert.equal(await figure('clicks'), '0 / 0');
      await page.getByTestId('live-kpi-live_price').getByText('直播专享价下单').waitFor();
      assert.equal(await figure('live_price'), '¥0.00');
      await page.getByTestId('live-kpi-assisted').getByText('推断', { exact: true }).waitFor();
      // Nothing happened yet: the page says so above the (flat) chart, and no product sold.
      await page.getByTestId('live-timeline-quiet').waitFor();
      await page.locator('[aria-label^="直播时间线"] canvas').first().waitFor();
      await page.getByTestId('live-top-products').getByText('本场还没有推荐商品售出').waitFor();
      await screenshot(page, 'admin-live-report-quiet');
    },
    desktop,
  );
});

test('the report list shows the session with its columns and exports CSV; 直播设置 saves the window', async () => {
  await withPage(
    session.browser,
    'admin-live-report-list',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'owner');
      await page.goto(`${session.app.baseUrl}/admin/live`);
      await page.getByRole('button', { name: '直播数据' }).click();
      await page.waitForURL(/\/admin\/live\/report/);
      // The range holds the session's planned day (China time), which may be tomorrow when the test runs late at night.
      const plannedDay = new Date(Date.parse((await createdSession()).plannedStartAt) + 8 * 3600_000).toISOString().slice(0, 10);
      const weekBefore = new Date(Date.parse(plannedDay) - 7 * 86_400_000).toISOString().slice(0, 10);
      await page.goto(`${session.app.baseUrl}/admin/live/report?from=${weekBefore}&to=${plannedDay}`);
      const table = page.getByTestId('live-report-table');
      await table.locator('.ant-table-row', { hasText: title }).waitFor();
      for (const column of ['点击 / 访客', '直播间进店', '预约', '提醒已发', '直播专享价下单', '直播间进店（推断）', '直播助攻（推断）', '新会员', '回头客']) {
        await table.locator('th', { hasText: column }).first().waitFor();
      }
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 CSV' }).click();
      const file = await download;
      assert.match(file.suggestedFilename(), /\.csv$/);
      await page.getByText('直播数据已导出').first().waitFor();

      await page.goto(`${session.app.baseUrl}/admin/live/settings`);
      await page.getByLabel('归因窗口').fill('200');
      await page.getByRole('button', { name: '保存设置' }).first().click();
      await page.getByText('归因窗口应在 1–168 小时 之间').waitFor();
      await page.getByLabel('归因窗口').fill('48');
      await page.getByRole('button', { name: '保存设置' }).first().click();
      await page.getByText('直播设置已保存').first().waitFor();
      assert.equal((await (await adminGet('/live/settings')).json()).attributionWindowHours, 48);
    },
    desktop,
  );
});
