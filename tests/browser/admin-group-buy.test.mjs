// 拼团活动 in the admin console: the owner creates a campaign for a demo product through the drawer form (group
// prices per SKU, 模拟成团 with its threshold), finds it running in the list with its figures at zero, opens its
// teams (none yet), ends it early through the confirmation that says what happens to teams and orders, and then
// can only read it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logInToAdmin } from './support/admin.mjs';
import { useAppAndBrowser } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';

const session = useAppAndBrowser();
const desktop = { viewport: { width: 1440, height: 900 } };
const PRODUCT = '太平猴魁';

test('the owner creates a 拼团 campaign, sees it running with its figures, opens its teams and ends it early', async () => {
  const name = `猴魁三人团 ${Date.now() % 100000}`;
  await withPage(
    session.browser,
    'admin-group-buy-ended',
    async (page) => {
      await logInToAdmin(page, session.app.baseUrl, 'owner');
      await page.getByRole('link', { name: '拼团活动' }).click();
      await page.waitForURL(/\/admin\/group-buy$/);
      await page.getByRole('button', { name: '新建拼团' }).first().click();

      const drawer = page.locator('.ant-drawer-content', { hasText: '新建拼团' });
      await drawer.getByLabel('活动名称').fill(name);
      const productPicker = drawer.getByRole('combobox', { name: '商品' });
      await productPicker.click();
      await productPicker.fill(PRODUCT);
      await page.locator('.ant-select-item-option', { hasText: PRODUCT }).first().click();

      // Every SKU of the product is offered ticked with its list price; each needs a group price below it.
      const groupPrices = drawer.getByLabel(/^拼团价 /);
      await groupPrices.first().waitFor();
      const skuCount = await groupPrices.count();
      assert.ok(skuCount >= 1);
      await drawer.getByRole('button', { name: '保存拼团' }).click();
      await drawer.getByText('请输入拼团价').first().waitFor();
      for (let index = 0; index < skuCount; index++) await groupPrices.nth(index).fill('1');
      await drawer.getByLabel(/^团长价 /).first().fill('2');
      await drawer.getByText('团长价不能高于拼团价').waitFor();
      await drawer.getByLabel(/^团长价 /).first().fill('0.5');

      // The threshold shows only with 模拟成团 on, with the help text saying statistics count virtual seats apart.
      assert.equal(await drawer.getByLabel('模拟成团门槛').count(), 0);
      await drawer.getByRole('switch', { name: '模拟成团' }).click();
      await drawer.getByLabel('模拟成团门槛').fill('60');
      await drawer.getByText('统计中真实参团人数与模拟名额分开计算').waitFor();
      await drawer.getByLabel('每人限购').fill('2');
      await drawer.getByLabel('活动规则').fill('成团后 48 小时内发货。');
      await drawer.getByLabel('活动名称').scrollIntoViewIfNeeded();
      await screenshot(page, 'admin-group-buy-form');

      await drawer.getByRole('button', { name: '保存拼团' }).click();
      await page.getByText('拼团活动已保存').first().waitFor();

      // It runs from now: 进行中, a 3-person team, nothing sold yet.
      const row = page.locator('.ant-table-row', { hasText: name });
      await row.waitFor();
      await row.getByText('进行中').waitFor();
      await row.getByText('3 人团 · 24 小时内').waitFor();
      await row.getByText(PRODUCT).waitFor();
      await row.getByText('¥0.00').first().waitFor();
      await screenshot(page, 'admin-group-buy-list');
      // At 1366px the table scrolls: scrolled to its end, 成团规则 lies wholly left of the fixed 操作 column.
      await page.setViewportSize({ width: 1366, height: 800 });
      await page.locator('.ant-table-content').first().evaluate((element) => { element.scrollLeft = element.scrollWidth; });
      const rules = await row.getByText('3 人团 · 24 小时内').boundingBox();
      const actions = await row.locator('td.ant-table-cell-fix-right').boundingBox();
      assert.ok(rules.x + rules.width <= actions.x, `成团规则 ends at ${rules.x + rules.width}, 操作 starts at ${actions.x}`);
      await screenshot(page, 'admin-group-buy-list-1366');
      await page.setViewportSize(desktop.viewport);

      // Running: shoppers may be in teams, so the product and the team size stay as they are.
      await page.getByLabel(`编辑 ${name}`).click();
      const edit = page.locator('.ant-drawer-content', { hasText: `编辑拼团：${name}` });
      await edit.getByText('活动进行中：已有顾客开团，商品和成团人数不能再改。').waitFor();
      assert.ok(await edit.getByLabel('成团人数').isDisabled());
      assert.ok(await edit.getByRole('combobox', { name: '商品' }).isDisabled());
      // Its start stays too (its end may move).
      assert.ok(await edit.locator('.ant-picker-input input').first().isDisabled());
      assert.ok(!(await edit.locator('.ant-picker-input input').nth(1).isDisabled()));
      assert.ok(!(await edit.getByLabel('活动名称').isDisabled()));
      assert.equal(await edit.getByLabel(/^团长价 /).first().inputValue(), '0.50');
      await edit.getByRole('button', { name: '取 消' }).or(edit.getByRole('button', { name: '取消' })).first().click();
      await edit.waitFor({ state: 'hidden' });

      // No team opened yet: the teams drawer says so.
      await page.getByLabel(`团列表 ${name}`).click();
      const teams = page.locator('.ant-drawer-content', { hasText: `团列表：${name}` });
      await teams.getByText('还没有人开团').waitFor();
      await screenshot(page, 'admin-group-buy-teams');
      await teams.getByRole('button', { name: 'Close' }).or(teams.locator('.ant-drawer-close')).first().click();
      await teams.waitFor({ state: 'hidden' });

      // 提前结束 asks first and says what will happen.
      await page.getByLabel(`提前结束 ${name}`).click();
      const confirm = page.locator('.ant-popover', { hasText: '提前结束' });
      await confirm.getByText('进行中的团将立即按规则成团或失败，失败的团自动退款；未付款订单将被取消').waitFor();
      await confirm.getByRole('button', { name: '确认结束' }).click();
      await page.getByText('活动已结束').first().waitFor();
      await row.getByText('已结束').waitFor();
      // The state filter finds it among the ended ones only.
      const stateFilter = page.locator('.ant-select', { has: page.getByLabel('状态') });
      await stateFilter.click();
      await page.locator('.ant-select-item-option', { hasText: '进行中' }).click();
      await page.getByRole('button', { name: '查 询' }).or(page.getByRole('button', { name: '查询' })).first().click();
      await row.waitFor({ state: 'detached' });
      await stateFilter.click();
      await page.locator('.ant-select-item-option', { hasText: '已结束' }).click();
      await page.getByRole('button', { name: '查 询' }).or(page.getByRole('button', { name: '查询' })).first().click();
      await row.waitFor();

      // Ended: no edit, 提前结束 disabled, 查看 opens the form read-only.
      await page.getByLabel(`查看 ${name}`).waitFor();
      assert.equal(await page.getByLabel(`编辑 ${name}`).count(), 0);
      assert.match(await page.getByLabel(`提前结束 ${name}`).getAttribute('class'), /ant-typography-disabled/);
      await page.getByLabel(`查看 ${name}`).click();
      const view = page.locator('.ant-drawer-content', { hasText: `查看拼团：${name}` });
      await view.getByText('活动已结束，只能查看，不能再修改。').waitFor();
      assert.equal(await view.getByRole('button', { name: '保存拼团' }).count(), 0);
      assert.ok(await view.getByLabel('活动名称').isDisabled());
      assert.equal(await view.getByLabel('活动名称').inputValue(), name);
      assert.ok(await view.getByLabel('成团人数').isDisabled());
      assert.ok(await view.getByLabel(/^拼团价 /).first().isDisabled());
      assert.equal(await view.getByLabel(/^拼团价 /).first().inputValue(), '1.00');
    },
    desktop,
  );
});
