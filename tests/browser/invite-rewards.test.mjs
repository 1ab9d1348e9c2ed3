// 邀请有礼: the owner sets the reward (a coupon) in the console; A shares a link; B, C and D arrive through it.
// B's first order is paid, received, and (after-sale window 0 here) the sweep grants A the coupon; C has paid and
// waits; D only registered. A opens 我的 → 邀请有礼 and sees the rule, what was earned and each friend's state;
// staff see the rule form and the reward in the console.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useAppAndBrowser, staffToken } from './support/session.mjs';
import { screenshot, withPage } from './support/browser.mjs';
import { callApi, newShopperToken, SHOPPER_ADDRESS, signInStorefront, waitForOrderStatus } from './support/shopper-api.mjs';
import { openStorefront } from './support/storefront.mjs';
import { logInToAdmin } from './support/admin.mjs';

const desktop = { viewport: { width: 1440, height: 900 } };
const session = useAppAndBrowser();
const call = (method, path, options) => callApi(session.app.baseUrl, method, path, options);

/** A new shopper arriving through the share link `shortId` (bound to its sharer at registration), with a nickname. */
async function friendThrough(shortId, nickname) {
  const { fakeWechatBaseUrl } = await call('GET', '/platform');
  const { code } = await call('POST', '/fake/login-code', { base: fakeWechatBaseUrl, body: { identity: `friend-${randomUUID()}` } });
  const { version } = await call('GET', '/privacy/current');
  const { token } = await call('POST', '/auth/wechat-login', { body: { code, privacyConsentVersion: version, attribution: { shortId } } });
  await call('PATCH', '/me', { token, body: { nickname } });
  return token;
}

/** One paid order of the first SKU in stock. */
async function paidOrder(token) {
  const { fakeWechatBaseUrl } = await call('GET', '/platform');
  const products = await call('GET', '/products?page=1&pageSize=20');
  const product = await call('GET', `/products/${products.items.find((item) => item.inStock).id}`);
  const sku = product.skus.find((candidate) => candidate.stock > 0);
  const address = await call('POST', '/addresses', { token, body: SHOPPER_ADDRESS });
  const order = await call('POST', '/orders', { token, body: { clientToken: randomUUID().replace(/-/g, ''), items: [{ skuId: sku.id, quantity: 1 }], addressId: address.id } });
  const payment = await call('POST', `/orders/${order.orderNo}/payment`, { token });
  await call('POST', '/fake/pay/confirm', { base: fakeWechatBaseUrl, body: { prepayId: payment.prepayId } });
  await waitForOrderStatus(session.app.baseUrl, order.orderNo, token, 'paid');
  return order.orderNo;
}

test('A sees the friends invited, their states and the coupon earned; staff see the rule and the reward', async () => {
  const { baseUrl } = session.app;
  const [owner, operator, warehouse] = await Promise.all(['owner', 'operator', 'warehouse'].map((name) => staffToken(baseUrl, name)));

  // The reward: a staff-only coupon; the after-sale window 0 so the completed order is due at once.
  const template = await call('POST', '/admin/coupon-templates', {
    token: operator,
    body: { name: '邀请礼10元券', type: 'no_threshold', amountOffFen: 1000, scope: 'all', validityKind: 'days_after_claim', validDays: 30, totalQuantity: 100, perMemberLimit: 1, channel: 'staff' },
  });
  const settings = await call('GET', '/admin/referral/settings', { token: owner });
  await call('PUT', '/admin/referral/settings', { token: owner, body: { ...settings, afterSaleWindowDays: 0 } });
  await call('PUT', '/admin/referral/invite-rule', { token: owner, body: { enabled: true, rewardKind: 'coupon', couponTemplateId: template.id, points: null, ruleText: '奖励券领取后 30 天内有效，全场通用。' } });

  const inviter = await newShopperToken(baseUrl);
  await call('PATCH', '/me', { token: inviter, body: { nickname: '邀请人阿青' } });
  const { shortId } = await call('POST', '/share-links', { token: inviter, body: { kind: 'page', channel: 'invite' } });

  const b = await friendThrough(shortId, '好友小B');
  const bOrder = await paidOrder(b);
  await call('POST', `/admin/orders/${bOrder}/ship`, { token: warehouse, body: { carrierCode: 'SF', trackingNo: `SF${Date.now()}` } });
  await call('POST', `/orders/${bOrder}/confirm-receipt`, { token: b });
  const c = await friendThrough(shortId, '好友小C');
  await paidOrder(c);
  await friendThrough(shortId, '好友小D');
  // Sharing, binding and registering granted nothing so far.
  assert.equal((await call('GET', '/referral/invites', { token: inviter })).earned.coupons, 0);
  await call('POST', '/admin/jobs/referral.invite-rewards/run', { token: owner });
  const mine = await call('GET', '/referral/invites', { token: inviter });
  assert.deepEqual(mine.earned, { rewardedFriends: 1, coupons: 1, points: 0 });

  await withPage(session.browser, 'invite-rewards-shopper', async (page) => {
    await signInStorefront(page, inviter);
    const storefront = await openStorefront(page, baseUrl);
    await storefront.mine();
    await page.locator('.invite-entry').scrollIntoViewIfNeeded();
    await screenshot(page, 'invite-entry-on-mine');
    await page.locator('.invite-entry').click();
    await page.locator('.invite-friend').nth(2).waitFor();
    const text = await page.locator('.invite-page').innerText();
    assert.match(text, /每位好友奖励 「邀请礼10元券」1 张/);
    assert.match(text, /分享本身没有奖励/);
    assert.match(text, /奖励券领取后 30 天内有效/);
    const states = await page.locator('.invite-friend').evaluateAll((rows) => rows.map((row) => [row.querySelector('.invite-friend__name').textContent, row.dataset.state]));
    assert.deepEqual(states, [
      ['好友小D', 'registered'],
      ['好友小C', 'ordered'],
      ['好友小B', 'rewarded'],
    ]);
    assert.equal(await page.locator('.invite-earned__value').first().innerText(), '1');
    await screenshot(page, 'invite-rewards');
    // H5 has no WeChat share sheet: the button copies A's invite address.
    await page.locator('.invite-copy-link').click();
    await page.getByText('邀请链接已复制，发给好友吧').waitFor();
    // The coupon is in A's coupons.
    await page.goto(`${baseUrl}/#/coupons/mine/index`);
    await page.locator('.coupon-card', { hasText: '邀请礼10元券' }).waitFor();
  });

  // A member who invited nobody yet: the rule, the share button and the empty list.
  await withPage(session.browser, 'invite-rewards-empty', async (page) => {
    await signInStorefront(page, await newShopperToken(baseUrl));
    await page.goto(`${baseUrl}/#/invite/index`);
    await page.locator('.invite-friends .page-state--empty', { hasText: '还没有邀请好友' }).waitFor();
    assert.equal(await page.locator('.invite-earned__value').first().innerText(), '0');
    await screenshot(page, 'invite-rewards-empty');
  });

  await withPage(
    session.browser,
    'invite-rewards-admin',
    async (page) => {
      await logInToAdmin(page, baseUrl, 'owner');
      await page.goto(`${baseUrl}/admin/referral/invite-rewards`);
      await page.locator('.invite-rule-preview', { hasText: '邀请礼10元券' }).waitFor();
      await page.locator('.ant-table-row', { hasText: bOrder }).waitFor();
      await page.locator('.ant-table-row', { hasText: '已发放' }).first().waitFor();
      await screenshot(page, 'admin-invite-rewards');
      await page.locator('.ant-table-row', { hasText: bOrder }).scrollIntoViewIfNeeded();
      await screenshot(page, 'admin-invite-reward-list');
    },
    desktop,
  );

  // The owner switches the rule off: nothing promises a reward any more and nobody is asked to share. A keeps
  // 邀请有礼 on 我的 (without the promise) to look back at the friends; a member who invited nobody has no entry.
  await call('PUT', '/admin/referral/invite-rule', { token: owner, body: { enabled: false, rewardKind: 'coupon', couponTemplateId: template.id, points: null, ruleText: '奖励券领取后 30 天内有效，全场通用。' } });
  await withPage(session.browser, 'invite-rewards-off', async (page) => {
    await signInStorefront(page, inviter);
    await page.goto(`${baseUrl}/#/pages/mine/index`);
    const entry = page.locator('.invite-entry', { hasText: '活动暂未开启 · 查看邀请记录' });
    await entry.scrollIntoViewIfNeeded();
    assert.equal(await page.getByText('好友首单完成后得奖励').count(), 0);
    await screenshot(page, 'invite-entry-off-on-mine');
    await entry.click();
    await page.locator('.invite-rule__reward--off', { hasText: '活动暂未开启' }).waitFor();
    await page.locator('.invite-friend', { hasText: '好友小B' }).waitFor();
    assert.equal(await page.locator('.invite-copy-link').count(), 0, 'no share call-to-action while the rule is off');
    assert.equal(await page.getByText('首单完成得好礼').count(), 0);
    await screenshot(page, 'invite-rewards-off');
  });
  await withPage(session.browser, 'invite-entry-off-new-member', async (page) => {
    await signInStorefront(page, await newShopperToken(baseUrl));
    const invitesRead = page.waitForResponse((response) => response.url().includes('/api/v1/referral/invites'));
    await page.goto(`${baseUrl}/#/pages/mine/index`);
    await page.locator('.my-coupons-entry').waitFor();
    assert.equal((await (await invitesRead).json()).rule.enabled, false);
    await page.waitForTimeout(300);
    assert.equal(await page.locator('.invite-entry').count(), 0);
  });
});
