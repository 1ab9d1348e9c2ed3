import type { AdminBanner, HomeResponse, SaveBannerRequest } from '../../shared';
import { BannerRow } from '../../server/src/catalog/banner.entity';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, PNG_1X1, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/** The home carousel edited in 店铺设置: links checked, order kept, shoppers see enabled banners only. */
describe(`banners: admin CRUD and the shoppers' home (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let operator: string;
  let imageUrl: string;
  let categoryId: number;

  beforeAll(async () => {
    t = await startTestApp();
    shop = new ShopFixtures(t);
    await shop.init();
    operator = await staffToken(t, 'operator');
    imageUrl = (await t.api().post(`${API}/admin/uploads`).set(bearer(operator)).attach('file', PNG_1X1, 'b.png').expect(201)).body.url;
    categoryId = (await t.api().get(`${API}/categories`).expect(200)).body[1].id;
  });
  afterAll(() => t.close());

  const admin = () => ({
    list: async (): Promise<AdminBanner[]> => (await t.api().get(`${API}/admin/banners`).set(bearer(operator)).expect(200)).body,
    create: (body: Partial<SaveBannerRequest>) => t.api().post(`${API}/admin/banners`).set(bearer(operator)).send({ ...base, ...body }),
    update: (id: number, body: Partial<SaveBannerRequest>) => t.api().put(`${API}/admin/banners/${id}`).set(bearer(operator)).send({ ...base, ...body }),
    remove: (id: number) => t.api().delete(`${API}/admin/banners/${id}`).set(bearer(operator)),
    reorder: (ids: number[]) => t.api().put(`${API}/admin/banners/order`).set(bearer(operator)).send({ ids }),
  });
  const base: SaveBannerRequest = { title: '春茶上新', imageUrl: '', linkType: 'none', linkTarget: null, enabled: true };
  const home = async (): Promise<HomeResponse> => (await t.api().get(`${API}/home`).expect(200)).body;

  it('lists the demo banners with their links in words, then starts from an empty carousel', async () => {
    base.imageUrl = imageUrl;
    const demo = await admin().list();
    expect(demo.map((banner) => banner.linkType)).toEqual(['product', 'product', 'category', 'page']);
    expect(demo[3]).toEqual(expect.objectContaining({ linkTarget: 'coupon_center', linkLabel: '领券中心', enabled: true, linkBroken: false }));
    expect(demo[0].linkLabel).toBe('明前西湖龙井');
    for (const banner of demo) await admin().remove(banner.id).expect(204);
    expect(await admin().list()).toEqual([]);
    expect((await home()).banners).toEqual([]);
  });

  it('creates, edits, orders, switches off and deletes; shoppers see the enabled ones in order', async () => {
    const product = await shop.product([{ priceFen: 1000, stock: 5 }]);
    const toProduct: AdminBanner = (await admin().create({ title: '龙井', linkType: 'product', linkTarget: String(product.id) }).expect(201)).body;
    expect(toProduct).toEqual({
      id: expect.any(Number),
      title: '龙井',
      imageUrl,
      linkType: 'product',
      linkTarget: String(product.id),
      enabled: true,
      sortOrder: 0,
      linkLabel: product.title,
      linkBroken: false,
    });
    const toCategory: AdminBanner = (await admin().create({ title: '分类', linkType: 'category', linkTarget: String(categoryId) }).expect(201)).body;
    const toPage: AdminBanner = (await admin().create({ title: '会员', linkType: 'page', linkTarget: 'member_center' }).expect(201)).body;
    const plain: AdminBanner = (await admin().create({ title: '纯展示', linkType: 'none', linkTarget: 'ignored', enabled: false }).expect(201)).body;
    expect(plain).toEqual(expect.objectContaining({ linkTarget: null, enabled: false, sortOrder: 3 }));

    // Shoppers: enabled only, in order, with the link as the storefront needs it.
    expect((await home()).banners).toEqual([
      { id: toProduct.id, title: '龙井', imageUrl, linkType: 'product', linkTarget: String(product.id) },
      { id: toCategory.id, title: '分类', imageUrl, linkType: 'category', linkTarget: String(categoryId) },
      { id: toPage.id, title: '会员', imageUrl, linkType: 'page', linkTarget: 'member_center' },
    ]);

    const reordered: AdminBanner[] = (await admin().reorder([plain.id, toPage.id, toProduct.id, toCategory.id]).expect(200)).body;
    expect(reordered.map((banner) => [banner.id, banner.sortOrder])).toEqual([[plain.id, 0], [toPage.id, 1], [toProduct.id, 2], [toCategory.id, 3]]);
    await admin().update(plain.id, { title: '纯展示', enabled: true }).expect(200);
    await admin().update(toCategory.id, { title: '分类', linkType: 'category', linkTarget: String(categoryId), enabled: false }).expect(200);
    expect((await home()).banners.map((banner) => banner.id)).toEqual([plain.id, toPage.id, toProduct.id]);

    // A product taken off the shelf hides its banner from shoppers; the console marks it.
    await shop.setShelf(product.id, false);
    expect((await home()).banners.map((banner) => banner.id)).toEqual([plain.id, toPage.id]);
    expect((await admin().list()).find((banner) => banner.id === toProduct.id)).toEqual(expect.objectContaining({ linkBroken: true, linkLabel: product.title }));
    await shop.setShelf(product.id, true);

    await admin().remove(toPage.id).expect(204);
    expectApiError((await admin().remove(toPage.id).expect(404)).body, 'BANNER_NOT_FOUND');
    expectApiError((await admin().update(toPage.id, {}).expect(404)).body, 'BANNER_NOT_FOUND');
    expect((await home()).banners.map((banner) => banner.id)).toEqual([plain.id, toProduct.id]);
  });

  it('refuses links to unknown or deleted products, unknown categories and pages with 400 BANNER_LINK_INVALID', async () => {
    const deleted = await shop.product([{ priceFen: 1000, stock: 5 }]);
    await t.api().delete(`${API}/admin/products/${deleted.id}`).set(bearer(operator)).expect(204);
    const before = await t.dataSource.getRepository(BannerRow).count();
    for (const link of [
      { linkType: 'product', linkTarget: String(deleted.id) },
      { linkType: 'product', linkTarget: '999999' },
      { linkType: 'product', linkTarget: 'abc' },
      { linkType: 'product', linkTarget: null },
      { linkType: 'category', linkTarget: '999999' },
      { linkType: 'page', linkTarget: 'admin' },
      { linkType: 'page', linkTarget: null },
    ] as const) {
      const response = await admin().create(link).expect(400);
      expectApiError(response.body, 'BANNER_LINK_INVALID');
      expect(response.body.details).toEqual(link);
    }
    const [first] = await admin().list();
    expectApiError((await admin().update(first.id, { linkType: 'product', linkTarget: String(deleted.id) }).expect(400)).body, 'BANNER_LINK_INVALID');
    for (const bad of [{ title: '' }, { title: '长'.repeat(41) }, { imageUrl: 'javascript:alert(1)' }, { linkType: 'url' }, { enabled: 'yes' }, { extra: 1 }]) {
      expectApiError((await admin().create(bad as Partial<SaveBannerRequest>).expect(400)).body, 'VALIDATION_FAILED');
    }
    expect(await t.dataSource.getRepository(BannerRow).count()).toBe(before);
  });

  it('reorders only the full current list, caps the carousel, and is for the shop-settings roles', async () => {
    const ids = (await admin().list()).map((banner) => banner.id);
    expectApiError((await admin().reorder(ids.slice(1)).expect(400)).body, 'BANNER_ORDER_INVALID');
    expectApiError((await admin().reorder([...ids.slice(1), 999999]).expect(400)).body, 'BANNER_ORDER_INVALID');
    expectApiError((await admin().reorder([ids[0], ids[0]]).expect(400)).body, 'VALIDATION_FAILED');
    while ((await admin().list()).length < 8) await admin().create({ title: '补位' }).expect(201);
    // Five additions at once with room for two: exactly two get in.
    const raced = await Promise.all(Array.from({ length: 5 }, (_, index) => admin().create({ title: `并发${index}` })));
    expect(raced.map((response) => response.status).sort()).toEqual([201, 201, 409, 409, 409]);
    for (const response of raced.filter((answer) => answer.status === 409)) expectApiError(response.body, 'BANNER_LIMIT_REACHED');
    expect(await t.dataSource.getRepository(BannerRow).count()).toBe(10);
    expectApiError((await admin().create({ title: '第十一张' }).expect(409)).body, 'BANNER_LIMIT_REACHED');

    for (const role of ['service', 'warehouse']) {
      const token = await staffToken(t, role);
      expectApiError((await t.api().get(`${API}/admin/banners`).set(bearer(token)).expect(403)).body, 'FORBIDDEN');
      expectApiError((await t.api().post(`${API}/admin/banners`).set(bearer(token)).send(base).expect(403)).body, 'FORBIDDEN');
    }
    await t.api().get(`${API}/admin/banners`).expect(401);
  });
});
