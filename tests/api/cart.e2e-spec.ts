import type { Address, CartResponse } from '../../shared';
import { ADDRESS, ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

describe(`cart, addresses and shop settings (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  beforeAll(async () => {
    t = await startTestApp();
    shop = new ShopFixtures(t);
    await shop.init();
  });
  afterAll(() => t.close());

  describe('cart', () => {
    let alice: string;
    beforeAll(async () => {
      alice = await memberToken(t, 'cart-alice');
    });
    const cart = async (token = alice): Promise<CartResponse> => (await t.api().get(`${API}/cart`).set(bearer(token)).expect(200)).body;
    const add = (skuId: number, quantity: number, token = alice) =>
      t.api().post(`${API}/cart/items`).set(bearer(token)).send({ skuId, quantity });

    it('needs a member login', async () => {
      expectApiError((await t.api().get(`${API}/cart`).expect(401)).body, 'UNAUTHORIZED');
    });

    it('adds, merges the same SKU up to 99, changes quantity, selects and totals the selected lines', async () => {
      const product = await shop.product([{ priceFen: 1990, stock: 200 }, { priceFen: 3500, stock: 5 }]);
      const [small, large] = product.skus.map((sku) => sku.id);
      await add(small, 2).expect(200);
      const merged: CartResponse = (await add(small, 3).expect(200)).body;
      expect(merged.items).toHaveLength(1);
      expect(merged.items[0]).toEqual(
        expect.objectContaining({ skuId: small, productId: product.id, title: product.title, specValues: ['规格1'], priceFen: 1990, addedPriceFen: 1990, quantity: 5, selected: true, unavailableReason: null }),
      );
      expect((await add(small, 99).expect(200)).body.items[0].quantity).toBe(99);

      const withLarge: CartResponse = (await add(large, 1).expect(200)).body;
      expect(withLarge.items.map((item) => item.skuId)).toEqual([large, small]);
      const smallId = withLarge.items[1].id;
      const changed: CartResponse = (await t.api().patch(`${API}/cart/items/${smallId}`).set(bearer(alice)).send({ quantity: 2 }).expect(200)).body;
      // 2 × ¥19.90 + 1 × ¥35.00
      expect(changed).toEqual(
        expect.objectContaining({ totalQuantity: 3, selectedQuantity: 3, selectedSubtotalFen: 7480, shippingRule: { shippingFeeFen: 800, freeShippingThresholdFen: 9900 } }),
      );

      const deselected: CartResponse = (await t.api().patch(`${API}/cart/items/${smallId}`).set(bearer(alice)).send({ selected: false }).expect(200)).body;
      expect(deselected).toEqual(expect.objectContaining({ totalQuantity: 3, selectedQuantity: 1, selectedSubtotalFen: 3500 }));
      const none: CartResponse = (await t.api().put(`${API}/cart/selection`).set(bearer(alice)).send({ selected: false }).expect(200)).body;
      expect(none.selectedSubtotalFen).toBe(0);
      const all: CartResponse = (await t.api().put(`${API}/cart/selection`).set(bearer(alice)).send({ selected: true }).expect(200)).body;
      expect(all.selectedSubtotalFen).toBe(7480);

      const removed: CartResponse = (await t.api().delete(`${API}/cart/items/${smallId}`).set(bearer(alice)).expect(200)).body;
      expect(removed.items.map((item) => item.skuId)).toEqual([large]);
      await t.api().delete(`${API}/cart/items/${withLarge.items[0].id}`).set(bearer(alice)).expect(200);
      expect((await cart()).items).toEqual([]);
    });

    it('adds in parallel into one line without losing units', async () => {
      const skuId = await shop.sku(500, 100);
      const bob = await memberToken(t, 'cart-parallel');
      await Promise.all(Array.from({ length: 10 }, () => add(skuId, 1, bob).expect(200)));
      const lines = (await cart(bob)).items;
      expect(lines).toHaveLength(1);
      expect(lines[0].quantity).toBe(10);
    });

    it('flags lines that went off shelf, sold out, ran short or lost their SKU, and leaves them out of the total', async () => {
      const carol = await memberToken(t, 'cart-carol');
      const offShelf = await shop.product([{ priceFen: 1000, stock: 10 }]);
      const soldOut = await shop.product([{ priceFen: 1000, stock: 10 }]);
      const short = await shop.product([{ priceFen: 1000, stock: 3 }]);
      const deleted = await shop.product([{ priceFen: 1000, stock: 10 }, { priceFen: 2000, stock: 10 }]);
      const fine = await shop.product([{ priceFen: 1200, stock: 10 }]);
      for (const [skuId, quantity] of [
        [offShelf.skus[0].id, 1],
        [soldOut.skus[0].id, 1],
        [short.skus[0].id, 3],
        [deleted.skus[1].id, 1],
        [fine.skus[0].id, 2],
      ]) {
        await add(skuId, quantity, carol).expect(200);
      }
      await shop.setShelf(offShelf.id, false);
      const warehouse = await staffToken(t, 'warehouse');
      await t.api().post(`${API}/admin/skus/${soldOut.skus[0].id}/stock-adjustments`).set(bearer(warehouse)).send({ delta: -10, reason: '盘点' }).expect(200);
      await t.api().post(`${API}/admin/skus/${short.skus[0].id}/stock-adjustments`).set(bearer(warehouse)).send({ delta: -1, reason: '盘点' }).expect(200);
      const operator = await staffToken(t, 'operator');
      const { id: _id, createdAt: _c, updatedAt: _u, salesCount: _s, sortOrder: _o, ...deletedBody } = deleted;
      await t.api()
        .put(`${API}/admin/products/${deleted.id}`)
        .set(bearer(operator))
        .send({ ...deletedBody, specs: [{ name: '规格', values: ['规格1'] }], skus: [{ ...deleted.skus[0] }] })
        .expect(200);

      const items = (await cart(carol)).items;
      const reasonOf = (skuId: number) => items.find((item) => item.skuId === skuId)?.unavailableReason;
      expect(reasonOf(offShelf.skus[0].id)).toBe('off_shelf');
      expect(reasonOf(soldOut.skus[0].id)).toBe('sold_out');
      expect(reasonOf(short.skus[0].id)).toBe('insufficient_stock');
      expect(reasonOf(fine.skus[0].id)).toBeNull();
      const gone = items.find((item) => item.skuId === deleted.skus[1].id)!;
      // The snapshot still says what it was.
      expect(gone).toEqual(expect.objectContaining({ unavailableReason: 'sku_deleted', title: deleted.title, specValues: ['规格2'], priceFen: 2000, stock: 0 }));
      expect((await cart(carol)).selectedSubtotalFen).toBe(2400);
    });

    it('refuses what cannot be added: unknown SKU, off shelf, sold out', async () => {
      expectApiError((await add(999999, 1).expect(404)).body, 'SKU_NOT_FOUND');
      const product = await shop.product([{ priceFen: 100, stock: 0 }, { priceFen: 100, stock: 5 }]);
      expectApiError((await add(product.skus[0].id, 1).expect(409)).body, 'OUT_OF_STOCK');
      await shop.setShelf(product.id, false);
      expectApiError((await add(product.skus[1].id, 1).expect(409)).body, 'PRODUCT_OFF_SHELF');
    });

    it('rejects bad input with a code, and never touches another member’s line', async () => {
      for (const body of [
        {},
        { skuId: '1', quantity: 1 },
        { skuId: 1, quantity: 0 },
        { skuId: 1, quantity: -3 },
        { skuId: 1, quantity: 100 },
        { skuId: 1, quantity: 1.5 },
        { skuId: 1, quantity: 1, priceFen: 1 },
        { skuId: 99999999999, quantity: 1 },
      ]) {
        expectApiError((await t.api().post(`${API}/cart/items`).set(bearer(alice)).send(body).expect(400)).body, 'VALIDATION_FAILED');
      }
      const skuId = await shop.sku(800, 10);
      const line = (await add(skuId, 1).expect(200)).body.items[0];
      for (const body of [{}, { quantity: 'x' }, { selected: 'yes' }, { quantity: 1, skuId: 3 }]) {
        expectApiError((await t.api().patch(`${API}/cart/items/${line.id}`).set(bearer(alice)).send(body).expect(400)).body, 'VALIDATION_FAILED');
      }
      expectApiError((await t.api().put(`${API}/cart/selection`).set(bearer(alice)).send({ selected: 1 }).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await t.api().patch(`${API}/cart/items/abc`).set(bearer(alice)).send({ quantity: 1 }).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await t.api().delete(`${API}/cart/items/-5`).set(bearer(alice)).expect(400)).body, 'VALIDATION_FAILED');
      expectApiError((await t.api().patch(`${API}/cart/items/987654`).set(bearer(alice)).send({ quantity: 1 }).expect(404)).body, 'CART_ITEM_NOT_FOUND');
      expectApiError((await t.api().post(`${API}/cart/items`).set(bearer(alice)).set('content-type', 'application/json').send('{"skuId":').expect(400)).body, 'VALIDATION_FAILED');

      const mallory = await memberToken(t, 'cart-mallory');
      expectApiError((await t.api().patch(`${API}/cart/items/${line.id}`).set(bearer(mallory)).send({ quantity: 5 }).expect(404)).body, 'CART_ITEM_NOT_FOUND');
      expectApiError((await t.api().delete(`${API}/cart/items/${line.id}`).set(bearer(mallory)).expect(404)).body, 'CART_ITEM_NOT_FOUND');
      expect((await cart()).items.find((item) => item.id === line.id)?.quantity).toBe(1);
    });
  });

  describe('addresses', () => {
    const list = async (token: string): Promise<Address[]> => (await t.api().get(`${API}/addresses`).set(bearer(token)).expect(200)).body;
    const defaults = async (token: string) => (await list(token)).filter((address) => address.isDefault).map((address) => address.id);

    it('keeps exactly one default: the first address, a new default, the heir of a deleted default', async () => {
      const token = await memberToken(t, 'address-dora');
      const first = await shop.address(token);
      expect(await defaults(token)).toEqual([first]);
      const second = await shop.address(token, { recipientName: '李四' });
      expect(await defaults(token)).toEqual([first]);
      const third = await shop.address(token, { recipientName: '王五', isDefault: true });
      expect(await defaults(token)).toEqual([third]);
      expect((await list(token))[0].id).toBe(third);

      await t.api().post(`${API}/addresses/${second}/default`).set(bearer(token)).expect(200);
      expect(await defaults(token)).toEqual([second]);
      await t.api().delete(`${API}/addresses/${second}`).set(bearer(token)).expect(204);
      expect(await defaults(token)).toEqual([third]);

      const edited = await t.api().put(`${API}/addresses/${first}`).set(bearer(token)).send({ ...ADDRESS, detail: '  新地址 2 号  ', isDefault: false }).expect(200);
      expect(edited.body).toEqual(expect.objectContaining({ id: first, detail: '新地址 2 号', isDefault: false }));
      expect(await defaults(token)).toEqual([third]);
    });

    it('ends with one default when several are made default at once', async () => {
      const token = await memberToken(t, 'address-race');
      const ids: number[] = [];
      for (let i = 0; i < 6; i++) ids.push(await shop.address(token));
      await Promise.all(ids.map((id) => t.api().post(`${API}/addresses/${id}/default`).set(bearer(token))));
      expect(await defaults(token)).toHaveLength(1);
    });

    it('holds at most 20 addresses, also when 25 are added at once', async () => {
      const token = await memberToken(t, 'address-hoarder');
      const responses = await Promise.all(Array.from({ length: 25 }, () => t.api().post(`${API}/addresses`).set(bearer(token)).send(ADDRESS)));
      expect(responses.filter((response) => response.status === 201)).toHaveLength(20);
      const refused = responses.filter((response) => response.status === 409);
      expect(refused).toHaveLength(5);
      expectApiError(refused[0].body, 'ADDRESS_LIMIT_REACHED');
      expect(await list(token)).toHaveLength(20);
      expect(await defaults(token)).toHaveLength(1);
    });

    it('validates every field and hides other members’ addresses', async () => {
      const token = await memberToken(t, 'address-eve');
      for (const patch of [
        { phone: '12345' },
        { phone: 13800001111 },
        { regionCode: '33010' },
        { regionCode: 'abcdef' },
        { recipientName: '   ' },
        { recipientName: '名'.repeat(21) },
        { detail: 'x'.repeat(121) },
        { detail: 'x'.repeat(100_000) },
        { isDefault: 'true' },
        { memberId: 1 },
      ]) {
        const response = await t.api().post(`${API}/addresses`).set(bearer(token)).send({ ...ADDRESS, ...patch }).expect(400);
        expectApiError(response.body, 'VALIDATION_FAILED');
      }
      const { provinceName: _omitted, ...withoutProvince } = ADDRESS;
      expectApiError((await t.api().post(`${API}/addresses`).set(bearer(token)).send(withoutProvince).expect(400)).body, 'VALIDATION_FAILED');

      const owner = await memberToken(t, 'address-owner');
      const id = await shop.address(owner);
      expectApiError((await t.api().put(`${API}/addresses/${id}`).set(bearer(token)).send(ADDRESS).expect(404)).body, 'ADDRESS_NOT_FOUND');
      expectApiError((await t.api().delete(`${API}/addresses/${id}`).set(bearer(token)).expect(404)).body, 'ADDRESS_NOT_FOUND');
      expectApiError((await t.api().post(`${API}/addresses/${id}/default`).set(bearer(token)).expect(404)).body, 'ADDRESS_NOT_FOUND');
      expect(await list(token)).toEqual([]);
      expect(await list(owner)).toHaveLength(1);
      for (const path of ['abc', '0', '-1', '99999999999']) {
        expectApiError((await t.api().put(`${API}/addresses/${path}`).set(bearer(token)).send(ADDRESS).expect(400)).body, 'VALIDATION_FAILED');
        expectApiError((await t.api().delete(`${API}/addresses/${path}`).set(bearer(token)).expect(400)).body, 'VALIDATION_FAILED');
        expectApiError((await t.api().post(`${API}/addresses/${path}/default`).set(bearer(token)).expect(400)).body, 'VALIDATION_FAILED');
      }
      expectApiError((await t.api().put(`${API}/addresses/987654`).set(bearer(token)).send(ADDRESS).expect(404)).body, 'ADDRESS_NOT_FOUND');
      expectApiError((await t.api().get(`${API}/addresses`).expect(401)).body, 'UNAUTHORIZED');
    });
  });

  describe('shop settings', () => {
    it('starts from the defaults; owner and operator change them, other roles may not', async () => {
      const [owner, operator, service, warehouse] = await Promise.all(['owner', 'operator', 'service', 'warehouse'].map((name) => staffToken(t, name)));
      const initial = await t.api().get(`${API}/admin/settings/shop`).set(bearer(owner)).expect(200);
      expect(initial.body).toEqual({ shippingFeeFen: 800, freeShippingThresholdFen: 9900, unpaidTimeoutMinutes: 30, autoConfirmDays: 10 });
      const settings = { shippingFeeFen: 1000, freeShippingThresholdFen: null, unpaidTimeoutMinutes: 15, autoConfirmDays: 7 };
      expect((await t.api().put(`${API}/admin/settings/shop`).set(bearer(operator)).send(settings).expect(200)).body).toEqual(settings);
      expect((await t.api().get(`${API}/admin/settings/shop`).set(bearer(owner)).expect(200)).body).toEqual(settings);
      for (const token of [service, warehouse]) {
        expectApiError((await t.api().put(`${API}/admin/settings/shop`).set(bearer(token)).send(settings).expect(403)).body, 'FORBIDDEN');
      }
      for (const patch of [{ shippingFeeFen: -1 }, { shippingFeeFen: 8.5 }, { unpaidTimeoutMinutes: 0 }, { autoConfirmDays: 31 }, { freeShippingThresholdFen: '99' }, { extra: true }]) {
        expectApiError((await t.api().put(`${API}/admin/settings/shop`).set(bearer(owner)).send({ ...settings, ...patch }).expect(400)).body, 'VALIDATION_FAILED');
      }
      await t.api().put(`${API}/admin/settings/shop`).set(bearer(owner)).send(initial.body).expect(200);
    });
  });
});
