// The shoppers' hot reads come from each instance's cache of serialized answers (server/src/platform/cache), and
// every change they show is seen at once on the instance that made it and within a second on the others.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdminProductDetail, CategoryNode, HomeResponse, OrderDetail, Paginated, ProductDetail, ProductSummary, SaveProductRequest } from '../../shared';
import { AnswerCache } from '../../server/src/platform/cache/answer-cache';
import { AnswerCachePoller } from '../../server/src/platform/cache/answer-cache-poller';
import { FakeWechatServer } from '../../server/src/wechat-fake/fake-wechat-server';
import { claim, createTemplate } from './support/coupon-fixtures';
import { callServer, sharedServerSetup, startServerProcess, stopServerProcesses, type ServerProcess } from './support/server-processes';
import { ADDRESS, ShopFixtures } from './support/shop-fixtures';
import { API, bearer, createMariadbDatabase, memberToken, PNG_1X1, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/** A product as staff save it again (the editor's form), with changes. */
function saveRequest(product: AdminProductDetail, changes: { priceFen?: number; onShelf?: boolean } = {}): SaveProductRequest {
  return {
    categoryId: product.categoryId,
    title: product.title,
    subtitle: product.subtitle,
    images: product.images,
    detail: product.detail,
    tags: product.tags,
    onShelf: changes.onShelf ?? product.onShelf,
    specs: product.specs,
    skus: product.skus.map((sku) => ({
      id: sku.id,
      specValues: sku.specValues,
      priceFen: changes.priceFen ?? sku.priceFen,
      stock: sku.stock,
      stockBefore: sku.stock,
    })),
  };
}

describe(`catalog answer cache (${TEST_DB})`, () => {
  describe('one instance', () => {
    let t: TestApp;
    let shop: ShopFixtures;
    let operator: string;
    let alice: string;
    let aliceAddress: number;

    beforeAll(async () => {
      t = await startTestApp();
      shop = new ShopFixtures(t);
      await shop.init();
      operator = await staffToken(t, 'operator');
      alice = await memberToken(t, 'cache-alice');
      aliceAddress = await shop.address(alice);
    });
    afterAll(() => t.close());

    const cache = () => t.app.get(AnswerCache);
    const get = async (path: string, token?: string) => {
      const request = t.api().get(`${API}${path}`);
      return token ? request.set(bearer(token)) : request;
    };
    const listOf = async (categoryId: number): Promise<ProductSummary[]> =>
      ((await (await get(`/products?categoryId=${categoryId}&sort=price_asc&pageSize=50`)).body) as Paginated<ProductSummary>).items;
    const detailOf = async (id: number) => get(`/products/${id}`);

    it('answers a list page, a detail and the home page from the cache: the same bytes, to visitors and members alike', async () => {
      const product = await shop.product([{ priceFen: 1000, stock: 5 }], { title: '缓存白茶' });
      // On MariaDB the instance also polls for changes, its own included: a poll under way when the product was saved
      // would drop the answers below once more. The second poll starts after the save and sees it.
      await t.app.get(AnswerCachePoller).poll();
      await t.app.get(AnswerCachePoller).poll();
      for (const path of [`/products?categoryId=${product.categoryId}&sort=sales`, `/products/${product.id}`, '/home', '/categories', '/shop/profile']) {
        const first = await get(path);
        const before = cache().stats();
        const second = await get(path, alice);
        expect(cache().stats().hits).toBe(before.hits + 1);
        expect([second.status, second.headers['content-type'], second.text]).toEqual([200, 'application/json; charset=utf-8', first.text]);
      }
      // A hit carries what every answer carries: the request id and, for a browser on another origin, CORS.
      const hit = await t.api().get(`${API}/products/${product.id}`).set('origin', 'http://h5.example');
      expect([hit.headers['access-control-allow-origin'], typeof hit.headers['x-request-id']]).toEqual(['http://h5.example', 'string']);
    });

    it('computes keyword searches each time, and keeps no error answer', async () => {
      const before = cache().stats();
      await get('/products?keyword=%E7%BC%93%E5%AD%98');
      await get('/products?keyword=%E7%BC%93%E5%AD%98');
      expect(cache().stats().hits).toBe(before.hits);
      expect((await detailOf(99_999_999)).status).toBe(404);
      expect((await detailOf(99_999_999)).status).toBe(404);
      expect(cache().stats().hits).toBe(before.hits);
    });

    it('shows a price edit, the last unit sold by an order, a shelf change and a banner edit at once', async () => {
      const product = await shop.product([{ priceFen: 1000, stock: 1 }], { title: '缓存红茶' });
      const inList = async () => (await listOf(product.categoryId)).find((item) => item.id === product.id);
      expect(await inList()).toEqual(expect.objectContaining({ minPriceFen: 1000, inStock: true }));
      expect((await detailOf(product.id)).body.skus[0]).toEqual(expect.objectContaining({ priceFen: 1000, stock: 1 }));

      const repriced: AdminProductDetail = (
        await t.api().put(`${API}/admin/products/${product.id}`).set(bearer(operator)).send(saveRequest(product, { priceFen: 1200 })).expect(200)
      ).body;
      expect(await inList()).toEqual(expect.objectContaining({ minPriceFen: 1200, inStock: true }));
      expect((await detailOf(product.id)).body.skus[0]).toEqual(expect.objectContaining({ priceFen: 1200, stock: 1 }));

      const order: OrderDetail = (
        await t.api().post(`${API}/orders`).set(bearer(alice)).send({ clientToken: 'cache-last-unit', addressId: aliceAddress, items: [{ skuId: product.skus[0].id, quantity: 1 }] }).expect(201)
      ).body;
      expect(order.payableFen).toBeGreaterThanOrEqual(1200);
      expect(await inList()).toEqual(expect.objectContaining({ inStock: false }));
      expect((await detailOf(product.id)).body).toEqual(expect.objectContaining({ inStock: false, skus: [expect.objectContaining({ stock: 0 })] }));

      await t.api().patch(`${API}/admin/products/${repriced.id}/shelf`).set(bearer(operator)).send({ onShelf: false }).expect(200);
      expect(await inList()).toBeUndefined();
      expect((await detailOf(product.id)).status).toBe(404);

      const image = (await t.api().post(`${API}/admin/uploads`).set(bearer(operator)).attach('file', PNG_1X1, 'b.png').expect(201)).body.url;
      const banner = { title: '缓存春茶', imageUrl: image, linkType: 'none', linkTarget: null, enabled: true };
      const created = (await t.api().post(`${API}/admin/banners`).set(bearer(operator)).send(banner).expect(201)).body;
      const titles = async () => ((await get('/home')).body as HomeResponse).banners.map((item) => item.title);
      expect(await titles()).toContain('缓存春茶');
      await t.api().put(`${API}/admin/banners/${created.id}`).set(bearer(operator)).send({ ...banner, title: '缓存夏茶' }).expect(200);
      expect(await titles()).toEqual(expect.arrayContaining(['缓存夏茶']));
      expect(await titles()).not.toContain('缓存春茶');
    });

    it("keeps the member's part of the coupon center out of the cached answer", async () => {
      const template = await createTemplate(t, operator, { name: '缓存券', totalQuantity: 10 });
      const item = async (token?: string) => ((await get('/coupons/center', token)).body as { templateId: number; remaining: number; claimedByMe: number }[]).find((c) => c.templateId === template.id)!;
      expect(await item()).toEqual(expect.objectContaining({ remaining: 10, claimedByMe: 0 }));
      expect((await claim(t, alice, template.id)).status).toBe(201);
      expect(await item(alice)).toEqual(expect.objectContaining({ remaining: 9, claimedByMe: 1 }));
      // The visitors' answer is cached, and the claim dropped it: 剩余 is the new one, and nobody else's claim shows.
      expect(await item()).toEqual(expect.objectContaining({ remaining: 9, claimedByMe: 0 }));
      expect(await item()).toEqual(expect.objectContaining({ remaining: 9, claimedByMe: 0 }));
    });
  });

  // Two instances need a database both reach: MariaDB (a SQLite file is served by one process).
  (TEST_DB === 'mariadb' ? describe : describe.skip)('two server processes on one MariaDB', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'storefront-cache-'));
    const processes: ServerProcess[] = [];
    let fake: FakeWechatServer;
    let dropDatabase: (() => Promise<void>) | null = null;
    let writer: ServerProcess;
    let reader: ServerProcess;
    let operator: string;
    let shopper: string;
    let addressId: number;
    let product: AdminProductDetail;

    /** Reads on the reader instance every 20 ms until the change shows; answers how long after the change it did (ms). */
    async function msUntil(read: () => Promise<boolean>, changedAt: number): Promise<number> {
      for (;;) {
        if (await read()) return Date.now() - changedAt;
        if (Date.now() - changedAt > 5_000) throw new Error('the change did not show on the other instance within 5 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    const readerList = async () =>
      (await callServer<Paginated<ProductSummary>>(reader, 'GET', `/products?categoryId=${product.categoryId}&sort=newest&pageSize=50`)).items.find(
        (item) => item.id === product.id,
      );
    const readerDetail = async (): Promise<ProductDetail | null> => {
      const response = await fetch(`${reader.baseUrl}/api/v1/products/${product.id}`);
      return response.status === 404 ? null : ((await response.json()) as ProductDetail);
    };

    beforeAll(async () => {
      const mariadb = await createMariadbDatabase();
      dropDatabase = () => mariadb.drop();
      let env: NodeJS.ProcessEnv;
      ({ env, fake } = await sharedServerSetup(dataDir, mariadb.url, { JWT_SECRET: 'catalog-cache-test-secret-0123456789' }));
      // One after the other: the first runs the migrations and seeds the demo store.
      processes.push((writer = await startServerProcess(env)));
      processes.push((reader = await startServerProcess(env)));

      ({ token: operator } = await callServer<{ token: string }>(writer, 'POST', '/admin/auth/login', { username: 'operator', password: 'demo1234' }));
      const code = fake.state.loginCodes.issue({ identity: 'cache-two-instances', withUnionid: true });
      ({ token: shopper } = await callServer<{ token: string }>(writer, 'POST', '/auth/wechat-login', { code }));
      ({ id: addressId } = await callServer<{ id: number }>(writer, 'POST', '/addresses', ADDRESS, shopper));
      const [category] = await callServer<CategoryNode[]>(writer, 'GET', '/categories');
      // The demo products' image will do.
      const images = [(await callServer<Paginated<ProductSummary>>(writer, 'GET', '/products?pageSize=1')).items[0].coverUrl];
      product = await callServer<AdminProductDetail>(
        writer,
        'POST',
        '/admin/products',
        {
          categoryId: category.children[0].id,
          title: '双实例乌龙',
          subtitle: '',
          images,
          detail: [],
          tags: [],
          onShelf: true,
          specs: [{ name: '规格', values: ['标准装'] }],
          skus: [{ specValues: ['标准装'], priceFen: 3000, stock: 2 }],
        } satisfies SaveProductRequest,
        operator,
      );
    }, 240_000);

    afterAll(async () => {
      await stopServerProcesses(processes);
      await fake?.stop();
      await dropDatabase?.();
      rmSync(dataDir, { recursive: true, force: true });
    }, 60_000);

    it("shows an edit made through one instance in the other's cached list and detail within a second", async () => {
      // The reader has the list and the detail cached (read twice: the second is a hit).
      for (let read = 0; read < 2; read++) {
        expect(await readerList()).toEqual(expect.objectContaining({ minPriceFen: 3000, inStock: true }));
        expect((await readerDetail())!.skus[0]).toEqual(expect.objectContaining({ priceFen: 3000, stock: 2 }));
      }

      const latest = await callServer<AdminProductDetail>(writer, 'GET', `/admin/products/${product.id}`, undefined, operator);
      let changedAt = Date.now();
      await callServer(writer, 'PUT', `/admin/products/${product.id}`, saveRequest(latest, { priceFen: 2800 }), operator);
      expect(await msUntil(async () => (await readerList())?.minPriceFen === 2800, changedAt)).toBeLessThan(1_000);
      expect(await msUntil(async () => (await readerDetail())?.skus[0].priceFen === 2800, changedAt)).toBeLessThan(1_000);

      // Stock to zero by orders placed through the writer (2 units): 已售罄 on the reader.
      changedAt = Date.now();
      await callServer(writer, 'POST', '/orders', { clientToken: 'two-instances-1', addressId, items: [{ skuId: product.skus[0].id, quantity: 2 }] }, shopper);
      expect(await msUntil(async () => (await readerDetail())?.skus[0].stock === 0, changedAt)).toBeLessThan(1_000);
      expect(await msUntil(async () => (await readerList())?.inStock === false, changedAt)).toBeLessThan(1_000);

      // Off the shelf through the writer: gone from the reader's list, its detail 404.
      changedAt = Date.now();
      await callServer(writer, 'PATCH', `/admin/products/${product.id}/shelf`, { onShelf: false }, operator);
      expect(await msUntil(async () => (await readerList()) === undefined, changedAt)).toBeLessThan(1_000);
      expect(await msUntil(async () => (await readerDetail()) === null, changedAt)).toBeLessThan(1_000);
    }, 60_000);

    it("shows a banner edit made through one instance on the other's cached home page within a second", async () => {
      const titles = async () => (await callServer<HomeResponse>(reader, 'GET', '/home')).banners.map((banner) => banner.title);
      const owner = (await callServer<{ token: string }>(writer, 'POST', '/admin/auth/login', { username: 'owner', password: 'demo1234' })).token;
      const [first] = await callServer<{ id: number; title: string; imageUrl: string }[]>(writer, 'GET', '/admin/banners', undefined, owner);
      expect(await titles()).toContain(first.title);
      expect(await titles()).toContain(first.title);
      const changedAt = Date.now();
      await callServer(writer, 'PUT', `/admin/banners/${first.id}`, { title: '双实例新品', imageUrl: first.imageUrl, linkType: 'none', linkTarget: null, enabled: true }, owner);
      expect(await msUntil(async () => (await titles()).includes('双实例新品'), changedAt)).toBeLessThan(1_000);
    }, 60_000);
  });
});
