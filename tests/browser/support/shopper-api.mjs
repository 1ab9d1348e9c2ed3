// A shopper's steps through the API and the fake WeChat's tester endpoints, for tests whose clicks are
// elsewhere: log in with a fake wx.login code, order one unit, pay at the fake WeChat Pay, wait for the notification.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

/** One API call; answers the JSON body, throws on a non-2xx answer. */
export async function callApi(baseUrl, method, path, { token, body, base = `${baseUrl}/api/v1` } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const payload = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return payload;
}

export const SHOPPER_ADDRESS = {
  recipientName: '林晓',
  phone: '13800001234',
  provinceName: '浙江省',
  cityName: '杭州市',
  districtName: '西湖区',
  regionCode: '330106',
  detail: '文三路 1 号',
};

/**
 * A new shopper with a paid order of `quantity` units of the first SKU in stock (at the given address, with
 * the given remark); answers the order number, the shopper token and the SKU code.
 */
export async function placePaidOrder(baseUrl, { address = SHOPPER_ADDRESS, remark = '', quantity = 1, lineCount = 1 } = {}) {
  const call = (method, path, options) => callApi(baseUrl, method, path, options);
  const { fakeWechatBaseUrl } = await call('GET', '/platform');
  const token = await newShopperToken(baseUrl);

  const products = await call('GET', '/products?page=1&pageSize=20');
  // `lineCount` SKUs in stock, one per product.
  const skus = [];
  for (const product of products.items) {
    const detail = await call('GET', `/products/${product.id}`);
    const found = detail.skus.find((candidate) => candidate.stock >= quantity);
    if (found) skus.push(found);
    if (skus.length === lineCount) break;
  }
  assert.equal(skus.length, lineCount, 'the demo shop has enough SKUs in stock');
  const sku = skus[0];

  const saved = await call('POST', '/addresses', { token, body: address });
  const order = await call('POST', '/orders', {
    token,
    body: { clientToken: randomUUID().replace(/-/g, ''), items: skus.map((candidate) => ({ skuId: candidate.id, quantity })), addressId: saved.id, remark },
  });
  const payment = await call('POST', `/orders/${order.orderNo}/payment`, { token });
  await call('POST', '/fake/pay/confirm', { base: fakeWechatBaseUrl, body: { prepayId: payment.prepayId } });

  // The fake notifies the server asynchronously; the order is paid once the signed notification is processed.
  await waitForOrderStatus(baseUrl, order.orderNo, token, 'paid');
  return { orderNo: order.orderNo, token, skuCode: sku.skuCode };
}

/** A new shopper logged in with a fake wx.login code; answers the token. */
export async function newShopperToken(baseUrl) {
  const call = (method, path, options) => callApi(baseUrl, method, path, options);
  const { fakeWechatBaseUrl } = await call('GET', '/platform');
  const { code } = await call('POST', '/fake/login-code', { base: fakeWechatBaseUrl, body: { identity: `shopper-${randomUUID()}` } });
  // The shopper agreed to the current 隐私政策 with this login, as the storefront's consent step does.
  const { version } = await call('GET', '/privacy/current');
  return (await call('POST', '/auth/wechat-login', { body: { code, privacyConsentVersion: version } })).token;
}

/** Polls the shopper's view of the order until it has the status (WeChat Pay notifications arrive asynchronously). */
export async function waitForOrderStatus(baseUrl, orderNo, token, status) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const current = await callApi(baseUrl, 'GET', `/orders/${orderNo}`, { token });
    if (current.status === status) return current;
    if (Date.now() > deadline) throw new Error(`order ${orderNo} is ${current.status}, expected ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens the H5 storefront already signed in as this shopper (Taro's H5 storage wraps each value as {"data": …}). */
export async function signInStorefront(page, token) {
  await page.addInitScript((value) => localStorage.setItem('storefront.token', JSON.stringify({ data: value })), token);
}
