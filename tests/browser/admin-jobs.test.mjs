// 任务 in the admin console: the owner sees every periodic job with its interval and lease, runs the unpaid-order
// sweep at once (its row then shows the run), and confirms before running the WeChat-calling reconciliation.
// Below the jobs, the event deliveries that need a look (none in a fresh shop).
// Other roles have no 任务 entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logInToAdmin } from './support/admin.mjs';
import { withPage } from './support/browser.mjs';
import { staffToken, useAppAndBrowser } from './support/session.mjs';
import { callApi } from './support/shopper-api.mjs';

const session = useAppAndBrowser();
const desktop = { viewport: { width: 1440, height: 900 } };

test('the owner opens 任务, runs a sweep now and confirms before running one that calls WeChat', async () => {
  await withPage(
    session.browser,
    'admin-jobs',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'owner');
      await page.getByRole('link', { name: '任务' }).click();
      const unpaidRow = page.locator('tr', { hasText: 'orders.unpaid-timeout' });
      await unpaidRow.getByText('超时未付款订单取消').waitFor();
      await unpaidRow.getByText('每 1 分钟').waitFor();
      await unpaidRow.getByText('无需租约').waitFor();
      await unpaidRow.getByText('每台服务器都运行').waitFor();
      const reconcileRow = page.locator('tr', { hasText: 'payments.reconcile' });
      await reconcileRow.getByText('需要租约').waitFor();
      // Every registered job has its row.
      const { jobs } = await callApi(session.app.baseUrl, 'GET', '/admin/jobs', { token: await staffToken(session.app.baseUrl, 'owner') });
      assert.ok(jobs.length >= 10);
      assert.equal(await page.locator('tbody tr.ant-table-row').count(), jobs.length);
      // Below the jobs: the event deliveries, all delivered in a fresh shop.
      await page.getByText('事件投递').waitFor();
      await page.getByText('所有事件都已送达，或正在按计划重试').waitFor();

      await unpaidRow.getByRole('button', { name: '立即执行 超时未付款订单取消' }).click();
      await page.getByText(/「超时未付款订单取消」已执行，改动 \d+ 行/).waitFor();
      // The row now shows the run: its time (not 尚未运行) and the rows it changed.
      await unpaidRow.getByText('尚未运行').waitFor({ state: 'detached' });
      assert.match(await unpaidRow.locator('td').nth(3).innerText(), /^\d+$/);

      // Reconciliation asks first; 取消 runs nothing.
      await reconcileRow.getByRole('button', { name: '立即执行 支付对账（向微信查单）' }).click();
      const confirm = page.locator('.ant-popconfirm');
      await confirm.getByText('这个任务会调用微信接口（查单或重新申请退款）。').waitFor();
      await confirm.getByRole('button', { name: '取消' }).click();
      assert.equal(await reconcileRow.getByText('尚未运行').count(), 1);
      await reconcileRow.getByRole('button', { name: '立即执行 支付对账（向微信查单）' }).click();
      await confirm.getByRole('button', { name: '执行' }).click();
      await page.getByText(/「支付对账（向微信查单）」已执行/).waitFor();
      // This server took the lease to run it.
      await reconcileRow.getByText(/（本实例）/).waitFor();
      await page.mouse.move(0, 0);
      await page.evaluate(() => window.scrollTo(0, 0));
    },
    desktop,
  );
});

test('the other roles have no 任务 page', async () => {
  await withPage(
    session.browser,
    'admin-jobs-operator',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'operator');
      await page.getByRole('link', { name: '店铺设置' }).waitFor();
      assert.equal(await page.getByRole('link', { name: '任务' }).count(), 0);
    },
    desktop,
  );
});
