import type { AdminProductDetail, SaveProductRequest } from '../../shared';
import { ProductRow } from '../../server/src/catalog/product.entity';
import { SkuRow } from '../../server/src/catalog/sku.entity';
import { StockMovementRow } from '../../server/src/inventory/stock-movement.entity';
import { API, bearer, expectApiError, PNG_1X1, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';
import { expectStockLedgerBalanced, movementsOfSku } from './support/stock-ledger';

describe(`catalog (${TEST_DB})`, () => {
  let t: TestApp;
  let owner: string;
  let operator: string;
  let warehouse: string;
  let service: string;
  let topId: number;
  let childId: number;
  let imageUrl: string;

  beforeAll(async () => {
    t = await startTestApp();
    [owner, operator, warehouse, service] = await Promise.all(
      ['owner', 'operator', 'warehouse', 'service'].map((name) => staffToken(t, name)),
    );
    const top = await t.api().post(`${API}/admin/categories`).set(bearer(operator)).send({ name: '测试茶类', sortOrder: 999 }).expect(201);
    topId = top.body.id;
    const child = await t.api().post(`${API}/admin/categories`).set(bearer(operator)).send({ name: '测试子类', parentId: topId }).expect(201);
    childId = child.body.id;
    imageUrl = (await t.api().post(`${API}/admin/uploads`).set(bearer(operator)).attach('file', PNG_1X1, 'p.png').expect(201)).body.url;
  });
  afterAll(() => t.close());

  const twoSkuProduct = (overrides: Partial<SaveProductRequest> = {}): SaveProductRequest => ({
    categoryId: childId,
    title: '测试乌龙',
    subtitle: '两种规格',
    images: [imageUrl],
    detail: [{ type: 'text', text: '好喝' }, { type: 'image', url: imageUrl }],
    tags: ['测试'],
    onShelf: true,
    specs: [{ name: '规格', values: ['100g', '250g'] }],
    skus: [
      { specValues: ['100g'], priceFen: 3900, originalPriceFen: 4900, stock: 10 },
      { specValues: ['250g'], priceFen: 8900, stock: 0 },
    ],
    ...overrides,
  });
  const createProduct = async (body: SaveProductRequest): Promise<AdminProductDetail> =>
    (await t.api().post(`${API}/admin/products`).set(bearer(operator)).send(body).expect(201)).body;
  const shopList = (query: string) => t.api().get(`${API}/products?${query}`).expect(200).then((r) => r.body);

  describe('shopper queries', () => {
    it('home has banners and the category entries; categories are two ordered levels', async () => {
      const home = (await t.api().get(`${API}/home`).expect(200)).body;
      expect(home.banners).toHaveLength(4);
      expect(home.banners[0]).toEqual(expect.objectContaining({ title: expect.any(String), imageUrl: expect.stringMatching(/^\/uploads\//) }));
      expect(home.categories.length).toBeGreaterThanOrEqual(5);
      const tree = (await t.api().get(`${API}/categories`).expect(200)).body;
      expect(tree.map((c: { sortOrder: number }) => c.sortOrder)).toEqual([...tree.map((c: { sortOrder: number }) => c.sortOrder)].sort((a, b) => a - b));
      for (const top of tree) {
        expect(top.parentId).toBeNull();
        expect(top.children.length).toBeGreaterThan(0);
        for (const child of top.children) expect(child).toEqual(expect.objectContaining({ parentId: top.id, children: [] }));
      }
    });

    it('lists a top-level category with its children, sorted every way, paginated', async () => {
      const sortCategory = (await t.api().post(`${API}/admin/categories`).set(bearer(operator)).send({ name: '排序测试' }).expect(201)).body.id;
      const sortChild = (await t.api().post(`${API}/admin/categories`).set(bearer(operator)).send({ name: '排序子类', parentId: sortCategory }).expect(201)).body.id;
      const make = (title: string, priceFen: number, salesSortOrder: number, categoryId: number) =>
        createProduct(
          twoSkuProduct({
            title,
            categoryId,
            sortOrder: salesSortOrder,
            specs: [],
            skus: [{ specValues: [], priceFen, stock: 5 }],
          }),
        );
      const a = await make('甲茶', 3000, 2, sortCategory);
      const b = await make('乙茶', 1000, 0, sortChild);
      const c = await make('丙茶', 2000, 1, sortChild);
      // Real sales the product holds apart from its SKUs' (as sales counted before they were kept per SKU).
      await t.dataSource.getRepository(ProductRow).update({ id: a.id }, { carriedSalesCount: 50 });
      await t.dataSource.getRepository(ProductRow).update({ id: b.id }, { carriedSalesCount: 10 });
      await t.dataSource.getRepository(ProductRow).update({ id: c.id }, { carriedSalesCount: 30 });

      const ids = async (sort: string) => (await shopList(`categoryId=${sortCategory}&sort=${sort}`)).items.map((p: { id: number }) => p.id);
      expect(await ids('default')).toEqual([b.id, c.id, a.id]);
      expect(await ids('sales')).toEqual([a.id, c.id, b.id]);
      expect(await ids('price_asc')).toEqual([b.id, c.id, a.id]);
      expect(await ids('price_desc')).toEqual([a.id, c.id, b.id]);
      expect(await ids('newest')).toEqual([c.id, b.id, a.id]);
      expect((await shopList(`categoryId=${sortChild}`)).items.map((p: { id: number }) => p.id).sort()).toEqual([b.id, c.id].sort());

      const page1 = await shopList(`categoryId=${sortCategory}&sort=price_asc&pageSize=2&page=1`);
      const page2 = await shopList(`categoryId=${sortCategory}&sort=price_asc&pageSize=2&page=2`);
      expect(page1).toEqual(expect.objectContaining({ total: 3, page: 1, pageSize: 2 }));
      expect(page1.items.map((p: { id: number }) => p.id)).toEqual([b.id, c.id]);
      expect(page2.items.map((p: { id: number }) => p.id)).toEqual([a.id]);
    });

    it('searches title, subtitle and tags, with LIKE wildcards matched literally', async () => {
      await createProduct(twoSkuProduct({ title: '满100%好评茶', subtitle: '独家_窨制', tags: ['搜索标签'] }));
      const titles = async (keyword: string) =>
        (await shopList(`keyword=${encodeURIComponent(keyword)}&pageSize=100`)).items.map((p: { title: string }) => p.title);
      expect(await titles('100%')).toEqual(['满100%好评茶']);
      expect(await titles('%')).toEqual(['满100%好评茶']);
      expect(await titles('_')).toEqual(['满100%好评茶']);
      expect(await titles('独家')).toEqual(['满100%好评茶']);
      expect(await titles('搜索标签')).toEqual(['满100%好评茶']);
      expect(await titles('龙井')).toEqual(expect.arrayContaining(['明前西湖龙井', '雨前龙井']));
      expect(await titles('不存在的茶')).toEqual([]);
    });

    it('hides off-shelf products: 404 PRODUCT_NOT_FOUND on detail, absent from lists', async () => {
      const product = await createProduct(twoSkuProduct({ title: '下架测试茶', onShelf: false }));
      expectApiError((await t.api().get(`${API}/products/${product.id}`).expect(404)).body, 'PRODUCT_NOT_FOUND');
      expect((await shopList(`keyword=${encodeURIComponent('下架测试茶')}`)).total).toBe(0);
      await t.api().patch(`${API}/admin/products/${product.id}/shelf`).set(bearer(operator)).send({ onShelf: true }).expect(200);
      expect((await t.api().get(`${API}/products/${product.id}`).expect(200)).body.title).toBe('下架测试茶');
      expect((await shopList(`keyword=${encodeURIComponent('下架测试茶')}`)).total).toBe(1);
    });
  });

  describe('admin products', () => {
    it('creates a product with two SKUs and an uploaded image, which the shopper then sees', async () => {
      const created = await createProduct(twoSkuProduct({ title: '新上架岩茶' }));
      expect(created.skus).toHaveLength(2);
      expect(created.skus.map((s) => s.skuCode)).toEqual([expect.stringMatching(/^SKU/), expect.stringMatching(/^SKU/)]);

      const detail = (await t.api().get(`${API}/products/${created.id}`).expect(200)).body;
      expect(detail).toEqual(
        expect.objectContaining({
          title: '新上架岩茶',
          coverUrl: imageUrl,
          images: [imageUrl],
          minPriceFen: 3900,
          originalPriceFen: 4900,
          inStock: true,
          specs: [{ name: '规格', values: ['100g', '250g'] }],
          detail: [{ type: 'text', text: '好喝' }, { type: 'image', url: imageUrl }],
        }),
      );
      expect(detail.skus.map((s: { specValues: string[]; stock: number }) => [s.specValues, s.stock])).toEqual([[['100g'], 10], [['250g'], 0]]);
      const listed = await shopList(`categoryId=${topId}&pageSize=100`);
      expect(listed.items.map((p: { id: number }) => p.id)).toContain(created.id);
      expect((await t.api().get(imageUrl).expect(200)).headers['content-type']).toBe('image/png');

      const adminRows = (await t.api().get(`${API}/admin/products?keyword=${encodeURIComponent('新上架岩茶')}`).set(bearer(warehouse)).expect(200)).body;
      expect(adminRows.items[0]).toEqual(expect.objectContaining({ id: created.id, categoryName: '测试子类', totalStock: 10, minPriceFen: 3900 }));
    });

    it('replaces a product: SKUs with an id are kept, new combinations added, missing ones removed', async () => {
      const created = await createProduct(twoSkuProduct({ title: '替换测试' }));
      const [small] = created.skus;
      const replaced = (
        await t.api().put(`${API}/admin/products/${created.id}`).set(bearer(operator)).send(
          twoSkuProduct({
            title: '替换测试（新）',
            specs: [{ name: '规格', values: ['100g', '500g'] }],
            skus: [
              { id: small.id, specValues: ['100g'], priceFen: 3500, stock: 7 },
              { specValues: ['500g'], priceFen: 15900, stock: 3 },
            ],
          }),
        ).expect(200)
      ).body as AdminProductDetail;
      expect(replaced.title).toBe('替换测试（新）');
      expect(replaced.skus.map((s) => [s.id === small.id, s.specValues, s.priceFen, s.stock])).toEqual([
        [true, ['100g'], 3500, 7],
        [false, ['500g'], 15900, 3],
      ]);
      expect(replaced.skus[0].skuCode).toBe(small.skuCode);
      expect(await t.dataSource.getRepository(SkuRow).countBy({ productId: created.id })).toBe(2);
      const product = await t.dataSource.getRepository(ProductRow).findOneByOrFail({ id: created.id });
      expect([product.minPriceFen, product.totalStock]).toEqual([3500, 10]);
    });

    it('validates the SKU matrix: exactly one SKU per combination', async () => {
      const post = (body: object) => t.api().post(`${API}/admin/products`).set(bearer(operator)).send(body);
      const specs = [{ name: '规格', values: ['100g', '250g'] }, { name: '口味', values: ['原味', '蜂蜜'] }];
      const sku = (specValues: string[]) => ({ specValues, priceFen: 1000, stock: 1 });
      const all = [sku(['100g', '原味']), sku(['100g', '蜂蜜']), sku(['250g', '原味']), sku(['250g', '蜂蜜'])];
      await post(twoSkuProduct({ title: '矩阵正确', specs, skus: all })).expect(201);

      const missing = await post(twoSkuProduct({ specs, skus: all.slice(0, 3) })).expect(400);
      expectApiError(missing.body, 'SKU_MATRIX_INVALID');
      expect(missing.body.details).toEqual([{ field: 'skus', message: expect.stringContaining('250g / 蜂蜜') }]);
      expectApiError((await post(twoSkuProduct({ specs, skus: [...all, sku(['100g', '原味'])] })).expect(400)).body, 'SKU_MATRIX_INVALID');
      expectApiError((await post(twoSkuProduct({ specs, skus: [...all.slice(0, 3), sku(['500g', '蜂蜜'])] })).expect(400)).body, 'SKU_MATRIX_INVALID');
      expectApiError((await post(twoSkuProduct({ specs: [], skus: [sku([]), sku([])] })).expect(400)).body, 'SKU_MATRIX_INVALID');
      await post(twoSkuProduct({ title: '无规格商品', specs: [], skus: [sku([])] })).expect(201);
    });

    it('filters the admin list by a top-level category including its subcategories', async () => {
      const product = await createProduct(twoSkuProduct({ title: '子类筛选' }));
      const list = async (categoryId: number) =>
        (await t.api().get(`${API}/admin/products?categoryId=${categoryId}&pageSize=100`).set(bearer(warehouse)).expect(200)).body;
      const byTop = await list(topId);
      const byChild = await list(childId);
      expect(byTop.items.map((row: { id: number }) => row.id)).toContain(product.id);
      expect(byTop.total).toBe(byChild.total);
      expectApiError((await t.api().get(`${API}/admin/products?categoryId=999999`).set(bearer(owner)).expect(404)).body, 'CATEGORY_NOT_FOUND');
    });

    it('deletes a product: gone from the shop and the console, its category can then be deleted', async () => {
      const category = (await t.api().post(`${API}/admin/categories`).set(bearer(operator)).send({ name: '待删子类', parentId: topId }).expect(201)).body;
      const product = await createProduct(twoSkuProduct({ title: '待删除商品', categoryId: category.id }));
      await t.api().delete(`${API}/admin/products/${product.id}`).set(bearer(warehouse)).expect(403);
      await t.api().delete(`${API}/admin/products/${product.id}`).set(bearer(operator)).expect(204);

      expectApiError((await t.api().get(`${API}/products/${product.id}`).expect(404)).body, 'PRODUCT_NOT_FOUND');
      expect((await shopList(`keyword=${encodeURIComponent('待删除商品')}`)).total).toBe(0);
      expectApiError((await t.api().get(`${API}/admin/products/${product.id}`).set(bearer(owner)).expect(404)).body, 'PRODUCT_NOT_FOUND');
      const adminList = (await t.api().get(`${API}/admin/products?keyword=${encodeURIComponent('待删除商品')}`).set(bearer(owner)).expect(200)).body;
      expect(adminList.total).toBe(0);
      // A deleted product cannot come back on shelf or be edited, and deleting it again is a 404.
      await t.api().patch(`${API}/admin/products/${product.id}/shelf`).set(bearer(operator)).send({ onShelf: true }).expect(404);
      await t.api().put(`${API}/admin/products/${product.id}`).set(bearer(operator)).send(twoSkuProduct()).expect(404);
      expectApiError((await t.api().delete(`${API}/admin/products/${product.id}`).set(bearer(operator)).expect(404)).body, 'PRODUCT_NOT_FOUND');
      // The row stays for the orders that reference it.
      const row = await t.dataSource.getRepository(ProductRow).findOne({ where: { id: product.id }, withDeleted: true });
      expect(row).toEqual(expect.objectContaining({ onShelf: false, deletedAt: expect.any(Date) }));

      await t.api().delete(`${API}/admin/categories/${category.id}`).set(bearer(operator)).expect(204);
      await t.api().delete(`${API}/admin/products/abc`).set(bearer(operator)).expect(400);
    });

    it('rejects a SKU code that another product uses with 409 SKU_CODE_TAKEN', async () => {
      const first = await createProduct(twoSkuProduct({ skus: [
        { specValues: ['100g'], priceFen: 100, stock: 1, skuCode: 'CODE-UNIQUE-1' },
        { specValues: ['250g'], priceFen: 200, stock: 1 },
      ] }));
      expect(first.skus[0].skuCode).toBe('CODE-UNIQUE-1');
      const taken = await t.api().post(`${API}/admin/products`).set(bearer(operator)).send(twoSkuProduct({ skus: [
        { specValues: ['100g'], priceFen: 100, stock: 1, skuCode: 'CODE-UNIQUE-1' },
        { specValues: ['250g'], priceFen: 200, stock: 1 },
      ] })).expect(409);
      expectApiError(taken.body, 'SKU_CODE_TAKEN');
    });
  });

  describe('stock adjustments', () => {
    const adjust = (token: string, skuId: number, delta: number) =>
      t.api().post(`${API}/admin/skus/${skuId}/stock-adjustments`).set(bearer(token)).send({ delta, reason: '盘点' });

    it('adjusts stock for stock roles and keeps the product total in step', async () => {
      const product = await createProduct(twoSkuProduct());
      const skuId = product.skus[0].id;
      expect((await adjust(warehouse, skuId, 5).expect(200)).body).toEqual({ skuId, stock: 15 });
      expect((await adjust(owner, skuId, -3).expect(200)).body).toEqual({ skuId, stock: 12 });
      expectApiError((await adjust(service, skuId, 1).expect(403)).body, 'FORBIDDEN');
      expectApiError((await adjust(operator, skuId, -13).expect(409)).body, 'STOCK_WOULD_GO_NEGATIVE');
      const stored = await t.dataSource.getRepository(ProductRow).findOneByOrFail({ id: product.id });
      expect(stored.totalStock).toBe(12);
    });

    it('keeps every stock change in the SKU ledger: initial stock, adjustments, product edits (not edits that keep the stock)', async () => {
      const product = await createProduct(twoSkuProduct({ title: '流水测试' }));
      const [small, large] = product.skus;
      await adjust(warehouse, small.id, 4).expect(200);
      const edit = (stock: number) =>
        t.api().put(`${API}/admin/products/${product.id}`).set(bearer(operator)).send(
          twoSkuProduct({ title: '流水测试', skus: [
            { id: small.id, specValues: ['100g'], priceFen: 3900, stock },
            { id: large.id, specValues: ['250g'], priceFen: 8900, stock: 0 },
          ] }),
        ).expect(200);
      await edit(20);
      await edit(20); // the same stock again: no movement
      expect(await movementsOfSku(t, small.id)).toEqual([
        { reason: 'initial', delta: 10 },
        { reason: 'adjustment', delta: 4 },
        { reason: 'product_edit', delta: 6 },
      ]);
      expect(await movementsOfSku(t, large.id)).toEqual([]);

      const listed = (await t.api().get(`${API}/admin/skus/${small.id}/stock-movements`).set(bearer(service)).expect(200)).body;
      expect(listed.map((m: { reason: string; delta: number; staffName: string | null; note: string | null }) => [m.reason, m.delta, m.staffName !== null, m.note])).toEqual([
        ['product_edit', 6, true, '编辑商品时修改库存'],
        ['adjustment', 4, true, '盘点'],
        ['initial', 10, true, null],
      ]);
      expectApiError((await t.api().get(`${API}/admin/skus/999999/stock-movements`).set(bearer(service)).expect(404)).body, 'SKU_NOT_FOUND');
      expectApiError((await t.api().get(`${API}/admin/skus/${small.id}/stock-movements?limit=0`).set(bearer(service)).expect(400)).body, 'VALIDATION_FAILED');

      const check = (await t.api().get(`${API}/admin/inventory/ledger-check`).set(bearer(owner)).expect(200)).body;
      expect(check.mismatches).toEqual([]);
      expect(check.skusChecked).toBeGreaterThan(2);
      expectApiError((await t.api().get(`${API}/admin/inventory/ledger-check`).set(bearer(warehouse)).expect(403)).body, 'FORBIDDEN');
      // A write around the ledger is what the check is for: it names the SKU.
      await t.dataSource.query('UPDATE skus SET stock = stock + 1 WHERE id = ?', [small.id]);
      const broken = (await t.api().get(`${API}/admin/inventory/ledger-check`).set(bearer(operator)).expect(200)).body;
      expect(broken.mismatches).toEqual([{ skuId: small.id, stock: 21, movementSum: 20 }]);
      await t.dataSource.query('UPDATE skus SET stock = stock - 1 WHERE id = ?', [small.id]);
    });

    it('a save keeps what was sold while the form was open: an unchanged stock stays, a changed one adds the change', async () => {
      const product = await createProduct(twoSkuProduct({ title: '表单库存' }));
      const [small, large] = product.skus;
      const save = (stock: number, stockBefore: number) =>
        t.api().put(`${API}/admin/products/${product.id}`).set(bearer(operator)).send(
          twoSkuProduct({ title: '表单库存（改名）', skus: [
            { id: small.id, specValues: ['100g'], priceFen: 3900, stock, stockBefore },
            { id: large.id, specValues: ['250g'], priceFen: 8900, stock: 0, stockBefore: 0 },
          ] }),
        ).expect(200);
      // The form loaded stock 10; 3 units went out while it was open.
      await adjust(warehouse, small.id, -3).expect(200);
      const renamed: AdminProductDetail = (await save(10, 10)).body;
      expect(renamed.title).toBe('表单库存（改名）');
      expect(renamed.skus[0].stock).toBe(7);
      // Staff typed 25 over the 10 the form loaded (15 units received): the 3 sold meanwhile stay sold.
      expect((await save(25, 10)).body.skus[0].stock).toBe(22);
      expect(await movementsOfSku(t, small.id)).toEqual([
        { reason: 'initial', delta: 10 },
        { reason: 'adjustment', delta: -3 },
        { reason: 'product_edit', delta: 15 },
      ]);
      expect((await t.dataSource.getRepository(ProductRow).findOneByOrFail({ id: product.id })).totalStock).toBe(22);
      // A form that loaded 25 and takes all of them off would go below zero now that 22 are left: refused, nothing written.
      const refused = (await t.api().put(`${API}/admin/products/${product.id}`).set(bearer(operator)).send(
        twoSkuProduct({ title: '不会保存', skus: [
          { id: small.id, specValues: ['100g'], priceFen: 3900, stock: 0, stockBefore: 25 },
          { id: large.id, specValues: ['250g'], priceFen: 8900, stock: 0, stockBefore: 0 },
        ] }),
      ).expect(409)).body;
      expectApiError(refused, 'STOCK_WOULD_GO_NEGATIVE');
      expect((await t.dataSource.getRepository(ProductRow).findOneByOrFail({ id: product.id })).title).toBe('表单库存（改名）');
      expect((await movementsOfSku(t, small.id)).length).toBe(3);
      expectApiError((await t.api().put(`${API}/admin/products/${product.id}`).set(bearer(operator)).send(
        twoSkuProduct({ skus: [
          { id: small.id, specValues: ['100g'], priceFen: 3900, stock: 1, stockBefore: -1 },
          { id: large.id, specValues: ['250g'], priceFen: 8900, stock: 0 },
        ] }),
      ).expect(400)).body, 'VALIDATION_FAILED');
      await expectStockLedgerBalanced(t);
    });

    it('never goes below zero when adjustments race: exactly the stock on hand is taken', async () => {
      const product = await createProduct(twoSkuProduct({ skus: [
        { specValues: ['100g'], priceFen: 100, stock: 5 },
        { specValues: ['250g'], priceFen: 200, stock: 0 },
      ] }));
      const skuId = product.skus[0].id;
      const results = await Promise.all(Array.from({ length: 12 }, () => adjust(warehouse, skuId, -1)));
      expect(results.filter((r) => r.status === 200)).toHaveLength(5);
      expect(results.filter((r) => r.status === 409)).toHaveLength(7);
      expect((await t.dataSource.getRepository(SkuRow).findOneByOrFail({ id: skuId })).stock).toBe(0);
      expect(await t.dataSource.getRepository(StockMovementRow).countBy({ skuId, reason: 'adjustment' })).toBe(5);
      await expectStockLedgerBalanced(t);
      expect((await t.dataSource.getRepository(ProductRow).findOneByOrFail({ id: product.id })).totalStock).toBe(0);
      expect((await t.api().get(`${API}/products/${product.id}`).expect(200)).body.inStock).toBe(false);
    });
  });

  describe('admin categories', () => {
    it('creates, renames, moves and deletes categories within two levels', async () => {
      const a = (await t.api().post(`${API}/admin/categories`).set(bearer(operator)).send({ name: '临时分类', icon: imageUrl }).expect(201)).body;
      expect(a).toEqual(expect.objectContaining({ name: '临时分类', parentId: null, icon: imageUrl, children: [] }));
      const b = (await t.api().post(`${API}/admin/categories`).set(bearer(operator)).send({ name: '临时子类', parentId: a.id }).expect(201)).body;
      expectApiError(
        (await t.api().post(`${API}/admin/categories`).set(bearer(operator)).send({ name: '第三级', parentId: b.id }).expect(400)).body,
        'CATEGORY_TOO_DEEP',
      );
      expectApiError((await t.api().patch(`${API}/admin/categories/${a.id}`).set(bearer(operator)).send({ parentId: topId }).expect(400)).body, 'CATEGORY_TOO_DEEP');
      const renamed = (await t.api().patch(`${API}/admin/categories/${a.id}`).set(bearer(operator)).send({ name: '改名分类', sortOrder: 5 }).expect(200)).body;
      expect(renamed).toEqual(expect.objectContaining({ name: '改名分类', sortOrder: 5, children: [expect.objectContaining({ id: b.id })] }));

      expectApiError((await t.api().delete(`${API}/admin/categories/${a.id}`).set(bearer(operator)).expect(409)).body, 'CATEGORY_NOT_EMPTY');
      await t.api().delete(`${API}/admin/categories/${b.id}`).set(bearer(operator)).expect(204);
      await t.api().delete(`${API}/admin/categories/${a.id}`).set(bearer(operator)).expect(204);
      expectApiError((await t.api().delete(`${API}/admin/categories/${a.id}`).set(bearer(operator)).expect(404)).body, 'CATEGORY_NOT_FOUND');
    });

    it('refuses to delete a category that has products', async () => {
      expectApiError((await t.api().delete(`${API}/admin/categories/${childId}`).set(bearer(owner)).expect(409)).body, 'CATEGORY_NOT_EMPTY');
    });
  });

  describe('bad input', () => {
    const productPost = (body: unknown) => t.api().post(`${API}/admin/products`).set(bearer(operator)).send(body as object);
    const sku = (patch: object) => ({ specValues: ['100g'], priceFen: 100, stock: 1, ...patch });
    const withSku = (patch: object) => ({ ...twoSkuProduct(), skus: [sku(patch), sku({ specValues: ['250g'] })] });

    // Bodies are built lazily: the fixtures (category, uploaded image) exist only after beforeAll.
    it.each<[string, () => object, string]>([
      ['a negative price', () => (withSku({ priceFen: -100 })), 'skus.0.priceFen'],
      ['a zero price', () => (withSku({ priceFen: 0 })), 'skus.0.priceFen'],
      ['a fractional price', () => (withSku({ priceFen: 9.9 })), 'skus.0.priceFen'],
      ['a price as a string', () => (withSku({ priceFen: '100' })), 'skus.0.priceFen'],
      ['a price above 999 999.99 yuan', () => (withSku({ priceFen: 100_000_000 })), 'skus.0.priceFen'],
      ['negative stock', () => (withSku({ stock: -1 })), 'skus.0.stock'],
      ['stock above the limit', () => (withSku({ stock: 10_000_000 })), 'skus.0.stock'],
      ['an original price not above the price', () => (withSku({ priceFen: 500, originalPriceFen: 400 })), 'skus.0.originalPriceFen'],
      ['an unknown SKU field', () => (withSku({ cost: 1 })), 'skus.0.cost'],
      ['a 10 000-character title', () => ({ ...twoSkuProduct(), title: '茶'.repeat(10_000) }), 'title'],
      ['a numeric title', () => ({ ...twoSkuProduct(), title: 42 }), 'title'],
      ['no images', () => ({ ...twoSkuProduct(), images: [] }), 'images'],
      ['an outside image', () => ({ ...twoSkuProduct(), images: ['http://evil.example/x.png'] }), 'images'],
      ['an unknown detail block', () => ({ ...twoSkuProduct(), detail: [{ type: 'video', url: imageUrl }] }), 'detail.0.type'],
      ['a categoryId string', () => ({ ...twoSkuProduct(), categoryId: 'tea' }), 'categoryId'],
      ['a categoryId out of range', () => ({ ...twoSkuProduct(), categoryId: 2 ** 40 }), 'categoryId'],
      ['skus not an array', () => ({ ...twoSkuProduct(), skus: 'many' }), 'skus'],
      ['an unknown field', () => ({ ...twoSkuProduct(), salesCount: 99999 }), 'salesCount'],
    ])('product create rejects %s', async (_, body, field) => {
      const response = await productPost(body()).expect(400);
      expectApiError(response.body, 'VALIDATION_FAILED');
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('product create rejects garbage bodies and an unknown category', async () => {
      for (const body of [null, [], 'text', 12]) {
        const response = await t.api().post(`${API}/admin/products`).set(bearer(operator)).set('content-type', 'application/json').send(JSON.stringify(body));
        expect(response.status).toBe(400);
        expectApiError(response.body, 'VALIDATION_FAILED');
      }
      expectApiError((await productPost(twoSkuProduct({ categoryId: 999_999 })).expect(404)).body, 'CATEGORY_NOT_FOUND');
    });

    it('product replace, detail and shelf reject unknown ids and wrong types', async () => {
      const product = await createProduct(twoSkuProduct());
      const other = await createProduct(twoSkuProduct());
      const put = (id: number | string, body: object) => t.api().put(`${API}/admin/products/${id}`).set(bearer(operator)).send(body);
      expectApiError((await put(999_999, twoSkuProduct()).expect(404)).body, 'PRODUCT_NOT_FOUND');
      expectApiError((await put('x', twoSkuProduct()).expect(400)).body, 'VALIDATION_FAILED');
      const foreignSku = twoSkuProduct({ skus: [
        { id: other.skus[0].id, specValues: ['100g'], priceFen: 100, stock: 1 },
        { specValues: ['250g'], priceFen: 100, stock: 1 },
      ] });
      expectApiError((await put(product.id, foreignSku).expect(404)).body, 'SKU_NOT_FOUND');
      const [first] = product.skus;
      const sameSkuTwice = twoSkuProduct({ skus: [
        { id: first.id, specValues: ['100g'], priceFen: 100, stock: 1 },
        { id: first.id, specValues: ['250g'], priceFen: 100, stock: 1 },
      ] });
      expectApiError((await put(product.id, sameSkuTwice).expect(400)).body, 'SKU_MATRIX_INVALID');
      expectApiError((await t.api().get(`${API}/admin/products/999999`).set(bearer(operator)).expect(404)).body, 'PRODUCT_NOT_FOUND');
      expectApiError((await t.api().get(`${API}/admin/products/-1`).set(bearer(operator)).expect(400)).body, 'VALIDATION_FAILED');
      const shelf = (id: number, body: object) => t.api().patch(`${API}/admin/products/${id}/shelf`).set(bearer(operator)).send(body);
      expectApiError((await shelf(product.id, { onShelf: 'yes' }).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await shelf(product.id, {}).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await shelf(999_999, { onShelf: true }).expect(404)).body, 'PRODUCT_NOT_FOUND');
    });

    it('admin product list rejects bad filters', async () => {
      for (const query of ['onShelf=maybe', 'categoryId=abc', 'pageSize=101', `keyword=${'k'.repeat(10_000)}`, 'sort=price']) {
        const response = await t.api().get(`${API}/admin/products?${query}`).set(bearer(operator));
        expect([query, response.status]).toEqual([query, 400]);
        expectApiError(response.body, 'VALIDATION_FAILED');
      }
    });

    it('stock adjustment rejects zero, fractions, missing reasons, unknown SKUs', async () => {
      const product = await createProduct(twoSkuProduct());
      const post = (skuId: number | string, body: object) =>
        t.api().post(`${API}/admin/skus/${skuId}/stock-adjustments`).set(bearer(warehouse)).send(body);
      const skuId = product.skus[0].id;
      for (const body of [{ delta: 0, reason: 'x' }, { delta: 1.5, reason: 'x' }, { delta: '1', reason: 'x' }, { delta: 1 }, { delta: 1, reason: '' }, { delta: 1, reason: 'r'.repeat(10_000) }, { delta: 1e12, reason: 'x' }]) {
        expectApiError((await post(skuId, body).expect(400)).body, 'VALIDATION_FAILED');
      }
      expectApiError((await post(999_999, { delta: 1, reason: 'x' }).expect(404)).body, 'SKU_NOT_FOUND');
      expectApiError((await post('1.5', { delta: 1, reason: 'x' }).expect(400)).body, 'VALIDATION_FAILED');
    });

    it('category endpoints reject wrong types, huge strings and unknown parents', async () => {
      const post = (body: object) => t.api().post(`${API}/admin/categories`).set(bearer(operator)).send(body);
      for (const body of [{ name: '' }, { name: '类'.repeat(10_000) }, { name: 5 }, { name: '好', parentId: 'top' }, { name: '好', sortOrder: -1 }, { name: '好', icon: 'ftp://x' }, { name: '好', extra: 1 }]) {
        expectApiError((await post(body).expect(400)).body, 'VALIDATION_FAILED');
      }
      expectApiError((await post({ name: '孤儿', parentId: 999_999 }).expect(404)).body, 'CATEGORY_NOT_FOUND');
      expectApiError((await t.api().patch(`${API}/admin/categories/999999`).set(bearer(operator)).send({ name: '无' }).expect(404)).body, 'CATEGORY_NOT_FOUND');
      expectApiError((await t.api().patch(`${API}/admin/categories/${topId}`).set(bearer(operator)).send({ sortOrder: 'first' }).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await t.api().delete(`${API}/admin/categories/abc`).set(bearer(operator)).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await t.api().get(`${API}/admin/categories`).set(bearer('x.y.z')).expect(401)).body, 'TOKEN_INVALID');
    });

    it('uploads accept SVG from staff but reject other files, missing files and files over 5 MB', async () => {
      const upload = () => t.api().post(`${API}/admin/uploads`).set(bearer(operator));
      const svg = (await upload().attach('file', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg').expect(201)).body.url;
      expect(svg).toMatch(/\.svg$/);
      expectApiError((await upload().attach('file', Buffer.from('%PDF-1.4'), 'a.pdf').expect(400)).body, 'FILE_TYPE_NOT_ALLOWED');
      expectApiError((await upload().send({ url: 'x' }).expect(400)).body, 'FILE_MISSING');
      expectApiError((await upload().attach('file', Buffer.concat([PNG_1X1, Buffer.alloc(6 * 1024 * 1024)]), 'x.png').expect(413)).body, 'FILE_TOO_LARGE');
      expectApiError((await t.api().post(`${API}/admin/uploads`).set(bearer(warehouse)).attach('file', PNG_1X1, 'x.png').expect(403)).body, 'FORBIDDEN');
    });

    it('shopper product queries reject bad parameters and unknown ids', async () => {
      for (const query of ['sort=cheapest', 'categoryId=abc', 'categoryId=0', 'pageSize=1000', 'page=-1', `keyword=${'k'.repeat(10_000)}`, 'admin=1', 'page=1&page=2']) {
        const response = await t.api().get(`${API}/products?${query}`);
        expect([query, response.status]).toEqual([query, 400]);
        expectApiError(response.body, 'VALIDATION_FAILED');
      }
      expectApiError((await t.api().get(`${API}/products?categoryId=999999`).expect(404)).body, 'CATEGORY_NOT_FOUND');
      for (const id of ['abc', '0', '-5', '1.5', '99999999999999999999', '%00', '%E0%A4']) {
        expectApiError((await t.api().get(`${API}/products/${id}`).expect(400)).body, 'VALIDATION_FAILED');
      }
      expectApiError((await t.api().get(`${API}/products/999999`).expect(404)).body, 'PRODUCT_NOT_FOUND');
      expectApiError((await t.api().put(`${API}/categories`).send({}).expect(404)).body, 'ROUTE_NOT_FOUND');
    });
  });
});
