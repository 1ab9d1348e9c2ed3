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
});
