import type { CheckoutLine, LiveFeaturedProduct } from '../../shared';
import { LiveSessionFixtures } from './support/live-shop-fixtures';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/** What the storefront shows of live prices agrees with what checkout charges; the edges testers found. */
describe(`live hardening (${TEST_DB})`, () => {
  let t: TestApp;
  let operator: string;
  let shop: ShopFixtures;
  let live: LiveSessionFixtures;
  let people = 0;

  beforeAll(async () => {
    t = await startTestApp();
    operator = await staffToken(t, 'operator');
    shop = new ShopFixtures(t);
    await shop.init();
    live = new LiveSessionFixtures(t, operator);
  });
  afterAll(() => t.close());

  const featuredOf = async (productId: number): Promise<LiveFeaturedProduct | undefined> =>
    ((await t.api().get(`${API}/live/featured`).expect(200)).body as LiveFeaturedProduct[]).find((entry) => entry.productId === productId);
  async function buyer() {
    const token = await memberToken(t, `live-hardening-${++people}`);
    return { token, addressId: await shop.address(token) };
  }
  const previewLine = async (who: { token: string; addressId: number }, skuId: number, quantity = 1): Promise<CheckoutLine> =>
    (await t.api().post(`${API}/checkout/preview`).set(bearer(who.token)).send({ items: [{ skuId, quantity }], addressId: who.addressId, usePoints: false }).expect(200)).body.lines[0];

  it('two live sessions pricing the same SKU: the badge, the SKU prices and checkout all take the cheaper offer with units left', async () => {
    const product = await shop.product([{ priceFen: 9900, stock: 50 }, { priceFen: 6000, stock: 50 }]);
    const [big, small] = product.skus.map((sku) => sku.id);
    const first = await live.create({ productIds: [product.id], prices: [{ skuId: big, livePriceFen: 4500, unitQuota: 1 }] });
    const second = await live.create({ productIds: [product.id], startsInMs: 3600_000, prices: [{ skuId: big, livePriceFen: 5000, unitQuota: 0 }, { skuId: small, livePriceFen: 5500, unitQuota: 0 }] });
    expect((await featuredOf(product.id))?.skuLivePrices).toEqual([]);
    await live.act(first.id, 'start');
    await live.act(second.id, 'start');

    const who = await buyer();
    expect(await featuredOf(product.id)).toEqual({
      productId: product.id,
      sessionId: first.id,
      status: 'live',
      livePriceFen: 4500,
      skuLivePrices: [{ skuId: big, livePriceFen: 4500 }, { skuId: small, livePriceFen: 5500 }],
    });
    expect(await previewLine(who, big)).toMatchObject({ unitPriceFen: 4500, priceLabel: '直播价' });
    expect(await previewLine(who, small)).toMatchObject({ unitPriceFen: 5500, priceLabel: '直播价' });

    // The first session's single unit sold: both the storefront and checkout move to the second session's price.
    await t.api().post(`${API}/orders`).set(bearer(who.token)).send({ clientToken: `hardening-${process.pid}-1`, items: [{ skuId: big, quantity: 1 }], addressId: who.addressId, usePoints: false }).expect(201);
    expect(await featuredOf(product.id)).toMatchObject({
      sessionId: second.id,
      livePriceFen: 5000,
      skuLivePrices: [{ skuId: big, livePriceFen: 5000 }, { skuId: small, livePriceFen: 5500 }],
    });
    expect(await previewLine(who, big)).toMatchObject({ unitPriceFen: 5000, priceLabel: '直播价' });
    const page = (await t.api().get(`${API}/live/sessions/${first.id}`).expect(200)).body;
    expect(page.products[0].livePriceFen).toBe(5000);

    await live.act(first.id, 'end');
    await live.act(second.id, 'end');
    expect(await featuredOf(product.id)).toBeUndefined();
  });

  it('more units than the live price has left: the whole line at the list price, and the checkout line says why', async () => {
    const product = await shop.product([{ priceFen: 9900, stock: 50 }]);
    const skuId = product.skus[0].id;
    const session = await live.create({ productIds: [product.id], prices: [{ skuId, livePriceFen: 5900, unitQuota: 5 }] });
    const who = await buyer();
    // Not live yet: no live price to explain.
    expect((await previewLine(who, skuId, 6)).priceNote).toBeUndefined();
    await live.act(session.id, 'start');

    expect(await previewLine(who, skuId, 5)).toMatchObject({ unitPriceFen: 5900, priceLabel: '直播价', lineTotalFen: 29500 });
    expect((await previewLine(who, skuId, 5)).priceNote).toBeUndefined();
    const over = await previewLine(who, skuId, 6);
    expect(over).toMatchObject({ unitPriceFen: 9900, priceLabel: null, lineTotalFen: 59400, priceNote: '直播价仅剩 5 件，本行 6 件按原价计；改为 5 件及以内可享直播价' });

    // A product without a live price never carries a note, whatever the quantity.
    const plain = await shop.product([{ priceFen: 3000, stock: 50 }]);
    expect((await previewLine(who, plain.skus[0].id, 7)).priceNote).toBeUndefined();

    await live.act(session.id, 'end');
    expect((await previewLine(who, skuId, 6)).priceNote).toBeUndefined();
  });
});
