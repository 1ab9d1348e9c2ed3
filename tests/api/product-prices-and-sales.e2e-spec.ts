// What a product card claims: the price of what can actually be bought (起 when buyable SKUs differ, 已售罄
// when nothing is left), 已售 = the owner's 基础销量 + real sales (paid units, minus refunded ones), and the
// 热门搜索 words drawn from those sales.
import type { AdminProductDetail, AdminProductRow, OrderDetail, Paginated, ProductDetail, ProductSummary } from '../../shared';
import { ProductRow } from '../../server/src/catalog/product.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { RefundRow } from '../../server/src/payments/refund.entity';
import { RefundsService } from '../../server/src/payments/refunds.service';
import { eventually, orderStatus, payAtFake, startPayment } from './support/pay-helpers';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

describe(`product prices and sales counts (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let alice: string;
  let aliceAddress: number;
  let operator: string;
  let service: string;
  let tokenCount = 0;

  beforeAll(async () => {
    t = await startTestApp({ payNotifications: true });
    shop = new ShopFixtures(t);
    await shop.init();
    alice = await memberToken(t, 'sales-alice');
    aliceAddress = await shop.address(alice);
    operator = await staffToken(t, 'operator');
    service = await staffToken(t, 'service');
  });
  afterAll(() => t.close());

  const search = async (keyword: string, sort = 'default'): Promise<ProductSummary[]> =>
    (await t.api().get(`${API}/products?keyword=${encodeURIComponent(keyword)}&sort=${sort}&pageSize=50`).expect(200)).body.items;
  const detail = async (id: number): Promise<ProductDetail> => (await t.api().get(`${API}/products/${id}`).expect(200)).body;
  const adminRow = async (id: number, title: string): Promise<AdminProductRow> => {
    const page: Paginated<AdminProductRow> = (
      await t.api().get(`${API}/admin/products?keyword=${encodeURIComponent(title)}`).set(bearer(operator)).expect(200)
    ).body;
    return page.items.find((row) => row.id === id)!;
  };
  const placeAndPay = async (skuId: number, quantity: number): Promise<OrderDetail> => {
    const body = { clientToken: `sales-${Date.now().toString(36)}-${++tokenCount}`, items: [{ skuId, quantity }], addressId: aliceAddress };
    const placed: OrderDetail = (await t.api().post(`${API}/orders`).set(bearer(alice)).send(body).expect(201)).body;
    await payAtFake(t, (await startPayment(t, alice, placed.orderNo)).prepayId);
    return eventually(() => orderStatus(t, alice, placed.orderNo), (order) => order.status === 'paid');
  };

  describe('headline price', () => {
    it('is the cheapest SKU in stock, with 起 when the SKUs in stock differ, on the list, search and detail', async () => {
      const product = await shop.product([{ priceFen: 8790, stock: 0 }, { priceFen: 11790, stock: 5 }, { priceFen: 15790, stock: 2 }], {
        title: '价测岩茶',
      });
      const [card] = await search('价测岩茶');
      expect(card).toEqual(expect.objectContaining({ id: product.id, minPriceFen: 11790, priceVaries: true, inStock: true }));
      expect(await detail(product.id)).toEqual(expect.objectContaining({ minPriceFen: 11790, priceVaries: true, inStock: true }));
      const categoryList = (await t.api().get(`${API}/products?categoryId=${product.categoryId}&pageSize=100`).expect(200)).body.items;
      expect(categoryList.find((item: ProductSummary) => item.id === product.id)).toEqual(expect.objectContaining({ minPriceFen: 11790 }));

      // Buying the last 15790 leaves one buyable price: no 起. Buying out 11790 moves the headline to 15790.
      await placeAndPay(product.skus[2].id, 2);
      expect((await search('价测岩茶'))[0]).toEqual(expect.objectContaining({ minPriceFen: 11790, priceVaries: false }));
      await placeAndPay(product.skus[1].id, 5);
      expect((await search('价测岩茶'))[0]).toEqual(expect.objectContaining({ minPriceFen: 8790, priceVaries: false, inStock: false }));
    });

    it('a product with nothing left is 已售罄 (inStock false) and cannot be added to the cart', async () => {
      const product = await shop.product([{ priceFen: 5900, stock: 0 }, { priceFen: 4900, stock: 0 }], { title: '价测售罄' });
      expect((await search('价测售罄'))[0]).toEqual(expect.objectContaining({ minPriceFen: 4900, priceVaries: false, inStock: false }));
      const refused = await t.api().post(`${API}/cart/items`).set(bearer(alice)).send({ skuId: product.skus[1].id, quantity: 1 }).expect(409);
      expectApiError(refused.body, 'OUT_OF_STOCK');
    });

    it('price sorts order by the price the cards show', async () => {
      // Cheapest SKU sold out: it sorts by its ¥50.00 SKU, after the ¥30.00 product.
      const soldOutCheap = await shop.product([{ priceFen: 500, stock: 0 }, { priceFen: 5000, stock: 1 }], { title: '价排甲' });
      const plain = await shop.product([{ priceFen: 3000, stock: 1 }], { title: '价排乙' });
      const ids = async (sort: string) => (await search('价排', sort)).map((item) => item.id);
      expect(await ids('price_asc')).toEqual([plain.id, soldOutCheap.id]);
      expect(await ids('price_desc')).toEqual([soldOutCheap.id, plain.id]);
    });
  });

  describe('sales counts', () => {
    it('基础销量 is saved apart from real sales; paying adds the units, a refund takes them back, once', async () => {
      const product: AdminProductDetail = await shop.product([{ priceFen: 2000, stock: 20 }], { title: '销测乌龙', baseSalesCount: 100 });
      expect([product.baseSalesCount, product.salesCount]).toEqual([100, 0]);
      expect((await search('销测乌龙'))[0].salesCount).toBe(100);

      const order = await placeAndPay(product.skus[0].id, 3);
      expect(await adminRow(product.id, '销测乌龙')).toEqual(expect.objectContaining({ salesCount: 3, baseSalesCount: 100 }));
      expect((await search('销测乌龙'))[0].salesCount).toBe(103);
      expect((await detail(product.id)).salesCount).toBe(103);

      // Refund only, approved by customer service; WeChat Pay (the fake) settles it with REFUND.SUCCESS.
      const applied = await t.api().post(`${API}/orders/${order.orderNo}/after-sales`).set(bearer(alice)).send({ type: 'refund_only', reason: '不想要了' }).expect(201);
      await t.api().post(`${API}/admin/after-sales/${applied.body.afterSale.id}/approve`).set(bearer(service)).send({}).expect(200);
      await eventually(() => orderStatus(t, alice, order.orderNo), (o) => o.status === 'refunded');
      expect(await adminRow(product.id, '销测乌龙')).toEqual(expect.objectContaining({ salesCount: 0, baseSalesCount: 100 }));

      // The same REFUND.SUCCESS again, six times at once (WeChat retries), changes nothing.
      const orderId = (await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: order.orderNo })).id;
      const refund = await t.dataSource.getRepository(RefundRow).findOneByOrFail({ orderId });
      const notice = {
        mchid: t.config.wechatPay.mchid,
        transaction_id: 'repeat',
        out_trade_no: order.orderNo,
        refund_id: refund.wechatRefundId ?? 'repeat',
        out_refund_no: refund.outRefundNo,
        refund_status: 'SUCCESS' as const,
        success_time: new Date().toISOString(),
        user_received_account: '支付用户零钱',
        amount: { total: refund.paymentTotalFen, refund: refund.amountFen, payer_total: refund.paymentTotalFen, payer_refund: refund.amountFen },
      };
      await Promise.all(Array.from({ length: 6 }, () => t.app.get(RefundsService).applyRefundNotice(notice)));
      expect((await t.dataSource.getRepository(ProductRow).findOneByOrFail({ id: product.id })).salesCount).toBe(0);
      expect((await search('销测乌龙'))[0].salesCount).toBe(100);
    });

    it('staff change 基础销量 in the editor; it never touches real sales, and must be a whole number ≥ 0', async () => {
      const product = await shop.product([{ priceFen: 1500, stock: 10 }], { title: '销测红茶' });
      await placeAndPay(product.skus[0].id, 2);
      const { id, createdAt: _c, updatedAt: _u, salesCount: _s, ...body } = await (
        await t.api().get(`${API}/admin/products/${product.id}`).set(bearer(operator)).expect(200)
      ).body;
      const saved: AdminProductDetail = (
        await t.api().put(`${API}/admin/products/${id}`).set(bearer(operator)).send({ ...body, baseSalesCount: 500 }).expect(200)
      ).body;
      expect([saved.baseSalesCount, saved.salesCount]).toEqual([500, 2]);
      // A save without the field keeps it.
      const { baseSalesCount: _b, ...withoutBase } = body;
      expect((await t.api().put(`${API}/admin/products/${id}`).set(bearer(operator)).send(withoutBase).expect(200)).body.baseSalesCount).toBe(500);
      for (const bad of [-1, 1.5, '10']) {
        const refused = await t.api().put(`${API}/admin/products/${id}`).set(bearer(operator)).send({ ...body, baseSalesCount: bad }).expect(400);
        expectApiError(refused.body, 'VALIDATION_FAILED');
      }
      expect((await search('销测红茶'))[0].salesCount).toBe(502);
    });
  });

  describe('hot words', () => {
    it('are the tags sold most among products that can be bought', async () => {
      await shop.product([{ priceFen: 1000, stock: 5 }], { title: '热词甲', tags: ['热测高'], baseSalesCount: 9_000_000 });
      await shop.product([{ priceFen: 1000, stock: 5 }], { title: '热词乙', tags: ['热测高', '热测次'], baseSalesCount: 8_000_000 });
      // Sold out: its tag is no search worth suggesting, however much it sold.
      await shop.product([{ priceFen: 1000, stock: 0 }], { title: '热词丙', tags: ['热测空'], baseSalesCount: 9_999_999 });
      const { words } = (await t.api().get(`${API}/catalog/hot-words`).expect(200)).body;
      expect(words.slice(0, 2)).toEqual(['热测高', '热测次']);
      expect(words).not.toContain('热测空');
      expect(words.length).toBeLessThanOrEqual(8);
      // Each word finds products.
      expect((await search(words[0])).length).toBeGreaterThan(0);
    });
  });
});
