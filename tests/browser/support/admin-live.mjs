// 直播管理 steps in the admin console, shared by the console's own test and the live journey: open the list, fill
// the 新建直播 drawer (featured products, 直播专享价 and 限量, 直播优惠券), save, 开播 through its confirmation, open a session's 数据.
import { staffToken } from './session.mjs';

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** From anywhere in the console: the menu's 直播管理, the sessions list. */
export async function openLiveManagement(page) {
  await page.getByRole('link', { name: '直播管理' }).click();
  await page.waitForURL(/\/admin\/live$/);
}

/** On the sessions list: 新建直播; answers the drawer. */
export async function openNewLiveSessionDrawer(page) {
  await page.getByRole('button', { name: '新建直播' }).first().click();
  const drawer = page.locator('.ant-drawer-content', { hasText: '新建直播' });
  await drawer.getByLabel('直播标题').waitFor();
  return drawer;
}

/**
 * 推荐商品: searches the product by its title and picks it (by its ID too when given: the option reads "标题（ID 7）"),
 * then waits for its card (with its SKUs) at the end of the list.
 */
export async function pickFeaturedProduct(page, drawer, title, productId = null) {
  const picker = drawer.getByRole('combobox', { name: '推荐商品' });
  await picker.click();
  await picker.fill(title);
  const option = productId === null ? title : `${title}（ID ${productId}）`;
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  await page.keyboard.press('Escape');
  await drawer.locator('[data-testid^="featured-product-"]', { hasText: title }).last().waitFor();
}

/** The 直播价 boxes of a featured product's SKUs (one per SKU row, labelled "直播价 <商品> <规格>"). */
export function livePriceInputs(drawer, productTitle) {
  return drawer.getByLabel(new RegExp(`^直播价 ${escapeRegExp(productTitle)} `));
}

/** The 限量 box of one SKU of a featured product (labelled "限量 <商品> <规格>", 默认规格 for a SKU without specs). */
export function liveQuotaInput(drawer, productTitle, specValues) {
  return drawer.getByLabel(`限量 ${productTitle} ${specValues.join(' · ') || '默认规格'}`, { exact: true });
}

/** 直播优惠券: searches the active coupons by name and picks the one of that name. */
export async function pickLiveCoupon(page, drawer, name) {
  const select = drawer.getByRole('combobox', { name: '直播优惠券' });
  await select.click();
  await select.fill(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${name}（` }).first().click();
  await drawer.locator('.ant-select-selection-item', { hasText: name }).waitFor();
}

/** 保存直播 with the form valid: the confirmation, and the drawer closes. */
export async function saveLiveSession(page, drawer) {
  await drawer.getByRole('button', { name: '保存直播' }).click();
  await page.getByText('直播场次已保存').first().waitFor();
  await drawer.waitFor({ state: 'hidden' });
}

/**
 * 开播 on the list row of an upcoming 视频号 session: the confirmation says what starts, 确认开播, and the row reads
 * 直播中 with 结束 instead of 开播 and no 取消.
 */
export async function startLiveSession(page, title) {
  const row = page.locator('.ant-table-row', { hasText: title });
  await page.getByLabel(`开播 ${title}`).click();
  const confirm = page.locator('.ant-popover', { hasText: '开播' });
  await confirm.getByText('开播后直播专享价和直播优惠券立即生效').waitFor();
  await confirm.getByRole('button', { name: '确认开播' }).click();
  await page.getByText('已开播').first().waitFor();
  await row.getByText('直播中').waitFor();
  await page.getByLabel(`结束 ${title}`).waitFor();
  if ((await page.getByLabel(`开播 ${title}`).count()) !== 0) throw new Error(`a live session still offers 开播: ${title}`);
  if ((await page.getByLabel(`取消 ${title}`).count()) !== 0) throw new Error(`a live session still offers 取消: ${title}`);
}

/** 数据 on the sessions list: the session's report page, once its heading shows. */
export async function openLiveSessionReport(page, title, sessionId) {
  await page.getByLabel(`数据 ${title}`).click();
  await page.waitForURL(new RegExp(`/admin/live/sessions/${sessionId}/report$`));
  await page.getByText(`直播数据：${title}`).waitFor();
}

/** The session of that title as the admin API lists it (among its first 50), or undefined. */
export async function liveSessionByTitle(baseUrl, title) {
  const token = await staffToken(baseUrl, 'owner');
  const response = await fetch(`${baseUrl}/api/v1/admin/live/sessions?pageSize=50`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /admin/live/sessions → ${response.status}`);
  return (await response.json()).items.find((item) => item.title === title);
}
