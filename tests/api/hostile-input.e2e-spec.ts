import { JSON_BODY_LIMITS, JSON_MAX_DEPTH } from '../../server/src/platform/http/json-body';
import { OrderRow } from '../../server/src/orders/order.entity';
import { MemberRow } from '../../server/src/members/member.entity';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/** Bodies and forms no client of ours sends: each gets a 4xx with a stable code, never a 500, and costs little. */
describe(`hostile input (${TEST_DB})`, () => {
  let t: TestApp;
  let owner: string;
  let member: string;
  beforeAll(async () => {
    t = await startTestApp();
    owner = await staffToken(t, 'owner');
    member = await memberToken(t, 'hostile-member');
  });
  afterAll(() => t.close());

  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const postJson = (path: string, body: string, token?: string) => {
    const request = t.api().post(`${API}${path}`).set('content-type', 'application/json');
    if (token) request.set(bearer(token));
    return request.send(body);
  };

  describe('deeply nested and oversized JSON', () => {
    it('answers a 4 KB body nested 2,000 deep with 400 JSON_TOO_DEEP on the login routes and every other JSON route', async () => {
      for (const [path, token] of [['/auth/wechat-login'], ['/admin/auth/login'], ['/cart/items', member], ['/admin/products', owner]] as [string, string?][]) {
        const response = await postJson(path, nested(2000), token).expect(400);
        expectApiError(response.body, 'JSON_TOO_DEEP');
        expect(response.headers['content-type']).toMatch(/application\/json/);
      }
    });

    it('takes nesting up to the limit (then validation answers), and only a depth above it is refused', async () => {
      const deepest = `{"code":${nested(JSON_MAX_DEPTH - 1)}}`;
      expectApiError((await postJson('/auth/wechat-login', deepest).expect(400)).body, 'VALIDATION_FAILED');
      const tooDeep = `{"code":${nested(JSON_MAX_DEPTH)}}`;
      expectApiError((await postJson('/auth/wechat-login', tooDeep).expect(400)).body, 'JSON_TOO_DEEP');
      // Brackets inside strings are text, not nesting.
      const inString = JSON.stringify({ code: '['.repeat(3000) });
      expectApiError((await postJson('/auth/wechat-login', inString).expect(400)).body, 'VALIDATION_FAILED');
    });

    it('refuses bodies over the route class limit with 413 PAYLOAD_TOO_LARGE, cheaply', async () => {
      const loginBody = JSON.stringify({ username: 'owner', password: 'x'.repeat(JSON_BODY_LIMITS.login.bytes) });
      expectApiError((await postJson('/admin/auth/login', loginBody).expect(413)).body, 'PAYLOAD_TOO_LARGE');
      const shopperBody = JSON.stringify({ skuId: 1, quantity: 1, note: 'x'.repeat(JSON_BODY_LIMITS.shopper.bytes) });
      expectApiError((await postJson('/cart/items', shopperBody, member).expect(413)).body, 'PAYLOAD_TOO_LARGE');
      // Under the size limit, 40,000 small objects cost a second of CPU in class-transformer; refused on their count.
      const items = JSON.stringify({ clientToken: 'big-array-1', addressId: 1, items: Array.from({ length: 40_000 }, () => ({ skuId: 1, quantity: 1 })) });
      expect(items.length).toBeLessThan(JSON_BODY_LIMITS.shopper.bytes);
      const cpuBefore = process.cpuUsage();
      expectApiError((await postJson('/orders', items, member).expect(413)).body, 'PAYLOAD_TOO_LARGE');
      const cpu = process.cpuUsage(cpuBefore);
      expect((cpu.user + cpu.system) / 1000).toBeLessThan(100);
      const longArray = JSON.stringify({ answers: Array.from({ length: JSON_BODY_LIMITS.shopper.arrayLength + 1 }, () => 1) });
      expectApiError((await postJson('/me/subscriptions', longArray, member).expect(413)).body, 'PAYLOAD_TOO_LARGE');
      const huge = nested(450_000);
      const started = process.hrtime.bigint();
      const answers = await Promise.all(Array.from({ length: 10 }, () => postJson('/admin/auth/login', huge)));
      expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(413));
      // Ten 900 KB bodies took about 9 s of CPU before; now they are refused on their size.
      expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(3000);
      const nestedAdmin = await postJson('/admin/products', nested(450_000), owner).expect(400);
      expectApiError(nestedAdmin.body, 'JSON_TOO_DEEP');
    });
  });

  describe('null for an optional field', () => {
    it('answers null where a field cannot be cleared with 400 VALIDATION_FAILED naming the field', async () => {
      for (const body of [{ nickname: null }, { avatarUrl: null }]) {
        const response = await t.api().patch(`${API}/me`).set(bearer(member)).send(body).expect(400);
        expectApiError(response.body, 'VALIDATION_FAILED');
        expect(response.body.details[0].field).toBe(Object.keys(body)[0]);
      }
      const cart = await t.api().post(`${API}/cart/items`).set(bearer(member)).send({ skuId: null, quantity: null }).expect(400);
      expectApiError(cart.body, 'VALIDATION_FAILED');
      const remark = await t.api().post(`${API}/checkout/preview`).set(bearer(member)).send({ items: [{ skuId: 1, quantity: 1 }], addressId: null }).expect(400);
      expectApiError(remark.body, 'VALIDATION_FAILED');
    });

    it('takes null where it means "none" (a top-level category’s parent, no coupon)', async () => {
      const created = await t.api().post(`${API}/admin/categories`).set(bearer(owner)).send({ name: '空父分类', parentId: null, icon: null }).expect(201);
      expect(created.body.parentId ?? null).toBeNull();
    });
  });

  describe('broken multipart on every upload route', () => {
    const routes = (): [string, string][] => [
      ['/admin/uploads', owner],
      ['/admin/orders/ship-batch', owner],
      ['/me/avatar', member],
      ['/me/uploads', member],
    ];

    it('answers a multipart body without a boundary with 400 MULTIPART_INVALID', async () => {
      for (const [path, token] of routes()) {
        const response = await t.api().post(`${API}${path}`).set(bearer(token)).set('content-type', 'multipart/form-data').send('--x\r\nno boundary here\r\n');
        expect([path, response.status]).toEqual([path, 400]);
        expectApiError(response.body, 'MULTIPART_INVALID');
      }
    });

    it('answers a body cut off before the closing boundary with 400 MULTIPART_INVALID', async () => {
      const cut = '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n0000';
      for (const [path, token] of routes()) {
        const response = await t.api().post(`${API}${path}`).set(bearer(token)).set('content-type', 'multipart/form-data; boundary=XYZ').send(cut);
        expect([path, response.status]).toEqual([path, 400]);
        expectApiError(response.body, 'MULTIPART_INVALID');
      }
    });
  });

  describe('CSV downloads', () => {
    it('answers a bad filter on every export with a JSON 400, not a CSV or a 500', async () => {
      for (const path of ['/admin/orders/export?status=bogus', '/admin/analytics/due-for-repurchase.csv?minSpentFen=-1', '/admin/analytics/due-for-repurchase.csv?minSpentFen=5&maxSpentFen=1']) {
        const response = await t.api().get(`${API}${path}`).set(bearer(owner));
        expect([path, response.status]).toEqual([path, 400]);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(response.headers['content-disposition']).toBeUndefined();
        expectApiError(response.body, 'VALIDATION_FAILED');
      }
    });

    it('answers a download without a token or with the wrong role in JSON too', async () => {
      const anonymous = await t.api().get(`${API}/admin/orders/export`).expect(401);
      expect(anonymous.headers['content-type']).toMatch(/^application\/json/);
      const warehouse = await staffToken(t, 'warehouse');
      const forbidden = await t.api().get(`${API}/admin/analytics/due-for-repurchase.csv`).set(bearer(warehouse)).expect(403);
      expectApiError(forbidden.body, 'FORBIDDEN');
    });

    it('writes a shopper’s formula-like nickname and recipient name as text in the order export', async () => {
      const shop = new ShopFixtures(t);
      await shop.init();
      const buyer = await memberToken(t, 'formula-buyer');
      await t.api().patch(`${API}/me`).set(bearer(buyer)).send({ nickname: '=1+2' }).expect(200);
      const skuId = await shop.sku(1000, 10);
      const addressId = await shop.address(buyer, { recipientName: '@SUM(A1)' });
      await t.api().post(`${API}/orders`).set(bearer(buyer)).send({ items: [{ skuId, quantity: 1 }], addressId, clientToken: 'formula-order-1' }).expect(201);
      const csv = (await t.api().get(`${API}/admin/orders/export`).set(bearer(owner)).expect(200)).text;
      expect(csv).toContain("'=1+2");
      expect(csv).toContain("'@SUM(A1)");
      expect(csv).not.toMatch(/(^|,)=1\+2/m);
      const order = await t.dataSource.getRepository(OrderRow).findOneByOrFail({ clientToken: 'formula-order-1' });
      expect(order.recipientName).toBe('@SUM(A1)');
      const stored = await t.dataSource.getRepository(MemberRow).findOneByOrFail({ id: order.memberId });
      expect(stored.nickname).toBe('=1+2');
    });
  });
});
