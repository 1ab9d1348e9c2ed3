// Shopper-side steps on the H5 storefront (hash routes). After each navigation the steps wait for real
// content, not just for the route: Taro renders the page shell before its data arrives.
export async function openStorefront(page, baseUrl) {
  const goto = async (route) => page.goto(`${baseUrl}/#${route}`);
  return {
    async home() {
      await goto('/pages/home/index');
      await page.locator('.product-card').first().waitFor();
    },
    async search(keyword) {
      await goto('/goods/search/index');
      await page.locator('.search-input input').fill(keyword);
      await page.locator('.search-submit').click();
      await page.locator('.search-results .product-card, .page-state--empty').first().waitFor();
    },
    async mine() {
      await goto('/pages/mine/index');
      await page.locator('.login-button, .member-card').first().waitFor();
    },
  };
}

/**
 * 微信一键登录 as a new shopper (on 我的 or a login prompt): the consent dialog (用户协议 + 隐私政策) comes
 * first and is agreed to; the first login of a new member in the demo shop then announces the 新人券, which
 * is closed with 知道了.
 */
export async function loginAsNewShopper(page) {
  await page.locator('.login-button:visible').click();
  await agreeAndLoginAsNewShopper(page);
  await page.locator('.member-card').waitFor();
}

/** The login steps after whatever started it (微信一键登录, or a guest's 加入购物车 / 立即购买 / 领取). */
export async function agreeAndLoginAsNewShopper(page) {
  await page.locator('.privacy-dialog:visible .privacy-dialog__agree').click();
  await page.locator('.taro-modal__content', { hasText: '新人专享' }).waitFor();
  await page.locator('.taro-modal__foot').getByText('知道了', { exact: true }).click();
}

/** On a checkout page without an address: 新增收货地址 through the region picker, saved and chosen. */
export async function addFirstAddressAtCheckout(page, { name, phone, detail }) {
  await page.locator('.add-first-address').click();
  await page.locator('.recipient-input input').fill(name);
  await page.locator('.phone-input input').fill(phone);
  await page.locator('.region-field').click();
  for (const region of ['浙江省', '杭州市', '西湖区']) {
    await page.locator('.nut-cascader-item', { hasText: region }).first().click();
  }
  await page.locator('.detail-input textarea').fill(detail);
  await page.locator('.save-address-button').click();
  await page.locator('.checkout-address', { hasText: name }).waitFor();
}

/**
 * 提交订单 on the checkout page, accept the order notices, pay at the fake cashier (checking it asks for the
 * payable shown); answers the order number once the order page shows it paid.
 */
export async function submitAndPay(page) {
  const payable = (await page.locator('.checkout-payable').innerText()).trim();
  await page.locator('.submit-order-button').click();
  // Subscribe-message consent (the H5 stand-in for WeChat's sheet) comes before payment.
  await page.locator('.taro-modal__foot').getByText('允许', { exact: true }).click();
  await page.getByTestId('cashier-confirm').waitFor();
  if ((await page.getByTestId('cashier-amount').innerText()).trim() !== payable) throw new Error(`the cashier asks for another amount than ${payable}`);
  await page.getByTestId('cashier-confirm').click();
  // Back on the order: paid once WeChat Pay's notification reached the server.
  await page.locator('.order-banner .order-status', { hasText: '待发货' }).waitFor({ timeout: 20_000 });
  return new URL(page.url().replace('#', '')).searchParams.get('orderNo');
}

/** Picks an available value in every spec row of the open SKU picker, then confirms with `confirmText`. */
export async function pickSkuAndConfirm(page, confirmText) {
  await page.locator('.sku-picker').waitFor();
  for (const dimension of await page.locator('.sku-picker .sku-picker__dimension').all()) {
    if ((await dimension.locator('.sku-option--active').count()) === 0) await dimension.locator('.sku-option:not(.sku-option--disabled)').first().click();
  }
  await page.locator('.sku-confirm-button', { hasText: confirmText }).click();
}
