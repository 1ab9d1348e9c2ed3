import type { AdminProductDetail, LiveSession, OrderDetail } from '../../shared';
import { LivePriceTakeRow } from '../../server/src/live/live-price-take.entity';
import { OrderRow } from '../../server/src/orders/order.entity';
import { LiveSessionPriceRow } from '../../server/src/live/live-session-price.entity';
import { LiveSessionRow } from '../../server/src/live/live-session.entity';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

const HOUR_MS = 3600_000;

/** 直播专享价: the price only while the session is live, and its quota taken by conditional arithmetic. */
describe(`live price and its quota (${TEST_DB})`, () => {
  let t: TestApp;
  let operator: string;
  let shop: ShopFixtures;
  let people = 0;
  let orders = 0;

  beforeAll(async () => {
    t = await startTestApp();
    operator = await staffToken(t, 'operator');
    shop = new ShopFixtures(t);
    await shop.init();
  });
  afterAll(() => t.close());

  const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

  async function shoppers(n: number) {
    return Promise.all(
      Array.from({ length: n }, async () => {
        const token = await memberToken(t, `live-buyer-${++people}`);
        return { token, addressId: await shop.address(token) };
      }),
    );
  }

  /** A ¥99 product with a Channels session tomorrow selling it at ¥59 with `unitQuota` units. */
  async function sessionFor(unitQuota: number, stock = 100): Promise<{ product: AdminProductDetail; skuId: number; session: LiveSession }> {
    const product = await shop.product([{ priceFen: 9900, stock }]);
    const skuId = product.skus[0].id;
    const session = (
      await t.api()
        .post(`${API}/admin/live/sessions`)
        .set(bearer(operator))
        .send({
          provider: 'channels', title: '直播专场', coverUrl: null, plannedStartAt: at(24 * HOUR_MS), plannedEndAt: at(26 * HOUR_MS),
          finderUserName: 'sphLive', feedId: null, noticeId: null, roomId: null,
          productIds: [product.id], prices: [{ skuId, livePriceFen: 5900, unitQuota }], couponTemplateId: null,
        })
        .expect(201)
    ).body;
    return { product, skuId, session };
  }
  const act = (id: number, action: 'start' | 'end') => t.api().post(`${API}/admin/live/sessions/${id}/${action}`).set(bearer(operator)).expect(200);
  const previewOf = async (buyer: { token: string; addressId: number }, skuId: number, quantity = 1) =>
    (await t.api().post(`${API}/checkout/preview`).set(bearer(buyer.token)).send({ items: [{ skuId, quantity }], addressId: buyer.addressId, usePoints: false }).expect(200)).body;
  const preview = async (buyer: { token: string; addressId: number }, skuId: number, quantity = 1) => (await previewOf(buyer, skuId, quantity)).lines[0];
  /** Places the order; with `expectedPayableFen` (what the checkout page showed, as the storefront sends it) a changed price is 409 PRICE_CHANGED. */
  const place = (buyer: { token: string; addressId: number }, skuId: number, expectedPayableFen?: number) =>
    t.api().post(`${API}/orders`).set(bearer(buyer.token)).send({ clientToken: `live-${process.pid}-${++orders}`, items: [{ skuId, quantity: 1 }], addressId: buyer.addressId, usePoints: false, ...(expectedPayableFen === undefined ? {} : { expectedPayableFen }) });

  it('prices at the live price only while the session is live; after it ends the list price applies', async () => {
    const { skuId, session } = await sessionFor(0);
    const [buyer] = await shoppers(1);
    expect(await preview(buyer, skuId)).toEqual(expect.objectContaining({ unitPriceFen: 9900, priceLabel: null }));
    await act(session.id, 'start');
    expect(await preview(buyer, skuId)).toEqual(expect.objectContaining({ unitPriceFen: 5900, priceLabel: '直播价' }));
    // The page was opened during the live; the order is placed after it ended: the list price.
    await act(session.id, 'end');
    const order: OrderDetail = (await place(buyer, skuId).expect(201)).body;
    expect(order.lines[0].unitPriceFen).toBe(9900);
    const { id: orderId } = await t.dataSource.getRepository(OrderRow).findOneByOrFail({ orderNo: order.orderNo });
    expect(await t.dataSource.getRepository(LivePriceTakeRow).countBy({ orderId })).toBe(0);
  });

  it('50 buyers for 10 units at the live price: exactly 10 orders get it, the rest are refused, nothing half-written', async () => {
    const { skuId, session } = await sessionFor(10);
    await act(session.id, 'start');
    const buyers = await shoppers(50);
    // Every checkout page showed the live price.
    const shown = await Promise.all(buyers.map((buyer) => previewOf(buyer, skuId)));
    expect(shown.every((entry) => entry.lines[0].unitPriceFen === 5900)).toBe(true);
    const answers = await Promise.all(buyers.map((buyer, index) => place(buyer, skuId, shown[index].pricing.payableFen)));
    const placed = answers.filter((answer) => answer.status === 201);
    expect(placed).toHaveLength(10);
    // Priced at the live price and too late for its quota, or priced after it ran out (the price changed): 409 either way.
    for (const answer of answers.filter((entry) => entry.status !== 201)) {
      expect([answer.status, answer.body.code, answer.body.message]).toEqual([409, expect.any(String), expect.any(String)]);
      expect(['LIVE_PRICE_UNAVAILABLE', 'PRICE_CHANGED']).toContain(answer.body.code);
    }
    expect(placed.every((answer) => answer.body.lines[0].unitPriceFen === 5900)).toBe(true);
    const price = await t.dataSource.getRepository(LiveSessionPriceRow).findOneByOrFail({ sessionId: session.id, skuId });
    expect(price.unitsTaken).toBe(10);
    expect(await t.dataSource.getRepository(LivePriceTakeRow).countBy({ sessionId: session.id })).toBe(10);
    expect(await shop.stockOf(skuId)).toBe(90);

    // Sold out at the live price: the next shopper sees the list price and pays it.
    const [late] = await shoppers(1);
    expect((await preview(late, skuId)).unitPriceFen).toBe(9900);
    expect(((await place(late, skuId).expect(201)).body as OrderDetail).lines[0].unitPriceFen).toBe(9900);

    // A cancelled unpaid order gives its unit back, once.
    const first = placed[0].body as OrderDetail;
    const owner = buyers[answers.indexOf(placed[0])];
    await t.api().post(`${API}/orders/${first.orderNo}/cancel`).set(bearer(owner.token)).expect(200);
    await t.api().post(`${API}/orders/${first.orderNo}/cancel`).set(bearer(owner.token));
    expect((await t.dataSource.getRepository(LiveSessionPriceRow).findOneByOrFail({ sessionId: session.id, skuId })).unitsTaken).toBe(9);
    expect((await preview(late, skuId)).unitPriceFen).toBe(5900);
  });

  it('charges the list price when the session ends between the preview and the order', async () => {
    const { skuId, session } = await sessionFor(5);
    await act(session.id, 'start');
    const [buyer] = await shoppers(1);
    expect((await preview(buyer, skuId)).unitPriceFen).toBe(5900);
    await t.dataSource.getRepository(LiveSessionRow).update({ id: session.id }, { status: 'ended' });
    expect(((await place(buyer, skuId).expect(201)).body as OrderDetail).lines[0].unitPriceFen).toBe(9900);
  });

  it('more units than the live price has left: the whole line at the list price, and the checkout line says why', async () => {
    const { skuId, session } = await sessionFor(5);
    const [who] = await shoppers(1);
    // Not live yet: no live price to explain.
    expect((await preview(who, skuId, 6)).priceNote).toBeUndefined();
    await act(session.id, 'start');

    expect(await preview(who, skuId, 5)).toMatchObject({ unitPriceFen: 5900, priceLabel: '直播价', lineTotalFen: 29500 });
    expect((await preview(who, skuId, 5)).priceNote).toBeUndefined();
    const over = await preview(who, skuId, 6);
    expect(over).toMatchObject({ unitPriceFen: 9900, priceLabel: null, lineTotalFen: 59400, priceNote: '直播价仅剩 5 件，本行 6 件按原价计；改为 5 件及以内可享直播价' });

    // A product without a live price never carries a note, whatever the quantity.
    const plain = await shop.product([{ priceFen: 3000, stock: 50 }]);
    expect((await preview(who, plain.skus[0].id, 7)).priceNote).toBeUndefined();

    await act(session.id, 'end');
    expect((await preview(who, skuId, 6)).priceNote).toBeUndefined();
  });
});
