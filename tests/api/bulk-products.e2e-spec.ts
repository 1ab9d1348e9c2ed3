import type { AdminProductDetail, BulkProductResult } from '../../shared';
import { ProductRow } from '../../server/src/catalog/product.entity';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/** 上架 / 下架 / 删除 for selected products: each product on its own, the answer says which changed and why not. */
describe(`bulk product actions (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let operator: string;

  beforeAll(async () => {
    t = await startTestApp();
    shop = new ShopFixtures(t);
    await shop.init();
    operator = await staffToken(t, 'operator');
  });
  afterAll(() => t.close());

  const bulk = (body: object, token = operator) => t.api().post(`${API}/admin/products/bulk`).set(bearer(token)).send(body);
  const row = (id: number) => t.dataSource.getRepository(ProductRow).findOne({ where: { id }, withDeleted: true });
  const products = async (count: number, onShelf: boolean): Promise<AdminProductDetail[]> => {
    const made: AdminProductDetail[] = [];
    for (let i = 0; i < count; i++) made.push(await shop.product([{ priceFen: 1000, stock: 3 }], { onShelf }));
    return made;
  };

  it('puts products on and off the shelf, telling apart those already so and those that do not exist', async () => {
    const [a, b] = await products(2, false);
    const [c] = await products(1, true);
    const on: BulkProductResult = (await bulk({ action: 'on_shelf', ids: [a.id, b.id, c.id, 999999] }).expect(200)).body;
    expect(on).toEqual({
      succeeded: [a.id, b.id],
      unchanged: [c.id],
      failed: [{ id: 999999, code: 'PRODUCT_NOT_FOUND', message: expect.any(String) }],
    });
    for (const id of [a.id, b.id, c.id]) expect((await row(id))!.onShelf).toBe(true);
    // Shoppers see them now.
    await t.api().get(`${API}/products/${a.id}`).expect(200);

    const off: BulkProductResult = (await bulk({ action: 'off_shelf', ids: [a.id, c.id] }).expect(200)).body;
    expect(off).toEqual({ succeeded: [a.id, c.id], unchanged: [], failed: [] });
    expect((await row(a.id))!.onShelf).toBe(false);
    expect((await row(b.id))!.onShelf).toBe(true);
    await t.api().get(`${API}/products/${a.id}`).expect(404);
  });

  it('deletes once: a product deleted already, by this request or another, is reported, not deleted twice', async () => {
    const [a, b] = await products(2, true);
    await t.api().delete(`${API}/admin/products/${b.id}`).set(bearer(operator)).expect(204);
    const deletedAt = (await row(b.id))!.deletedAt;
    const result: BulkProductResult = (await bulk({ action: 'delete', ids: [a.id, b.id] }).expect(200)).body;
    expect(result).toEqual({ succeeded: [a.id], unchanged: [], failed: [{ id: b.id, code: 'PRODUCT_NOT_FOUND', message: '商品不存在或已删除' }] });
    expect(await row(a.id)).toEqual(expect.objectContaining({ onShelf: false, deletedAt: expect.any(Date) }));
    expect((await row(b.id))!.deletedAt).toEqual(deletedAt);
    // Deleted products cannot come back on the shelf.
    expect((await bulk({ action: 'on_shelf', ids: [a.id] }).expect(200)).body.failed).toEqual([expect.objectContaining({ id: a.id, code: 'PRODUCT_NOT_FOUND' })]);
  });

  it('two parallel deletes of the same products each win a product at most once', async () => {
    const made = await products(4, true);
    const ids = made.map((product) => product.id);
    const [first, second] = await Promise.all([bulk({ action: 'delete', ids }), bulk({ action: 'delete', ids: [...ids].reverse() })]);
    const results: BulkProductResult[] = [first.body, second.body];
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect([...results[0].succeeded, ...results[1].succeeded].sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
    expect(results[0].failed.length + results[1].failed.length).toBe(4);
    for (const id of ids) expect((await row(id))!.deletedAt).not.toBeNull();
  });

  it('validates the request and allows the catalog roles only', async () => {
    for (const body of [{ action: 'archive', ids: [1] }, { action: 'delete', ids: [] }, { action: 'delete', ids: [1, 1] }, { action: 'delete', ids: ['x'] }, { action: 'delete' }, { action: 'delete', ids: Array.from({ length: 101 }, (_, i) => i + 1) }]) {
      expectApiError((await bulk(body).expect(400)).body, 'VALIDATION_FAILED');
    }
    const [product] = await products(1, true);
    for (const role of ['service', 'warehouse']) {
      expectApiError((await bulk({ action: 'delete', ids: [product.id] }, await staffToken(t, role)).expect(403)).body, 'FORBIDDEN');
    }
    expect((await row(product.id))!.deletedAt).toBeNull();
    await bulk({ action: 'off_shelf', ids: [product.id] }, await staffToken(t, 'owner')).expect(200);
  });
});
